from django.urls import path

from enlace.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.organizations, name="organizations"),
    path("people/", views.people, name="people"),
    path("people/export.<str:fmt>", views.people_export, name="people_export"),
    path("people/invite/", views.person_invite, name="person_invite"),
    path("people/<int:pk>/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/active/", views.person_set_active, name="person_set_active"),
    path("people/<int:pk>/unlock/", views.person_unlock, name="person_unlock"),
    path("people/<int:pk>/invitation/", views.person_resend_invitation, name="person_resend_invitation"),
    path(
        "people/<int:pk>/second-factor/", views.person_reset_second_factor, name="person_reset_second_factor"
    ),
    path("presidency/", views.presidencies, name="presidencies"),
    path("organizations/new/", views.organization_edit, name="organization_create"),
    path("<str:code>/edit/", views.organization_edit, name="organization_edit"),
    path("<str:code>/", views.organization, name="organization"),
]
