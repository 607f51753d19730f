"""Forms of the follow-up: the filters of the follow-up page and exports, and the forms of a commitment's page
(the correction of the record itself is enlace.meetings.forms.CommitmentCorrectionForm)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from enlace import permissions
from enlace.core.forms import DocumentForm
from enlace.core.inputs import DateField
from enlace.directory.models import Organization
from enlace.followup.evidence import validate_evidence_file, validate_evidence_url
from enlace.followup.models import NOTE_MAX_LENGTH
from enlace.followup.selectors import FollowupFilters
from enlace.meetings.forms import DateInput
from enlace.meetings.models import CommitmentStatus, Meeting

STATUS_FILTERS = [
    ("", _("Any status")),
    ("active", _("Open or in progress")),
    ("overdue", _("Overdue")),
    ("due_soon", _("Due in the next 30 days")),
    *CommitmentStatus.choices,
]


class FollowupFilterForm(forms.Form):
    """Read from the query string; a bad value gives the field a message and is left out of the filters."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    organization = forms.ChoiceField(label=_("Responsible"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_FILTERS)
    meeting = forms.TypedChoiceField(label=_("Meeting"), required=False, coerce=int, empty_value=None)
    due_from = DateField(label=_("Deadline from"), required=False, widget=DateInput)
    due_to = DateField(label=_("Deadline to"), required=False, widget=DateInput)
    mine = forms.BooleanField(label=_("Only my organization"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        states, others = [], []
        for org in Organization.objects.filter(is_active=True).only(
            "code", "kind", "name_es", "name_en", "acronym_es", "acronym_en"
        ):
            (states if org.is_member_state else others).append((org.code, org.short_name))
        self.fields["organization"].choices = [
            ("", _("Anyone")),
            ("STATES", _("The member states")),
            (_("Member states"), sorted(states, key=lambda choice: choice[1])),
            (_("Organizations"), sorted(others, key=lambda choice: choice[1])),
        ]
        meetings = (
            Meeting.objects.filter(permissions.visible_q(user))
            .order_by("-start_date", "-pk")
            .values_list("pk", "title", "start_date")
        )
        self.fields["meeting"].choices = [("", _("Any meeting"))] + [
            (pk, f"{title} ({start:%Y-%m-%d})") for pk, title, start in meetings
        ]
        if not (permissions.is_member(user) and user.organization_id):
            del self.fields["mine"]

    def clean(self):
        cleaned = super().clean()
        due_from, due_to = cleaned.get("due_from"), cleaned.get("due_to")
        if due_from and due_to and due_from > due_to:
            self.add_error("due_to", _("The end of the period is before its start."))
        return cleaned

    @property
    def filters(self) -> FollowupFilters:
        """The valid filters only: an invalid field is ignored (and its message shown)."""
        if not self.is_bound:
            return FollowupFilters()
        self.is_valid()
        data = self.cleaned_data
        return FollowupFilters(
            organization=data.get("organization") or "",
            status=data.get("status") or "",
            meeting=data.get("meeting"),
            due_from=data.get("due_from"),
            due_to=data.get("due_to"),
            query=data.get("q") or "",
            mine=bool(data.get("mine")),
        )


# --- the page of one commitment ----------------------------------------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CommitmentStatus.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What was done. To mark the commitment as done, add evidence first; "
            "the secretariat may close it with a note instead."
        ),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Progress note"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class EvidenceForm(DocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_evidence_file(upload)
        return upload

    def clean_url(self):
        url = self.cleaned_data.get("url", "")
        if url:
            validate_evidence_url(url)
        return url

    def clean(self):
        cleaned = super().clean()
        has_file, has_url = bool(cleaned.get("file")), bool(cleaned.get("url"))
        if not self.errors and has_file == has_url:
            raise ValidationError(_("Add either a file or a link (not both)."))
        return cleaned
