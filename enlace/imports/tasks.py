"""Background work of the imports, run by the worker (`manage.py run_worker`)."""

from django_tasks import task


@task()
def read_report_import(*, report_import_id: int, attempt: int) -> str:
    """Reads an uploaded report under the import limits (in a child process) and records the draft or why it
    was refused; returns the import's status."""
    from enlace.imports.importing import report_import_read

    return report_import_read(report_import_id=report_import_id, attempt=attempt)
