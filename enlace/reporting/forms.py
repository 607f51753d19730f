from django import forms
from django.utils.translation import gettext_lazy as _

from enlace.core.inputs import DateField
from enlace.core.widgets import DateInput
from enlace.directory.models import Organization, OrganizationKind
from enlace.meetings.models import Commitment
from enlace.reporting.models import Cycle, Framework


class CycleForm(forms.ModelForm):
    expected = forms.ModelMultipleChoiceField(
        label=_("Expected countries"),
        queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None chosen: the states of the commitment, or every member state."),
    )

    period_start = DateField(label=_("Period from"), widget=DateInput)
    period_end = DateField(label=_("Period to"), widget=DateInput)
    opens_on = DateField(label=_("Opens on"), widget=DateInput)
    due_on = DateField(label=_("Due on"), widget=DateInput)

    class Meta:
        model = Cycle
        fields = [
            "framework",
            "title",
            "period_start",
            "period_end",
            "opens_on",
            "due_on",
            "expected",
            "commitment",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = Framework.objects.order_by("code", "-version")
        self.fields["expected"].queryset = Organization.objects.filter(
            kind=OrganizationKind.MEMBER_STATE, is_active=True
        ).order_by("name_es")
        self.fields["commitment"].queryset = Commitment.objects.select_related(
            "agreement", "meeting"
        ).order_by("-meeting__start_date", "position")
        self.fields["commitment"].label_from_instance = lambda c: (
            f"{c.meeting.start_date:%Y} {c.agreement.reference}: {c.text[:90]}"
        )
        self.fields["commitment"].help_text = _(
            "A cycle opened from a commitment closes each country's share of it when the country submits."
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=3000)


class CommentForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"))
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=3000)

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.code, f"{i.code} — {i.text[:80]}") for i in indicators]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Filled-in Excel form (.xlsx)"))


class IndicatorForm(forms.Form):
    text_es = forms.CharField(label=_("indicator (Spanish)"), max_length=500)
    text_en = forms.CharField(label=_("indicator (English)"), max_length=500)
    guidance_es = forms.CharField(
        label=_("guidance (Spanish)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    guidance_en = forms.CharField(
        label=_("guidance (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    unit = forms.CharField(label=_("unit"), max_length=60, required=False)
    source = forms.CharField(label=_("source"), max_length=300, required=False)
    required = forms.BooleanField(label=_("required"), required=False)
