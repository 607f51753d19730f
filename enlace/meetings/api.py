"""REST endpoints of meetings and commitments; the same permission module as the pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from enlace import permissions
from enlace.core.inputs import parse_int
from enlace.meetings import selectors, services
from enlace.meetings.models import NOTE_MAX_LENGTH, Agreement, Commitment, CommitmentStatus, Meeting


class CodeField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="code", read_only=True, **kwargs)


class SubpointSerializer(serializers.ModelSerializer):
    organizations = CodeField(many=True)

    class Meta:
        model = Agreement
        fields = ["id", "label", "text", "translation", "organizations"]


class AgreementSerializer(serializers.ModelSerializer):
    organizations = CodeField(many=True)
    subpoints = SubpointSerializer(many=True, read_only=True, source="children")

    class Meta:
        model = Agreement
        fields = ["id", "label", "text", "translation", "organizations", "subpoints"]


class MeetingSerializer(serializers.ModelSerializer):
    country = CodeField(allow_null=True)
    delegations = CodeField(many=True)
    participants = CodeField(many=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "body",
            "title",
            "place",
            "country",
            "start_date",
            "end_date",
            "language",
            "visibility",
            "delegations",
            "participants",
        ]


class MeetingDetailSerializer(MeetingSerializer):
    agreements = serializers.SerializerMethodField()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "opening", "agreements"]

    @extend_schema_field(AgreementSerializer(many=True))
    def get_agreements(self, meeting) -> list[dict]:
        return AgreementSerializer(
            selectors.meeting_agreements(meeting, with_commitments=False), many=True
        ).data


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


@extend_schema(tags=["meetings"])
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings the caller may see (visitors: the published ones), with their points on the detail."""

    permission_classes = [AllowAny]

    def get_queryset(self):
        return (
            Meeting.objects.filter(permissions.visible_q(self.request.user))
            .select_related("country")
            .prefetch_related("delegations", "participants")
            .order_by("-start_date", "-pk")
        )

    def get_serializer_class(self):
        return MeetingDetailSerializer if self.action == "retrieve" else MeetingSerializer


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
