from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.utils.translation import gettext_lazy as _

from enlace.accounts.models import ReminderEmails, Role
from enlace.core.inputs import model_max_length
from enlace.directory.models import Organization, OrganizationKind

User = get_user_model()

# Which kinds of organization each role belongs to: a liaison officer represents a member state, etc.
ROLE_ORGANIZATION_KINDS = {
    Role.LIAISON_OFFICER: {OrganizationKind.MEMBER_STATE},
    Role.SECRETARIAT: {OrganizationKind.SECRETARIAT},
    Role.SECRETARIAT_ADMIN: {OrganizationKind.SECRETARIAT},
    Role.TECHNICAL_PARTNER: {
        OrganizationKind.TECHNICAL_PARTNER,
        OrganizationKind.REGIONAL_PARTNER,
        OrganizationKind.COOPERATION_PARTNER,
    },
    Role.CIVIL_SOCIETY: {OrganizationKind.CIVIL_SOCIETY, OrganizationKind.PARTNER_NETWORK},
}


class RoleOrganizationMixin:
    def clean(self):
        cleaned = super().clean()
        role, organization = cleaned.get("role"), cleaned.get("organization")
        if role and organization and organization.kind not in ROLE_ORGANIZATION_KINDS[role]:
            kinds = ", ".join(str(OrganizationKind(k).label) for k in ROLE_ORGANIZATION_KINDS[role])
            self.add_error(
                "organization",
                _("This role needs an organization of one of these kinds: %(kinds)s.") % {"kinds": kinds},
            )
        return cleaned


class InviteForm(RoleOrganizationMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=model_max_length(User, "first_name"))
    last_name = forms.CharField(label=_("Last name"), max_length=model_max_length(User, "last_name"))
    email = forms.EmailField(label=_("E-mail address"), max_length=model_max_length(User, "email"))
    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.filter(is_active=True)
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    position = forms.CharField(
        label=_("Position"), max_length=model_max_length(User, "position"), required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=[("es", "Español"), ("en", "English")]
    )

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Someone with this e-mail address already has an account."))
        return email


class RoleForm(RoleOrganizationMixin, forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.filter(is_active=True)
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=model_max_length(User, "first_name"))
    last_name = forms.CharField(label=_("Last name"), max_length=model_max_length(User, "last_name"))
    position = forms.CharField(
        label=_("Position"), max_length=model_max_length(User, "position"), required=False
    )
    phone = forms.CharField(label=_("Phone"), max_length=model_max_length(User, "phone"), required=False)
    language = forms.ChoiceField(label=_("Language"), choices=[("es", "Español"), ("en", "English")])
    reminder_emails = forms.ChoiceField(
        label=_("Deadline reminders"),
        choices=ReminderEmails.choices,
        help_text=_(
            "The deadlines of your organization's commitments, in one e-mail a day when any is near."
        ),
    )


def _code_field(label):
    return forms.CharField(
        label=label,
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _digits_only(value: str) -> str:
    value = value.replace(" ", "")
    if not value.isdigit():
        raise forms.ValidationError(_("The code has digits only."))
    return value


class TokenForm(forms.Form):
    token = _code_field(_("Six-digit code from your authenticator app"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].widget.attrs["autofocus"] = True

    def clean_token(self):
        return _digits_only(self.cleaned_data["token"])


class AuthenticatorSetupForm(TokenForm):
    """The code of the new authenticator; replacing a confirmed one also takes a current code from that one."""

    current_token = _code_field(_("Six-digit code from your current authenticator app"))
    token = _code_field(_("Six-digit code from the new authenticator app"))

    field_order = ["current_token", "token"]

    def __init__(self, *args, replacing: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if replacing:
            self.fields["token"].widget.attrs.pop("autofocus")
            self.fields["current_token"].widget.attrs["autofocus"] = True
        else:
            del self.fields["current_token"]
            self.fields["token"].label = TokenForm.base_fields["token"].label

    def clean_current_token(self):
        return _digits_only(self.cleaned_data["current_token"])


class LoginForm(AuthenticationForm):
    """Log in with the user name or the e-mail address."""

    username = UsernameField(
        label=_("User name or e-mail address"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    def clean(self):
        raw = (self.data.get("username") or "").strip()
        if "@" in raw:
            match = User.objects.filter(email__iexact=raw).values_list("username", flat=True).first()
            if match:
                self.cleaned_data["username"] = match
        return super().clean()
