"""Every user-visible string is translated: a missing or fuzzy entry in locale/es or locale/en fails."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["es", "en"]


def _untranslated(po: polib.POFile) -> list[str]:
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                missing.append(entry.msgid)
        elif not entry.msgstr:
            missing.append(entry.msgid)
    return missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_has_no_missing_or_fuzzy_entry(language):
    po = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert _untranslated(po) == []


@pytest.mark.skipif(
    shutil.which("xgettext") is None and os.environ.get("CI") != "true",
    reason="gettext's xgettext is needed to extract the strings",
)
def test_catalogs_cover_every_string_in_the_code(tmp_path):
    """Extract the strings afresh in a copy of the code and compare: a string added to the code but not to the
    catalogs is missing. (A copy, because makemessages writes into every locale/ folder it finds.)"""
    for name in ("enlace", "config", "templates", "locale"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update({"DEBUG": "true", "ENLACE_VAR_DIR": str(tmp_path / "var")})
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *[f"-l{lang}" for lang in LANGUAGES], "--no-location"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    for language in LANGUAGES:
        fresh = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        committed = {
            (entry.msgctxt, entry.msgid)
            for entry in polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
            if not entry.obsolete
        }
        missing = sorted(
            entry.msgid
            for entry in fresh
            if not entry.obsolete and (entry.msgctxt, entry.msgid) not in committed
        )
        assert missing == [], f"{language}: strings in the code but not in the catalog (run make messages)"
