from django import forms
from django.utils.translation import gettext_lazy as _

from enlace.directory.models import MEMBER_STATES, Organization, OrganizationKind
from enlace.directory.reference import REFERENCE_CODES


class PresidencyForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    state = forms.ModelChoiceField(
        label=_("Member state"), queryset=Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE)
    )


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["code", "kind", "name_es", "name_en", "acronym_es", "acronym_en", "iso3", "is_active"]
        help_texts = {
            "code": _("ISO 3166-1 alpha-2 for a member state (CR), a short code for an organization (IOM)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.instance.code in REFERENCE_CODES:
            # Meetings, imports and roles find the reference organizations by their code.
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _(
                "The code of a reference organization of the Network cannot change."
            )

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not code.replace("_", "").isalnum():
            raise forms.ValidationError(_("Use letters and digits only."))
        if code == MEMBER_STATES:
            raise forms.ValidationError(
                _("STATES stands for the member states as a group; choose another code.")
            )
        return code

    def clean_iso3(self):
        return self.cleaned_data["iso3"].strip().upper()
