"""Malformed input never answers 500: huge numbers, odd parameters, on pages and API alike."""

import pytest
from rest_framework.test import APIClient

from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
PAGES = [
    f"/meetings/{HUGE}/",
    f"/meetings/{HUGE}/edit/",
    f"/meetings/{HUGE}/report.docx",
    f"/follow-up/commitments/{HUGE}/",
    f"/meetings/import/{HUGE}/",
    f"/meetings/?page={HUGE}&year=99999&body=XX",
    f"/follow-up/?meeting={HUGE}&page={HUGE}&due_from=2016-99-99&status=nope&organization=ZZ",
    f"/follow-up/export.csv?meeting={HUGE}",
    f"/directory/people/?page={HUGE}&role=king",
    f"/directory/{HUGE}/",
    f"/history/meeting/{HUGE}/",
    "/history/meeting/1/?as_of=2016-02-30",
]
API = [
    f"/api/v1/people/?limit={HUGE}&offset={HUGE}",
    f"/api/v1/meetings/?limit=-1&offset=-{HUGE}",
    f"/api/v1/meetings/{HUGE}/",
    f"/api/v1/commitments/?meeting={HUGE}&status=nope&organization=%00",
    f"/api/v1/commitments/{HUGE}/",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_never_answer_500(url, organizations, secretariat_staff):
    make_meeting()
    assert client_for(secretariat_staff).get(url).status_code in (200, 302, 400, 404)


@pytest.mark.parametrize("url", API)
def test_api_never_answers_500(url, organizations, secretariat_staff):
    make_meeting()
    client = APIClient()
    client.force_authenticate(secretariat_staff)
    assert client.get(url).status_code in (200, 400, 404)


def test_status_change_on_a_huge_id(organizations, secretariat_staff):
    client = APIClient()
    client.force_authenticate(secretariat_staff)
    response = client.post(f"/api/v1/commitments/{HUGE}/status/", {"status": "done"}, format="json")
    assert response.status_code == 404


def test_api_page_size_is_capped(organizations, secretariat_staff):
    client = APIClient()
    client.force_authenticate(secretariat_staff)
    response = client.get("/api/v1/organizations/?limit=100000")
    assert response.status_code == 200 and len(response.json()["results"]) == 18
