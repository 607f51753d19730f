"""REST endpoints of the follow-up: the commitments a caller follows, filtered as on the follow-up page, and
their status. The commitment endpoint lives here rather than in meetings because what it offers is the follow-up:
the follow-up's filters and "mine first" order on the list, and status changes as its write."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from enlace import permissions
from enlace.core.inputs import parse_int
from enlace.followup import selectors, services
from enlace.followup.models import NOTE_MAX_LENGTH
from enlace.meetings.api import CodeField
from enlace.meetings.models import Commitment, CommitmentStatus


class CommitmentSerializer(serializers.ModelSerializer):
    meeting = serializers.PrimaryKeyRelatedField(read_only=True)
    agreement = serializers.CharField(source="agreement.reference", read_only=True)
    responsible = CodeField(many=True)
    recipient = CodeField(allow_null=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "id",
            "meeting",
            "agreement",
            "text",
            "responsible",
            "all_member_states",
            "recipient",
            "due_date",
            "deadline_phrase",
            "status",
            "overdue",
            "secretariat_note",
            "updated_at",
        ]

    def get_overdue(self, commitment) -> bool:
        return commitment.is_overdue()


class StatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=CommitmentStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=NOTE_MAX_LENGTH)


@extend_schema(
    tags=["meetings"],
    parameters=[
        OpenApiParameter("organization", str, description="Organization code, or STATES"),
        OpenApiParameter(
            "status", str, description="open, in_progress, done, dropped, active, overdue or due_soon"
        ),
        OpenApiParameter("meeting", int),
    ],
)
class CommitmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Commitments the caller may see, the caller's organization's first."""

    serializer_class = CommitmentSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        params = self.request.query_params
        meeting = params.get("meeting", "")
        meeting_id = parse_int(meeting, minimum=1)
        if meeting and meeting_id is None:
            raise serializers.ValidationError({"meeting": [_("Enter a meeting number (digits 0-9).")]})
        filters = selectors.FollowupFilters(
            organization=params.get("organization", "")[:16],
            status=params.get("status", "")[:16],
            meeting=meeting_id,
        )
        return selectors.followup(self.request.user, filters)

    @extend_schema(request=StatusChangeSerializer, responses=CommitmentSerializer)
    @action(detail=True, methods=["post"])
    def status(self, request, pk=None):
        """Change the status, with a note; "done" needs evidence or a secretariat note."""
        commitment = self.get_object()
        if not permissions.can_update_commitment(request.user, commitment):
            return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
        change = StatusChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        try:
            services.commitment_update_status(
                commitment=commitment, user=request.user, **change.validated_data
            )
        except ValidationError as error:
            return Response({"detail": error.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(CommitmentSerializer(commitment).data)
