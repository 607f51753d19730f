"""Meeting report as PDF: a Django template rendered to HTML, laid out by WeasyPrint (A4, page numbers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.template.loader import render_to_string

from enlace.meetings.draft import ReportDraft

from .content import build_content

TEMPLATE = "meetings/report_pdf.html"


def css_string(text: str) -> str:
    """Body of a CSS string literal: everything but ASCII letters, digits and spaces as a 6-digit escape.

    The result contains no quote, '<' or '&', so it passes Django's autoescaping unchanged and cannot end the
    string or the <style> element.
    """
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):06x}" for ch in text)


def _refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"The report template must not load external resources ({url}).")


def _no_network_fetcher():
    """A URL fetcher that allows no protocol at all: the report never loads anything from outside."""
    try:
        from weasyprint.urls import URLFetcher  # recent WeasyPrint: fetchers are objects
    except ImportError:  # older WeasyPrint takes a plain function
        return _refuse_fetch
    return URLFetcher(allowed_protocols=())


def render_html(
    draft: ReportDraft,
    *,
    language: str,
    names: Mapping[str, str],
    created: dt.datetime | None = None,
) -> str:
    content = build_content(draft, language=language, names=names)
    if created is None:
        created = dt.datetime.now(dt.UTC)
    context = {
        "report": content,
        "page_word_css": css_string(content.page_word),
        "page_of_css": css_string(content.page_of),
        "created": created.replace(microsecond=0).isoformat(),
    }
    return render_to_string(TEMPLATE, context)


def render_pdf(
    draft: ReportDraft,
    *,
    language: str,
    names: Mapping[str, str],
    created: dt.datetime | None = None,
) -> bytes:
    """The report as PDF bytes; `names` maps organization codes to display names in `language`."""
    from weasyprint import HTML  # imported lazily: loading pango/cairo is slow and only PDF export needs it

    html = render_html(draft, language=language, names=names, created=created)
    return HTML(string=html, base_url=None, url_fetcher=_no_network_fetcher()).write_pdf(pdf_tags=True)
