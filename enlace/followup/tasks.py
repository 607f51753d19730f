"""Background work of the follow-up, run by the worker (`manage.py run_worker`)."""

import datetime as dt

from django.utils import timezone
from django_tasks import task

from enlace.followup import reminders


@task()
def send_commitment_reminders(day: str | None = None) -> int:
    """Sends the reminder e-mails due on the day (ISO date; today when omitted); returns how many were sent.
    Safe to run again: a reminder already sent is never sent twice. Reminders left pending by a worker that died
    mid-send are taken up by a follow-up run once their lease is over."""
    today = dt.date.fromisoformat(day) if day else timezone.localdate()
    sent, retry_at = reminders.send_reminders_and_say_when_to_retry(today)
    if retry_at is not None and send_commitment_reminders.get_backend().supports_defer:
        send_commitment_reminders.using(run_after=retry_at).enqueue(today.isoformat())
    return sent
