"""`make bench`: latency of the main pages under concurrent clients, and of the document work, against baselines
measured in the same run.

1. a fresh SQLite database under var/bench/, migrated, with the dataset of bench/dataset.py;
2. gunicorn on 127.0.0.1 (a free port, 2 workers), production settings except HTTPS;
3. BENCH_CONCURRENCY clients (default 4) per user log in through the log-in form; each page case runs
   BENCH_REQUESTS requests (default 200), in rounds alternating with as many requests of the baseline, the minimal
   signed-in page, so that both see the same load on the machine;
4. the in-process cases of bench/documents.py, with the server stopped;
5. one table: p50, p95, requests per second, ratio to the baseline, target, OK / OVER TARGET.

Exits 0 when every case ran, over its target or not; 1 when a page or a case answered errors; 2 when the bench
itself broke (the server did not start, the log-in failed, ...).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import cases, load  # noqa: E402
from bench.dataset import BENCH_PASSWORD, BENCH_USERS  # noqa: E402

VAR = ROOT / "var" / "bench"
DB_PATH = VAR / "bench.sqlite3"
PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
WORKERS = 2
CASE_TIME_LIMIT = 45.0  # seconds per page case, then it is cut short (and says so)
ROUNDS = 10  # each page case alternates with the baseline in this many rounds


def positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    try:
        value = int(raw) if raw.strip() else default
    except ValueError:
        value = 0
    if value < 1:
        raise SystemExit(f"{name}={raw!r} must be a positive whole number")
    return value


def bench_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "ENLACE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{DB_PATH}",
        ENLACE_VAR_DIR=str(VAR),
        MEDIA_ROOT=str(VAR / "media"),
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(48)[:60],
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        ENLACE_FAST_HASHER="true",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",  # no request log line per request
        PYTHONPATH=str(ROOT),
    )
    return env


def step(title: str, args: list[str], env: dict[str, str], timeout: float = 180) -> str:
    started = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise load.BenchError(f"{title} failed (exit {result.returncode})")
    print(f"  {title}: {time.perf_counter() - started:.1f} s", flush=True)
    return result.stdout


def static_is_fresh() -> bool:
    """collectstatic is skipped when the manifest is newer than every static source of the project."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    if not manifest.exists():
        return False
    built = manifest.stat().st_mtime
    sources = [
        ROOT / "requirements.lock",
        *(ROOT / "static").rglob("*"),
        *(ROOT / "enlace").glob("*/static/**/*"),
    ]
    return all(path.stat().st_mtime < built for path in sources if path.is_file())


def prepare(env: dict[str, str]) -> dict:
    if VAR.exists():
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True)
    step("migrate", [PY, "manage.py", "migrate", "--no-input", "-v0"], env)
    step("createcachetable", [PY, "manage.py", "createcachetable"], env)
    if static_is_fresh():
        print("  collectstatic: up to date", flush=True)
    else:
        step("collectstatic", [PY, "manage.py", "collectstatic", "--no-input", "-v0"], env)
    output = step("dataset", [PY, "-m", "bench.dataset"], env)
    return json.loads(output.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    args = [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
    args += ["--log-level", "warning", "--timeout", "60"]
    with (VAR / "gunicorn.log").open("w") as log:  # the server keeps its own copy of the file
        return subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    server.terminate()  # gunicorn's master stops its workers on SIGTERM
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # the server's own process group, started above
        server.wait(timeout=5)


def measure_pages(base_url: str, requests: int, concurrency: int) -> list[dict]:
    """One row per page case, with its timing and the timing of the baseline measured alongside it."""
    sessions = {
        key: [load.signed_in_client(base_url, username, BENCH_PASSWORD) for _ in range(concurrency)]
        for key, (username, _code, _role) in BENCH_USERS.items()
    }
    try:
        rows = []
        for case in cases.PAGES:
            clients = sessions[case.user]
            if (status := load.probe(clients[0], cases.BASELINE.path)) != 200:
                raise load.BenchError(f"the baseline page {cases.BASELINE.path} answered HTTP {status}")
            row = {"name": case.name, "target": case.target}
            status = load.probe(clients[0], case.path)
            if status == 404:
                row["status"] = "not built yet"
            elif status != 200:
                row["status"] = f"HTTP {status}"
            else:
                row["timing"], row["baseline"] = load.measure_against_baseline(
                    clients,
                    case.path,
                    cases.BASELINE.path,
                    case.requests or requests,
                    rounds=ROUNDS,
                    time_limit=CASE_TIME_LIMIT,
                )
                row["status"] = "ok"
            print(f"  {case.name}: {row['status']}", flush=True)
            rows.append(row)
        return rows
    finally:
        for clients in sessions.values():
            for client in clients:
                client.close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def verdict(ratio: float, target: float | None) -> str:
    if target is None:
        return "baseline"
    return "OK" if ratio <= target else "OVER TARGET"


def page_rows(rows: list[dict]) -> tuple[list[list[str]], bool]:
    """Printed rows of the page cases (ratio of p95s) and whether one of them answered errors; the baseline row
    sums up every baseline round, each case is compared with the rounds measured alongside it."""
    out, failed = [], False
    overall = load.Timing()
    for row in rows:
        if "baseline" in row:
            overall.add(row["baseline"])
    if overall.count:
        out.append(
            [f"{cases.BASELINE.name} {cases.BASELINE.path}", *_figures(overall), "1.00", "—", "baseline"]
        )
    for row in rows:
        timing = row.get("timing")
        target = f"{row['target']:g}×"
        if timing is None:
            failed |= row["status"] != "not built yet"
            out.append([row["name"], "—", "—", "—", "—", target, row["status"]])
            continue
        ratio = timing.p95_ms / row["baseline"].p95_ms
        result = verdict(ratio, row["target"])
        errors = {**row["baseline"].errors, **timing.errors}
        if errors:
            failed = True
            result = "ERRORS: " + ", ".join(f"{n}× HTTP {s}" for s, n in sorted(errors.items()))
        elif timing.stopped_early:
            result += f" (cut at {CASE_TIME_LIMIT:.0f} s after {timing.count} requests)"
        out.append([row["name"], *_figures(timing), f"{ratio:.2f}", target, result])
    return out, failed


def _figures(timing: load.Timing) -> list[str]:
    return [ms(timing.p50_ms / 1000), ms(timing.p95_ms / 1000), f"{timing.per_second:,.1f}"]


def document_rows(rows: list[dict]) -> tuple[list[list[str]], bool]:
    """Printed rows of the in-process cases (ratio of medians), each after its own baseline."""
    out, failed = [], False
    for row in rows:
        target = f"{row['target']:g}×"
        if row["status"] != "ok":
            failed |= row["status"] == "error"
            out.append([row["name"], "—", "—", "—", "—", target, f"{row['status']} ({row['message']})"[:100]])
            continue
        base = statistics.median(row["baseline_runs"])
        for name, runs, case_target in [
            (f"baseline: {row['baseline']}", row["baseline_runs"], None),
            (row["name"], row["runs"], row["target"]),
        ]:
            p50, p95 = statistics.median(runs), load.percentile(runs, 95)
            ratio = p50 / base
            result = verdict(ratio, case_target)
            if case_target is not None:
                result += f" ({row['message']}; {len(runs)} runs)"
            shown_target = target if case_target else "—"
            out.append([name, ms(p50), ms(p95), f"{1 / p50:,.2f}", f"{ratio:.2f}", shown_target, result])
    return out, failed


HEADINGS = ["case", "p50 ms", "p95 ms", "per s", "ratio", "target", "result"]


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in [HEADINGS, *rows]) for i in range(len(HEADINGS) - 1)]
    for row in [HEADINGS, *rows]:
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(w) for cell, w in zip(row[1:-1], widths[1:], strict=True)
        ]
        print("  ".join([*cells, row[-1]]).rstrip())


def main() -> int:
    requests = positive_int("BENCH_REQUESTS", 200)
    concurrency = positive_int("BENCH_CONCURRENCY", 4)
    started = time.perf_counter()
    env = bench_env()
    print(f"Enlace bench: fresh SQLite database at {DB_PATH.relative_to(ROOT)}", flush=True)
    try:
        dataset = prepare(env)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = start_server(env, port)
        try:
            load.wait_for_health(base_url, 60, lambda: server.poll() is None)
            print(f"  gunicorn on {base_url}, {WORKERS} workers", flush=True)
            print(f"  {requests} requests per case, {concurrency} concurrent clients", flush=True)
            pages = measure_pages(base_url, requests, concurrency)
        finally:
            stop_server(server)
        documents = json.loads(
            step("documents", [PY, "-m", "bench.documents"], env, timeout=240).splitlines()[-1]
        )
    except (load.BenchError, load.httpx.HTTPError, OSError, subprocess.SubprocessError, ValueError) as exc:
        log = VAR / "gunicorn.log"
        if log.exists():
            sys.stderr.write(log.read_text()[-3000:])
        print(f"bench failed: {exc}", file=sys.stderr)
        return 2

    skipped = "".join(f"; {name} not built yet" for name in dataset.get("skipped", {}))
    counts = ", ".join(f"{value:,} {key}" for key, value in dataset.items() if isinstance(value, int))
    print(f"\nDataset: {counts} (built in {dataset['seconds']} s){skipped}\n")
    page_table, pages_failed = page_rows(pages)
    document_table, documents_failed = document_rows(documents)
    print_table(page_table + document_table)
    print(
        "\nratio: p95 / p95 of the baseline rounds run alongside (same clients) for pages; median / baseline "
        f"median for the in-process cases.\nTotal {time.perf_counter() - started:.0f} s."
    )
    return 1 if pages_failed or documents_failed else 0


if __name__ == "__main__":
    sys.exit(main())
