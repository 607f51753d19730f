import pytest

from enlace.meetings.models import Agreement, Commitment
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


def test_secretariat_adds_a_commitment_under_a_point(organizations, secretariat_staff, costa_rica_officer):
    meeting = make_meeting()
    point = Agreement.objects.get(meeting=meeting, parent__label="3", label="a")
    url = f"/meetings/{meeting.pk}/commitments/new/"
    data = {
        "agreement": point.pk,
        "text": "Circular el análisis",
        "responsible": [organizations["ST"].pk],
        "recipient": "",
        "due_date": "2016-09-30",
        "deadline_phrase": "a más tardar el 30 de septiembre",
    }
    assert client_for(costa_rica_officer).post(url, data).status_code == 404
    response = client_for(secretariat_staff).post(url, data)
    commitment = Commitment.objects.get(text="Circular el análisis")
    assert response["Location"] == f"/follow-up/commitments/{commitment.pk}/"
    assert commitment.meeting == meeting and commitment.agreement == point
    assert [org.code for org in commitment.responsible.all()] == ["ST"]


def test_a_commitment_needs_someone_responsible_and_a_point_of_this_meeting(organizations, secretariat_staff):
    meeting, other = make_meeting(), make_meeting()
    foreign_point = Agreement.objects.filter(meeting=other).first()
    client = client_for(secretariat_staff)
    before = Commitment.objects.count()
    response = client.post(
        f"/meetings/{meeting.pk}/commitments/new/", {"agreement": foreign_point.pk, "text": "x"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["agreement"]
    own_point = Agreement.objects.filter(meeting=meeting).first()
    response = client.post(
        f"/meetings/{meeting.pk}/commitments/new/", {"agreement": own_point.pk, "text": "x"}
    )
    assert response.context["form"].non_field_errors()
    assert Commitment.objects.count() == before
