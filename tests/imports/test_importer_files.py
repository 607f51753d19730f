"""Reading report files: .docx and .pdf built here (no binaries committed), and every kind of bad file."""

import datetime as dt
import html
import io
import zipfile
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from enlace.imports.parser import ReportFileError, extract_text, import_report_file

pytestmark = pytest.mark.usefixtures("english")  # the messages are compared in English

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_d9e9c4457487cb69.txt"


def squeeze(text: str) -> str:
    return " ".join(text.split())


def shape(draft) -> dict:
    """What must survive any file format; PDF wraps lines, so white space is compared loosely."""
    return {
        "header": (draft.body, draft.place, draft.country, draft.date, draft.language, draft.delegations),
        "points": [
            (a.number, squeeze(a.text), a.organizations, [(s.label, squeeze(s.text)) for s in a.subpoints])
            for a in draft.agreements
        ],
        "commitments": [
            (c.agreement, c.responsible, c.recipient, c.due, c.deadline_phrase) for c in draft.commitments
        ],
    }


@pytest.fixture(scope="module")
def seed_draft():
    return import_report_file(SEED.read_bytes(), SEED.name)


# --- .docx ----------------------------------------------------------------------------------------------

LIST_ID = "90"


def add_list(document, *, restart_id: str | None = None) -> None:
    """An automatic list like Word's: level 0 "1.", level 1 "a)"; optionally a second list that restarts."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, fmt, text in ((0, "decimal", "%1."), (1, "lowerLetter", "%2)"))
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST_ID}">{levels}</w:abstractNum>'
    )
    numbering.insert(0, abstract)  # abstract definitions come before the lists that use them
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{LIST_ID}"><w:abstractNumId w:val="{LIST_ID}"/></w:num>')
    )
    if restart_id:
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{restart_id}"><w:abstractNumId w:val="{LIST_ID}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )


def numbered(document, text: str, level: int, num_id: str = LIST_ID) -> None:
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = int(num_id)


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def seed_as_docx() -> bytes:
    """The seed report typed into Word with automatic numbering: the numbers are not in the text."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    document = docx.Document()
    add_list(document)
    for line in lines:
        number, _dot, rest = line.partition(". ")
        if number.isdigit():
            numbered(document, rest, 0)
        elif len(number) == 1 and number.islower():
            numbered(document, rest, 1)
        else:
            document.add_paragraph(line)  # a continuation line has no number of its own
    document.add_paragraph("ANEXO: LISTA DE PARTICIPANTES")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Delegación", "Institución"
    table.cell(1, 0).text, table.cell(1, 1).text = (
        "Costa Rica",
        "Dirección General de Migración y Extranjería",
    )
    return to_bytes(document)


def test_docx_with_automatic_numbering_reads_like_the_text(seed_draft):
    with translation.override("en"):
        draft = import_report_file(seed_as_docx(), "informe.docx")
    assert shape(draft) == shape(seed_draft)
    assert draft.title == seed_draft.title
    assert "\n1. Agradecer a las delegaciones de Canadá" in draft.source_text
    assert "\na) Los países interesados" in draft.source_text
    assert [str(w) for w in draft.warnings] == [
        "Text after the last point was not imported: “ANEXO: LISTA DE PARTICIPANTES” (3 line(s))."
    ]


def test_docx_list_that_restarts_and_style_numbering():
    document = docx.Document()
    add_list(document, restart_id="91")
    numbered(document, "Primero", 0)
    numbered(document, "Detalle", 1)
    numbered(document, "Segundo", 0)
    numbered(document, "Otra vez primero", 0, num_id="91")  # Word's "Restart numbering"
    document.add_paragraph("Con estilo", style="List Number")
    document.add_paragraph("Con estilo otra vez", style="List Number")
    assert extract_text(to_bytes(document), "x.docx").splitlines() == [
        "1. Primero",
        "a) Detalle",
        "2. Segundo",
        "1. Otra vez primero",
        "1. Con estilo",
        "2. Con estilo otra vez",
    ]


def test_docx_tables_give_their_rows_in_order():
    document = docx.Document()
    document.add_paragraph("Acuerdos")
    table = document.add_table(rows=3, cols=3)
    rows = [
        ("N.º", "Acuerdo", "Responsable"),
        ("1", "Enviar la matriz.", "Países"),
        ("2.", "Circularla.", "ST"),
    ]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.add_paragraph("Fin")
    assert extract_text(to_bytes(document), "acuerdos.docx").splitlines() == [
        "Acuerdos",
        "N.º | Acuerdo | Responsable",
        "1. Enviar la matriz. | Países",
        "2. Circularla. | ST",
        "Fin",
    ]


# --- .pdf -----------------------------------------------------------------------------------------------

PAGE_CSS = (
    "@page { size: A4; margin: 2.5cm; @top-center { content: 'Red de Funcionarios de Enlace - CRM'; }"
    " @bottom-center { content: 'Página ' counter(page) ' de ' counter(pages); } }"
    " body { font-family: serif; font-size: 11pt; }"
)


def pdf_of(lines: list[str], break_before: str = "") -> bytes:
    paragraphs = []
    for line in lines:
        style = ' style="page-break-before: always"' if break_before and line.startswith(break_before) else ""
        paragraphs.append(f"<p{style}>{html.escape(line)}</p>")
    return HTML(
        string=f"<html><head><style>{PAGE_CSS}</style></head><body>{''.join(paragraphs)}</body></html>"
    ).write_pdf()


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return pdf_of(lines, break_before="4.")


def test_pdf_reads_like_the_text_without_page_headers_and_footers(seed_pdf, seed_draft):
    assert len(PdfReader(io.BytesIO(seed_pdf)).pages) == 2
    draft = import_report_file(seed_pdf, "informe.pdf")
    assert shape(draft) == shape(seed_draft)
    assert draft.title == seed_draft.title  # wrapped over two lines in the PDF
    assert "\f" in draft.source_text
    everything = str(draft.to_dict())
    assert "Página" not in everything and "CRM'" not in everything and "- CRM" not in everything
    assert draft.warnings == []


def test_pdf_locked_only_against_editing_opens(seed_pdf):
    writer = PdfWriter(clone_from=io.BytesIO(seed_pdf))
    writer.encrypt(user_password="", owner_password="propietario")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert import_report_file(buffer.getvalue(), "informe.pdf").date == dt.date(2016, 6, 8)


def encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.encrypt(user_password="secreto")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# --- Bad files ------------------------------------------------------------------------------------------


def zip_of(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


BAD_FILES = [
    ("empty", b"", "informe.txt", "The file is empty."),
    ("too large", b"1. a\n" * (settings.ENLACE_MAX_UPLOAD_BYTES // 5 + 1), "informe.txt", "The file is larger than 20 MB."),
    ("only spaces", b" \n\t\n", "informe.txt", "No text could be read from the file. A scanned document must go "
     "through text recognition (OCR) first."),
    ("binary named .txt", b"\x00\x01\x02binary\x00" * 10, "informe.txt",
     "Unsupported file type: upload the report as .docx, .pdf or .txt."),
    ("image", b"\x89PNG\r\n\x1a\n" + b"x" * 50, "scan.png", "Unsupported file type: upload the report as .docx, "
     ".pdf or .txt."),
    ("old word", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "informe.doc",
     "This is an old Word (.doc) file: save it as .docx and try again."),
    ("spreadsheet", zip_of(["xl/workbook.xml"]), "informe.xlsx",
     "Unsupported file type: upload the report as .docx, .pdf or .txt."),
    ("corrupt zip", b"PK\x03\x04" + b"\x13" * 200, "informe.docx", "The file is damaged and could not be read."),
    ("corrupt docx", zip_of(["word/document.xml", "[Content_Types].xml"]), "informe.docx",
     "The file is damaged and could not be read."),
    ("text named .docx", b"1. Acuerdo", "informe.docx",
     "The file is damaged or is not really a DOCX file."),
    ("corrupt pdf", b"%PDF-1.7\n" + b"\x07garbage" * 40, "informe.pdf", "The file is damaged and could not be read."),
    ("not a report", b"Estimados colegas:\nLes saludamos.\n", "carta.txt",
     "No numbered points and no meeting date were found: this does not look like a meeting report."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "filename", "message"), [case[1:] for case in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_bad_files_are_refused_with_a_message(data, filename, message):
    draft = None
    with translation.override("en"), pytest.raises(ReportFileError) as caught:
        draft = import_report_file(data, filename)
    assert draft is None
    assert str(caught.value) == message
    assert str(caught.value.message) == message


def test_password_protected_pdf_is_refused(seed_pdf):
    with translation.override("en"), pytest.raises(ReportFileError) as caught:
        import_report_file(encrypted(seed_pdf), "informe.pdf")
    assert (
        str(caught.value)
        == "The PDF is protected with a password. Remove the protection and upload it again."
    )


def test_pdf_without_text_is_refused_as_scanned():
    scanned = HTML(string='<div style="width:10cm;height:10cm;background:#888"></div>').write_pdf()
    with translation.override("en"), pytest.raises(ReportFileError) as caught:
        import_report_file(scanned, "escaneado.pdf")
    assert str(caught.value).startswith("No text could be read from the file.")


def test_error_messages_are_translatable():
    with translation.override("es"), pytest.raises(ReportFileError) as caught:
        import_report_file(b"", "informe.txt")
    assert isinstance(caught.value.message, Promise)  # a lazy string: translated when it is shown


def test_type_comes_from_the_content_not_the_name(seed_pdf):
    assert import_report_file(seed_pdf, "informe.txt").date == dt.date(2016, 6, 8)
    assert import_report_file(SEED.read_bytes(), "informe").date == dt.date(2016, 6, 8)
