from django.urls import path

from enlace.meetings.views import meetings

app_name = "meetings"
urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("new/", meetings.meeting_create, name="create"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/delete/", meetings.meeting_delete, name="delete"),
    path("<int:pk>/report.<str:fmt>", meetings.meeting_report, name="report"),
    path("<int:pk>/documents/", meetings.meeting_document_add, name="document_add"),
    path("<int:pk>/commitments/new/", meetings.commitment_create, name="commitment_create"),
    path("<int:pk>/documents/<int:document_pk>/", meetings.meeting_document, name="document"),
]
