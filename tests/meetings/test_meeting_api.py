import pytest
from rest_framework.test import APIClient

from enlace.core.models import Visibility
from enlace.meetings.models import Commitment
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


def api_as(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_visitors_get_published_meetings_only(organizations):
    make_meeting(visibility=Visibility.NETWORK, title="Red")
    public = make_meeting(visibility=Visibility.PUBLIC, title="Publicada")
    response = api_as().get("/api/v1/meetings/")
    assert response.status_code == 200
    assert [m["title"] for m in response.json()["results"]] == ["Publicada"]
    detail = api_as().get(f"/api/v1/meetings/{public.pk}/").json()
    assert [a["label"] for a in detail["agreements"]] == ["1", "2", "3"]
    assert [s["label"] for s in detail["agreements"][1]["subpoints"]] == ["a", "b"]
    assert detail["country"] == "HN" and len(detail["delegations"]) == 9


def test_restricted_meeting_is_404_for_other_members(organizations, mexico_officer, secretariat_staff):
    meeting = make_meeting(visibility=Visibility.RESTRICTED)
    assert api_as(mexico_officer).get(f"/api/v1/meetings/{meeting.pk}/").status_code == 404
    assert api_as(secretariat_staff).get(f"/api/v1/meetings/{meeting.pk}/").status_code == 200


def test_commitments_filtered_and_mine_first(organizations, iom_analyst):
    make_meeting()
    rows = api_as(iom_analyst).get("/api/v1/commitments/").json()["results"]
    assert rows[0]["responsible"] == ["IOM"]
    only_states = api_as(iom_analyst).get("/api/v1/commitments/?organization=STATES").json()["results"]
    assert [r["agreement"] for r in only_states] == ["2.a"]
    assert only_states[0]["overdue"] is True and only_states[0]["recipient"] == "ST"


def test_status_change_through_the_api(organizations, iom_analyst, mexico_officer):
    make_meeting()
    commitment = Commitment.objects.get(responsible__code="IOM")
    url = f"/api/v1/commitments/{commitment.pk}/status/"
    assert api_as(mexico_officer).post(url, {"status": "in_progress"}).status_code == 404
    # Without credentials: 401 (ask for a token) for every commitment alike, so outsiders do not learn it exists.
    assert api_as().post(url, {"status": "in_progress"}).status_code == 401
    bad = api_as(iom_analyst).post(url, {"status": "finished"})
    assert bad.status_code == 400 and "status" in bad.json()
    refused = api_as(iom_analyst).post(url, {"status": "done"})
    assert refused.status_code == 400
    ok = api_as(iom_analyst).post(url, {"status": "in_progress", "note": "Borrador listo"})
    assert ok.status_code == 200 and ok.json()["status"] == "in_progress"
