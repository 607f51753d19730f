"""REST endpoints of country reporting: frameworks, cycles and country reports (read by whoever may see them), and
the values of a report written with a token by the country's officers, for countries that keep their figures in
a national system. A write from a stale revision is refused with 409 and the newer answer."""

from django.core.exceptions import PermissionDenied, ValidationError
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
from enlace.meetings.api import CodeField
from enlace.reporting import selectors
from enlace.reporting.answers import Entry
from enlace.reporting.filters import SubmissionFilter
from enlace.reporting.models import Answer, Cycle, Framework, Indicator, Submission, ValidationRule
from enlace.reporting.services import submissions as services


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "code", "protocol", "pillar", "position", "text_es", "text_en", "guidance_es", "guidance_en",
            "answer_type", "unit", "choices", "disaggregations", "required", "source", "unodc_figure",
        ]  # fmt: skip


class RuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = ValidationRule
        fields = ["code", "left", "operator", "right", "importance", "message_es", "message_en"]


class FrameworkSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)
    rules = RuleSerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = [
            "id",
            "code",
            "version",
            "title_es",
            "title_en",
            "status",
            "previous",
            "indicators",
            "rules",
        ]


class CycleSerializer(serializers.ModelSerializer):
    expected = CodeField(many=True)
    commitment = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Cycle
        fields = [
            "id", "framework", "title", "period_start", "period_end", "opens_on", "due_on", "expected",
            "commitment", "published",
        ]  # fmt: skip


class AnswerSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    value = serializers.JSONField(allow_null=True)

    class Meta:
        model = Answer
        fields = ["indicator", "value", "parts", "article", "data_source", "revision", "updated_at"]


class SubmissionSerializer(serializers.ModelSerializer):
    country = CodeField(source="owner")
    answers = AnswerSerializer(many=True, read_only=True)

    class Meta:
        model = Submission
        fields = [
            "id", "cycle", "country", "status", "visibility", "first_submitted_at", "submitted_at", "validated_at",
            "answers", "updated_at",
        ]  # fmt: skip


class AnswerWriteSerializer(serializers.Serializer):
    indicator = serializers.CharField(max_length=40)
    value = serializers.JSONField(allow_null=True, required=False, default=None)
    parts = serializers.DictField(child=serializers.JSONField(allow_null=True), required=False, default=dict)
    article = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    data_source = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    revision = serializers.IntegerField(
        min_value=0, max_value=2**31 - 1, required=False, allow_null=True, default=None,
        help_text="The answer's revision you start from (0 for a new answer); a stale one is refused with 409.",
    )  # fmt: skip


class ConflictSerializer(serializers.Serializer):
    non_field_errors = serializers.ListField(child=serializers.CharField())
    newer = AnswerSerializer(
        many=True, help_text="The answers as someone else saved them since your revision."
    )


class AnswersWriteSerializer(serializers.Serializer):
    answers = AnswerWriteSerializer(many=True, max_length=500)


@extend_schema(tags=["reporting"])
class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    """Indicator frameworks, each version with its indicators and validation rules (members only)."""

    serializer_class = FrameworkSerializer
    permission_classes = [IsNetworkMember]

    def get_queryset(self):
        return selectors.frameworks_for_user(self.request.user).prefetch_related("indicators", "rules")


@extend_schema(tags=["reporting"])
class CycleViewSet(viewsets.ReadOnlyModelViewSet):
    """Reporting cycles (visitors: the published ones)."""

    serializer_class = CycleSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        return selectors.cycles_for_user(self.request.user).prefetch_related("expected")


@extend_schema(tags=["reporting"])
class SubmissionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Country reports the caller may see, with their answers: a country's own at any time, technical partners'
    once submitted, the Network's once validated, the public's once published."""

    serializer_class = SubmissionSerializer
    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend]
    filterset_class = SubmissionFilter

    def get_permissions(self):
        if self.action == "answers":
            return [IsNetworkMember()]
        return super().get_permissions()

    def get_queryset(self):
        return selectors.submissions_for_user(self.request.user).prefetch_related("answers__indicator")

    def get_object(self):
        pk = parse_int(self.kwargs["pk"], minimum=1)
        if pk is None:
            raise Http404
        return selectors.get_submission_for_user(self.request.user, pk)

    @extend_schema(
        request={"application/json": AnswersWriteSerializer},
        responses={200: SubmissionSerializer, 409: ConflictSerializer},
    )
    @action(detail=True, methods=["post"])
    def answers(self, request, pk=None, format=None):
        """Write answers (the country's officers, while the report is a draft or returned). All or nothing: 400
        with the errors by indicator, 409 with the newer answers when one changed since your revision."""
        submission = self.get_object()
        if not permissions.can_fill_submission(request.user, submission):
            raise Http404
        body = AnswersWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        indicators = {i.code: i for i in submission.cycle.framework.indicators.all()}
        entries = {
            item["indicator"]: Entry(
                value=item["value"], parts=item["parts"], article=item["article"],
                data_source=item["data_source"], revision=item["revision"],
            )
            for item in body.validated_data["answers"]
        }  # fmt: skip
        try:
            services.answers_save(
                actor=request.user, submission=submission, entries=entries, indicators=indicators
            )
        except services.SaveRefused as refused:
            if refused.errors:
                return Response({"answers": refused.errors}, status=status.HTTP_400_BAD_REQUEST)
            newer = [AnswerSerializer(conflict.current).data for conflict in refused.conflicts]
            return Response(
                {
                    api_settings.NON_FIELD_ERRORS_KEY: ["Changed by someone else since your revision."],
                    "newer": newer,
                },
                status=status.HTTP_409_CONFLICT,
            )
        except (PermissionDenied, ValidationError) as error:
            return Response(
                {api_settings.NON_FIELD_ERRORS_KEY: getattr(error, "messages", [str(error)])},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(
            SubmissionSerializer(selectors.get_submission_for_user(request.user, submission.pk)).data
        )
