"""The background worker rides out database outages, and tasks left RUNNING by a dead worker run again."""

import datetime as dt
import subprocess
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from enlace.core import worker as supervision
from enlace.followup.models import ReminderSent
from enlace.followup.tasks import send_commitment_reminders
from tests.factories.followup import commitment, days, meeting_with


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ENLACE_TASK_LEASE_SECONDS = 600
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()


def dead_worker_id() -> str:
    process = subprocess.Popen(["true"])  # noqa: S607 - a process that has ended: its pid is gone
    process.wait()
    return f"{supervision.HOST}:{process.pid}:deadbeef"


def running_task(worker_id: str, started_ago: dt.timedelta = dt.timedelta(0), **fields) -> DBTaskResult:
    result = send_commitment_reminders.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=timezone.now() - started_ago, worker_ids=[worker_id], **fields
    )
    return DBTaskResult.objects.get(pk=result.id)


def run_worker_batch():
    call_command("run_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_task_left_running_by_dead_worker_is_reclaimed(db):
    task = running_task(dead_worker_id())
    assert supervision.reclaim_abandoned_tasks() == {str(task.id): "ready"}
    task.refresh_from_db()
    assert task.status == "READY"


def test_task_of_a_silent_worker_elsewhere_is_reclaimed_after_the_lease(db):
    recent = running_task("other-host:4242:abc", started_ago=dt.timedelta(seconds=60))
    stale = running_task("other-host:4343:abc", started_ago=dt.timedelta(seconds=601))
    foreign = running_task("a-plain-db-worker-id", started_ago=dt.timedelta(seconds=601))
    assert supervision.reclaim_abandoned_tasks() == {str(stale.id): "ready", str(foreign.id): "ready"}
    recent.refresh_from_db()
    assert recent.status == "RUNNING"  # its worker may still be on it


def test_task_of_a_worker_that_still_beats_is_left_alone(db):
    alive = "other-host:4444:abc"
    supervision.heartbeat(alive)
    task = running_task(alive, started_ago=dt.timedelta(hours=2))
    assert supervision.reclaim_abandoned_tasks() == {}
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_task_that_keeps_killing_its_worker_fails_for_good(db):
    task = running_task(dead_worker_id())
    DBTaskResult.objects.filter(pk=task.pk).update(worker_ids=["a", "b", dead_worker_id()])
    assert supervision.reclaim_abandoned_tasks() == {str(task.id): "failed"}
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert "3 attempts" in task.traceback


def test_task_failed_by_a_database_outage_is_retried(db):
    result = send_commitment_reminders.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="FAILED",
        finished_at=timezone.now(),
        worker_ids=["w1"],
        exception_class_path="django.db.utils.OperationalError",
    )
    other = send_commitment_reminders.enqueue()
    DBTaskResult.objects.filter(pk=other.id).update(
        status="FAILED",
        finished_at=timezone.now(),
        worker_ids=["w1"],
        exception_class_path="builtins.ValueError",
    )
    assert supervision.reclaim_abandoned_tasks() == {str(result.id): "ready"}


# The worker runs outside any transaction (it closes connections left in one): so do these tests.
@pytest.mark.django_db(transaction=True)
def test_task_left_running_by_dead_worker_runs_once_when_the_worker_starts(
    restore_signals, iom_analyst, organizations
):
    meeting_with(commitment("3.a", "Analizar los nudos claves", ["IOM"], due=days(0)))
    task = running_task(dead_worker_id())
    run_worker_batch()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL", task.traceback
    assert len(task.worker_ids) == 2
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.get().state == "sent"


@pytest.mark.django_db(transaction=True)
def test_worker_rides_out_a_database_outage_and_runs_the_task(restore_signals, iom_analyst, organizations):
    meeting_with(commitment("3.a", "Analizar los nudos claves", ["IOM"], due=days(0)))
    result = send_commitment_reminders.enqueue()
    real_get_locked = DBTaskResultQuerySet.get_locked
    outage = iter([OperationalError("the database system is shutting down")] * 3)

    def get_locked(queryset):
        error = next(outage, None)
        if error is not None:
            raise error
        return real_get_locked(queryset)

    with (
        mock.patch.object(DBTaskResultQuerySet, "get_locked", get_locked),
        mock.patch("enlace.core.management.commands.run_worker.time.sleep") as slept,
    ):
        run_worker_batch()
    assert [c.args[0] for c in slept.call_args_list] == [1.0, 2.0, 4.0]  # backed off, then reconnected
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == "SUCCESSFUL", task.traceback
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_task_cut_off_by_an_outage_is_not_left_running(restore_signals, iom_analyst, organizations):
    """The database went away while the task ran and while the worker recorded its failure."""
    meeting_with(commitment("3.a", "Analizar los nudos claves", ["IOM"], due=days(0)))
    result = send_commitment_reminders.enqueue()
    down = OperationalError("server closed the connection unexpectedly")
    calls = {"n": 0}
    real_set_failed = DBTaskResult.set_failed

    def set_failed(self, exc):
        calls["n"] += 1
        if calls["n"] == 1:
            raise down
        return real_set_failed(self, exc)

    with (
        mock.patch(
            "enlace.followup.reminders.send_reminders_and_say_when_to_retry", side_effect=[down, (1, None)]
        ),
        mock.patch.object(DBTaskResult, "set_failed", set_failed),
        mock.patch("enlace.core.management.commands.run_worker.time.sleep"),
    ):
        run_worker_batch()
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == "SUCCESSFUL", task.traceback
    assert len(task.worker_ids) == 2
