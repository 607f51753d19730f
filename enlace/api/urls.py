from django.urls import include, path
from rest_framework.routers import DefaultRouter

from enlace.api import views
from enlace.meetings.api import CommitmentViewSet, MeetingViewSet

router = DefaultRouter()
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("people", views.PersonViewSet, basename="person")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("commitments", CommitmentViewSet, basename="commitment")

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="api-token"),
    path("", include(router.urls)),
]
