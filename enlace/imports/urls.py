from django.urls import path

from enlace.imports import views

# Mounted at /meetings/import/: the addresses the secretariat knows did not change when imports became an app.
app_name = "imports"
urlpatterns = [
    path("", views.import_upload, name="upload"),
    path("<int:pk>/", views.import_review, name="review"),
]
