"""What a generated client relies on: one schema for every language, every error documented and answered as
JSON under /api/ (unknown addresses and NUL characters too), list filters on list operations only, and the
router's format suffix on the write actions."""

import pytest
import yaml
from django.test import Client

from enlace.meetings.models import Commitment, CommitmentStatus
from tests.factories.directory import PASSWORD
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/v1/schema/"
LIST_FILTERS = {"organization", "status", "meeting", "role"}


def schema() -> dict:
    return yaml.safe_load(Client().get(SCHEMA_URL).content)


def operations(document: dict):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def token_for(username: str) -> str:
    body = {"username": username, "password": PASSWORD, "name": "national system"}
    answer = Client().post("/api/v1/auth/token/", body, content_type="application/json")
    assert answer.status_code == 200, answer.content
    return answer.json()["token"]


def test_schema_is_the_same_bytes_whatever_the_callers_language():
    spanish = Client().get(SCHEMA_URL, HTTP_ACCEPT_LANGUAGE="es")
    english = Client().get(SCHEMA_URL, HTTP_ACCEPT_LANGUAGE="en")
    lang_param = Client().get(SCHEMA_URL + "?lang=es")
    assert spanish.status_code == english.status_code == 200
    assert spanish.content == english.content == lang_param.content
    assert b"Un valor de entero" not in spanish.content  # DRF's Spanish path-parameter text


def test_every_operation_documents_its_json_errors():
    document = schema()
    assert set(document["components"]["schemas"]["Error"]["required"]) == {"detail"}
    for path, method, operation in operations(document):
        expected = {"400", "403"} | ({"404"} if "{" in path else set())
        if operation.get("security"):
            expected.add("401")
        documented = operation["responses"]
        assert expected <= set(documented), (method, path)
        for code in expected:
            assert "application/json" in documented[code]["content"], (method, path, code)


def test_list_filters_appear_on_list_operations_only():
    for path, method, operation in operations(schema()):
        names = {parameter["name"] for parameter in operation.get("parameters", [])}
        if operation["operationId"].endswith("_list"):
            continue
        assert not names & LIST_FILTERS, (method, path, names & LIST_FILTERS)
    people = schema()["paths"]["/api/v1/people/"]["get"]
    assert {"organization", "role"} <= {parameter["name"] for parameter in people["parameters"]}


def test_write_actions_are_documented_with_json_bodies_and_tokens():
    paths = schema()["paths"]
    for action in ("status", "notes", "evidence"):
        operation = paths[f"/api/v1/commitments/{{id}}/{action}/"]["post"]
        assert list(operation["requestBody"]["content"]) == ["application/json"]
        assert {"tokenAuth": []} in operation["security"] and {} not in operation["security"]


def test_unknown_api_address_answers_json_404_not_an_html_page():
    answer = Client().get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/json"
    assert answer.json() == {"detail": "Not found."}
    page = Client().get("/no-such-page/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_nul_character_in_an_api_query_string_answers_json_400():
    answer = Client().get("/api/v1/commitments/?status=open%00", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/json"
    assert "null character" in answer.json()["detail"]
    page = Client().get("/meetings/?q=%00")
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")


def test_write_without_credentials_is_401_with_www_authenticate_for_any_commitment(organizations):
    make_meeting()
    commitment = Commitment.objects.first()
    for pk in (commitment.pk, 999999):
        for action in ("status", "notes", "evidence"):
            answer = Client().post(f"/api/v1/commitments/{pk}/{action}/", {}, content_type="application/json")
            assert answer.status_code == 401, (pk, action)
            assert answer["WWW-Authenticate"] == "Token"
            assert "detail" in answer.json()


def test_status_with_json_format_suffix_is_not_a_server_error(organizations, costa_rica_officer):
    """POST /api/v1/commitments/<pk>/status.json/ answered 500: the action did not accept the `format` argument."""
    make_meeting()
    commitment = Commitment.objects.get(responsible__code="CR")
    api = Client(HTTP_AUTHORIZATION=f"Token {token_for(costa_rica_officer.username)}")
    answer = api.post(
        f"/api/v1/commitments/{commitment.pk}/status.json/",
        {"status": "in_progress"},
        content_type="application/json",
    )
    assert answer.status_code == 200 and answer.json()["status"] == "in_progress"
    note = api.post(
        f"/api/v1/commitments/{commitment.pk}/notes.json/",
        {"text": "Avance"},
        content_type="application/json",
    )
    assert note.status_code == 201
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.IN_PROGRESS


def test_refused_status_change_answers_field_style_errors(organizations, costa_rica_officer):
    make_meeting()
    commitment = Commitment.objects.get(responsible__code="CR")
    api = Client(HTTP_AUTHORIZATION=f"Token {token_for(costa_rica_officer.username)}")
    answer = api.post(
        f"/api/v1/commitments/{commitment.pk}/status/",
        {"status": "done"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "non_field_errors": ["Add evidence (a file or a link) before marking this commitment as done."]
    }


def test_evidence_link_must_be_https(organizations, costa_rica_officer):
    make_meeting()
    commitment = Commitment.objects.get(responsible__code="CR")
    api = Client(HTTP_AUTHORIZATION=f"Token {token_for(costa_rica_officer.username)}")
    answer = api.post(
        f"/api/v1/commitments/{commitment.pk}/evidence/",
        {"title": "Informe", "url": "http://example.org/informe"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert answer.status_code == 400 and answer.json() == {"url": ["A link must start with https://"]}
    assert not commitment.evidence.exists()


def test_answered_fields_are_required_so_clients_need_not_expect_them_missing(
    organizations, costa_rica_officer
):
    """Every field a serializer answers is in the schema's `required` (a model default made `body`, `status` or
    `place` optional, and a generated client typed them "maybe unset"); what a client sends keeps its own list."""
    components = schema()["components"]["schemas"]
    for name in ("Meeting", "MeetingDetail", "Commitment", "ProgressNote", "Evidence", "Person"):
        assert set(components[name]["required"]) == set(components[name]["properties"]), name
    assert components["StatusChange"]["required"] == ["status"]
    make_meeting()
    api = Client(HTTP_AUTHORIZATION=f"Token {token_for(costa_rica_officer.username)}")
    for row in api.get("/api/v1/commitments/").json()["results"]:
        assert set(row) == set(components["Commitment"]["properties"])
