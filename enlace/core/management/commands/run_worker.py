"""`make worker`: django_tasks_db's db_worker, kept running through database outages.

db_worker exits on the first database error; this command closes the broken connections, waits (1 s, doubling up
to --max-backoff) and starts it again, reclaims the tasks that a dead worker left RUNNING (at start and every
few seconds) and beats so that other workers know it is alive. It takes db_worker's options.
"""

import logging
import time

from django.db import connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from enlace.core import worker as supervision
from enlace.core.outage import DATABASE_OUTAGE_ERRORS

logger = logging.getLogger("enlace.worker")

STABLE_AFTER_SECONDS = 30.0  # a run this long resets the back-off


class Command(DbWorkerCommand):
    help = (
        "Runs the background worker and keeps it running through database outages (see README, Production)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--max-backoff", type=float, default=30.0, help="Longest wait between restarts (s)."
        )
        parser.set_defaults(worker_id=None, reload=False)

    def handle(
        self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, max_tasks, **options
    ):
        self.configure_logging(verbosity)
        worker_id = options.get("worker_id") or supervision.new_worker_id()
        queue_names = queue_name.split(",")
        excluded = options["exclude_queues"].split(",") if options.get("exclude_queues") else []
        beat = None if batch else supervision.Heartbeat(worker_id)
        if beat is not None:
            beat.start()
        backoff = 1.0
        try:
            while True:
                started = time.monotonic()
                try:
                    if beat is not None:
                        supervision.heartbeat(worker_id)
                    supervision.reclaim_abandoned_tasks(mine=worker_id)
                    worker = Worker(
                        queue_names=queue_names,
                        interval=interval,
                        batch=batch,
                        backend_name=backend_name,
                        startup_delay=startup_delay,
                        max_tasks=max_tasks,
                        worker_id=worker_id,
                        excluded_queue_names=excluded,
                    )
                    worker.configure_signals()
                    worker.run()
                    return  # batch done, --max-tasks reached, or asked to stop
                except DATABASE_OUTAGE_ERRORS as error:
                    if time.monotonic() - started > STABLE_AFTER_SECONDS:
                        backoff = 1.0
                    logger.warning(
                        "worker_database_unavailable",
                        extra={"worker": worker_id, "error": str(error).strip()[:200], "retry_in_s": backoff},
                    )
                    connections.close_all()
                    time.sleep(backoff)
                    backoff = min(backoff * 2, options["max_backoff"])
        finally:
            if beat is not None:
                beat.stopped.set()
