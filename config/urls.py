from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from enlace.core.back_office import back_office
from enlace.followup import urls as followup_urls

urlpatterns = [
    path("", include("enlace.home.urls")),
    path("", include("enlace.core.urls")),
    path("accounts/", include("enlace.accounts.urls")),
    path("directory/", include("enlace.directory.urls")),
    path("meetings/import/", include("enlace.imports.urls")),
    path("meetings/", include(followup_urls.moved_urlpatterns)),
    path("meetings/", include("enlace.meetings.urls")),
    path("follow-up/", include("enlace.followup.urls")),
    path("reporting/", include("enlace.reporting.urls")),
    path("api/v1/", include("enlace.api.urls")),
    # Not /admin/, which scanners try first; the back office is for the secretariat administrator alone.
    path("back-office/", back_office.urls),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

handler400 = "enlace.core.views.bad_request"
handler403 = "enlace.core.views.permission_denied"
handler404 = "enlace.core.views.page_not_found"
handler500 = "enlace.core.views.server_error"
