"""The importer as the sandboxed child runs it (`enlace.core.sandbox`): bytes in, a JSON-able answer out."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from enlace.core.limits import FileLimits

from . import import_report_file
from .errors import ReportFileError

TARGET = "enlace.imports.parser.limited:read_for_review"


def in_every_language(message) -> dict[str, str]:
    """A lazy message rendered once per language, so the page shows it in whichever language its reader uses."""
    rendered = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            rendered[code] = str(message)
    return rendered


def read_for_review(data: bytes, *, limits: FileLimits, filename: str, language: str) -> dict:
    """{"draft": ..., "source_text": ...}, or {"refused": {"code": ..., "messages": {language: text}}}. The
    draft's warnings come in `language`, the uploader's."""
    with translation.override(language):
        try:
            draft = import_report_file(data, filename, limits)
        except ReportFileError as error:
            return {"refused": {"code": error.code, "messages": in_every_language(error.message)}}
        return {"draft": draft.to_dict(), "source_text": draft.source_text}
