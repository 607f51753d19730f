"""Meetings, agreements, commitments, notes and evidence in the back office: their texts and details can be
corrected; what ties them together (which meeting, which point), the status (changed on the follow-up page, where
a note records it) and the report imports stay read-only. Meetings are created and deleted by their pages."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from enlace.core.back_office import HistoryAdmin, ReadOnlyAdmin, back_office
from enlace.meetings.models import Agreement, Commitment, Evidence, Meeting, ProgressNote, ReportImport


class MeetingForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first day."))
        return cleaned


@admin.register(Meeting, site=back_office)
class MeetingAdmin(HistoryAdmin):
    form = MeetingForm
    list_display = ["title", "body", "start_date", "owner", "visibility"]
    list_filter = ["body", "visibility"]
    list_select_related = ["owner"]
    search_fields = ["title", "place"]
    date_hierarchy = "start_date"
    fields = [
        "title",
        "body",
        "place",
        "country",
        "start_date",
        "end_date",
        "language",
        "opening",
        "owner",
        "visibility",
        "delegations",
        "participants",
        "source_import",
        "created_by",
        "created_at",
    ]
    readonly_fields = ["source_import", "created_by", "created_at"]
    filter_horizontal = ["delegations", "participants"]


@admin.register(Agreement, site=back_office)
class AgreementAdmin(HistoryAdmin):
    list_display = ["__str__", "meeting", "position"]
    list_select_related = ["meeting", "parent"]
    search_fields = ["text", "translation"]
    fields = ["meeting", "parent", "label", "position", "text", "translation", "organizations"]
    readonly_fields = ["meeting", "parent"]
    filter_horizontal = ["organizations"]


@admin.register(Commitment, site=back_office)
class CommitmentAdmin(HistoryAdmin):
    list_display = ["__str__", "meeting", "status", "due_date"]
    list_filter = ["status"]
    list_select_related = ["meeting"]
    search_fields = ["text", "deadline_phrase"]
    fields = [
        "meeting",
        "agreement",
        "text",
        "responsible",
        "all_member_states",
        "recipient",
        "due_date",
        "deadline_phrase",
        "status",
        "secretariat_note",
        "position",
        "updated_at",
    ]
    readonly_fields = ["meeting", "agreement", "status", "updated_at"]
    filter_horizontal = ["responsible"]


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


@admin.register(ReportImport, site=back_office)
class ReportImportAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "status", "uploaded_by", "created_at"]
    list_filter = ["status"]
    list_select_related = ["uploaded_by"]
    search_fields = ["original_name"]
    fields = ["original_name", "size", "status", "uploaded_by", "created_at"]
