"""Progress notes and evidence in the back office: a note's text can be corrected, never who wrote it or the status
change it records; evidence is read-only here ("done" rests on it: it is added and removed on the commitment's
page)."""

from django.contrib import admin

from enlace.core.back_office import HistoryAdmin, back_office
from enlace.followup.models import Evidence, ProgressNote


@admin.register(ProgressNote, site=back_office)
class ProgressNoteAdmin(HistoryAdmin):
    list_display = ["__str__", "commitment", "author", "created_at"]
    list_select_related = ["commitment", "author"]
    search_fields = ["text"]
    fields = ["commitment", "author", "organization", "status_from", "status_to", "text", "created_at"]
    readonly_fields = ["commitment", "author", "organization", "status_from", "status_to", "created_at"]


@admin.register(Evidence, site=back_office)
class EvidenceAdmin(HistoryAdmin):
    allow_change = False  # "done" rests on it: evidence is added and removed on the commitment's page
    list_display = ["document", "commitment", "added_by", "created_at"]
    list_select_related = ["document", "commitment", "added_by"]
    fields = ["commitment", "document", "added_by", "created_at"]
