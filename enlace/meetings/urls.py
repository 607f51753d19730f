from django.urls import path

from enlace.meetings.views import commitments, followup, imports, meetings

app_name = "meetings"
urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("new/", meetings.meeting_create, name="create"),
    path("import/", imports.import_upload, name="import"),
    path("import/<int:pk>/", imports.import_review, name="import_review"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/delete/", meetings.meeting_delete, name="delete"),
    path("<int:pk>/report.<str:fmt>", meetings.meeting_report, name="report"),
    path("<int:pk>/documents/", meetings.meeting_document_add, name="document_add"),
    path("<int:pk>/commitments/new/", meetings.commitment_create, name="commitment_create"),
    path("<int:pk>/documents/<int:document_pk>/", meetings.meeting_document, name="document"),
    path("follow-up/", followup.followup, name="followup"),
    path("follow-up/export.<str:fmt>", followup.followup_export, name="followup_export"),
    path("follow-up/calendar/<str:token>.ics", followup.calendar_feed, name="calendar"),
    path("commitments/<int:pk>/", commitments.commitment_detail, name="commitment"),
    path("evidence/<int:pk>/", commitments.evidence_download, name="evidence"),
]
