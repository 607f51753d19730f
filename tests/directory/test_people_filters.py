"""One FilterSet for the people page, its export and GET /api/v1/people/: the same people for the same query string,
bad values refused (a form error on the page, a 400 naming the field on the API), deactivated accounts only for
the administrator who manages them."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from enlace.accounts.models import Role
from tests.conftest import PERSONAS, client_for

pytestmark = pytest.mark.django_db
User = get_user_model()

QUERIES = ["", "organization=CR", "role=secretariat", "q=officer", "organization=MX&role=liaison_officer"]


@pytest.fixture
def people(
    costa_rica_officer, mexico_officer, secretariat_staff, secretariat_admin, iom_analyst, rrocm_member
):
    User.objects.create_user(
        username="cr.former",
        email="cr.former@example.org",
        organization=costa_rica_officer.organization,
        role=Role.LIAISON_OFFICER,
        is_active=False,
    )


def _page_emails(client, query):
    response = client.get(f"/directory/people/?{query}")
    assert response.status_code == 200
    return {person.email for person in response.context["page"].object_list}


def _api_emails(client, query):
    response = client.get(f"/api/v1/people/?{query}")
    assert response.status_code == 200, response.content
    return {row["email"] for row in response.json()["results"]}


def _export_emails(client, query):
    response = client.get(f"/directory/people/export.csv?{query}")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return {row[4] for row in rows[1:]}


@pytest.mark.parametrize("persona", ["costa_rica_officer", "secretariat_admin", "iom_analyst"], indirect=True)
def test_page_export_and_api_list_the_same_people(persona, people):
    client = client_for(persona)
    for query in QUERIES:
        page = _page_emails(client, query)
        assert page == _export_emails(client, query) == _api_emails(client, query), query
    assert _page_emails(client, "organization=CR") == {"cr.officer@example.org"}
    assert "cr.former@example.org" not in _page_emails(client, "")  # active people by default, for everyone


def test_only_the_administrator_lists_deactivated_accounts(people, secretariat_admin, costa_rica_officer):
    admin, officer = client_for(secretariat_admin), client_for(costa_rica_officer)
    for query in ["status=inactive", "status=all&organization=CR"]:
        assert "cr.former@example.org" in _page_emails(admin, query)
        assert "cr.former@example.org" in _api_emails(admin, query)
        assert "cr.former@example.org" in _export_emails(admin, query)
        assert "cr.former@example.org" not in _page_emails(officer, query)
        assert "cr.former@example.org" not in _api_emails(officer, query)
        assert "cr.former@example.org" not in _export_emails(officer, query)
    assert _page_emails(admin, "status=inactive") == {"cr.former@example.org"}
    assert 'name="status"' in admin.get("/directory/people/").content.decode()
    assert 'name="status"' not in officer.get("/directory/people/").content.decode()


@pytest.mark.parametrize("query", ["organization=ZZ", "role=emperor", "q=" + "x" * 101])
def test_a_bad_value_is_a_form_error_on_the_page_and_a_400_on_the_api(people, costa_rica_officer, query):
    client = client_for(costa_rica_officer)
    field = query.split("=")[0]
    page = client.get(f"/directory/people/?{query}")
    assert page.status_code == 200
    assert field in page.context["form"].errors
    assert f'id="id_{field}_error"' in page.content.decode()
    api = client.get(f"/api/v1/people/?{query}")
    assert api.status_code == 400 and field in api.json()


def test_the_valid_filters_still_apply_beside_a_bad_one(people, costa_rica_officer):
    emails = _page_emails(client_for(costa_rica_officer), "organization=MX&role=emperor")
    assert emails == {"mx.officer@example.org"}


def test_a_person_s_own_address_ignores_the_list_filters(people, costa_rica_officer, secretariat_admin):
    client = client_for(costa_rica_officer)
    officer = User.objects.get(username="mx.officer")
    assert client.get(f"/api/v1/people/{officer.pk}/?organization=CR").status_code == 200
    former = User.objects.get(username="cr.former")
    assert client.get(f"/api/v1/people/{former.pk}/").status_code == 404
    assert client_for(secretariat_admin).get(f"/api/v1/people/{former.pk}/?status=all").status_code == 404


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_who_lists_people(persona, people):
    client = client_for(persona)
    member = persona.is_authenticated and persona.role
    page = client.get("/directory/people/")
    api = client.get("/api/v1/people/")
    if member:
        assert page.status_code == 200 and api.status_code == 200
    else:
        assert page.status_code in (302, 404)
        assert api.status_code in (401, 403)
