"""The report importer: a meeting report file (.txt, .docx, .pdf; Spanish or English) in, a ReportDraft out.

Pure Python, no database: the secretariat reviews the draft before anything is saved.
"""

from enlace.meetings.draft import ReportDraft

from .errors import ReportFileError
from .extract import extract_text
from .parser import parse_report

__all__ = ["ReportFileError", "extract_text", "import_report_file", "parse_report"]


def import_report_file(data: bytes, filename: str, limits=None) -> ReportDraft:
    """Read the file and parse it; the draft keeps the extracted text as `source_text`. In-process: a file from
    outside goes through `enlace.imports.importing.read_report`, which runs this under the limits in a child."""
    text = extract_text(data, filename, limits)
    draft = parse_report(text)
    draft.source_text = text
    return draft
