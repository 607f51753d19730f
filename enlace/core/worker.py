"""Keeps background tasks going through database outages and dead workers (used by `manage.py run_worker`).

- Each worker has an id "host:pid:random" and beats in the shared cache every few seconds.
- A task left RUNNING is reclaimed (back to READY, run again) when its worker is gone: a process of this host
  that no longer exists, or, for any worker, no heartbeat and a start older than the lease
  (settings.ENLACE_TASK_LEASE_SECONDS).
- A task that failed because the database went away is made READY again too.
- After MAX_ATTEMPTS claims a task is failed for good, so that a task that kills its worker cannot loop.
Tasks must therefore be safe to run again (the reminders are, through their outbox).
"""

import datetime as dt
import logging
import os
import socket
import threading

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from enlace.core.outage import DATABASE_OUTAGE_ERRORS

logger = logging.getLogger("enlace.worker")

MAX_ATTEMPTS = 3
OUTAGE_ERROR_PATHS = {
    "django.db.utils.OperationalError",
    "django.db.utils.InterfaceError",
    "psycopg.OperationalError",
    "psycopg.InterfaceError",
}
HOST = socket.gethostname()[:40]


def lease_seconds() -> int:
    return int(getattr(settings, "ENLACE_TASK_LEASE_SECONDS", 600))


def new_worker_id() -> str:
    return f"{HOST}:{os.getpid()}:{get_random_string(8)}"


def _heartbeat_key(worker_id: str) -> str:
    return f"enlace:worker:{worker_id}"


def heartbeat(worker_id: str) -> None:
    cache.set(_heartbeat_key(worker_id), timezone.now().isoformat(), timeout=lease_seconds())


def _process_is_gone(worker_id: str) -> bool:
    """True when the id names a process of this host that no longer runs."""
    host, _, rest = worker_id.partition(":")
    pid = rest.partition(":")[0]
    if host != HOST or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _worker_is_gone(worker_id: str, started_at, cutoff) -> bool:
    if _process_is_gone(worker_id):
        return True
    return (started_at is None or started_at < cutoff) and cache.get(_heartbeat_key(worker_id)) is None


def _give_back(task: DBTaskResult, reason: str) -> str:
    if len(task.worker_ids) >= MAX_ATTEMPTS:
        task.status = TaskResultStatus.FAILED
        task.finished_at = timezone.now()
        task.exception_class_path = "enlace.core.worker.TaskAbandoned"
        task.traceback = f"{reason}; failed for good after {len(task.worker_ids)} attempts."
        task.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
        return "failed"
    task.status = TaskResultStatus.READY
    task.finished_at = None
    task.save(update_fields=["status", "finished_at"])
    return "ready"


def reclaim_abandoned_tasks(*, mine: str | None = None) -> dict[str, str]:
    """Puts back tasks left RUNNING by a dead worker (and by this one, `mine`, which is running none now), and
    tasks failed by a database outage; returns {task id: "ready" | "failed"}."""
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=lease_seconds())
    done = {}
    with transaction.atomic():
        for task in DBTaskResult.objects.running().select_for_update(skip_locked=True).order_by():
            last = task.worker_ids[-1] if task.worker_ids else ""
            if last == mine or _worker_is_gone(last, task.started_at, cutoff):
                done[str(task.id)] = _give_back(task, f"worker {last or '?'} stopped while running it")
        failed_by_outage = (
            DBTaskResult.objects.failed()
            .filter(exception_class_path__in=OUTAGE_ERROR_PATHS, finished_at__gte=now - dt.timedelta(days=1))
            .select_for_update(skip_locked=True)
            .order_by()
        )
        for task in failed_by_outage:
            if len(task.worker_ids) < MAX_ATTEMPTS:
                done[str(task.id)] = _give_back(task, "the database went away")
    if done:
        logger.warning("tasks_reclaimed", extra={"tasks": done})
    return done


class Heartbeat(threading.Thread):
    """Beats for the worker and reclaims abandoned tasks every few seconds, through outages."""

    def __init__(self, worker_id: str):
        super().__init__(name="enlace-worker-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()
        self.every = max(1.0, lease_seconds() / 4)

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            try:
                heartbeat(self.worker_id)
                reclaim_abandoned_tasks()
            except DATABASE_OUTAGE_ERRORS:
                pass  # the main loop says so in the log; beat again next time
            except Exception:
                logger.exception("heartbeat_failed")
            finally:
                connection.close()  # this thread's own connection: a fresh one next time
