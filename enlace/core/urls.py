from django.urls import path

from enlace.core import views

app_name = "core"
urlpatterns = [
    path("modules/<slug:key>/", views.module, name="module"),
    path("history/<slug:kind>/<int:pk>/", views.history, name="history"),
    path("health", views.health, name="health"),
]
