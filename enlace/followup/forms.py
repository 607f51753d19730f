"""Forms of a commitment's follow-up page. The follow-up's filters are enlace.followup.filters; the correction of
the record itself is enlace.meetings.forms.CommitmentCorrectionForm."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from enlace.core.forms import DocumentForm
from enlace.followup.evidence import validate_evidence_file, validate_evidence_url
from enlace.followup.models import NOTE_MAX_LENGTH, CommitmentShare
from enlace.meetings.models import CommitmentStatus

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


class ShareChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.state.short_name


class ExpectedStatesForm(forms.Form):
    """The secretariat's choice of the states expected to report on a commitment followed per state."""

    states = ShareChoiceField(
        label=_("States expected to report"),
        queryset=CommitmentShare.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For instance, only the countries that had not sent the document yet."),
    )

    def __init__(self, commitment, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shares = CommitmentShare.objects.filter(commitment=commitment).select_related("state")
        self.fields["states"].queryset = shares.order_by("state__name_es")
        self.fields["states"].initial = [share.pk for share in shares if share.expected]
