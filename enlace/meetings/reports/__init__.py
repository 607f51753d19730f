"""Generated meeting reports (.docx and .pdf, in Spanish or English) from a ReportDraft."""

from .content import report_filename
from .pdf import render_pdf
from .word import render_docx

__all__ = ["render_docx", "render_pdf", "report_filename"]
