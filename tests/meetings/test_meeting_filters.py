"""One FilterSet for the meetings page and GET /api/v1/meetings/: the same rows for the same query string, the same
bad values refused (a form error on the page, a 400 naming the field on the API)."""

import datetime as dt
import re

import pytest

from enlace.core.models import Visibility
from tests.conftest import PERSONAS, client_for
from tests.factories.meetings import make_meeting

PAGE = "/meetings/"
API = "/api/v1/meetings/"
TITLE = re.compile(r'<td><a href="/meetings/\d+/">([^<]+)</a>')


@pytest.fixture
def meetings(organizations):
    make_meeting(title="Reunión de Tegucigalpa", date=dt.date(2016, 6, 8))
    make_meeting(title="Reunión de Panamá", place="Ciudad de Panamá", date=dt.date(2019, 3, 4), body="GRCM")
    make_meeting(title="Reunión pública de San José", date=dt.date(2019, 9, 1), visibility=Visibility.PUBLIC)


QUERIES = [
    "",
    "year=2019",
    "body=GRCM",
    "body=NETWORK&year=2019",
    "q=panam",
    "q=Tegucigalpa",
    "year=2016&q=jos",
]


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_page_and_api_list_the_same_meetings(persona, meetings):
    client = client_for(persona)
    for query in QUERIES:
        page = client.get(f"{PAGE}?{query}")
        assert page.status_code == 200
        answer = client.get(f"{API}?{query}")
        assert answer.status_code == 200
        assert TITLE.findall(page.content.decode()) == [row["title"] for row in answer.json()["results"]], (
            query
        )


def test_the_filters_narrow_as_their_names_say(costa_rica_officer, meetings):
    api = client_for(costa_rica_officer)
    titles = lambda query: {row["title"] for row in api.get(f"{API}?{query}").json()["results"]}  # noqa: E731
    assert titles("year=2019") == {"Reunión de Panamá", "Reunión pública de San José"}
    assert titles("body=GRCM") == {"Reunión de Panamá"}
    assert titles("q=ciudad de") == {"Reunión de Panamá"}  # the place too
    assert titles("") == titles("q=reun")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("year=dos mil", "year"),
        ("year=2016.5", "year"),
        ("year=1800", "year"),
        ("body=OEA", "body"),
        ("q=" + "x" * 101, "q"),
    ],
)
def test_a_bad_value_is_a_400_on_the_api_and_a_spanish_form_error_on_the_page(
    costa_rica_officer, meetings, query, field
):
    client = client_for(costa_rica_officer)
    answer = client.get(f"{API}?{query}")
    assert answer.status_code == 400 and list(answer.json()) == [field]
    page = client.get(f"{PAGE}?{query}")
    assert page.status_code == 200
    errors = page.context["form"].errors[field]
    assert errors and not re.search(r"\b(Enter|Select|valid|Ensure)\b", " ".join(errors))
    assert f'id="id_{field}_error"' in page.content.decode()


def test_a_visitor_filters_only_the_published_meetings(meetings):
    from django.test import Client

    answer = Client().get(f"{API}?year=2019")
    assert [row["title"] for row in answer.json()["results"]] == ["Reunión pública de San José"]


def test_the_schema_lists_the_filters_on_the_list_only(db):
    import yaml
    from django.test import Client

    paths = yaml.safe_load(Client().get("/api/v1/schema/").content)["paths"]
    assert {p["name"] for p in paths["/api/v1/meetings/"]["get"]["parameters"]} >= {"q", "body", "year"}
    assert not {"q", "body", "year"} & {
        p["name"] for p in paths["/api/v1/meetings/{id}/"]["get"]["parameters"]
    }
