"""Settings come from the environment: bad values stop the start with a message naming the variable."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = "import django; django.setup()"
# Variables the test environment sets (pyproject [tool.pytest.ini_options] env) or a developer may have set.
CLEARED = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "ENLACE_ALLOW_DEV_KEY",
    "ENLACE_FAST_HASHER",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "AXES_FAILURE_LIMIT",
}


def run(args, **env_values):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in CLEARED and not key.startswith("DJANGO_")  # e.g. DJANGO_ALLOW_ASYNC_UNSAFE from a test
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env.update(env_values)
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def production_key() -> str:
    return secrets.token_urlsafe(48)[:60]


def test_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run([sys.executable, "-c", SETUP], DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_refuses_a_short_secret_key_when_debug_is_off():
    result = run([sys.executable, "-c", SETUP], DEBUG="false", SECRET_KEY="too-short")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "50" in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("DEBUG", "maybe"), ("AXES_FAILURE_LIMIT", "five"), ("SECURE_SSL_REDIRECT", "perhaps")],
)
def test_a_bad_value_names_the_variable(name, value):
    result = run([sys.executable, "-c", SETUP], SECRET_KEY=production_key(), **{name: value})
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert name in last_line
    assert repr(value) in last_line


def test_starts_in_development_without_a_secret_key():
    result = run([sys.executable, "-c", SETUP + "; from django.conf import settings; print(settings.DEBUG)"],
                 DEBUG="true")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def _check_deploy():
    return run(
        [sys.executable, "manage.py", "check", "--deploy"],
        DEBUG="false",
        SECRET_KEY=production_key(),
        ALLOWED_HOSTS="enlace.example.org",
    )


def test_check_deploy_passes_with_production_settings():
    result = _check_deploy()
    assert result.returncode == 0, result.stderr
    assert "security." not in result.stdout + result.stderr


def test_check_deploy_has_no_warning_at_all():
    result = _check_deploy()
    output = result.stdout + result.stderr
    assert "System check identified no issues" in output, output


PRINT_KEY = SETUP + "; from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY)"


def test_development_without_env_file_never_uses_a_published_key():
    first = run([sys.executable, "-c", PRINT_KEY], DEBUG="true", ENLACE_ENV_FILE="")
    second = run([sys.executable, "-c", PRINT_KEY], DEBUG="true", ENLACE_ENV_FILE="")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.split()[0] == "True"
    assert first.stdout.split()[1] != second.stdout.split()[1]  # a key of each process, not one in the code
    assert "dev-only-insecure-key" not in (ROOT / "config" / "settings.py").read_text()


def test_env_file_fills_in_without_overriding_the_environment(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "DEBUG=true\nSECRET_KEY=from-the-env-file-" + "x" * 40 + "\nALLOWED_HOSTS=dev.example\n"
    )
    result = run(
        [sys.executable, "-c", PRINT_KEY + "; print(settings.ALLOWED_HOSTS)"],
        ENLACE_ENV_FILE=str(env_file),
        SECRET_KEY="from-the-environment-" + "y" * 40,
    )
    assert result.returncode == 0, result.stderr
    debug, key, hosts = result.stdout.split(maxsplit=2)
    assert debug == "True"  # from the file
    assert key.startswith("from-the-environment-")  # the environment wins
    assert "dev.example" in hosts


def test_production_refuses_to_start_on_a_development_env_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=true\nSECRET_KEY=from-the-env-file-" + "x" * 40 + "\n")
    result = run([sys.executable, "-c", SETUP], DEBUG="false", ENLACE_ENV_FILE=str(env_file))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_make_demo_on_another_port_names_that_port_in_its_links_and_runs_the_worker():
    root = Path(__file__).resolve().parents[2]
    plan = subprocess.run(
        ["make", "-n", "demo", "PORT=8123"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    server = next(line for line in plan.splitlines() if "runserver" in line)
    worker = next(line for line in plan.splitlines() if "run_worker" in line)
    assert "runserver 127.0.0.1:8123" in server
    for line in (server, worker):
        assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8123}" in line
