from django.contrib import admin

from enlace.core.back_office import HistoryAdmin, back_office
from enlace.reporting.models import Cycle, Framework, Population, Submission


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
