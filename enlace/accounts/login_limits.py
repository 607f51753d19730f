"""Limits on failed log-ins (the web log-in and the API token endpoint), on top of django-axes.

Failures are counted over the cool-off window (AXES_COOLOFF_TIME, 15 minutes) and stop at AXES_FAILURE_LIMIT:
- per address, across user names: an attacker cycling through names from one address is cooled off;
- per user name, across addresses: guessing one person's password from many addresses is cooled off;
- per user name and address: always.
The first two count only when the person has not signed in from that address before (KNOWN_ADDRESS_DAYS): an
attacker can then keep a person out of new addresses for a while, never out of the office or home she uses
(behind the same proxy or NAT as the attacker included), and a successful log-in clears only its own pair, so an
attacker with an account of their own cannot wipe the address's count by signing in as themselves.
"""

from datetime import timedelta

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt, AccessBase, AccessLog
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from enlace.core.client_address import client_ip

KNOWN_ADDRESS_DAYS = 90


def signed_in_before(username: str | None, ip_address: str | None) -> bool:
    if not username or not ip_address:
        return False
    since = timezone.now() - timedelta(days=KNOWN_ADDRESS_DAYS)
    return AccessLog.objects.filter(
        username=username, ip_address=ip_address, attempt_time__gte=since
    ).exists()


def lockout_parameters(request_or_attempt, credentials=None) -> list:
    """AXES_LOCKOUT_PARAMETERS: which failures count against this attempt."""
    if isinstance(request_or_attempt, AccessBase):
        username, ip_address = request_or_attempt.username, request_or_attempt.ip_address
    else:
        username = get_client_username(request_or_attempt, credentials)
        ip_address = getattr(request_or_attempt, "axes_ip_address", None) or client_ip(request_or_attempt)
    known = _known_pairs(request_or_attempt)
    if (username, ip_address) not in known:  # axes asks several times per attempt: one query
        known[(username, ip_address)] = signed_in_before(username, ip_address)
    if known[(username, ip_address)]:
        return [["username", "ip_address"]]
    return ["ip_address", "username"]


def _known_pairs(request_or_attempt) -> dict:
    if isinstance(request_or_attempt, AccessBase):
        return {}
    return request_or_attempt.__dict__.setdefault("_enlace_known_login_pairs", {})


@receiver(user_logged_in, dispatch_uid="enlace-clear-own-login-failures")
def clear_own_failures(sender, request, user, **kwargs):
    if request is not None:
        AccessAttempt.objects.filter(username=user.get_username(), ip_address=client_ip(request)).delete()


@receiver(user_locked_out, dispatch_uid="enlace-lockout-reaches-the-middleware")
def mark_the_underlying_request(sender, request, **kwargs):
    """The API authenticates with DRF's Request, a wrapper: axes marks the wrapper, its middleware reads the
    Django request underneath."""
    underlying = getattr(request, "_request", None)
    if underlying is not None:
        underlying.axes_locked_out = True
        underlying.axes_credentials = getattr(request, "axes_credentials", None)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: JSON for the API, the page in the person's language for the web; 429 either way."""
    retry_after = str(int(get_cool_off(request).total_seconds()))
    if request.path.startswith("/api/"):
        message = _("Too many failed log-in attempts. Try again in 15 minutes.")
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
    response["Retry-After"] = retry_after
    return response
