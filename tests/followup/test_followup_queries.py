"""The follow-up page and its exports read a bounded number of queries, however many commitments there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import client_for
from tests.factories.followup import bulk_commitments, commitment, days, meeting_with

URL = reverse("followup:page")


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("query", ["", "?organization=IOM&status=active", "?mine=on&q=Compromiso"])
def test_followup_page_queries_do_not_grow_from_10_to_1000_commitments(iom_analyst, organizations, query):
    meeting = meeting_with(commitment("1", "Compromiso inicial", ["IOM"], due=days(2)))
    bulk_commitments(meeting, 9, organizations["IOM"])
    other = meeting_with(commitment("1", "Compromiso de México", ["MX"], due=days(4)), title="Otra reunión")
    client = client_for(iom_analyst)
    client.get(URL + query)  # warm up the session and caches
    with_ten = count_queries(client, URL + query)

    bulk_commitments(meeting, 600, organizations["IOM"])
    bulk_commitments(other, 390, organizations["MX"])
    with_a_thousand = count_queries(client, URL + query)
    assert with_a_thousand == with_ten


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_queries_are_bounded(iom_analyst, organizations, fmt):
    meeting = meeting_with(commitment("1", "Compromiso inicial", ["IOM"], due=days(2)))
    bulk_commitments(meeting, 9, organizations["IOM"])
    client = client_for(iom_analyst)
    url = reverse("followup:export", args=[fmt])
    client.get(url)
    with_ten = count_queries(client, url)
    bulk_commitments(meeting, 990, organizations["IOM"])
    # 1,000 rows: no query per row (responsible and last note are prefetched by chunk).
    assert count_queries(client, url) <= with_ten + 3
