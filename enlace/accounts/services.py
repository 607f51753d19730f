"""Writes on people: invitations, roles, activation, language, second factor and API tokens."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from enlace import permissions
from enlace.accounts.models import ApiToken, Role

User = get_user_model()
MANAGE_PEOPLE = gettext_lazy("Only the secretariat administrator manages people's accounts.")


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
    *, actor, email, first_name, last_name, organization, role, language="es", position="", send=True
):
    """Creates the account without a usable password and e-mails a signed link to set one."""
    permissions.require(actor, permissions.can_manage_people, MANAGE_PEOPLE, system_allowed=True)
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
    user._history_user = actor
    user.save()
    if send:
        transaction.on_commit(lambda: send_invitation(user=user, actor=actor))
    return user


def send_invitation(*, user, actor=None) -> None:
    with translation.override(user.language):
        context = {"user": user, "invited_by": actor, "link": invitation_link(user)}
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])


def _keep_an_administrator(user, *, stays_admin: bool) -> None:
    """Someone must be left to manage people: the last active administrator cannot step down or be switched
    off. The administrators' rows are locked so that two of them cannot demote each other at once."""
    if stays_admin or not (user.is_active and user.role == Role.SECRETARIAT_ADMIN):
        return
    admins = list(
        User.objects.select_for_update()
        .filter(is_active=True, role=Role.SECRETARIAT_ADMIN)
        .values_list("pk", flat=True)
    )
    if set(admins) <= {user.pk}:
        raise ValidationError(
            _(
                "%(name)s is the last active secretariat administrator: give another person that role first, "
                "so that someone can still manage people."
            )
            % {"name": user}
        )


@transaction.atomic
def user_update_role(*, actor, user, role, organization):
    permissions.require(actor, permissions.can_manage_people, MANAGE_PEOPLE)
    _keep_an_administrator(user, stays_admin=role == Role.SECRETARIAT_ADMIN)
    user.role = role
    user.organization = organization
    user._history_user = actor
    user.save(update_fields=["role", "organization"])
    return user


@transaction.atomic
def user_set_active(*, actor, user, active: bool):
    permissions.require(actor, permissions.can_manage_people, MANAGE_PEOPLE)
    _keep_an_administrator(user, stays_admin=active)
    user.is_active = active
    user._history_user = actor
    user.save(update_fields=["is_active"])
    if not active:
        # Close every open session and API token of a deactivated person at once.
        from django.contrib.sessions.models import Session

        api_tokens_revoke_all(user=user)
        for session in Session.objects.all().iterator():
            if session.get_decoded().get("_auth_user_id") == str(user.pk):
                session.delete()
    return user


def user_update_profile(*, user, first_name, last_name, position, phone, language, reminder_emails=None):
    user.first_name, user.last_name, user.position, user.phone = first_name, last_name, position, phone
    user.language = language
    if reminder_emails is not None:
        user.reminder_emails = reminder_emails
    user._history_user = user
    user.save(update_fields=["first_name", "last_name", "position", "phone", "language", "reminder_emails"])
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


def totp_device_confirm(*, device: TOTPDevice, token: str, current_token: str = "") -> None:
    """Confirms the new authenticator with a code from it. Replacing a confirmed one also needs a current code
    from that one: a session alone (or a password alone) must not be enough to take over the second factor.
    Raises ValidationError naming the field whose code failed."""
    if user_has_device(device.user, confirmed=True) and match_token(device.user, current_token or "") is None:
        raise ValidationError({"current_token": _("That code is not valid for your current authenticator.")})
    if not device.verify_token(token):
        raise ValidationError(
            {"token": _("That code is not valid. Check the time on your phone and try again.")}
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()


def user_reset_second_factor(*, actor, user) -> int:
    """For a person who lost their phone: their authenticators are removed and they enrol a new one at the next
    log-in (administrators must). Kept in the person's history."""
    permissions.require(actor, permissions.can_manage_people, MANAGE_PEOPLE)
    removed, _counts = TOTPDevice.objects.filter(user=user).delete()
    api_tokens_revoke_all(user=user)  # the lost phone may be in other hands: what it helped issue ends too
    user._history_user = actor
    user._change_reason = "Two-step verification reset"
    user.save(update_fields=["is_active"])
    return removed


def user_unlock(*, actor, user) -> int:
    """Lifts the log-in cool-off of a person from every address (the failures recorded against their user name).
    Kept in the person's history."""
    permissions.require(actor, permissions.can_manage_people, MANAGE_PEOPLE)
    from axes.utils import reset

    removed = reset(username=user.get_username())
    user._history_user = actor
    user._change_reason = "Log-in lockout lifted"
    user.save(update_fields=["is_active"])
    return removed


# --- API tokens -----------------------------------------------------------------------------------------------

LAST_USED_PRECISION_SECONDS = 60  # at most one write a minute per token for "last used"


def password_fingerprint(user) -> str:
    """Changes whenever the password does (as Django's session hash): a token issued before then no longer fits."""
    return salted_hmac("enlace.api_token", user.password, algorithm="sha256").hexdigest()


@transaction.atomic
def api_token_issue(*, user, name: str, with_second_factor: bool) -> tuple[ApiToken, str]:
    """A new token for the client `name`; the client's previous token ends (one token per client). Answers the
    record and the token itself, which is shown once and never stored."""
    # One issue at a time per person: two clients asking at once cannot race on the name or the limit.
    User.objects.select_for_update().filter(pk=user.pk).first()
    now = timezone.now()
    ApiToken.objects.filter(user=user, expiry__lt=now).delete()
    ApiToken.objects.filter(user=user, name=name).delete()
    if ApiToken.objects.filter(user=user).count() >= settings.API_TOKENS_PER_PERSON:
        raise ValidationError(
            _("You have %(count)d API tokens already: revoke one on your profile page first.")
            % {"count": settings.API_TOKENS_PER_PERSON}
        )
    return ApiToken.objects.create(
        user=user,
        name=name,
        with_second_factor=with_second_factor,
        password_fingerprint=password_fingerprint(user),
    )


def api_token_revoke(*, token: ApiToken) -> None:
    token.delete()


def api_tokens_revoke_all(*, user) -> int:
    """On a password change or reset, deactivation or a second-factor reset."""
    removed, _counts = ApiToken.objects.filter(user=user).delete()
    return removed


def api_token_touch(*, token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used is None or (now - token.last_used).total_seconds() > LAST_USED_PRECISION_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
