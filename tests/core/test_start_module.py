"""The skeleton of a new module works: generated in a copy of the project, it passes ruff, gets its migration and
passes its own tests (permissions per persona, shared filters, API, exports, query count)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from enlace.core.scaffold import Names, ScaffoldError, check_names, fill, planned_files

ROOT = Path(__file__).resolve().parents[2]
NAMES = Names(app="practices", model="Practice", verbose="good practice", verbose_plural="good practices")


def test_every_placeholder_is_replaced():
    for path, content in planned_files(NAMES, Path("/nowhere")).items():
        assert "__app__" not in str(path) and "__model" not in str(path)
        for placeholder in NAMES.replacements():
            assert placeholder not in content, (path, placeholder)
    assert fill("__Verbose_plural__ of __app__", NAMES) == "Good practices of practices"


@pytest.mark.parametrize("app", ["Practices", "1st", "class", "with-dash", "meetings"])
def test_bad_or_taken_app_names_are_refused(app):
    with pytest.raises(ScaffoldError):
        check_names(Names(app=app, model="Practice", verbose="x", verbose_plural="xs"), ROOT)


def _copy_project(target: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if name == ".venv" or not source.is_file() or name.startswith(("var/", "tests/")):
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name)
    shutil.copytree(ROOT / "tests", target / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    (target / "var").mkdir()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the project's files")
def test_a_generated_module_passes_lint_and_its_own_tests(tmp_path):
    _copy_project(tmp_path)
    env = {**os.environ, "DEBUG": "true", "ENLACE_ENV_FILE": "", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    python = sys.executable

    def run(*args):
        result = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return result.stdout

    run(python, "manage.py", "start_module", "practices", "--model", "Practice",
        "--verbose", "good practice", "--verbose-plural", "good practices")  # fmt: skip
    run(python, "manage.py", "makemigrations", "practices", "-v0")
    ruff = str(Path(python).with_name("ruff"))
    run(ruff, "check", ".")
    run(ruff, "format", "--check", ".")
    run(python, "manage.py", "makemigrations", "--check", "--dry-run", "-v0")
    output = run(python, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider", "tests/practices")
    assert " passed" in output and "failed" not in output
