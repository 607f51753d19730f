"""Reads on people that do not belong to the directory's lists."""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


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
