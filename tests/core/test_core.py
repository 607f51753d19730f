"""Landing, home per role, module placeholders, protected pages, /health, error pages, CSP, history, request logs."""

import datetime as dt
import json
import logging
from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import Client
from django.utils import timezone, translation
from django.utils.text import capfirst

from enlace.accounts.models import User
from enlace.core.logging import JsonFormatter
from enlace.core.navigation import MODULES
from enlace.directory.models import Organization
from enlace.directory.services import organization_upsert
from tests.conftest import PERSONAS, client_for

NAME_ES = Organization._meta.get_field("name_es").verbose_name
MEMBERS = [name for name in PERSONAS if name != "anonymous_visitor"]
SECRETARIAT = {"secretariat_staff", "secretariat_admin"}
PLACEHOLDERS = [module for module in MODULES if not module.built]


def html(response) -> str:
    return response.content.decode()


# --- landing and home ----------------------------------------------------------------------------------------


def test_landing_for_visitors_has_a_way_in(organizations):
    response = Client().get("/")
    assert response.status_code == 200
    assert 'href="/accounts/login/"' in html(response)
    assert "Costa Rica" in html(response)


@pytest.mark.parametrize("persona", MEMBERS, indirect=True)
def test_members_go_from_the_landing_to_their_home(persona):
    response = client_for(persona).get("/")
    assert response.status_code == 302
    assert response["Location"] == "/home/"


@pytest.mark.parametrize("persona", MEMBERS, indirect=True)
def test_home_for_each_role(persona, request):
    name = request.node.callspec.params["persona"]
    response = client_for(persona).get("/home/")
    assert response.status_code == 200
    page = html(response)
    assert f'<html lang="{persona.language}">' in page
    with translation.override(persona.language):
        import_label, admin_label = (
            translation.gettext("Import a report"),
            translation.gettext("Administration"),
        )
    assert (import_label in page) is (name in SECRETARIAT)
    assert (admin_label in page) is (name == "secretariat_admin")
    assert ('id="imports-heading"' in page) is (name in SECRETARIAT)
    assert ('href="/meetings/import/"' in page) is (name in SECRETARIAT)
    assert ('id="admin-heading"' in page) is (name == "secretariat_admin")
    assert ('href="/directory/people/invite/"' in page) is (name == "secretariat_admin")


# --- placeholders and protected pages -------------------------------------------------------------------------


@pytest.mark.parametrize("module", PLACEHOLDERS, ids=lambda m: m.key)
def test_placeholder_modules_say_what_will_be_there(module, iom_analyst):
    response = client_for(iom_analyst).get(f"/modules/{module.key}/")
    assert response.status_code == 200
    with translation.override(iom_analyst.language):
        assert str(module.summary) in html(response)
        assert translation.gettext("What will be here:") in html(response)


@pytest.mark.parametrize("module", PLACEHOLDERS, ids=lambda m: m.key)
def test_placeholders_for_visitors(module, db):
    response = Client().get(f"/modules/{module.key}/")
    if module.public:
        assert response.status_code == 200
    else:
        assert response["Location"] == f"/accounts/login/?next=/modules/{module.key}/"


def test_built_and_unknown_modules_have_no_placeholder(costa_rica_officer):
    client = client_for(costa_rica_officer)
    assert client.get("/modules/directory/").status_code == 404
    assert client.get("/modules/no-such-module/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/home/",
        "/directory/",
        "/directory/people/",
        "/directory/presidency/",
        "/directory/CR/",
        "/accounts/profile/",
        "/history/organization/1/",
        "/follow-up/",
    ],
)
def test_protected_pages_send_visitors_to_log_in(path, db):
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


# --- health and request logs ----------------------------------------------------------------------------------


def test_health_answers_json_while_the_database_answers(db):
    response = Client().get("/health")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_when_the_database_does_not(db):
    with mock.patch("enlace.core.views.connection") as connection:
        connection.cursor.side_effect = DatabaseError("gone")
        response = Client().get("/health")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_every_request_is_logged_as_one_json_line(caplog, costa_rica_officer):
    logger = logging.getLogger("enlace.request")
    # The "enlace" logger does not propagate to the root, where caplog listens: listen on it too if needed.
    attach = caplog.handler not in logging.getLogger("enlace").handlers
    if attach:
        logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="enlace.request"):
            client_for(costa_rica_officer).get("/directory/?x=1")
    finally:
        if attach:
            logger.removeHandler(caplog.handler)
    records = [r for r in caplog.records if r.name == "enlace.request"]
    assert len(records) == 1
    line = JsonFormatter().format(records[0])
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["method"] == "GET"
    assert entry["path"] == "/directory/"
    assert entry["status"] == 200
    assert isinstance(entry["duration_ms"], float)
    assert entry["user_id"] == costa_rica_officer.pk
    configured = logging.getLogger("enlace").handlers
    assert any(isinstance(h.formatter, JsonFormatter) for h in configured)


# --- error pages, CSP and malformed requests ------------------------------------------------------------------


def test_unknown_url_in_english_with_the_language_cookie(db):
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert '<html lang="en">' in html(response)
    assert "Page not found" in html(response)


def test_unknown_url_in_spanish_by_default(db):
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert '<html lang="es">' in html(response)
    assert "Page not found" not in html(response)
    with translation.override("es"):
        assert translation.gettext("Page not found") in html(response)


@pytest.mark.parametrize("persona", ["anonymous_visitor", "secretariat_admin"], indirect=True)
def test_strict_content_security_policy(persona, db):
    for path in ["/", "/accounts/login/", "/api/v1/docs/"]:
        response = client_for(persona).get(path, follow=True)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


MALFORMED = [
    "/history/person/999999/",
    "/history/unknown/1/",
    "/history/organization/999999/",
    "/history/organization/99999999999999999999999/",
    "/history/organization/{cr}/?as_of=not-a-date",
    "/history/organization/{cr}/?as_of=2016-13-45",
    "/history/organization/{cr}/?as_of=99999-01-01",
    "/history/organization/{cr}/?as_of=0001-01-01",
    "/history/organization/{cr}/?as_of=%00",
    "/directory/ZZZ/",
    "/directory/people/?page=abc",
    "/directory/people/?page=-1&role=nonsense&status=%00",
    "/directory/people/?q=%00&organization=%00",
    "/directory/people/99999999999999999999999/",
    "/api/v1/organizations/ZZZ/",
    "/api/v1/people/?organization=%00&role=nonsense&limit=abc&offset=-5",
    "/api/v1/people/99999999999999999999999/",
    "/accounts/verify/?next=javascript:alert(1)",
]


@pytest.mark.parametrize("path", MALFORMED)
def test_a_malformed_request_never_answers_500(path, secretariat_admin):
    cr = Organization.objects.get(code="CR").pk
    client = client_for(secretariat_admin)
    client.raise_request_exception = False
    response = client.get(path.format(cr=cr))
    assert response.status_code < 500, path


@pytest.mark.parametrize(
    ("path", "data", "content_type"),
    [
        ("/api/v1/auth/token/", "{not json", "application/json"),
        ("/api/v1/auth/token/", {"username": "x"}, "application/x-www-form-urlencoded"),
        ("/accounts/login/", {"username": "\x00", "password": "x"}, "application/x-www-form-urlencoded"),
        ("/accounts/language/", {"language": "\x00", "next": "//evil.example"}, None),
        ("/directory/presidency/", {"year": "two thousand", "state": "abc"}, None),
    ],
)
def test_malformed_posts_never_answer_500(path, data, content_type, secretariat_admin):
    client = client_for(secretariat_admin)
    client.raise_request_exception = False
    kwargs = {"content_type": content_type} if content_type and isinstance(data, str) else {}
    response = client.post(path, data, **kwargs)
    assert response.status_code < 500, (path, html(response)[:300])


# --- history --------------------------------------------------------------------------------------------------


@pytest.fixture
def changed_costa_rica(organizations, secretariat_staff):
    """Costa Rica, created on 8 June 2016 (backdated) and renamed today by the secretariat."""
    costa_rica = organizations["CR"]
    costa_rica.history.filter(history_type="+").update(
        history_date=dt.datetime(2016, 6, 8, 12, tzinfo=dt.UTC)
    )
    organization_upsert(
        code="CR",
        kind=costa_rica.kind,
        name_es="República de Costa Rica",
        name_en=costa_rica.name_en,
        iso3=costa_rica.iso3,
        actor=secretariat_staff,
    )
    return costa_rica


def test_history_shows_who_changed_what_before_and_after(
    changed_costa_rica, mexico_officer, secretariat_staff
):
    response = client_for(mexico_officer).get(f"/history/organization/{changed_costa_rica.pk}/")
    assert response.status_code == 200
    changed, created = response.context["entries"]
    with translation.override("en"):  # field labels are lazy: compare them in one language
        assert created["user"] is None
        assert {"field": "name (Spanish)", "old": "—", "new": "Costa Rica"} in [
            {key: str(value) for key, value in change.items()} for change in created["changes"]
        ]
        assert changed["user"] == secretariat_staff
        assert [(str(c["field"]), c["old"], c["new"]) for c in changed["changes"]] == [
            ("name (Spanish)", "Costa Rica", "República de Costa Rica")
        ]
    page = html(response)
    assert "República de Costa Rica" in page
    assert str(secretariat_staff) in page
    with translation.override(mexico_officer.language):
        assert capfirst(str(NAME_ES)) in page


def test_history_as_of_a_date_before_the_record_existed(changed_costa_rica, mexico_officer):
    client = client_for(mexico_officer)
    client.raise_request_exception = False
    before = client.get(f"/history/organization/{changed_costa_rica.pk}/", {"as_of": "2010-01-01"})
    assert before.status_code == 200
    assert before.context["as_of_missing"]
    assert before.context["as_of_fields"] == []


def test_history_as_of_a_date(changed_costa_rica, mexico_officer):
    client = client_for(mexico_officer)
    url = f"/history/organization/{changed_costa_rica.pk}/"

    def name_es_as_of(day: str):
        response = client.get(url, {"as_of": day})
        assert not response.context["as_of_missing"]
        return next(item["value"] for item in response.context["as_of_fields"] if item["field"] == NAME_ES)

    assert name_es_as_of("2016-06-09") == "Costa Rica"
    assert name_es_as_of(timezone.localdate().isoformat()) == "República de Costa Rica"
    wrong = client.get(url, {"as_of": "8 June 2016"})
    assert wrong.status_code == 200
    assert wrong.context["as_of_error"]


def test_history_of_the_directory_is_for_members_only(changed_costa_rica, organizations):
    url = f"/history/organization/{changed_costa_rica.pk}/"
    assert Client().get(url)["Location"].startswith("/accounts/login/")
    roleless = User.objects.create_user(username="norole", email="norole@example.org")
    assert client_for(roleless).get(url).status_code == 404


def test_an_unchanged_upsert_keeps_no_empty_history(organizations, secretariat_staff):
    mexico = organizations["MX"]
    count = mexico.history.count()
    organization_upsert(
        code="MX",
        kind=mexico.kind,
        name_es=mexico.name_es,
        name_en=mexico.name_en,
        iso3=mexico.iso3,
        actor=secretariat_staff,
    )
    assert mexico.history.count() == count
