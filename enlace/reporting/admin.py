from django.contrib import admin

from enlace.core.back_office import HistoryAdmin, back_office
from enlace.reporting.models import (
    Answer,
    Cycle,
    Framework,
    Indicator,
    IndicatorComment,
    Population,
    Submission,
    SubmissionEvidence,
    ValidationRule,
)


@admin.register(Framework, site=back_office)
class FrameworkAdmin(HistoryAdmin):
    list_display = ["code", "version", "title_en", "status"]


@admin.register(Cycle, site=back_office)
class CycleAdmin(HistoryAdmin):
    list_display = ["title", "due_on", "published"]


@admin.register(Submission, site=back_office)
class SubmissionAdmin(HistoryAdmin):
    list_display = ["cycle", "owner", "status", "visibility", "updated_at"]
    list_filter = ["status", "visibility"]
    list_select_related = ["owner", "cycle"]


@admin.register(Population, site=back_office)
class PopulationAdmin(HistoryAdmin):
    list_display = ["country", "year", "total", "source"]


@admin.register(Indicator, site=back_office)
class IndicatorAdmin(HistoryAdmin):
    list_display = ["code", "framework", "pillar", "answer_type", "required"]
    list_filter = ["pillar", "protocol"]
    search_fields = ["code", "text_es", "text_en"]


@admin.register(ValidationRule, site=back_office)
class ValidationRuleAdmin(HistoryAdmin):
    list_display = ["code", "framework", "left", "operator", "right", "importance"]


@admin.register(Answer, site=back_office)
class AnswerAdmin(HistoryAdmin):
    list_display = ["submission", "indicator", "revision", "updated_at"]
    list_select_related = ["submission__owner", "submission__cycle", "indicator"]


@admin.register(IndicatorComment, site=back_office)
class IndicatorCommentAdmin(HistoryAdmin):
    list_display = ["submission", "indicator", "kind", "resolved", "created_at"]


@admin.register(SubmissionEvidence, site=back_office)
class SubmissionEvidenceAdmin(HistoryAdmin):
    list_display = ["submission", "document", "created_at"]
