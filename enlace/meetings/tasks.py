"""Background work of the meetings module, run by `manage.py db_worker`."""

from django_tasks import task

from enlace.meetings.reminders import send_reminders


@task()
def send_commitment_reminders() -> int:
    """Sends today's reminder e-mails about commitment deadlines; returns how many were sent."""
    return send_reminders()


@task()
def read_report_import(*, report_import_id: int, attempt: int) -> str:
    """Reads an uploaded report under the import limits (in a child process) and records the draft or why it
    was refused; returns the import's status."""
    from enlace.meetings.importing import report_import_read

    return report_import_read(report_import_id=report_import_id, attempt=attempt)
