from django import forms
from django.utils.translation import gettext_lazy as _

from enlace.directory.models import Organization, OrganizationKind


class PresidencyForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    state = forms.ModelChoiceField(
        label=_("Member state"), queryset=Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE)
    )
