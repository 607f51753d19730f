"""Background work of the meetings module, run by the worker (`manage.py run_worker`)."""

import datetime as dt

from django_tasks import task

from enlace.meetings.reminders import send_reminders


@task()
def send_commitment_reminders(day: str | None = None) -> int:
    """Sends the reminder e-mails due on the day (ISO date; today when omitted); returns how many were sent.
    Safe to run again: a reminder already sent is never sent twice."""
    return send_reminders(dt.date.fromisoformat(day) if day else None)
