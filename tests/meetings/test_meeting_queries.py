"""The meeting pages read a fixed number of queries, however many points, commitments and meetings there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enlace.core.models import Visibility
from enlace.meetings.draft import AgreementDraft, CommitmentDraft, SubpointDraft
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


def meeting_with(points: int):
    agreements = [
        AgreementDraft(
            number=str(n),
            text=f"Punto {n}",
            subpoints=[SubpointDraft(label="a", text=f"Subpunto {n}.a", organizations=["IOM"])],
        )
        for n in range(1, points + 1)
    ]
    commitments = [
        CommitmentDraft(
            agreement=f"{n}.a", text=f"Compromiso {n}", responsible=["IOM", "CR", "STATES"], recipient="ST"
        )
        for n in range(1, points + 1)
    ]
    return make_meeting(agreements=agreements, commitments=commitments)


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_meeting_page_queries_do_not_grow(organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    small, large = meeting_with(2), meeting_with(60)
    assert count(client, f"/meetings/{small.pk}/") == count(client, f"/meetings/{large.pk}/")


def test_meeting_list_queries_do_not_grow(organizations, costa_rica_officer):
    client = client_for(costa_rica_officer)
    make_meeting()
    few = count(client, "/meetings/")
    for _ in range(30):
        make_meeting(visibility=Visibility.PUBLIC)
    assert count(client, "/meetings/") == few
