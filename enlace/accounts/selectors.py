"""Reads on people that do not belong to the directory's lists: log-in lockouts, their own API tokens."""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from enlace.accounts.models import ApiToken


def locked_out_usernames(usernames) -> set[str]:
    """Which of these people cannot log in from some address right now (their failures reached the limit)."""
    since = timezone.now() - get_cool_off()
    totals = (
        AccessAttempt.objects.filter(username__in=list(usernames), attempt_time__gte=since)
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"] for row in totals}


def api_tokens_for_user(user) -> QuerySet[ApiToken]:
    """The person's own tokens that still work, newest first."""
    return ApiToken.objects.filter(user=user).filter(Q(expiry__isnull=True) | Q(expiry__gt=timezone.now()))


def get_api_token_for_user(user, pk) -> ApiToken:
    """One of the person's own tokens; anyone else's is a 404."""
    return get_object_or_404(ApiToken, pk=pk, user=user)
