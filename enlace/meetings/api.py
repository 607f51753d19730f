"""REST endpoints of meetings; the same permission module as the pages (commitments: enlace.followup.api)."""

from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from enlace import permissions
from enlace.core.inputs import parse_int
from enlace.meetings import selectors
from enlace.meetings.filters import MeetingFilter
from enlace.meetings.models import Agreement, Meeting


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
            "title_translation",
            "place",
            "virtual",
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


@extend_schema(tags=["meetings"])
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings the caller may see (visitors: the published ones), with their points on the detail."""

    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend]
    filterset_class = MeetingFilter  # the meetings page's filters

    def get_queryset(self):
        return (
            Meeting.objects.filter(permissions.visible_q(self.request.user))
            .select_related("country")
            .prefetch_related("delegations", "participants")
            .order_by("-start_date", "-pk")
        )

    def get_object(self):
        meeting_id = parse_int(self.kwargs["pk"], minimum=1)
        if meeting_id is None:
            raise Http404
        return permissions.get_for_user(self.get_queryset(), self.request.user, pk=meeting_id)

    def get_serializer_class(self):
        return MeetingDetailSerializer if self.action == "retrieve" else MeetingSerializer
