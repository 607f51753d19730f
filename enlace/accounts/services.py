"""Writes on people: invitations, roles, activation, language and second factor."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

User = get_user_model()


def invitation_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:invite_accept", args=[uid, token])


def _username_for(email: str) -> str:
    base = email.split("@", 1)[0].lower()[:140] or "user"
    candidate, suffix = base, 1
    while User.objects.filter(username=candidate).exists():
        suffix += 1
        candidate = f"{base}{suffix}"
    return candidate


@transaction.atomic
def user_invite(
    *, invited_by, email, first_name, last_name, organization, role, language="es", position="", send=True
):
    """Creates the account without a usable password and e-mails a signed link to set one."""
    user = User(
        username=_username_for(email),
        email=email.lower(),
        first_name=first_name,
        last_name=last_name,
        organization=organization,
        role=role,
        language=language,
        position=position,
    )
    user.set_unusable_password()
    user._history_user = invited_by
    user.save()
    if send:
        transaction.on_commit(lambda: send_invitation(user=user, invited_by=invited_by))
    return user


def send_invitation(*, user, invited_by=None) -> None:
    with translation.override(user.language):
        context = {"user": user, "invited_by": invited_by, "link": invitation_link(user)}
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])


def user_update_role(*, changed_by, user, role, organization):
    user.role = role
    user.organization = organization
    user._history_user = changed_by
    user.save(update_fields=["role", "organization"])
    return user


def user_set_active(*, changed_by, user, active: bool):
    user.is_active = active
    user._history_user = changed_by
    user.save(update_fields=["is_active"])
    if not active:
        # Close every open session and API token of a deactivated person at once.
        from django.contrib.sessions.models import Session
        from rest_framework.authtoken.models import Token

        Token.objects.filter(user=user).delete()
        for session in Session.objects.all().iterator():
            if session.get_decoded().get("_auth_user_id") == str(user.pk):
                session.delete()
    return user


def user_update_profile(*, user, first_name, last_name, position, phone, language):
    user.first_name, user.last_name, user.position, user.phone = first_name, last_name, position, phone
    user.language = language
    user._history_user = user
    user.save(update_fields=["first_name", "last_name", "position", "phone", "language"])
    return user


def user_set_language(*, user, language: str):
    if user.language != language:
        user.language = language
        user._history_user = user
        user.save(update_fields=["language"])


def totp_device_start(*, user) -> TOTPDevice:
    """A fresh, unconfirmed authenticator for the person to scan; older unconfirmed ones are discarded."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Enlace", confirmed=False)


def totp_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    return True


def user_reset_second_factor(*, changed_by, user) -> int:
    """For a person who lost their phone: their authenticators are removed and they enrol a new one at the next
    log-in (administrators must). Kept in the person's history."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    user._history_user = changed_by
    user._change_reason = "Two-step verification reset"
    user.save(update_fields=["is_active"])
    return removed


def user_unlock(*, changed_by, user) -> int:
    """Lifts the log-in cool-off of a person from every address (the failures recorded against their user name).
    Kept in the person's history."""
    from axes.utils import reset

    removed = reset(username=user.get_username())
    user._history_user = changed_by
    user._change_reason = "Log-in lockout lifted"
    user.save(update_fields=["is_active"])
    return removed
