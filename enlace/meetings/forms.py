"""Forms of the meeting pages: the meeting header, and the review of a draft (points and commitments)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from enlace import permissions
from enlace.core.forms import DocumentForm
from enlace.core.inputs import DateField, model_max_length
from enlace.core.models import Visibility
from enlace.core.widgets import (
    DateInput,
    FastCheckboxInput,
    FastCheckboxSelectMultiple,
    FastSelect,
    FastTextarea,
    FastTextInput,
)
from enlace.directory.models import MEMBER_STATES, Organization, OrganizationKind
from enlace.meetings.models import Agreement, Body, Commitment, Language, Meeting


def organization_choices(*, with_states: bool = False) -> list[tuple[str, str]]:
    choices = [(MEMBER_STATES, str(_("The member states")))] if with_states else []
    organizations = sorted(
        Organization.objects.filter(is_active=True), key=lambda org: (not org.is_member_state, org.short_name)
    )
    return choices + [(org.code, org.short_name) for org in organizations]


class MeetingDocumentForm(DocumentForm):
    """A document of the meeting (agenda, presentation, list of participants)."""


class MeetingHeaderForm(forms.Form):
    body = forms.ChoiceField(label=_("Body"), choices=Body.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=model_max_length(Meeting, "title"),
        required=False,
        help_text=_("Left empty, a standard title for the body is used."),
    )
    virtual = forms.BooleanField(label=_("Held online (virtual meeting)"), required=False)
    place = forms.CharField(
        label=_("Place"),
        max_length=model_max_length(Meeting, "place"),
        required=False,
        help_text=_("Needed unless the meeting was held online."),
    )
    country = forms.ChoiceField(label=_("Host country"), required=False)
    date = DateField(label=_("Date (first day)"), widget=DateInput)
    end_date = DateField(
        label=_("Last day"),
        required=False,
        widget=DateInput,
        help_text=_("Only for meetings of several days."),
    )
    language = forms.ChoiceField(label=_("Language of the report"), choices=Language.choices)
    delegations = forms.MultipleChoiceField(
        label=_("Delegations present"), required=False, widget=forms.CheckboxSelectMultiple
    )
    participants = forms.MultipleChoiceField(
        label=_("Other participants"), required=False, widget=forms.CheckboxSelectMultiple
    )
    opening = forms.CharField(
        label=_("Opening paragraph"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"), choices=Visibility.choices, initial=Visibility.NETWORK
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        states = [
            (org.code, org.name)
            for org in Organization.objects.filter(
                kind=OrganizationKind.MEMBER_STATE, is_active=True
            ).order_by("name_es")
        ]
        others = [
            (org.code, org.acronym)
            for org in Organization.objects.filter(is_active=True)
            .exclude(kind=OrganizationKind.MEMBER_STATE)
            .order_by("code")
        ]
        self.fields["country"].choices = [("", "—"), *states]
        self.fields["delegations"].choices = states
        self.fields["participants"].choices = others

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("virtual")
            and not (cleaned.get("place") or "").strip()
            and "place" not in self.errors
        ):
            self.add_error("place", _("Give the place, or tick “Held online”."))
        start, end = cleaned.get("date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first day."))
        return cleaned


# A reference is "2" or "2.a": each part must fit the point's label column.
LABEL_MAX_LENGTH = model_max_length(Agreement, "label")
REFERENCE_MAX_LENGTH = 2 * LABEL_MAX_LENGTH + 1


def clean_reference_parts(reference: str) -> str:
    parts = reference.split(".")
    if len(parts) > 2 or not all(part.strip() for part in parts):
        raise forms.ValidationError(_("Write the point as 2 or 2.a."))
    if any(len(part.strip()) > LABEL_MAX_LENGTH for part in parts):
        raise forms.ValidationError(
            _("A point number or letter has at most %(max)d characters.") % {"max": LABEL_MAX_LENGTH}
        )
    return ".".join(part.strip() for part in parts)


class AgreementRowForm(forms.Form):
    reference = forms.CharField(widget=FastTextInput, label=_("Point"), max_length=REFERENCE_MAX_LENGTH)
    text = forms.CharField(label=_("Text"), widget=FastTextarea(attrs={"rows": 3}))
    organizations = forms.MultipleChoiceField(
        label=_("Organizations named"), required=False, widget=FastCheckboxSelectMultiple
    )

    def __init__(self, *args, org_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizations"].choices = org_choices

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().rstrip(".)").replace(")", ".")
        return clean_reference_parts(reference)


class CommitmentRowForm(forms.Form):
    agreement = forms.CharField(label=_("Point"), max_length=REFERENCE_MAX_LENGTH, widget=FastTextInput)
    text = forms.CharField(label=_("What is to be done"), widget=FastTextarea(attrs={"rows": 2}))
    responsible = forms.MultipleChoiceField(label=_("Responsible"), widget=FastCheckboxSelectMultiple)
    recipient = forms.ChoiceField(label=_("Recipient"), required=False, widget=FastSelect)
    due = DateField(label=_("Deadline"), required=False, widget=DateInput)
    deadline_phrase = forms.CharField(
        label=_("Deadline as written"),
        max_length=model_max_length(Commitment, "deadline_phrase"),
        required=False,
        widget=FastTextInput,
    )

    def __init__(self, *args, org_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].choices = org_choices
        self.fields["recipient"].choices = [("", "—"), *[c for c in org_choices if c[0] != MEMBER_STATES]]


class BaseRowFormSet(forms.BaseFormSet):
    def __init__(self, *args, org_choices=(), **kwargs):
        self.org_choices = org_choices
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"org_choices": self.org_choices}

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget = FastCheckboxInput()

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            org_choices=self.org_choices,
            empty_permitted=True,
            use_required_attribute=False,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form


AgreementFormSet = forms.formset_factory(
    AgreementRowForm, formset=BaseRowFormSet, extra=1, can_delete=True, max_num=2000, validate_max=True
)
CommitmentFormSet = forms.formset_factory(
    CommitmentRowForm, formset=BaseRowFormSet, extra=1, can_delete=True, max_num=5000, validate_max=True
)


class MeetingEditForm(MeetingHeaderForm):
    """The header of a recorded meeting, and a translation of each point into the Network's other language."""

    title_translation = forms.CharField(
        label=_("Title in the other language"),
        max_length=model_max_length(Meeting, "title_translation"),
        required=False,
        help_text=_("For the report in the Network's other language; left empty, a standard title is used."),
    )
    field_order = ["body", "title", "title_translation"]

    def __init__(self, *args, meeting, user, **kwargs):
        self.meeting = meeting
        initial = {
            "body": meeting.body,
            "title": meeting.title,
            "title_translation": meeting.title_translation,
            "virtual": meeting.virtual,
            "place": meeting.place,
            "country": meeting.country.code if meeting.country else "",
            "date": meeting.start_date,
            "end_date": meeting.end_date,
            "language": meeting.language,
            "opening": meeting.opening,
            "visibility": meeting.visibility,
            "delegations": [org.code for org in meeting.delegations.all()],
            "participants": [org.code for org in meeting.participants.all()],
        }
        super().__init__(*args, initial=initial, **kwargs)
        if not permissions.can_publish(user, meeting):
            self.fields["visibility"].choices = [
                c for c in Visibility.choices if c[0] in permissions.allowed_visibilities(user, meeting)
            ]
        self.agreements = list(meeting.agreements.select_related("parent").order_by("position"))
        for agreement in self.agreements:
            self.fields[f"text_{agreement.pk}"] = forms.CharField(
                label=_("Point %(ref)s") % {"ref": agreement.reference},
                initial=agreement.text,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"translation_{agreement.pk}"] = forms.CharField(
                label=_("Translation of point %(ref)s") % {"ref": agreement.reference},
                required=False,
                initial=agreement.translation,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def meeting_data(self) -> dict:
        data = self.cleaned_data
        by_code = {org.code: org for org in Organization.objects.filter(code=data["country"])}
        return {
            "body": data["body"],
            "title": data["title"] or self.meeting.title,
            "title_translation": data["title_translation"],
            "virtual": data["virtual"],
            "place": data["place"],
            "country": by_code.get(data["country"]),
            "start_date": data["date"],
            "end_date": data["end_date"],
            "language": data["language"],
            "opening": data["opening"],
            "visibility": data["visibility"],
        }

    def clean_delegations(self):
        return list(Organization.objects.filter(code__in=self.cleaned_data["delegations"]))

    def clean_participants(self):
        return list(Organization.objects.filter(code__in=self.cleaned_data["participants"]))

    def point_texts(self) -> dict[int, tuple[str, str]]:
        """Each point's text and translation, by the point's id."""
        return {
            a.pk: (
                self.cleaned_data[f"text_{a.pk}"].strip(),
                self.cleaned_data.get(f"translation_{a.pk}", "").strip(),
            )
            for a in self.agreements
        }


# --- a commitment as recorded -------------------------------------------------------------------------------


class CommitmentCorrectionForm(forms.Form):
    """The secretariat corrects what was recorded: text, responsible, recipient, deadline."""

    text = forms.CharField(label=_("What is to be done"), widget=forms.Textarea(attrs={"rows": 3}))
    responsible = forms.ModelMultipleChoiceField(
        label=_("Responsible"),
        required=False,
        queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    all_member_states = forms.BooleanField(label=_("The member states (all of them)"), required=False)
    recipient = forms.ModelChoiceField(
        label=_("Recipient"), required=False, queryset=Organization.objects.none()
    )
    due_date = DateField(label=_("Deadline"), required=False, widget=DateInput)
    deadline_phrase = forms.CharField(
        label=_("Deadline as written"),
        required=False,
        max_length=model_max_length(Commitment, "deadline_phrase"),
        help_text=_('The words of the report, e.g. "within two months".'),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organizations = Organization.objects.filter(is_active=True)
        self.fields["responsible"].queryset = organizations
        self.fields["responsible"].label_from_instance = lambda org: org.short_name
        self.fields["recipient"].queryset = organizations
        self.fields["recipient"].label_from_instance = lambda org: org.short_name

    @classmethod
    def for_commitment(cls, commitment, data=None):
        return cls(
            data,
            prefix="correct",
            initial={
                "text": commitment.text,
                "responsible": list(commitment.responsible.all()),
                "all_member_states": commitment.all_member_states,
                "recipient": commitment.recipient,
                "due_date": commitment.due_date,
                "deadline_phrase": commitment.deadline_phrase,
            },
        )


class CommitmentCreateForm(CommitmentCorrectionForm):
    """A commitment the report did not spell out, added by the secretariat under one of the meeting's points."""

    agreement = forms.ModelChoiceField(label=_("Point"), queryset=None)

    field_order = [
        "agreement",
        "text",
        "responsible",
        "all_member_states",
        "recipient",
        "due_date",
        "deadline_phrase",
    ]

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = meeting.agreements.select_related("parent").order_by("position")
        self.fields["agreement"].label_from_instance = lambda agreement: (
            f"{agreement.reference}. {agreement.text[:90]}"
        )
        self.order_fields(self.field_order)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("responsible") and not cleaned.get("all_member_states"):
            raise ValidationError(_("Name who is responsible: an organization, or the member states."))
        return cleaned
