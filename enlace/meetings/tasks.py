"""Background work of the meetings module, run by `manage.py db_worker`."""

from django_tasks import task

from enlace.meetings.reminders import send_reminders


@task()
def send_commitment_reminders() -> int:
    """Sends today's reminder e-mails about commitment deadlines; returns how many were sent."""
    return send_reminders()
