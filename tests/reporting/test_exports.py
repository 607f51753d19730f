"""The files of country reporting opened in real readers: the regional report in PDF (pypdf) and .docx
(python-docx and LibreOffice), the regional table in Excel, and the framework's .xlsx round trip."""

import io
import shutil
import subprocess

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from enlace.reporting.models import Framework
from enlace.reporting.services import submissions as services
from tests.factories.reporting import (
    COMPLETE,
    make_cycle,
    make_framework,
    reference_framework,
    submitted_report,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def validated_cycle(secretariat_staff, costa_rica_officer, organizations):
    cycle = make_cycle(
        secretariat_staff, make_framework(), expected=[organizations["CR"], organizations["MX"]]
    )
    values = {**COMPLETE, "TIP-PR-08": (4321, {"sex:female": 4000, "sex:male": 321}), "TIP-PR-09": 1234}
    services.submission_validate(
        actor=secretariat_staff, submission=submitted_report(costa_rica_officer, cycle, values)
    )
    return cycle


def download(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def test_regional_report_pdf_and_docx(client, validated_cycle, mexico_officer, tmp_path):
    client.force_login(mexico_officer)
    pdf = PdfReader(
        io.BytesIO(download(client, reverse("reporting:report", args=[validated_cycle.pk, "pdf"])))
    )
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Costa Rica" in text and "4321" in text and "faltante" in text  # Mexico has not submitted
    word = download(client, reverse("reporting:report", args=[validated_cycle.pk, "docx"]))
    document = docx.Document(io.BytesIO(word))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "4321" in cells and "1234" in cells
    if shutil.which("soffice"):
        (tmp_path / "report.docx").write_bytes(word)
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "txt:Text",
             "--outdir", str(tmp_path), str(tmp_path / "report.docx")],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        assert "4321" in (tmp_path / "report.txt").read_text(encoding="utf-8-sig")


def test_the_public_gets_the_report_only_once_published(client, validated_cycle, secretariat_staff):
    url = reverse("reporting:report", args=[validated_cycle.pk, "docx"])
    assert client.get(url).status_code == 404
    from enlace.reporting.services.cycles import cycle_publish

    cycle_publish(actor=secretariat_staff, cycle=validated_cycle)
    cells = [
        c.text
        for t in docx.Document(io.BytesIO(download(client, url))).tables
        for r in t.rows
        for c in r.cells
    ]
    assert "4321" in cells


def test_regional_excel_opens_with_the_figures(client, validated_cycle, secretariat_staff):
    client.force_login(secretariat_staff)
    book = openpyxl.load_workbook(
        io.BytesIO(download(client, reverse("reporting:table_export", args=[validated_cycle.pk, "xlsx"])))
    )
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Código", "Indicador", "Pilar")
    assert any(row[0] == "TIP-PR-08" and "4321" in [str(v) for v in row] for row in rows)


def test_the_reference_framework_round_trips_through_xlsx_as_a_new_version(
    client, secretariat_staff, costa_rica_officer
):
    framework = reference_framework()
    assert 40 <= framework.indicators.count() <= 80
    assert {i.pillar for i in framework.indicators.all()} == {
        "prevention",
        "protection",
        "prosecution",
        "cooperation",
    }
    victims = framework.indicators.get(unodc_figure="victims")
    assert {"sex", "age", "exploitation"} <= set(victims.disaggregations)
    client.force_login(secretariat_staff)
    data = download(client, reverse("reporting:framework_export", args=[framework.pk]))
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["Indicators"]["E2"] = "El delito de trata tipifica el acto, los medios y los fines"
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        reverse("reporting:framework_import"), {"file": SimpleUploadedFile("f.xlsx", buffer.getvalue())}
    )
    assert response.status_code == 302, [
        line for line in response.content.decode().splitlines() if "<li>" in line
    ]
    new = Framework.objects.get(code=framework.code, version=2)
    assert new.previous == framework
    assert (
        new.indicators.count() == framework.indicators.count()
        and new.rules.count() == framework.rules.count()
    )
    assert new.indicators.get(code="TIP-PR-01").text_es.endswith("los medios y los fines")
    assert framework.indicators.get(code="TIP-PR-01").text_es.endswith("el medio y el fin de explotación")


def test_a_framework_file_with_a_bad_cell_makes_no_version(client, secretariat_staff, costa_rica_officer):
    framework = reference_framework()
    client.force_login(secretariat_staff)
    book = openpyxl.load_workbook(
        io.BytesIO(download(client, reverse("reporting:framework_export", args=[framework.pk])))
    )
    book["Indicators"]["C3"] = "justice"
    book["Rules"]["B2"] = "TIP-XX-99"
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        reverse("reporting:framework_import"), {"file": SimpleUploadedFile("f.xlsx", buffer.getvalue())}
    )
    assert response.status_code == 400
    assert "celda C3" in response.content.decode()
    assert Framework.objects.count() == 1
    client.force_login(costa_rica_officer)
    assert (
        client.post(
            reverse("reporting:framework_import"), {"file": SimpleUploadedFile("f.xlsx", buffer.getvalue())}
        ).status_code
        == 404
    )
