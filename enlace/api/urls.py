from django.urls import include, path
from rest_framework.routers import DefaultRouter

from enlace.api import views
from enlace.directory.api import OrganizationViewSet, PersonViewSet
from enlace.followup.api import CommitmentViewSet
from enlace.meetings.api import MeetingViewSet
from enlace.reporting.api import CycleViewSet, FrameworkViewSet, SubmissionViewSet

# The router only: each app keeps its endpoints in its own api.py.
router = DefaultRouter()
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("people", PersonViewSet, basename="person")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("commitments", CommitmentViewSet, basename="commitment")
router.register("frameworks", FrameworkViewSet, basename="framework")
router.register("cycles", CycleViewSet, basename="cycle")
router.register("reports", SubmissionViewSet, basename="report")

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="api-token"),
    path("", include(router.urls)),
]
