from django.urls import path
from django.views.generic import RedirectView

from enlace.followup.views import commitments, followup

app_name = "followup"
urlpatterns = [
    path("", followup.followup, name="page"),
    path("export.<str:fmt>", followup.followup_export, name="export"),
    path("calendar/<str:token>.ics", followup.calendar_feed, name="calendar"),
    path("calendar/reset/", followup.calendar_reset, name="calendar_reset"),
    path("commitments/<int:pk>/", commitments.commitment_detail, name="commitment"),
    path("evidence/<int:pk>/", commitments.evidence_download, name="evidence"),
]


def _moved(name: str):
    """The follow-up lived under /meetings/ before it became its own app: old links and calendar subscriptions
    get a permanent redirect, query string kept."""
    return RedirectView.as_view(pattern_name=f"followup:{name}", permanent=True, query_string=True)


# Mounted at /meetings/ in config/urls.py, before the meetings' own addresses.
moved_urlpatterns = [
    path("follow-up/", _moved("page")),
    path("follow-up/export.<str:fmt>", _moved("export")),
    path("follow-up/calendar/<str:token>.ics", _moved("calendar")),
    path("commitments/<int:pk>/", _moved("commitment")),
    path("evidence/<int:pk>/", _moved("evidence")),
]
