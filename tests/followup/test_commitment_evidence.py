"""Evidence of a commitment: accepted and refused files, https links, and the permission-checked download."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import Workbook

from enlace.core.models import Document, Visibility
from enlace.followup.evidence import commitment_add_evidence, safe_filename, validate_evidence_file
from enlace.followup.models import Evidence
from enlace.followup.views.commitments import evidence_download
from tests.conftest import client_for
from tests.factories.followup import by_text, commitment, days, meeting_with, network_meeting

pytestmark = pytest.mark.usefixtures("english")  # the messages are compared in English

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def docx_bytes() -> bytes:
    document = WordDocument()
    document.add_paragraph("Informe de avance")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "Avance"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def zip_bytes(names) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as package:
        for name in names:
            package.writestr(name, "<x/>")
    return output.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def iom_commitment(organizations):
    network_meeting()
    return by_text("nudos claves")


def url(c) -> str:
    return reverse("followup:commitment", args=[c.pk])


def post_file(client, c, name, content, title="Informe"):
    return client.post(
        url(c), {"action": "evidence", "evidence-title": title, "evidence-file": upload(name, content)}
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("informe.pdf", PDF),
        ("Informe Final.PDF", PDF),
        ("informe.docx", docx_bytes()),
        ("avance.xlsx", xlsx_bytes()),
        ("presentacion.pptx", zip_bytes(["[Content_Types].xml", "ppt/presentation.xml"])),
        ("antiguo.doc", OLE),
        ("antiguo.xls", OLE),
        ("foto.png", PNG),
        ("foto.jpg", JPEG),
        ("acta.txt", "Acta de la reunión: acuerdos cumplidos.".encode()),
        ("datos.csv", "\ufeffpaís,valor\nCosta Rica,3\n".encode()),
    ],
)
def test_accepted_files(iom_analyst, iom_commitment, media, name, content):
    response = post_file(client_for(iom_analyst), iom_commitment, name, content)
    assert response.status_code == 302
    evidence = iom_commitment.evidence.select_related("document").get()
    document = evidence.document
    assert document.owner.code == "IOM"
    assert document.visibility == iom_commitment.meeting.visibility == Visibility.NETWORK
    assert document.uploaded_by == iom_analyst and evidence.added_by == iom_analyst
    assert document.size == len(content) and document.content_type
    assert (media / document.file.name).read_bytes() == content
    assert document.file.name.startswith(f"documents/{document.owner_id}/")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("programa.exe", b"MZ\x90\x00", "This kind of file is not accepted."),
        ("pagina.html", b"<html><script>alert(1)</script></html>", "This kind of file is not accepted."),
        ("sin-extension", PDF, "This kind of file is not accepted."),
        ("informe.pdf", PNG, "The content of the file does not match its extension (.pdf)."),
        ("foto.png", PDF, "The content of the file does not match its extension (.png)."),
        ("script.pdf", b"#!/bin/sh\nrm -rf /\n", "does not match its extension"),
        ("falso.docx", zip_bytes(["[Content_Types].xml", "xl/workbook.xml"]), "does not match its extension"),
        ("falso.xlsx", docx_bytes(), "does not match its extension"),
        ("roto.docx", b"PK\x03\x04 not really a zip", "does not match its extension"),
        ("binario.txt", b"texto\x00con nulo", "does not match its extension"),
        ("latin1.csv", "país".encode("latin-1"), "does not match its extension"),
        ("vacio.pdf", b"", "The submitted file is empty."),
    ],
)
def test_refused_files(iom_analyst, iom_commitment, media, name, content, message):
    iom_analyst.language = "en"
    iom_analyst.save()
    response = post_file(client_for(iom_analyst), iom_commitment, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Evidence.objects.exists() and not Document.objects.exists()
    assert not any(media.rglob("*.*"))


def test_oversize_file_is_refused(settings, iom_analyst, iom_commitment):
    settings.ENLACE_MAX_UPLOAD_BYTES = 1024
    response = post_file(client_for(iom_analyst), iom_commitment, "grande.pdf", PDF + b"0" * 1024)
    assert response.status_code == 200
    assert "The file is too large: the limit is 1.0\xa0KB." in response.content.decode()
    assert not Evidence.objects.exists()


def test_the_default_limit_is_twenty_megabytes(iom_analyst, iom_commitment):
    big = upload("grande.pdf", b"")
    big.size = 20 * 1024 * 1024 + 1
    with pytest.raises(ValidationError, match="too large"):
        validate_evidence_file(big)


def test_file_names_are_sanitised(iom_analyst, iom_commitment, media):
    post_file(client_for(iom_analyst), iom_commitment, "../../etc/Informe final <v2>.PDF", PDF)
    document = Document.objects.get()
    assert document.file.name == f"documents/{document.owner_id}/Informe_final_v2.pdf"
    assert safe_filename("C:\\Users\\ana\\acta.txt") == "acta.txt"
    assert safe_filename(".pdf") == "pdf"
    assert safe_filename("...") == "file"
    assert safe_filename("x" * 300 + ".pdf") == "x" * 116 + ".pdf"


def test_links_must_be_https(iom_analyst, iom_commitment):
    client = client_for(iom_analyst)
    for bad in ("http://example.org/informe", "javascript:alert(1)", "ftp://example.org/x"):
        response = client.post(
            url(iom_commitment), {"action": "evidence", "evidence-title": "x", "evidence-url": bad}
        )
        assert response.status_code == 200
        assert not Evidence.objects.exists()
    response = client.post(
        url(iom_commitment),
        {
            "action": "evidence",
            "evidence-title": "Informe publicado",
            "evidence-url": "https://example.org/informe",
        },
    )
    assert response.status_code == 302
    document = Evidence.objects.get().document
    assert (document.url, document.title, bool(document.file)) == (
        "https://example.org/informe",
        "Informe publicado",
        False,
    )
    html = client.get(url(iom_commitment)).content.decode()
    assert (
        '<a href="https://example.org/informe" rel="noopener noreferrer external">Informe publicado</a>'
        in html
    )


def test_a_file_or_a_link_not_both(iom_analyst, iom_commitment):
    iom_analyst.language = "en"
    iom_analyst.save()
    client = client_for(iom_analyst)
    for data in (
        {"evidence-title": "x"},
        {
            "evidence-title": "x",
            "evidence-url": "https://example.org/",
            "evidence-file": upload("a.pdf", PDF),
        },
    ):
        response = client.post(url(iom_commitment), {"action": "evidence", **data})
        assert "Add either a file or a link (not both)." in response.content.decode()
    assert not Evidence.objects.exists()


def test_the_service_checks_permission_and_content(mexico_officer, iom_analyst, iom_commitment):
    with pytest.raises(PermissionDenied):
        commitment_add_evidence(
            commitment=iom_commitment, actor=mexico_officer, title="x", url="https://example.org/"
        )
    with pytest.raises(ValidationError):
        commitment_add_evidence(
            commitment=iom_commitment, actor=iom_analyst, title="x", file=upload("a.pdf", PNG)
        )
    with pytest.raises(ValidationError):
        commitment_add_evidence(
            commitment=iom_commitment, actor=iom_analyst, title="x", url="http://example.org/"
        )
    assert not Evidence.objects.exists()


def test_download_is_checked_and_an_attachment(iom_analyst, mexico_officer, rrocm_member, iom_commitment):
    post_file(client_for(iom_analyst), iom_commitment, "informe.pdf", PDF)
    evidence = Evidence.objects.get()
    download = reverse("followup:evidence", args=[evidence.pk])
    assert download in client_for(iom_analyst).get(url(iom_commitment)).content.decode()
    for user in (iom_analyst, mexico_officer, rrocm_member):  # a network meeting: every member may read it
        response = client_for(user).get(download)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="informe.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
    anonymous = client_for(None).get(download)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert (
        client_for(iom_analyst).get(reverse("followup:evidence", args=[evidence.pk + 1])).status_code == 404
    )


def test_restricted_meeting_evidence_is_not_downloadable_by_others(
    costa_rica_officer, mexico_officer, secretariat_staff, organizations
):
    meeting_with(
        commitment("1", "Compromiso reservado", ["CR"], due=days(9)),
        visibility=Visibility.RESTRICTED,
        owner=organizations["CR"],
    )
    reserved = by_text("reservado")
    evidence = commitment_add_evidence(
        commitment=reserved, actor=costa_rica_officer, title="Oficio", file=upload("oficio.pdf", PDF)
    )
    assert evidence.document.visibility == Visibility.RESTRICTED
    assert evidence.document.owner.code == "CR"
    request = RequestFactory().get("/")
    request.user = mexico_officer
    with pytest.raises(Http404):
        evidence_download(request, evidence.pk)
    request.user = secretariat_staff
    assert evidence_download(request, evidence.pk).status_code == 200
    request.user = costa_rica_officer
    assert evidence_download(request, evidence.pk).status_code == 200


def test_links_are_not_downloads(iom_analyst, iom_commitment):
    evidence = commitment_add_evidence(
        commitment=iom_commitment, actor=iom_analyst, title="Web", url="https://example.org/"
    )
    assert client_for(iom_analyst).get(reverse("followup:evidence", args=[evidence.pk])).status_code == 404
