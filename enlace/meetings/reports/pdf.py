"""Meeting report as PDF: a Django template rendered to HTML, laid out by WeasyPrint (A4, page numbers)."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from pathlib import Path

import font_caladea
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


def font_faces() -> list[dict[str, str]]:
    """The report's typeface (Caladea, from the font-caladea package) as @font-face rules: the same letters and
    line breaks on every machine, whatever fonts it has installed."""
    directory = Path(font_caladea.font_directory)
    return [
        {"url": (directory / f"Caladea-{style}.ttf").as_uri(), "weight": weight, "style": slant}
        for style, weight, slant in (
            ("Regular", "normal", "normal"),
            ("Bold", "bold", "normal"),
            ("Italic", "normal", "italic"),
            ("BoldItalic", "bold", "italic"),
        )
    ]


def _font_only_fetcher():
    """A URL fetcher that reads the shipped font files and nothing else: the report never loads anything from
    outside, nor any other file of the machine."""
    from weasyprint.urls import URLFetcher

    allowed = {face["url"] for face in font_faces()}

    class FontOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"The report template must not load external resources ({url}).")
            return super().fetch(url, headers)

    return FontOnlyFetcher(allowed_protocols=("file",))


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
        "font_faces": font_faces(),
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
    data = HTML(string=html, base_url=None, url_fetcher=_font_only_fetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    return footers_as_artifacts(data)


_MARKED = re.compile(rb"/(?P<tag>\w+)\n<</MCID (?P<mcid>\d+)>>\nBDC")
_ARTIFACT = b"/Artifact\n<</Type /Pagination /Subtype /Footer>>\nBDC"


def _reached(node, page, found: set) -> None:
    """(page object number, MCID) of every marked content the structure tree reaches."""
    from pypdf.generic import ArrayObject, DictionaryObject, NumberObject

    node = node.get_object()
    if isinstance(node, NumberObject):
        found.add((page.idnum if page else None, int(node)))
    elif isinstance(node, ArrayObject):
        for kid in node:
            _reached(kid, page, found)
    elif isinstance(node, DictionaryObject):
        page = node.raw_get("/Pg") if "/Pg" in node else page
        if "/MCID" in node:
            found.add((page.idnum if page else None, int(node["/MCID"])))
        elif "/K" in node:
            _reached(node["/K"], page, found)


def footers_as_artifacts(data: bytes) -> bytes:
    """WeasyPrint 70 tags the page footer ("Página 1 de 2") as content that no structure element reaches (PDF/UA-1
    has no way to put an artifact in the tree); mark it as a pagination artifact instead, so assistive technology
    skips it and a checker finds no untagged content."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    reached: set = set()
    _reached(writer.root_object["/StructTreeRoot"]["/K"], None, reached)
    for page in writer.pages:
        number = page.indirect_reference.idnum
        content = page.get_contents()
        stream = content.get_data()

        def mark(match: re.Match, number=number) -> bytes:
            return match.group(0) if (number, int(match.group("mcid"))) in reached else _ARTIFACT

        changed = _MARKED.sub(mark, stream)
        if changed != stream:
            content.set_data(changed)
            page.replace_contents(content)
            page.compress_content_streams()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
