"""Concurrent HTTP clients against the local server: log in, then time N requests with C clients."""

from __future__ import annotations

import itertools
import math
import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class BenchError(RuntimeError):
    """The bench itself cannot go on (server down, log-in refused, ...)."""


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


@dataclass
class Timing:
    latencies: list[float] = field(default_factory=list)  # seconds
    wall: float = 0.0  # seconds for the whole batch
    errors: dict[int, int] = field(default_factory=dict)  # status -> count of non-200 answers
    stopped_early: bool = False

    def add(self, other: Timing) -> None:
        self.latencies += other.latencies
        self.wall += other.wall
        self.stopped_early |= other.stopped_early
        for status, count in other.errors.items():
            self.errors[status] = self.errors.get(status, 0) + count

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.latencies, 95) * 1000

    @property
    def per_second(self) -> float:
        return self.count / self.wall if self.wall else 0.0


def wait_for_health(base_url: str, timeout: float, is_alive) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not is_alive():
            raise BenchError("the server stopped while starting")
        try:
            if httpx.get(f"{base_url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise BenchError(f"{base_url}/health did not answer 200 within {timeout:.0f} s")


def signed_in_client(base_url: str, username: str, password: str) -> httpx.Client:
    """A client with its own cookie jar, logged in through the real log-in form (CSRF token included)."""
    client = httpx.Client(base_url=base_url, follow_redirects=False, timeout=60)
    page = client.get("/accounts/login/")
    match = CSRF_INPUT.search(page.text)
    if page.status_code != 200 or match is None:
        raise BenchError(f"log-in page answered {page.status_code} without a CSRF token")
    response = client.post(
        "/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": match.group(1)},
    )
    if response.status_code != 302 or "sessionid" not in client.cookies:
        raise BenchError(f"log-in as {username} failed (HTTP {response.status_code})")
    return client


def probe(client: httpx.Client, path: str) -> int:
    return client.get(path).status_code


def run_batch(clients: list[httpx.Client], path: str, total: int, *, time_limit: float) -> Timing:
    """`total` GET requests shared by the clients, each client one request at a time."""
    counter = itertools.count()
    started = time.perf_counter()
    deadline = started + time_limit

    def worker(client: httpx.Client) -> tuple[list[float], list[int], bool]:
        latencies, statuses = [], []
        while next(counter) < total:
            if time.perf_counter() > deadline:
                return latencies, statuses, True
            t0 = time.perf_counter()
            response = client.get(path)
            latencies.append(time.perf_counter() - t0)
            statuses.append(response.status_code)
        return latencies, statuses, False

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        results = list(pool.map(worker, clients))
    timing = Timing(wall=time.perf_counter() - started)
    for latencies, statuses, stopped in results:
        timing.latencies.extend(latencies)
        timing.stopped_early |= stopped
        for status in statuses:
            if status != 200:
                timing.errors[status] = timing.errors.get(status, 0) + 1
    return timing


def measure_against_baseline(
    clients: list[httpx.Client], path: str, baseline_path: str, total: int, *, rounds: int, time_limit: float
) -> tuple[Timing, Timing]:
    """`total` requests of the page and as many of the baseline, in alternating rounds by the same clients, so that
    both see the same load on the machine. A short warm-up first (each worker loads its templates and caches)."""
    deadline = time.perf_counter() + time_limit
    for warm_up in (path, baseline_path):
        run_batch(clients, warm_up, 2 * len(clients), time_limit=time_limit)
    page, baseline = Timing(), Timing()
    per_round = math.ceil(total / rounds)
    for done in range(0, total, per_round):
        count = min(per_round, total - done)
        for timing, target in ((baseline, baseline_path), (page, path)):
            timing.add(run_batch(clients, target, count, time_limit=max(0.0, deadline - time.perf_counter())))
        if page.stopped_early or baseline.stopped_early:
            break
    return page, baseline
