"""REST endpoints of the follow-up: the commitments a caller follows, filtered as on the follow-up page, and what
a national system reports on them with a token (status, progress notes, evidence links). The commitment endpoint
lives here rather than in meetings because what it offers is the follow-up: the follow-up's filters and "mine
first" order on the list, and the follow-up's writes."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings

from enlace import permissions
from enlace.api.permissions import IsNetworkMember
from enlace.core.inputs import parse_int
from enlace.core.models import Document
from enlace.followup import evidence as evidence_services
from enlace.followup import selectors, services
from enlace.followup.filters import CommitmentFilter
from enlace.followup.models import NOTE_MAX_LENGTH, CommitmentShare, Evidence, ProgressNote
from enlace.meetings import selectors as meeting_selectors
from enlace.meetings.api import CodeField
from enlace.meetings.models import Commitment, CommitmentStatus


class ShareSerializer(serializers.ModelSerializer):
    state = CodeField()

    class Meta:
        model = CommitmentShare
        fields = ["state", "expected", "status", "updated_at"]


class CommitmentSerializer(serializers.ModelSerializer):
    meeting = serializers.PrimaryKeyRelatedField(read_only=True)
    agreement = serializers.CharField(source="agreement.reference", read_only=True)
    responsible = CodeField(many=True)
    recipient = CodeField(allow_null=True)
    overdue = serializers.SerializerMethodField()
    shares = ShareSerializer(
        many=True,
        read_only=True,
        help_text="A commitment of several member states is followed per state: each state's share. A state's "
        "officer who changes the status, or adds a note or evidence, acts on their state's share.",
    )

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
            "shares",
            "updated_at",
        ]

    def get_overdue(self, commitment) -> bool:
        return commitment.is_overdue()


class StatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=CommitmentStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=NOTE_MAX_LENGTH)


class ProgressNoteRequestSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=NOTE_MAX_LENGTH)


class ProgressNoteSerializer(serializers.ModelSerializer):
    author = serializers.CharField(
        source="author.get_full_name", read_only=True, allow_null=True, default=None
    )
    organization = CodeField(allow_null=True)
    state = CodeField(
        source="share.state", allow_null=True, default=None, help_text="The state whose share it is."
    )
    status_from = serializers.CharField(read_only=True)
    status_to = serializers.CharField(read_only=True)

    class Meta:
        model = ProgressNote
        fields = ["id", "text", "author", "organization", "state", "status_from", "status_to", "created_at"]


class EvidenceLinkRequestSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=Document._meta.get_field("title").max_length)
    url = serializers.CharField(
        max_length=Document._meta.get_field("url").max_length, help_text="An https:// address."
    )


class EvidenceSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="document.title", read_only=True)
    url = serializers.CharField(
        source="document.url", read_only=True, help_text="The link; empty for a file added on the web."
    )

    class Meta:
        model = Evidence
        fields = ["id", "title", "url", "created_at"]


def _refused(error: ValidationError) -> Response:
    """A service's refusal, shaped like a serializer's errors of the request as a whole."""
    return Response({api_settings.NON_FIELD_ERRORS_KEY: error.messages}, status=status.HTTP_400_BAD_REQUEST)


@extend_schema(tags=["meetings"])
class CommitmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Commitments the caller may see, the caller's organization's first. A national system reports progress
    with a token: status, progress notes and evidence links, on its own organization's commitments only."""

    serializer_class = CommitmentSerializer
    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend]
    filterset_class = CommitmentFilter  # the follow-up page's filters: one parser, one set of errors

    def get_permissions(self):
        if self.action in ("status", "notes", "evidence"):
            return [IsNetworkMember()]  # no credentials: 401 with WWW-Authenticate, before any lookup
        return super().get_permissions()

    def get_queryset(self):
        return selectors.followup(self.request.user).prefetch_related("shares__state")

    def get_object(self):
        commitment_id = parse_int(self.kwargs["pk"], minimum=1)
        if commitment_id is None:
            raise Http404
        return meeting_selectors.get_commitment_for_user(self.request.user, commitment_id)

    def _commitment_to_update(self) -> Commitment:
        """The commitment, for someone who may update it; 404 for everyone else (as on the pages)."""
        commitment = self.get_object()
        if not permissions.can_update_commitment(self.request.user, commitment):
            raise Http404
        return commitment

    @extend_schema(request={"application/json": StatusChangeSerializer}, responses=CommitmentSerializer)
    @action(detail=True, methods=["post"])
    def status(self, request, pk=None, format=None):  # format: the router's .json suffix
        """Change the status, with a note; "done" needs evidence or a secretariat note."""
        commitment = self._commitment_to_update()
        change = StatusChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        try:
            services.commitment_update_status(
                commitment=commitment, actor=request.user, **change.validated_data
            )
        except ValidationError as error:
            return _refused(error)
        return Response(CommitmentSerializer(commitment).data)

    @extend_schema(
        request={"application/json": ProgressNoteRequestSerializer}, responses={201: ProgressNoteSerializer}
    )
    @action(detail=True, methods=["post"])
    def notes(self, request, pk=None, format=None):
        """Add a progress note."""
        commitment = self._commitment_to_update()
        body = ProgressNoteRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            note = services.commitment_add_note(
                commitment=commitment, actor=request.user, text=body.validated_data["text"]
            )
        except ValidationError as error:
            return _refused(error)
        return Response(ProgressNoteSerializer(note).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request={"application/json": EvidenceLinkRequestSerializer}, responses={201: EvidenceSerializer}
    )
    @action(detail=True, methods=["post"])
    def evidence(self, request, pk=None, format=None):
        """Add a link (https) as evidence; files are added on the web."""
        commitment = self._commitment_to_update()
        body = EvidenceLinkRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            added = evidence_services.commitment_add_evidence(
                commitment=commitment, actor=request.user, **body.validated_data
            )
        except ValidationError as error:
            return Response({"url": error.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(EvidenceSerializer(added).data, status=status.HTTP_201_CREATED)
