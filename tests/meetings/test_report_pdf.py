"""The PDF report: WeasyPrint output that pypdf reads back with the same text as the .docx."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from enlace.meetings.draft import AgreementDraft, ReportDraft, SubpointDraft
from enlace.meetings.reports import render_pdf
from enlace.meetings.reports.content import build_content
from enlace.meetings.reports.pdf import _font_only_fetcher, css_string, font_faces, render_html
from tests.meetings.seed_drafts import NAMES_EN, NAMES_ES, make_english_draft, make_seed_draft, normalize

# The running footer ("Página 1 de 2" / "Page 1 of 2") closes every page; where a page break falls inside a
# paragraph it would sit in the middle of that paragraph's text, so it is taken out before comparing.
RUNNING_FOOTER = re.compile(r"^(Página \d+ de \d+|Page \d+ of \d+)$")


def pdf_pages(data: bytes) -> tuple[pypdf.PdfReader, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, [page.extract_text() for page in reader.pages]


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    """The text of every page, running footers left out."""
    reader, pages = pdf_pages(data)
    body = [line for page in pages for line in page.splitlines() if not RUNNING_FOOTER.match(line.strip())]
    return reader, "\n".join(body)


def footers(data: bytes) -> list[str]:
    _, pages = pdf_pages(data)
    return [page.splitlines()[-1].strip() for page in pages]


@pytest.fixture(scope="module")
def seed_pdf_es() -> bytes:
    return render_pdf(make_seed_draft(), language="es", names=NAMES_ES)


def test_pdf_es_contains_the_report(seed_pdf_es):
    draft = make_seed_draft()
    assert seed_pdf_es.startswith(b"%PDF")
    reader, text = pdf_text(seed_pdf_es)
    flat = normalize(text)
    for line in build_content(draft, language="es", names=NAMES_ES).lines():
        assert normalize(line) in flat
    positions = [flat.index(normalize(f"{a.number}. {a.text}")) for a in draft.agreements]
    assert positions == sorted(positions)
    assert footers(seed_pdf_es)[0].startswith("Página 1 de")
    assert "Página" not in text
    assert "CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM)" in text
    assert "Tegucigalpa, Honduras" in text
    assert "08 de junio de 2016" in text


def test_pdf_metadata_and_page_size(seed_pdf_es):
    reader, _ = pdf_text(seed_pdf_es)
    assert reader.metadata.title.startswith("INFORME DE LA REUNIÓN DE LA RED")
    assert reader.metadata.author == "Enlace"
    assert reader.metadata.creation_date is not None
    assert reader.trailer["/Root"]["/Lang"] == "es-419"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_pdf_is_tagged_pdf_ua(seed_pdf_es):
    """PDF/UA-1 (WeasyPrint's pdf/ua-1 variant): the identifier in the XMP metadata, a structure tree with the
    report's heading, paragraphs and lists, marked content, the language and the title shown by viewers."""
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf_es))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfuaid:part(="1"|>1<)', xmp)
    assert root["/MarkInfo"]["/Marked"].value is True  # a BooleanObject: bool() of it is always True
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    roles = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, pypdf.generic.DictionaryObject):
            if "/S" in node:
                roles.append(node["/S"])
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                if isinstance(kid.get_object(), pypdf.generic.DictionaryObject):
                    walk(kid)

    walk(root["/StructTreeRoot"])
    assert {"/H1", "/P", "/L", "/LI"} <= set(roles)


def test_pdf_english():
    draft = make_english_draft()
    pdf = render_pdf(draft, language="en", names=NAMES_EN)
    _, text = pdf_text(pdf)
    flat = normalize(text)
    assert "REGIONAL CONFERENCE ON MIGRATION (RCM)" in text
    assert "REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)" in text
    assert "June 8, 2016" in text
    assert "Panama and Dominican Republic" in flat
    assert footers(pdf)[0].startswith("Page 1 of")
    for agreement in draft.agreements:
        assert normalize(f"{agreement.number}. {agreement.text}") in flat
        for sub in agreement.subpoints:
            assert normalize(f"{sub.label}. {sub.text}") in flat


def test_pdf_escapes_text_and_loads_nothing():
    draft = ReportDraft(
        agreements=[
            AgreementDraft(
                number="1",
                text='<img src="http://example.invalid/x.png"> & <script>alert(1)</script>',
                subpoints=[SubpointDraft(label="a", text="line one\nline two")],
            )
        ]
    )
    html = render_html(draft, language="es", names={})
    assert "<img" not in html and "<script>" not in html
    assert "&lt;img" in html
    assert "line one<br>line two" in html
    assert "<link" not in html
    assert re.findall(r'url\("([^"]+)"\)', html) == [face["url"] for face in font_faces()]
    _, text = pdf_text(render_pdf(draft, language="es", names={}))
    assert '<img src="http://example.invalid/x.png"> & <script>alert(1)</script>' in text


def test_css_string_is_inert():
    assert css_string("Página 1") == "P\\0000e1gina 1"
    assert css_string('a"</style>') == "a\\000022\\00003c\\00002fstyle\\00003e"


def test_pdf_uses_only_the_shipped_typeface(seed_pdf_es):
    """The layout must not depend on the fonts of the machine that renders it: every font is the embedded
    Caladea that ships with the app."""
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf_es))
    fonts = {
        font.get_object()["/BaseFont"].split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts == {"Caladea", "Caladea-Bold"}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor  # embedded, not borrowed from the reader's machine


def test_pdf_fetcher_reads_the_font_files_and_nothing_else():
    fetcher = _font_only_fetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch("http://example.invalid/font.ttf")
    response = fetcher.fetch(font_faces()[0]["url"])
    try:
        assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType file
    finally:
        response.close()
