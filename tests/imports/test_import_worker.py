"""Imports through the real queue: the upload answers at once with a queued import, the worker (`db_worker`) reads
it, the page follows the reading (htmx polling, and a refresh without JavaScript); a killed worker or a crashing
reader leaves the import retryable, never stuck, and nothing half-saved."""

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from enlace.imports import importing
from enlace.imports.models import STALE_MARGIN_SECONDS, ReportImport
from enlace.meetings.models import Meeting
from tests.conftest import client_for

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_d9e9c4457487cb69.txt"
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TRIGGER": "import-status"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = DATABASE


def upload(client, name="informe.txt", data=None):
    data = SEED.read_bytes() if data is None else data
    return client.post("/meetings/import/", {"file": SimpleUploadedFile(name, data)})


def run_worker():
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)


# The worker runs outside any transaction (it closes connections left in one): so do these tests.
@pytest.mark.django_db(transaction=True)
def test_the_upload_answers_at_once_and_the_worker_reads_the_report(
    organizations, secretariat_staff, restore_signals
):
    from django_tasks_db.models import DBTaskResult

    client = client_for(secretariat_staff)
    response = upload(client)
    report_import = ReportImport.objects.get()
    assert response["Location"] == f"/meetings/import/{report_import.pk}/"
    assert report_import.status == ReportImport.Status.QUEUED and report_import.draft == {}
    assert DBTaskResult.objects.get().status == "READY"  # queued, not read in the request

    page = client.get(response["Location"]).content.decode()
    assert 'data-status="queued"' in page
    assert 'hx-trigger="every 2s"' in page  # htmx polls the status block
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page  # and without JavaScript
    assert f'href="/meetings/import/{report_import.pk}/">' in page  # a reload link as well
    poll = client.get(response["Location"], **HTMX)
    assert poll.status_code == 200 and b'id="import-status"' in poll.content and b"<html" not in poll.content

    run_worker()
    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL", task.traceback
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.PENDING
    assert (
        report_import.read_figures["peak_rss_bytes"] > 0 and report_import.read_figures["wall_seconds"] < 30
    )
    poll = client.get(response["Location"], **HTMX)
    assert poll.status_code == 204 and poll["HX-Refresh"] == "true"  # the poll turns into the review page
    review = client.get(response["Location"])
    assert "Tegucigalpa" in review.context["source"].source_text and Meeting.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_task_run_twice_or_of_an_old_attempt_changes_nothing(
    organizations, secretariat_staff, restore_signals
):
    upload(client_for(secretariat_staff))
    report_import = ReportImport.objects.get()
    run_worker()
    report_import.refresh_from_db()
    draft = report_import.draft
    assert importing.report_import_read(report_import_id=report_import.pk, attempt=1) == "pending"
    assert importing.report_import_read(report_import_id=report_import.pk, attempt=0) == "superseded"
    report_import.refresh_from_db()
    assert report_import.draft == draft and report_import.status == ReportImport.Status.PENDING


@pytest.mark.django_db
def test_a_reading_whose_worker_was_killed_is_shown_as_stopped_and_can_be_retried(
    settings, organizations, secretariat_staff
):
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    # The worker took the task, marked the import "reading" and was killed: nothing else happened.
    late = settings.ENLACE_IMPORT_WALL_SECONDS + STALE_MARGIN_SECONDS + 1
    ReportImport.objects.filter(pk=report_import.pk).update(
        status=ReportImport.Status.READING, reading_started_at=timezone.now() - dt.timedelta(seconds=late)
    )
    page = client.get(f"/meetings/import/{report_import.pk}/").content.decode()
    assert 'data-status="stale"' in page and 'value="retry"' in page
    assert "<noscript><meta" not in page and "hx-trigger" not in page  # no polling of a dead reading
    listing = client.get("/meetings/import/").content.decode()
    assert "Detenido: vuelva a leerlo" in listing

    settings.TASKS = IMMEDIATE
    client.post(f"/meetings/import/{report_import.pk}/", {"action": "retry"})
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.PENDING and report_import.attempt == 2
    # The killed worker's task, reclaimed and run late, finds a newer attempt and leaves it alone.
    assert importing.report_import_read(report_import_id=report_import.pk, attempt=1) == "superseded"


@pytest.mark.django_db
def test_a_reading_in_progress_cannot_be_retried_or_discarded(settings, organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    ReportImport.objects.filter(pk=report_import.pk).update(
        status=ReportImport.Status.READING, reading_started_at=timezone.now()
    )
    for action in ("retry", "discard"):
        response = client.post(f"/meetings/import/{report_import.pk}/", {"action": action})
        assert response.status_code == 302
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.READING and report_import.attempt == 1


@pytest.mark.django_db
def test_a_reader_that_crashes_leaves_a_failed_import_to_retry(
    settings, organizations, secretariat_staff, monkeypatch
):
    settings.TASKS = IMMEDIATE
    monkeypatch.setattr(importing, "TARGET", "tests.factories.hostile_files:crash")
    secretariat_staff.language = "en"
    secretariat_staff.save()
    client = client_for(secretariat_staff)
    response = upload(client)
    report_import = ReportImport.objects.get()
    assert report_import.status == ReportImport.Status.FAILED
    page = client.get(response["Location"]).content.decode()
    assert "The file is damaged and could not be read." in page and 'value="retry"' in page
    assert Meeting.objects.count() == 0


@pytest.mark.django_db
def test_an_upload_whose_queueing_fails_leaves_no_import_and_no_file(
    organizations, secretariat_staff, monkeypatch, tmp_path
):
    from enlace.imports import tasks

    def broken_enqueue(**kwargs):
        raise RuntimeError("queue unavailable")

    monkeypatch.setattr(tasks, "read_report_import", SimpleNamespace(enqueue=broken_enqueue))
    with pytest.raises(RuntimeError):
        importing.report_import_create(
            uploaded_file=SimpleUploadedFile("informe.txt", SEED.read_bytes()), actor=secretariat_staff
        )
    assert ReportImport.objects.count() == 0
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]
