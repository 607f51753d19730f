"""The generated reports as real clients read them: Word's numbering, a clean package, the language of every
paragraph in a report in the other language, virtual meetings; and LibreOffice converting the .docx."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from enlace.meetings.draft import AgreementDraft, ReportDraft, SubpointDraft
from enlace.meetings.report_data import meeting_report_draft
from enlace.meetings.reports import render_docx
from enlace.meetings.reports.content import build_content
from enlace.meetings.reports.pdf import render_html
from tests.factories.meetings import MeetingFactory
from tests.meetings.seed_drafts import NAMES_EN, NAMES_ES, make_seed_draft


def _num_ids(document, style_name: str) -> list[str | None]:
    ids = []
    for paragraph in document.paragraphs:
        if paragraph.style.name == style_name:
            num_pr = paragraph._p.find(qn("w:pPr") + "/" + qn("w:numPr"))
            ids.append(num_pr.find(qn("w:numId")).get(qn("w:val")) if num_pr is not None else None)
    return ids


def test_points_are_one_word_list_and_each_point_has_its_own_letters():
    draft = make_seed_draft()
    document = docx.Document(io.BytesIO(render_docx(draft, language="es", names=NAMES_ES)))
    points = _num_ids(document, "Report Point")
    subpoints = _num_ids(document, "Report Sub-point")
    assert len(points) == 7 and len(set(points)) == 1 and None not in points
    with_letters = [a for a in draft.agreements if a.subpoints]
    assert len(set(subpoints)) == len(with_letters)  # a list per point, so the letters restart
    first_point = next(p for p in document.paragraphs if p.style.name == "Report Point")
    assert first_point.text == draft.agreements[0].text  # the number is Word's, not typed in the text


def test_labels_that_do_not_count_up_stay_literal():
    draft = ReportDraft(
        body="OTHER",
        agreements=[AgreementDraft(number="3", text="Tres."), AgreementDraft(number="5", text="Cinco.")],
    )
    document = docx.Document(io.BytesIO(render_docx(draft, language="es", names={})))
    assert _num_ids(document, "Report Point") == [None, None]
    assert [p.text for p in document.paragraphs][-2:] == ["3. Tres.", "5. Cinco."]


def test_package_has_no_stale_thumbnail_template_xml_or_foreign_properties():
    data = render_docx(make_seed_draft(), language="es", names=NAMES_ES)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        rels = package.read("_rels/.rels").decode()
    assert not any("thumbnail" in name or name.startswith("customXml") for name in names)
    assert "thumbnail" not in rels
    assert "<Application>Enlace</Application>" in app and "Macintosh" not in app and "Template" not in app


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_numbers_the_points_and_renumbers_an_inserted_one(tmp_path):
    document = docx.Document(io.BytesIO(render_docx(make_seed_draft(), language="es", names=NAMES_ES)))
    points = [p for p in document.paragraphs if p.style.name == "Report Point"]
    inserted = copy.deepcopy(points[0]._p)  # as a person would: a new point in the list, before the second
    inserted.find(qn("w:r")).find(qn("w:t")).text = "Punto nuevo insertado."
    points[1]._p.addprevious(inserted)
    document.save(tmp_path / "report.docx")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(tmp_path / "report.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    lines = [line.strip() for line in (tmp_path / "report.txt").read_text(encoding="utf-8-sig").splitlines()]
    numbered = [line for line in lines if line[:2].rstrip(".").isdigit() and ". " in line[:4]]
    assert numbered[0].startswith("1. Agradecer") and numbered[1] == "2. Punto nuevo insertado."
    assert [line.split(".")[0] for line in numbered] == [str(n) for n in range(1, 9)]  # 7 points + 1
    assert any(line.startswith("a. ") for line in lines)


@pytest.mark.django_db
def test_english_report_of_a_spanish_meeting_marks_what_is_still_spanish(organizations):
    meeting = MeetingFactory()
    meeting.title_translation = "Meeting of the Liaison Officer Network"
    meeting.save()
    first, second = meeting.agreements.filter(parent=None).order_by("position")[:2]
    first.translation = "Thank the delegations for their reports."
    first.save()
    draft = meeting_report_draft(meeting, "en")
    content = build_content(draft, language="en", names=NAMES_EN)
    assert content.title == "Meeting of the Liaison Officer Network"
    assert content.agreements[0].text == "Thank the delegations for their reports."
    assert content.agreements[0].language_tag == ""
    assert content.agreements[1].text == second.text and content.agreements[1].language_tag == "es-419"
    assert content.agreements[1].subpoints[0].language_tag == "es-419"

    document = docx.Document(io.BytesIO(render_docx(draft, language="en", names=NAMES_EN)))
    points = [p for p in document.paragraphs if p.style.name == "Report Point"]
    assert points[0]._p.find(".//" + qn("w:lang")) is None  # English, as the document
    assert points[1]._p.find(".//" + qn("w:lang")).get(qn("w:val")) == "es-419"
    html = render_html(draft, language="en", names=NAMES_EN)
    assert html.count('lang="es-419"') == sum(
        1 for item in content.agreements for i in [item, *item.subpoints] if i.language_tag
    )
    assert '<html lang="en-US"' in html or 'lang="en-US"' in html.split(">", 2)[1]


def test_a_virtual_meeting_is_not_held_in_a_city():
    draft = ReportDraft(
        body="NETWORK",
        place="",
        virtual=True,
        date=make_seed_draft().date,
        delegations=["CR", "MX"],
        agreements=[AgreementDraft(number="1", text="Uno.", subpoints=[SubpointDraft(label="a", text="A.")])],
    )
    english = build_content(draft, language="en", names=NAMES_EN)
    spanish = build_content(draft, language="es", names=NAMES_ES)
    assert english.place_line == "Virtual meeting" and spanish.place_line == "Reunión virtual"
    assert "at its virtual meeting held on June 8, 2016, with the participation" in english.opening
    assert "en reunión virtual celebrada el 08 de junio de 2016, con la participación" in spanish.opening


def test_pdf_footers_are_pagination_artifacts_and_all_other_content_is_in_the_tree():
    import re

    import pypdf

    from enlace.meetings.reports import render_pdf
    from enlace.meetings.reports.pdf import _reached

    data = render_pdf(make_seed_draft(), language="es", names=NAMES_ES)
    reader = pypdf.PdfReader(io.BytesIO(data))
    reached: set = set()
    _reached(reader.trailer["/Root"]["/StructTreeRoot"]["/K"], None, reached)
    assert len(reader.pages) == 2
    for number, page in enumerate(reader.pages, start=1):
        stream = page.get_contents().get_data()
        footer = stream.split(b"/Artifact\n<</Type /Pagination /Subtype /Footer>>\nBDC", 1)
        assert len(footer) == 2  # one footer artifact per page
        ids = {int(m) for m in re.findall(rb"<</MCID (\d+)>>\nBDC", stream)}
        assert ids and all((page.indirect_reference.idnum, mcid) in reached for mcid in ids)
        assert page.extract_text().endswith(f"Página {number} de 2")  # still printed on the page
    assert b"pdfuaid" in reader.xmp_metadata.stream.get_data()
