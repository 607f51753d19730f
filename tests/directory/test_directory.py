"""The directory pages, the API over it, the Pro Tempore Presidency and dates per language."""

import datetime as dt
import re

import pytest
import yaml
from django.core.cache import cache
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from enlace.accounts.models import Role, User
from enlace.directory.models import OrganizationKind, ProTemporePresidency
from enlace.directory.reference import ORGANIZATIONS
from tests.conftest import client_for
from tests.factories.directory import PASSWORD

NAMES_ES = [row[2] for row in ORGANIZATIONS]
NAMES_EN = [row[3] for row in ORGANIZATIONS]


@pytest.fixture(autouse=True)
def _fresh_throttle_counts(db):
    """The token endpoint is throttled per client address; every test starts with a clean count (the cache lives
    in the database)."""
    cache.clear()
    yield
    cache.clear()


def html(response) -> str:
    return response.content.decode()


# --- organizations and people pages ---------------------------------------------------------------------------


def test_reference_organizations_are_18_with_11_member_states(organizations):
    assert len(organizations) == 18
    assert sum(org.kind == OrganizationKind.MEMBER_STATE for org in organizations.values()) == 11


def test_organizations_page_in_spanish(costa_rica_officer):
    response = client_for(costa_rica_officer).get("/directory/")
    assert response.status_code == 200
    listed = response.context["organizations"]
    assert len(listed) == 18
    assert [org.is_member_state for org in listed] == [True] * 11 + [False] * 7
    page = html(response)
    for name in NAMES_ES:
        assert name in page
    assert "Dominican Republic" not in page
    assert "Belize" not in page


def test_organizations_page_in_english(iom_analyst):
    page = html(client_for(iom_analyst).get("/directory/"))
    for name in NAMES_EN:
        assert name in page
    assert "República Dominicana" not in page
    assert "Belice" not in page


def test_organization_page_lists_its_active_people(costa_rica_officer, mexico_officer):
    response = client_for(mexico_officer).get("/directory/CR/")
    assert response.status_code == 200
    assert response.context["organization"].active_people_list == [costa_rica_officer]
    assert client_for(mexico_officer).get("/directory/NOPE/").status_code == 404


@pytest.fixture
def everyone(
    costa_rica_officer, mexico_officer, secretariat_staff, secretariat_admin, iom_analyst, rrocm_member
):
    former = User.objects.create_user(
        username="cr.former",
        email="cr.former@example.org",
        password=PASSWORD,
        organization=costa_rica_officer.organization,
        role=Role.LIAISON_OFFICER,
        is_active=False,
    )
    return {"cr": costa_rica_officer, "mx": mexico_officer, "former": former}


def _listed(client, **params) -> set[str]:
    response = client.get("/directory/people/", params)
    assert response.status_code == 200
    return {person.username for person in response.context["page"].object_list}


def test_people_page_filters(everyone, mexico_officer):
    client = client_for(mexico_officer)
    assert _listed(client) == {
        "cr.officer",
        "mx.officer",
        "st.staff",
        "st.admin",
        "iom.analyst",
        "rrocm.member",
    }
    assert _listed(client, organization="CR") == {"cr.officer"}
    assert _listed(client, role=Role.SECRETARIAT) == {"st.staff"}
    assert _listed(client, role=Role.LIAISON_OFFICER, organization="MX") == {"mx.officer"}
    assert _listed(client, q="IOM.ANAL") == {"iom.analyst"}
    assert _listed(client, q="nobody-matches") == set()
    assert _listed(client, status="inactive") == _listed(client)  # only the administrator sees deactivated


def test_the_administrator_sees_deactivated_people(everyone, secretariat_admin):
    client = client_for(secretariat_admin)
    assert _listed(client, status="inactive") == {"cr.former"}
    assert "cr.former" in _listed(client, status="all", organization="CR")


def test_people_without_a_role_do_not_see_the_directory(organizations):
    person = User.objects.create_user(username="norole", email="norole@example.org", password=PASSWORD)
    client = client_for(person)
    assert client.get("/directory/").status_code == 404
    assert client.get("/directory/people/").status_code == 404


# --- API ------------------------------------------------------------------------------------------------------


def test_api_needs_authentication(organizations):
    for path in ["/api/v1/organizations/", "/api/v1/people/", "/api/v1/organizations/CR/"]:
        response = Client().get(path)
        assert response.status_code in (401, 403)
        assert response["Content-Type"] == "application/json"


def _token(username="cr.officer", password=PASSWORD):
    credentials = {"username": username, "password": password, "name": "test client"}
    return Client().post("/api/v1/auth/token/", credentials, content_type="application/json")


def test_token_authentication(costa_rica_officer):
    response = _token()
    assert response.status_code == 200
    token = response.json()["token"]
    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    organizations = client.get("/api/v1/organizations/")
    assert organizations.status_code == 200
    assert organizations.json()["count"] == 18
    assert {row["code"] for row in organizations.json()["results"]} >= {"CR", "MX", "ST", "IOM"}
    detail = client.get("/api/v1/organizations/CR/").json()
    assert detail["name_es"] == "Costa Rica"
    assert Client(HTTP_AUTHORIZATION="Token not-a-token").get("/api/v1/people/").status_code in (401, 403)


def test_bad_credentials_answer_400_json(costa_rica_officer):
    response = _token(password="wrong")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["non_field_errors"]
    missing = Client().post(
        "/api/v1/auth/token/", {"username": "cr.officer", "name": "x"}, content_type="application/json"
    )
    assert missing.status_code == 400
    assert "password" in missing.json()


def test_people_endpoint_filters_by_organization_and_role(
    costa_rica_officer, mexico_officer, secretariat_staff, iom_analyst
):
    client = Client(HTTP_AUTHORIZATION=f"Token {_token().json()['token']}")
    rows = client.get("/api/v1/people/", {"organization": "CR"}).json()["results"]
    assert [(row["email"], row["organization"]) for row in rows] == [("cr.officer@example.org", "CR")]
    rows = client.get("/api/v1/people/", {"role": Role.TECHNICAL_PARTNER}).json()["results"]
    assert [row["organization"] for row in rows] == ["IOM"]
    unknown = client.get("/api/v1/people/", {"organization": "ZZ"})
    assert unknown.status_code == 400
    assert "organization" in unknown.json()


def test_the_api_is_for_members_only(organizations):
    User.objects.create_user(username="norole", email="norole@example.org", password=PASSWORD)
    token = _token("norole").json()["token"]
    response = Client(HTTP_AUTHORIZATION=f"Token {token}").get("/api/v1/organizations/")
    assert response.status_code == 403


def test_the_api_is_read_only(costa_rica_officer):
    client = Client(HTTP_AUTHORIZATION=f"Token {_token().json()['token']}")
    response = client.post("/api/v1/organizations/", {"code": "XX"})
    assert response.status_code == 405


def _check_schema(schema: dict):
    assert schema["openapi"].startswith("3.")
    for path in ["/api/v1/organizations/", "/api/v1/organizations/{code}/", "/api/v1/people/"]:
        assert "get" in schema["paths"][path], path
    assert "/api/v1/auth/token/" in schema["paths"]


def test_openapi_schema_in_yaml_and_json(db):
    as_yaml = Client().get("/api/v1/schema/")
    assert as_yaml.status_code == 200
    _check_schema(yaml.safe_load(as_yaml.content))
    as_json = Client().get("/api/v1/schema/", {"format": "json"})
    assert as_json.status_code == 200
    _check_schema(as_json.json())


def test_api_docs_use_no_external_asset(db):
    response = Client().get("/api/v1/docs/")
    assert response.status_code == 200
    page = html(response)
    assert "swagger-ui" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    script = Client().get("/api/v1/docs/", {"script": ""})
    assert script.status_code == 200
    assert not re.search(r"""["'](?:https?:)?//[a-z]""", script.content.decode())


# --- Pro Tempore Presidency -----------------------------------------------------------------------------------


def test_the_secretariat_records_the_presidency(secretariat_staff, organizations):
    client = client_for(secretariat_staff)
    assert client.get("/directory/presidency/").context["form"] is not None
    response = client.post("/directory/presidency/", {"year": 2016, "state": organizations["HN"].pk})
    assert response["Location"] == "/directory/presidency/"
    presidency = ProTemporePresidency.objects.get(year=2016)
    assert presidency.state.code == "HN"
    assert presidency.history.first().history_user == secretariat_staff
    assert "Honduras" in html(client.get("/directory/presidency/"))
    assert client.get("/directory/").context["presidency"] == presidency


def test_a_bad_presidency_is_refused_field_by_field(secretariat_staff, organizations):
    response = client_for(secretariat_staff).post(
        "/directory/presidency/", {"year": 1850, "state": organizations["IOM"].pk}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"year", "state"}
    assert not ProTemporePresidency.objects.exists()


@pytest.mark.parametrize("persona", ["costa_rica_officer", "iom_analyst", "rrocm_member"], indirect=True)
def test_others_get_no_presidency_form_and_a_post_is_404(persona, organizations):
    client = client_for(persona)
    page = client.get("/directory/presidency/")
    assert page.status_code == 200
    assert page.context["form"] is None
    assert 'name="year"' not in html(page)
    response = client.post("/directory/presidency/", {"year": 2016, "state": organizations["CR"].pk})
    assert response.status_code == 404
    assert not ProTemporePresidency.objects.exists()


# --- dates per language ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "expected"), [("es", "8 de junio de 2016"), ("en", "June 8, 2016")])
def test_dates_are_written_as_the_network_writes_them(language, expected):
    template = Template('{{ d|date:"DATE_FORMAT" }}')
    with translation.override(language):
        assert template.render(Context({"d": dt.date(2016, 6, 8)})) == expected
