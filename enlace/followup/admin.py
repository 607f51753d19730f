"""Progress notes, evidence, shares and calendar addresses in the back office: a note's text can be corrected, never who wrote it or the status
change it records; evidence is read-only here ("done" rests on it: it is added and removed on the commitment's
page)."""

from django.contrib import admin

from enlace.core.back_office import HistoryAdmin, back_office
from enlace.followup.models import CalendarFeed, CommitmentShare, Evidence, ProgressNote


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


@admin.register(CommitmentShare, site=back_office)
class CommitmentShareAdmin(HistoryAdmin):
    """A state's share: its status is reported on the commitment's page (with evidence); here the secretariat
    can only set a share aside or bring it back."""

    list_display = ["commitment", "state", "expected", "status", "updated_at"]
    list_select_related = ["commitment", "state"]
    list_filter = ["expected", "status"]
    fields = ["commitment", "state", "expected", "status", "updated_at"]
    readonly_fields = ["commitment", "state", "status", "updated_at"]


@admin.register(CalendarFeed, site=back_office)
class CalendarFeedAdmin(HistoryAdmin):
    allow_change = False  # each person resets their own address on the follow-up page
    list_display = ["user", "version"]
    list_select_related = ["user"]
    fields = ["user", "version"]
