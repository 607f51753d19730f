import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from enlace.core.models import Document
from enlace.followup.evidence import commitment_add_evidence
from enlace.meetings.models import Agreement, Commitment, Meeting
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db(transaction=True)  # the files go when the deletion is committed


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_secretariat_deletes_a_meeting_with_everything_under_it(
    organizations, secretariat_staff, iom_analyst, costa_rica_officer, tmp_path
):
    meeting = make_meeting()
    other = make_meeting()
    commitment = Commitment.objects.get(meeting=meeting, responsible__code="IOM")
    commitment_add_evidence(
        commitment=commitment,
        actor=iom_analyst,
        title="Informe",
        file=SimpleUploadedFile("informe.txt", b"Informe de avance"),
    )
    assert any(tmp_path.rglob("informe*.txt"))
    url = f"/meetings/{meeting.pk}/delete/"
    assert client_for(costa_rica_officer).post(url).status_code == 404
    assert client_for(secretariat_staff).get(url).status_code == 405
    response = client_for(secretariat_staff).post(url)
    assert response["Location"] == "/meetings/"
    assert list(Meeting.objects.all()) == [other]
    assert not Agreement.objects.filter(meeting_id=meeting.pk).exists()
    assert not Commitment.objects.filter(meeting_id=meeting.pk).exists()
    assert Document.objects.count() == 0 and not any(tmp_path.rglob("informe*.txt"))
    deleted = Meeting.history.filter(id=meeting.pk, history_type="-").get()
    assert deleted.history_user == secretariat_staff
    assert Commitment.history.filter(meeting_id=meeting.pk, history_type="-").count() == 3
