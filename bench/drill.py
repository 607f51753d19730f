"""`make drill`: a fault drill of the production stack, bounded in time, on 127.0.0.1 only.

1. a throwaway PostgreSQL cluster (the machine's server binaries, as scripts/with-postgres.sh), migrated, with a
   small dataset: one meeting, 24 commitments due over the next days, 9 people who may write on them;
2. gunicorn (3 workers, production settings: generated SECRET_KEY, DEBUG off, no HTTPS redirect) and the task
   worker (`manage.py run_worker`), e-mails written to files by a slowed-down backend (bench/drill_mail.py);
3. DRILL_CLIENTS threads (default 50) of mixed reads and writes for DRILL_SECONDS (default 60): pages and API
   reads, progress notes through the web form and the API, each write with a unique marker;
4. meanwhile: reminder tasks queued, the task worker SIGKILLed while it sends and started again, PostgreSQL
   restarted (pg_ctl restart -m fast) with more tasks in the queue, one gunicorn worker SIGKILLed;
5. then it waits for the queue to drain and prints requests, errors by kind and phase, the error window against
   the outage, acknowledged writes missing or duplicated (read back from the database), whether every task ran
   to completion exactly once and every reminder went out exactly once.

Exits 0 when nothing acknowledged was lost or duplicated, no request answered 500 and every task and reminder
ran exactly once; 1 otherwise; 2 when the drill itself could not run. Everything is removed afterwards except
the logs in var/drill/.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import BenchError, signed_in_client, wait_for_health  # noqa: E402
from bench.run import static_is_fresh  # noqa: E402

VAR = ROOT / "var" / "drill"
PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
WEB_WORKERS = 3
LEASE_SECONDS = 10  # tasks and reminders of a silent worker are taken up again after this
PASSWORD = "drill-password-2026"
STATES = ["CR", "MX", "GT", "HN", "SV", "PA", "DO", "NI"]
HARD_LIMIT_SECONDS = 330  # the whole drill, set-up and clean-up included


def env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError:
        value = 0
    if value <= 0:
        raise SystemExit(f"{name}={raw!r} must be a positive number")
    return value


CLIENTS = int(env_number("DRILL_CLIENTS", 50))
DURATION = env_number("DRILL_SECONDS", 60)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def say(text: str) -> None:
    print(text, flush=True)


# --- PostgreSQL -------------------------------------------------------------------------------------------------


class Postgres:
    """A throwaway cluster on 127.0.0.1 (as the postgres user when run as root: the server refuses root)."""

    def __init__(self):
        self.bindir = self._bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="enlace-drill-pg."))
        self.port = free_port()
        self.as_pg = []
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_pg = ["runuser", "-u", "postgres", "--"]
        self.options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )

    @staticmethod
    def _bindir() -> str:
        candidates = []
        if shutil.which("pg_config"):
            candidates.append(
                subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
            )
        candidates += sorted(str(p) for p in Path("/usr/lib/postgresql").glob("*/bin"))
        for candidate in reversed(candidates):
            if candidate and Path(candidate, "initdb").exists():
                return candidate
        raise BenchError("PostgreSQL server binaries (initdb, pg_ctl) not found; the drill needs them")

    def _run(self, program: str, *args: str, timeout: float = 60) -> None:
        result = subprocess.run(
            [*self.as_pg, f"{self.bindir}/{program}", *args], capture_output=True, text=True, timeout=timeout
        )
        if result.returncode != 0:
            raise BenchError(f"{program} failed: {result.stderr.strip() or result.stdout.strip()}")

    def _pg_ctl(self, action: str, *extra: str) -> None:
        data, log = str(self.dir / "data"), str(self.dir / "server.log")
        self._run("pg_ctl", action, "-D", data, "-l", log, "-w", "-t", "30", "-o", self.options, *extra)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self._pg_ctl("start")
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "enlace")

    def restart(self) -> float:
        """pg_ctl restart -m fast: every connection is cut; returns how long the database was away."""
        started = time.monotonic()
        self._pg_ctl("restart", "-m", "fast")
        return time.monotonic() - started

    def version(self) -> str:
        return subprocess.run(
            [f"{self.bindir}/postgres", "--version"], capture_output=True, text=True
        ).stdout.split()[2]

    def remove(self) -> None:
        subprocess.run(
            [*self.as_pg, f"{self.bindir}/pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=30,
        )
        shutil.rmtree(self.dir, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/enlace"


# --- the stack --------------------------------------------------------------------------------------------------


def drill_env(database_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "ENLACE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        ENLACE_FAST_HASHER="true",  # 9 log-ins: the drill is about faults, not Argon2
        ENLACE_VAR_DIR=str(VAR),
        MEDIA_ROOT=str(VAR / "media"),
        EMAIL_BACKEND="bench.drill_mail.SlowFileBackend",
        ENLACE_DRILL_MAIL_DIR=str(VAR / "mail"),
        ENLACE_TASK_LEASE_SECONDS=str(LEASE_SECONDS),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
    )
    return env


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    import django

    django.setup()


def prepare_database() -> dict[str, list[int]]:
    """Migrations, cache table, static files and the dataset; returns {user name: commitments it may write on}."""
    from django.core.management import call_command

    started = time.monotonic()
    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    migrated = time.monotonic()
    fresh = static_is_fresh()
    if not fresh:
        call_command("collectstatic", "--no-input", verbosity=0)
    collected = time.monotonic()
    writable = build_dataset()
    say(
        f"  migrate {migrated - started:.1f} s, collectstatic "
        f"{'up to date' if fresh else f'{collected - migrated:.1f} s'}, dataset {time.monotonic() - collected:.1f} s"
    )
    return writable


def build_dataset() -> dict[str, list[int]]:
    from django.utils import timezone

    from enlace.accounts.models import Role, User
    from enlace.core.models import Visibility
    from enlace.directory.reference import load_reference_organizations
    from enlace.meetings.draft import AgreementDraft, CommitmentDraft, ReportDraft
    from enlace.meetings.models import Commitment
    from enlace.meetings.services import meeting_create_from_draft

    organizations = {org.code: org for org in load_reference_organizations()}
    people = [("drill.staff", "ST", Role.SECRETARIAT)]
    people += [(f"drill.{code.lower()}", code, Role.LIAISON_OFFICER) for code in STATES]
    users = {}
    for username, code, role in people:
        users[username] = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            first_name="Drill",
            last_name=code,
            organization=organizations[code],
            role=role,
        )
    today = timezone.localdate()
    commitments = [
        CommitmentDraft(
            agreement=str(n),
            text=f"La delegación dará seguimiento al punto {n} del simulacro.",
            responsible=[STATES[n % len(STATES)]],
            due=today + dt.timedelta(days=n % 6),
        )
        for n in range(1, 25)
    ]
    draft = ReportDraft(
        title="Reunión del simulacro",
        place="San José",
        country="CR",
        date=today - dt.timedelta(days=40),
        language="es",
        delegations=STATES,
        participants=["ST"],
        agreements=[AgreementDraft(number=str(n), text=f"Punto {n} del simulacro.") for n in range(1, 25)],
        commitments=commitments,
    )
    meeting_create_from_draft(draft=draft, actor=users["drill.staff"], visibility=Visibility.NETWORK)
    writable = {}
    all_pks = list(Commitment.objects.values_list("pk", flat=True))
    for username, code, _role in people:
        if code == "ST":
            writable[username] = all_pks
        else:
            writable[username] = list(
                Commitment.objects.filter(responsible__code=code).values_list("pk", flat=True)
            )
    return writable


def start_web(env: dict[str, str], port: int) -> subprocess.Popen:
    log = open(VAR / "gunicorn.log", "ab")  # noqa: SIM115 - closed with the process
    args = [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(WEB_WORKERS)]
    args += ["--timeout", "30", "--graceful-timeout", "5", "--no-control-socket"]
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)


def start_worker(env: dict[str, str]) -> subprocess.Popen:
    log = open(VAR / "worker.log", "ab")  # noqa: SIM115 - closed with the process
    args = [PY, "manage.py", "run_worker", "--no-startup-delay", "--interval", "0.5"]
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


# --- the clients ------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    started: float
    ended: float
    kind: str  # read | write
    channel: str  # web | api
    status: int | None  # None: no HTTP answer
    error: str = ""  # the transport error, when there was no answer
    marker: str = ""
    acknowledged: bool = False
    outage_answer: str = ""  # for a 503: "api-json", "web-page" or "other"


def classify_503(response: httpx.Response, channel: str) -> str:
    kind = response.headers.get("content-type", "")
    has_retry = "retry-after" in response.headers
    if channel == "api" and kind.startswith("application/json") and has_retry and '"detail"' in response.text:
        return "api-json"
    if channel == "web" and kind.startswith("text/html") and "Enlace" in response.text and has_retry:
        return "web-page"
    return "other"


def client_loop(
    number: int, client: httpx.Client, pks: list[int], t0: float, deadline: float, out: list
) -> None:
    rng = random.Random(number)
    writes = 0
    while time.monotonic() < deadline:
        pk = rng.choice(pks)
        roll = rng.random()
        marker, request = "", None
        if roll < 0.10:
            kind, channel, request = "write", "web", "note"
        elif roll < 0.20:
            kind, channel, request = "write", "api", "status"
        elif roll < 0.55:
            kind, channel, path = "read", "web", f"/follow-up/commitments/{pk}/"
        elif roll < 0.65:
            kind, channel, path = "read", "web", "/follow-up/"
        else:
            kind, channel, path = "read", "api", f"/api/v1/commitments/?organization={rng.choice(STATES)}"
        if kind == "write":
            writes += 1
            marker = f"drill-{number}-{writes}-{secrets.token_hex(3)}"
        started = time.monotonic()
        try:
            if request == "note":
                token = client.cookies.get("csrftoken", "")
                data = {"action": "note", "note-text": marker, "csrfmiddlewaretoken": token}
                response = client.post(f"/follow-up/commitments/{pk}/", data=data)
                acknowledged = response.status_code == 302
            elif request == "status":
                headers = {"X-CSRFToken": client.cookies.get("csrftoken", "")}
                body = {"status": "in_progress", "note": marker}
                response = client.post(f"/api/v1/commitments/{pk}/status/", json=body, headers=headers)
                acknowledged = response.status_code == 200
            else:
                response = client.get(path)
                acknowledged = False
            outcome = Outcome(started - t0, time.monotonic() - t0, kind, channel, response.status_code)
            outcome.acknowledged = acknowledged
            if response.status_code == 503:
                outcome.outage_answer = classify_503(response, channel)
        except (httpx.TransportError, ValueError) as error:
            outcome = Outcome(started - t0, time.monotonic() - t0, kind, channel, None, type(error).__name__)
        outcome.marker = marker
        out.append(outcome)
        time.sleep(rng.uniform(0.2, 0.8))


# --- the faults -------------------------------------------------------------------------------------------------


@dataclass
class Events:
    outage_start: float = 0.0
    outage_end: float = 0.0
    web_kill: float = 0.0
    web_killed_pid: int = 0
    worker_kill: float = 0.0
    worker_killed_task: str = ""
    worker_killed_after_mails: int = 0
    queued: tuple = ()


def enqueue(days: list[dt.date]) -> list[str]:
    from django.db import connections

    from enlace.followup.tasks import send_commitment_reminders

    ids = [str(send_commitment_reminders.enqueue(day.isoformat()).id) for day in days]
    connections.close_all()
    return ids


def mails_written() -> int:
    return sum(path.read_bytes().count(b"\nMessage-ID:") for path in (VAR / "mail").glob("*"))


def kill_worker_mid_task(worker: subprocess.Popen, t0: float, events: Events) -> None:
    from django.db import connections
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + 15
    running = None
    while time.monotonic() < deadline:
        running = DBTaskResult.objects.running().first()
        if running is not None and mails_written() >= 2:
            break
        time.sleep(0.2)
    connections.close_all()
    events.worker_killed_task = str(running.id) if running else ""
    events.worker_killed_after_mails = mails_written()
    worker.kill()
    worker.wait(timeout=10)
    events.worker_kill = time.monotonic() - t0


def wait_for_running_task(limit: float) -> None:
    from django.db import connections
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and not DBTaskResult.objects.running().exists():
        time.sleep(0.1)
    time.sleep(0.3)
    connections.close_all()


def run_faults(env, pg: Postgres, web: subprocess.Popen, holder: dict, t0: float, events: Events) -> None:
    from django.db import connections
    from django.utils import timezone

    today = timezone.localdate()

    def at(second: float) -> None:
        time.sleep(max(0.0, t0 + second - time.monotonic()))

    at(6)
    first_wave = enqueue([today + dt.timedelta(days=n) for n in range(3)])
    kill_worker_mid_task(holder["worker"], t0, events)
    say(
        f"  +{events.worker_kill:4.1f} s  task worker SIGKILLed while sending (task {events.worker_killed_task[:8]})"
    )
    time.sleep(1.5)
    holder["worker"] = start_worker(env)
    say(f"  +{time.monotonic() - t0:4.1f} s  task worker started again")
    at(max(24, events.worker_kill + 6))
    second_wave = enqueue([today + dt.timedelta(days=n) for n in range(3, 6)])
    wait_for_running_task(3.0)  # the restart should catch the worker in the middle of a task
    connections.close_all()
    events.outage_start = time.monotonic() - t0
    pg.restart()
    events.outage_end = time.monotonic() - t0
    say(
        f"  +{events.outage_start:4.1f} s  PostgreSQL restarted (-m fast): away "
        f"{events.outage_end - events.outage_start:.2f} s"
    )
    at(events.outage_end + 15)
    children = children_of(web.pid)
    if children:
        events.web_killed_pid = random.choice(children)
        os.kill(events.web_killed_pid, signal.SIGKILL)
        events.web_kill = time.monotonic() - t0
        say(f"  +{events.web_kill:4.1f} s  gunicorn worker {events.web_killed_pid} SIGKILLed")
    events.queued = (*first_wave, *second_wave)


def wait_for_queue(limit: float) -> float:
    from django.db import connections
    from django_tasks_db.models import DBTaskResult

    started = time.monotonic()
    while time.monotonic() - started < limit:
        open_tasks = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()
        connections.close_all()
        if open_tasks == 0:
            break
        time.sleep(0.5)
    return time.monotonic() - started


# --- the report -------------------------------------------------------------------------------------------------


def phase_of(outcome: Outcome, events: Events) -> str:
    if events.web_kill and events.web_kill <= outcome.ended <= events.web_kill + 3:
        return "web worker kill (3 s)"
    if outcome.ended < events.outage_start:
        return "before outage"
    if outcome.started <= events.outage_end:
        return "during outage"
    return "after outage"


def error_kind(outcome: Outcome) -> str | None:
    if outcome.status is None:
        return f"connection ({outcome.error})"
    if outcome.status >= 500:
        return f"HTTP {outcome.status}"
    if outcome.status >= 400:
        return f"HTTP {outcome.status}"
    return None


def report(outcomes: list[Outcome], events: Events, drained: float, pg_version: str) -> bool:
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from enlace.followup.models import ProgressNote, ReminderSent

    ok = True
    say("")
    say(
        f"Fault drill: {CLIENTS} clients for {DURATION:.0f} s, gunicorn ({WEB_WORKERS} workers) and run_worker on PostgreSQL {pg_version}"
    )
    reads = sum(o.kind == "read" for o in outcomes)
    say(f"requests: {len(outcomes)} ({reads} reads, {len(outcomes) - reads} writes)")

    say("errors by phase and kind:")
    phases = ["before outage", "during outage", "after outage", "web worker kill (3 s)"]
    for phase in phases:
        here = [o for o in outcomes if phase_of(o, events) == phase]
        kinds = Counter(k for o in here if (k := error_kind(o)))
        detail = ", ".join(f"{kind}: {n}" for kind, n in sorted(kinds.items())) or "none"
        say(f"  {phase:<22} {len(here):>6} requests  {sum(kinds.values()):>5} errors  {detail}")

    outage = events.outage_end - events.outage_start
    near = [
        o
        for o in outcomes
        if error_kind(o)
        and phase_of(o, events) != "web worker kill (3 s)"
        and o.ended >= events.outage_start - 1
        and o.started <= events.outage_end + 30
    ]
    if near:
        first, last = min(o.ended for o in near), max(o.ended for o in near)
        window = last - events.outage_start if last > events.outage_start else 0.0
        say(
            f"error window: {window:.2f} s from the restart (errors between +{first:.2f} s and +{last:.2f} s) "
            f"against an outage of {outage:.2f} s (+{events.outage_start:.2f} s to +{events.outage_end:.2f} s)"
        )
        if window > outage + 1.0:
            say("  ERROR WINDOW LONGER THAN THE OUTAGE")
            ok = False
    else:
        say(f"error window: 0 s (no error) against an outage of {outage:.2f} s")
    answers = Counter(o.outage_answer for o in outcomes if o.status == 503)
    say(
        "503 answers: "
        + (", ".join(f"{kind}: {n}" for kind, n in sorted(answers.items())) or "none")
        + f"; 500 answers: {sum(o.status == 500 for o in outcomes)}"
    )
    if answers.get("other") or any(o.status == 500 for o in outcomes):
        ok = False

    acknowledged = {o.marker for o in outcomes if o.kind == "write" and o.acknowledged}
    attempted = {o.marker for o in outcomes if o.kind == "write"}
    stored = Counter(ProgressNote.objects.filter(text__startswith="drill-").values_list("text", flat=True))
    missing = acknowledged - set(stored)
    duplicated = [marker for marker, n in stored.items() if n > 1]
    unacknowledged_saved = (set(stored) & attempted) - acknowledged
    by_channel = Counter(o.channel for o in outcomes if o.kind == "write" and o.acknowledged)
    say(
        f"acknowledged writes: {len(acknowledged)} (web {by_channel['web']}, API {by_channel['api']}) of "
        f"{len(attempted)} attempted; missing afterwards: {len(missing)}; duplicated: {len(duplicated)}; "
        f"saved without an acknowledgement: {len(unacknowledged_saved)}"
    )
    if missing or duplicated:
        ok = False

    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    queued = [t for t in tasks if str(t.id) in events.queued]
    follow_ups = [t for t in tasks if str(t.id) not in events.queued]
    statuses = Counter(t.status for t in tasks)
    again = [t for t in tasks if len(t.worker_ids) > 1 and str(t.id) != events.worker_killed_task]
    say(
        f"tasks: {len(queued)} queued + {len(follow_ups)} follow-up runs; "
        + ", ".join(f"{status.lower()} {n}" for status, n in sorted(statuses.items()))
        + f"; queue drained {drained:.1f} s after the load"
    )
    killed = next((t for t in tasks if str(t.id) == events.worker_killed_task), None)
    if killed is not None:
        say(
            f"  the task killed mid-run (after {events.worker_killed_after_mails} e-mails in all): claimed "
            f"{len(killed.worker_ids)} times, finished {killed.status.lower()}"
        )
    say(f"  other tasks claimed more than once: {len(again)}")
    every_once = all(t.status == "SUCCESSFUL" for t in tasks) and not again and killed is not None
    say(f"  every queued task ran to completion exactly once: {'yes' if every_once else 'NO'}")
    ok &= every_once

    outbox = dict(ReminderSent.objects.values_list("state").annotate(n=Count("pk")))
    sent_ids = set(ReminderSent.objects.filter(state="sent").values_list("pk", flat=True))
    mailed = Counter(
        int(found)
        for path in (VAR / "mail").glob("*")
        for found in re.findall(rb"Message-ID: <reminder-(\d+)@", path.read_bytes())
    )
    doubled = [pk for pk, n in mailed.items() if n > 1]
    unmailed = sent_ids - set(mailed)
    unrecorded = set(mailed) - sent_ids
    say(
        f"reminders: outbox {outbox}; e-mails written {sum(mailed.values())}; sent twice {len(doubled)}; "
        f"recorded but not written {len(unmailed)}; written but not recorded {len(unrecorded)}"
    )
    if doubled or unmailed or unrecorded or outbox.get("pending"):
        ok = False

    web_log = (VAR / "gunicorn.log").read_text(errors="replace")
    worker_log = (VAR / "worker.log").read_text(errors="replace")
    say(
        f"logs: gunicorn tracebacks {web_log.count('Traceback')}, outage warnings "
        f"{web_log.count('database_unavailable')}; worker tracebacks {worker_log.count('Traceback')}, "
        f"reconnections {worker_log.count('worker_database_unavailable')}, reminder records retried through the "
        f"outage {worker_log.count('reminder_record_retry')}, reclaims {worker_log.count('tasks_reclaimed')}"
    )
    say("RESULT: " + ("OK" if ok else "FAULTS FOUND"))
    return ok


# --- main -------------------------------------------------------------------------------------------------------


def out_of_time(signum, frame):
    raise BenchError("the drill ran past its time limit")


def main() -> int:
    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(HARD_LIMIT_SECONDS)
    if VAR.exists():
        shutil.rmtree(VAR)
    (VAR / "mail").mkdir(parents=True)
    pg = web = None
    holder: dict = {}
    try:
        say("Fault drill (make drill): set-up")
        pg = Postgres()
        pg.start()
        env = drill_env(pg.url)
        setup_django(env)
        writable = prepare_database()
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        web = start_web(env, port)
        holder["worker"] = start_worker(env)
        wait_for_health(base_url, 60, lambda: web.poll() is None)
        users = sorted(writable)
        clients = {name: signed_in_client(base_url, name, PASSWORD) for name in users}
        for client in clients.values():
            client.timeout = httpx.Timeout(20)
            client.headers["Accept-Language"] = "es"
        say(f"  gunicorn on {base_url}, {len(clients)} people signed in; load for {DURATION:.0f} s")

        outcomes: list[Outcome] = []
        events = Events()
        t0 = time.monotonic()
        deadline = t0 + DURATION
        threads = [
            threading.Thread(
                target=client_loop,
                args=(
                    n,
                    clients[users[n % len(users)]],
                    writable[users[n % len(users)]],
                    t0,
                    deadline,
                    outcomes,
                ),
                daemon=True,
            )
            for n in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        run_faults(env, pg, web, holder, t0, events)
        for thread in threads:
            thread.join(timeout=max(1.0, deadline - time.monotonic() + 25))
        drained = wait_for_queue(60)
        for client in clients.values():
            client.close()
        return 0 if report(outcomes, events, drained, pg.version()) else 1
    except BenchError as error:
        say(f"drill broke: {error}")
        return 2
    finally:
        signal.alarm(0)
        stop(holder.get("worker"))
        stop(web)
        if pg is not None:
            if "django" in sys.modules:
                from django.db import connections

                connections.close_all()
            pg.remove()
        say(f"cleaned up (logs in {VAR.relative_to(ROOT)}/)")


if __name__ == "__main__":
    sys.exit(main())
