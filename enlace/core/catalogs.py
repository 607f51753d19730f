"""Compiles locale/*/LC_MESSAGES/django.po to .mo with polib, so no system gettext is needed."""

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def compile_catalogs(*, force: bool = False) -> list[Path]:
    """Writes each .mo that is missing or older than its .po (every one with `force`); answers those written.
    Each is written beside its final name and moved into place, so a reader never sees half a catalog."""
    import polib

    written = []
    for po_path in sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po")):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        handle, partial = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.partial")
        os.close(handle)
        polib.pofile(str(po_path)).save_as_mofile(partial)
        os.replace(partial, mo_path)
        written.append(mo_path)
    return written
