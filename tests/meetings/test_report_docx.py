"""The .docx report: python-docx reads it back with the seed's layout and text."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from enlace.core.labels import format_label
from enlace.meetings.draft import AgreementDraft, ReportDraft, SubpointDraft
from enlace.meetings.reports import render_docx
from tests.meetings.seed_drafts import NAMES_EN, NAMES_ES, STRUCTURE, make_english_draft, make_seed_draft

HEADINGS_ES = [
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM)",
    "GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN (GRCM)",
]
HEADINGS_EN = ["REGIONAL CONFERENCE ON MIGRATION (RCM)", "REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)"]


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def numbered_texts(document) -> list[str]:
    """Each paragraph's text with the label Word shows for it, read from the numbering part as Word counts."""
    numbering = document.part.numbering_part.element
    abstract_of = {num.get(qn("w:numId")): num.find(qn("w:abstractNumId")).get(qn("w:val"))
                   for num in numbering.findall(qn("w:num"))}  # fmt: skip
    levels = {
        a.get(qn("w:abstractNumId")): a.find(qn("w:lvl")) for a in numbering.findall(qn("w:abstractNum"))
    }
    counters: dict[str, int] = {}
    texts = []
    for paragraph in document.paragraphs:
        num_pr = paragraph._p.find(qn("w:pPr") + "/" + qn("w:numPr"))
        if num_pr is None:
            texts.append(paragraph.text)
            continue
        num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
        level = levels[abstract_of[num_id]]
        start = int(level.find(qn("w:start")).get(qn("w:val")))
        counters[num_id] = counters.get(num_id, start - 1) + 1
        word_format = level.find(qn("w:numFmt")).get(qn("w:val"))
        kind = {"decimal": "num", "lowerLetter": "lower", "upperLetter": "upper", "lowerRoman": "rlower",
                "upperRoman": "rupper"}[word_format]  # fmt: skip
        label = (
            level.find(qn("w:lvlText")).get(qn("w:val")).replace("%1", format_label(counters[num_id], kind))
        )
        texts.append(f"{label} {paragraph.text}")
    return texts


def points(document) -> list[tuple[str, str]]:
    """(style name, text as Word shows it) of every paragraph after the opening."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Report Opening") + 1
    texts = numbered_texts(document)
    return [(p.style.name, texts[i]) for i, p in enumerate(paragraphs) if i >= start]


def test_docx_layout_es():
    draft = make_seed_draft()
    created = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    document = open_docx(render_docx(draft, language="es", names=NAMES_ES, created=created))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    # 2 headings, title, place, date, opening, 7 agreements, 7 sub-points.
    assert len(paragraphs) == 2 + 1 + 2 + 1 + 7 + 7
    assert texts[:2] == HEADINGS_ES
    assert texts[2].startswith("INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE")
    assert texts[3:5] == ["Tegucigalpa, Honduras", "08 de junio de 2016"]
    assert texts[5].startswith("La Red de Funcionarios de Enlace")
    assert "Panamá y República Dominicana, presenta al Grupo Regional" in texts[5]

    for paragraph in paragraphs[:5]:
        assert paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in paragraphs[:3]:
        assert paragraph.style.font.bold
    assert paragraphs[5].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY

    expected = []
    for agreement in draft.agreements:
        expected.append(("Report Point", f"{agreement.number}. {agreement.text}"))
        expected += [("Report Sub-point", f"{s.label}. {s.text}") for s in agreement.subpoints]
    assert points(document) == expected
    subpoint = next(p for p in paragraphs if p.style.name == "Report Sub-point")
    assert subpoint.style.paragraph_format.left_indent > 0
    assert subpoint.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    labels = [text.split(" ", 1)[0] for style, text in points(document) if style == "Report Sub-point"]
    assert labels == [f"{label}." for labels in STRUCTURE.values() for label in labels]

    props = document.core_properties
    assert props.title == texts[2]
    assert props.language == "es-419"
    assert props.created == dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    assert section.footer.paragraphs[0].text == "Página 1 de 1"


def test_docx_continuation_lines_stay_inside_their_point():
    document = open_docx(render_docx(make_seed_draft(), language="es", names=NAMES_ES))
    point_3a = next(t for t in numbered_texts(document) if t.startswith("a. OIM ofreció"))
    assert "\nLa OIM realizará un análisis de nudos claves" in point_3a


def test_docx_english():
    draft = make_english_draft()
    document = open_docx(render_docx(draft, language="en", names=NAMES_EN))
    texts = numbered_texts(document)
    assert texts[:2] == HEADINGS_EN
    assert texts[2] == (
        "REPORT OF THE MEETING OF THE LIAISON OFFICER NETWORK TO COMBAT MIGRANT SMUGGLING AND "
        "TRAFFICKING IN PERSONS"
    )
    assert texts[3:5] == ["Tegucigalpa, Honduras", "June 8, 2016"]
    assert "Guatemala, Honduras, Mexico, Panama and Dominican Republic, presents to" in texts[5]
    assert texts[6] == f"1. {draft.agreements[0].text}"
    assert document.core_properties.language == "en-US"
    assert document.sections[0].footer.paragraphs[0].text == "Page 1 of 1"


def test_docx_minimal_and_hostile_text():
    draft = ReportDraft(
        body="OTHER",
        agreements=[
            AgreementDraft(number="1", text="A <b>&amp;</b> \x0b text\twith\x01 controls"),
            AgreementDraft(
                number="2)", text="", subpoints=[SubpointDraft(label="a", text="  only a sub-point ")]
            ),
        ],
    )
    document = open_docx(render_docx(draft, language="es", names={}))
    texts = numbered_texts(document)
    assert texts == [
        "INFORME DE LA REUNIÓN",
        "Se acordaron los siguientes puntos:",
        "1. A <b>&amp;</b> text with controls",
        "2)",
        "a. only a sub-point",
    ]
