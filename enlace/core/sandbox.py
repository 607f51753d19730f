"""Run a function over an untrusted file in a child process under limits of CPU time, memory and wall time.

The child is a fresh interpreter (`python -m enlace.core.sandbox`), not a fork of the web or task worker: it sets
its own rlimits before it imports anything that reads the file, gets the file on standard input and writes its
JSON answer to a temporary file. Whatever the file does to it (loop, swell, crash), the parent only sees an exit
status; its own memory never holds more than the answer. The parent reaps the child with os.wait4, so each run
reports its own peak memory and CPU time.

The function (named "module:function") receives the file's bytes and the JSON-able `arguments`, and returns a
JSON-able dict. In the child, Django is set up with translations only: no database, no apps, no settings of the
project beyond the languages.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from enlace.core.limits import FileLimits

_CHILD_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "VIRTUAL_ENV", "PYTHONPATH")
_PEAK_PREFIX = "sandbox-peak-kb="
_EXIT_MEMORY = 3
_EXIT_ERROR = 4
_ROOT = Path(__file__).resolve().parents[2]
# The answer holds the text of the file and a draft of it: a few times the file's size at most.
_ANSWER_FACTOR = 8


@dataclass
class Outcome:
    """What a run gave: `answer` when the function returned, else `limit` ("time" for CPU, "wall", "memory")
    or `error`."""

    answer: dict | None = None
    limit: str = ""
    error: str = ""
    peak_rss_bytes: int = 0
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    log: list[str] = field(default_factory=list)

    def figures(self) -> dict:
        return {
            "peak_rss_bytes": self.peak_rss_bytes,
            "cpu_seconds": round(self.cpu_seconds, 3),
            "wall_seconds": round(self.wall_seconds, 3),
        }


def run_limited(target: str, data, arguments: dict, limits: FileLimits) -> Outcome:
    """Runs `target` in a child over `data`: bytes, or an open binary file (read from its start)."""
    if isinstance(data, bytes | bytearray):
        with tempfile.TemporaryFile() as spooled:
            spooled.write(data)
            return run_limited(target, spooled, arguments, limits)
    try:
        data.fileno()
    except (AttributeError, OSError, ValueError):  # an in-memory upload: the child needs a real file
        with tempfile.TemporaryFile() as spooled:
            data.seek(0)
            while chunk := data.read(1024 * 1024):
                spooled.write(chunk)
            return run_limited(target, spooled, arguments, limits)
    data.seek(0)
    data_file = data
    from django.conf import settings

    spec = json.dumps(
        {
            "target": target,
            "arguments": arguments,
            "limits": limits.to_dict(),
            "i18n": {
                "LANGUAGE_CODE": settings.LANGUAGE_CODE,
                "LANGUAGES": [(code, str(name)) for code, name in settings.LANGUAGES],
                "LOCALE_PATHS": [str(path) for path in settings.LOCALE_PATHS],
            },
        }
    )
    # The child needs no secrets: none of the settings' environment (SECRET_KEY, DATABASE_URL, ...) goes with it.
    env = {key: os.environ[key] for key in _CHILD_ENVIRONMENT if key in os.environ}
    with tempfile.TemporaryFile() as answer_file, tempfile.TemporaryFile() as log_file:
        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "enlace.core.sandbox", spec],
            stdin=data_file,
            stdout=answer_file,
            stderr=log_file,
            cwd=_ROOT,
            env=env,
            close_fds=True,
            start_new_session=True,  # a signal for the worker's group is not the child's
        )
        status, usage, timed_out = _wait(child, started + limits.wall_seconds)
        outcome = Outcome(
            wall_seconds=time.monotonic() - started,
            peak_rss_bytes=usage.ru_maxrss * 1024,  # Linux reports kilobytes
            cpu_seconds=usage.ru_utime + usage.ru_stime,
        )
        log_file.seek(0)
        lines = log_file.read(64 * 1024).decode("utf-8", "replace").splitlines()
        outcome.log = [line for line in lines if line.strip()][-20:]
        # ru_maxrss of a child starts from the parent's size at fork; the child's own high-water mark (VmHWM
        # after exec) is exact, when it lived to report it.
        if outcome.log and outcome.log[-1].startswith(_PEAK_PREFIX):
            outcome.peak_rss_bytes = int(outcome.log.pop()[len(_PEAK_PREFIX) :]) * 1024
        code = os.waitstatus_to_exitcode(status)
        if timed_out:
            outcome.limit = "wall"
        elif code in (
            -signal.SIGXCPU,
            -signal.SIGKILL,
        ):  # SIGKILL: the hard CPU limit, a second after SIGXCPU
            outcome.limit = "time"
        elif code == _EXIT_MEMORY:
            outcome.limit = "memory"
        elif code != 0:
            outcome.error = f"exit status {code}"
        else:
            answer_file.seek(0)
            try:
                outcome.answer = json.loads(answer_file.read())
            except ValueError:
                outcome.error = "unreadable answer"
        return outcome


def _wait(child: subprocess.Popen, deadline: float):
    """Waits for the child until the deadline, killing it then; returns (status, rusage, timed out)."""
    timed_out = False
    delay = 0.005
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() >= deadline:
            timed_out = True
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(delay)
        delay = min(delay * 2, 0.1)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
    return status, usage, timed_out


# --- the child ----------------------------------------------------------------------------------------------


def _limit_self(limits: FileLimits, answer_bytes: int) -> None:
    cpu = max(1, limits.cpu_seconds)
    resource.setrlimit(
        resource.RLIMIT_CPU, (cpu, cpu + 1)
    )  # SIGXCPU at the soft limit, SIGKILL one second on
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (answer_bytes, answer_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.alarm(limits.wall_seconds + 5)  # ends the child even if its parent was killed and cannot


def _child(spec_text: str) -> int:
    spec = json.loads(spec_text)
    limits = FileLimits.from_dict(spec["limits"])
    _limit_self(limits, max(limits.max_upload_bytes * _ANSWER_FACTOR, 16 * 1024 * 1024))
    try:
        import django
        from django.conf import settings

        settings.configure(USE_I18N=True, **spec["i18n"])

        django.setup()
        from django.utils.module_loading import import_string

        function = import_string(spec["target"].replace(":", "."))
        data = sys.stdin.buffer.read(limits.max_upload_bytes + 1)
        answer = function(data, limits=limits, **spec["arguments"])
        sys.stdout.write(json.dumps(answer, ensure_ascii=False))
        sys.stdout.flush()
    except MemoryError:
        return _EXIT_MEMORY
    return 0


def _report_peak() -> None:
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmHWM:"):
                    os.write(2, f"\n{_PEAK_PREFIX}{int(line.split()[1])}\n".encode())
    except (OSError, ValueError, IndexError):
        pass


if __name__ == "__main__":
    try:
        code = _child(sys.argv[1])
    except MemoryError:
        code = _EXIT_MEMORY
    _report_peak()
    os._exit(code)
