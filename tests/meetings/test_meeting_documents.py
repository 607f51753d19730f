import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from enlace.core.models import Visibility
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% agenda\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_secretariat_adds_a_document_members_download_it(
    organizations, secretariat_staff, costa_rica_officer
):
    meeting = make_meeting()
    url = f"/meetings/{meeting.pk}/documents/"
    upload = SimpleUploadedFile("Agenda final.pdf", PDF, content_type="application/pdf")
    response = client_for(secretariat_staff).post(url, {"title": "Agenda", "file": upload})
    assert response.status_code == 302
    document = meeting.documents.get()
    assert document.title == "Agenda" and document.content_type == "application/pdf"
    download = client_for(costa_rica_officer).get(f"/meetings/{meeting.pk}/documents/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    assert document.history.first().history_user == secretariat_staff


def test_officers_cannot_add_and_outsiders_cannot_download(
    organizations, secretariat_staff, costa_rica_officer, mexico_officer
):
    meeting = make_meeting(visibility=Visibility.RESTRICTED)
    upload = SimpleUploadedFile("a.pdf", PDF)
    assert (
        client_for(costa_rica_officer)
        .post(f"/meetings/{meeting.pk}/documents/", {"title": "x", "file": upload})
        .status_code
        == 404
    )
    client_for(secretariat_staff).post(
        f"/meetings/{meeting.pk}/documents/", {"title": "x", "file": SimpleUploadedFile("a.pdf", PDF)}
    )
    document = meeting.documents.get()
    assert (
        client_for(mexico_officer).get(f"/meetings/{meeting.pk}/documents/{document.pk}/").status_code == 404
    )
    other = make_meeting()
    assert (
        client_for(secretariat_staff).get(f"/meetings/{other.pk}/documents/{document.pk}/").status_code == 404
    )


def test_spoofed_file_is_refused_with_a_message_and_nothing_kept(organizations, secretariat_staff, tmp_path):
    meeting = make_meeting()
    upload = SimpleUploadedFile("agenda.pdf", b"MZ\x90\x00 not a pdf")
    response = client_for(secretariat_staff).post(
        f"/meetings/{meeting.pk}/documents/", {"title": "x", "file": upload}, follow=True
    )
    assert meeting.documents.count() == 0
    assert any("extension" in str(m) or "extensión" in str(m) for m in response.context["messages"])
    assert not any(tmp_path.rglob("*.pdf"))


def test_link_document(organizations, secretariat_staff):
    meeting = make_meeting()
    client = client_for(secretariat_staff)
    client.post(
        f"/meetings/{meeting.pk}/documents/", {"title": "Presentación", "url": "https://example.org/p"}
    )
    document = meeting.documents.get()
    response = client.get(f"/meetings/{meeting.pk}/documents/{document.pk}/")
    assert response.status_code == 302 and response["Location"] == "https://example.org/p"
