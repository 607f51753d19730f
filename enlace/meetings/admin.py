"""Meetings, agreements and commitments in the back office: their texts and details can be corrected; what ties
them together (which meeting, which point) and the status (changed on the follow-up page, where a note records it)
stay read-only. Meetings are created and deleted by their pages. Notes and evidence: enlace/followup/admin.py;
report imports: enlace/imports/admin.py."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from enlace.core.back_office import HistoryAdmin, back_office
from enlace.meetings.models import Agreement, Commitment, Meeting


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
        "created_by",
        "created_at",
    ]
    readonly_fields = ["created_by", "created_at"]
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
