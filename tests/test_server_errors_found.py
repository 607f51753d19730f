"""Each input that answered 500 when Enlace was attacked: now a clear 400 or a form message, never a 500."""

import datetime as dt
import logging

import pytest
from rest_framework.test import APIClient

from enlace.core.models import Document
from enlace.meetings.models import Agreement, Commitment, Meeting
from tests.conftest import client_for
from tests.factories.directory import PASSWORD
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


def api_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def meeting_form(agreements: list[tuple[str, str]], commitments=(), **header) -> dict:
    """The POST of the manual-recording form (the same forms as the review of an import)."""
    data = {
        "body": "NETWORK",
        "title": "Taller",
        "place": "San José",
        "country": "",
        "date": "2017-03-01",
        "end_date": "",
        "language": "es",
        "opening": "",
        "visibility": "network",
        "agreements-TOTAL_FORMS": str(len(agreements)),
        "agreements-INITIAL_FORMS": "0",
        "commitments-TOTAL_FORMS": str(len(commitments)),
        "commitments-INITIAL_FORMS": "0",
        **header,
    }
    for index, (reference, text) in enumerate(agreements):
        data[f"agreements-{index}-reference"] = reference
        data[f"agreements-{index}-text"] = text
    for index, (reference, text) in enumerate(commitments):
        data[f"commitments-{index}-agreement"] = reference
        data[f"commitments-{index}-text"] = text
        data[f"commitments-{index}-responsible"] = ["IOM"]
    return data


# --- numbers written in other scripts --------------------------------------------------------------------------


def test_superscript_year_on_the_meeting_list_is_ignored(organizations, secretariat_staff):
    make_meeting()
    response = client_for(secretariat_staff).get("/meetings/", {"year": "²²²²"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 1


def test_superscript_meeting_id_on_the_commitments_api_is_a_400(organizations, secretariat_staff):
    response = api_client(secretariat_staff).get("/api/v1/commitments/", {"meeting": "²"})
    assert response.status_code == 400
    assert "meeting" in response.json()


# --- dates no calendar arithmetic can hold ----------------------------------------------------------------------


def test_history_as_of_the_year_9999_is_a_message(organizations, secretariat_staff):
    meeting = make_meeting()
    client = client_for(secretariat_staff)
    client.cookies["django_language"] = "en"
    response = client.get(
        f"/history/meeting/{meeting.pk}/", {"as_of": "9999-12-31"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert response.context["as_of_error"]


def test_correction_to_a_deadline_in_the_year_9999_is_refused(organizations, secretariat_staff):
    meeting = make_meeting()
    commitment = Commitment.objects.filter(meeting=meeting).first()
    response = client_for(secretariat_staff).post(
        f"/follow-up/commitments/{commitment.pk}/",
        {
            "action": "correct",
            "correct-text": "Corregido",
            "correct-all_member_states": "on",
            "correct-due_date": "9999-12-31",
        },
    )
    assert response.status_code == 200
    assert "2200-12-31" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.due_date != dt.date(9999, 12, 31)


def test_calendar_feed_with_a_deadline_on_the_last_day_of_9999(organizations, iom_analyst):
    """A deadline recorded before the limits existed must not break the organization's calendar."""
    from enlace.followup.calendar import calendar_token_for

    meeting = make_meeting()
    Commitment.objects.filter(meeting=meeting).update(due_date=dt.date(9999, 12, 31))
    response = client_for(None).get(f"/follow-up/calendar/{calendar_token_for(iom_analyst)}.ics")
    assert response.status_code == 200
    assert b"DTSTART;VALUE=DATE:99991231" in response.content


# --- a JSON body nested 100,000 deep ----------------------------------------------------------------------------


def test_deeply_nested_json_to_the_token_endpoint_is_a_400_in_json(organizations, secretariat_staff, caplog):
    body = "[" * 100_000 + "]" * 100_000
    with caplog.at_level(logging.ERROR):
        response = APIClient().post("/api/v1/auth/token/", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_nested_json_to_any_api_endpoint_is_refused_before_it_is_used(organizations, secretariat_staff):
    """The API's own parser counts the levels first: 100 levels are refused as firmly as 100,000."""
    commitment = Commitment.objects.filter(meeting=make_meeting()).first()
    for depth in (100, 100_000):
        body = '{"status": "open", "note": ' + "[" * depth + "1" + "]" * depth + "}"
        response = api_client(secretariat_staff).post(
            f"/api/v1/commitments/{commitment.pk}/status/", body, content_type="application/json"
        )
        assert response.status_code == 400 and "detail" in response.json()


def test_a_json_body_over_a_megabyte_is_refused(organizations, secretariat_staff, settings):
    commitment = Commitment.objects.filter(meeting=make_meeting()).first()
    body = '{"status": "open", "note": "' + "x" * (settings.ENLACE_API_MAX_JSON_BYTES + 1) + '"}'
    response = api_client(secretariat_staff).post(
        f"/api/v1/commitments/{commitment.pk}/status/", body, content_type="application/json"
    )
    assert response.status_code == 400 and "detail" in response.json()
    assert not commitment.notes.exists()


def test_a_plain_json_login_still_works(organizations, secretariat_staff):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "st.staff", "password": PASSWORD, "name": "script"}, format="json"
    )
    assert response.status_code == 200


# --- the order and length of points ------------------------------------------------------------------------------


def test_subpoint_before_its_point_is_recorded_under_it(organizations, secretariat_staff):
    data = meeting_form([("2.a", "Sub-punto"), ("2", "Punto")], commitments=[("2.a", "Enviar")])
    response = client_for(secretariat_staff).post("/meetings/new/", data)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert [a.reference for a in meeting.agreements.select_related("parent").order_by("position")] == [
        "2",
        "2.a",
    ]


def test_import_review_with_a_subpoint_before_its_point_is_saved(organizations, secretariat_staff):
    from enlace.imports.models import ReportImport

    report_import = ReportImport.objects.create(
        original_name="informe.txt",
        size=1,
        draft={},
        status=ReportImport.Status.PENDING,  # read, to review
    )
    data = meeting_form([("2.a", "Sub-punto"), ("2", "Punto")], action="save")
    response = client_for(secretariat_staff).post(f"/meetings/import/{report_import.pk}/", data)
    assert response.status_code == 302
    report_import.refresh_from_db()
    assert report_import.draft["agreements"][0]["subpoints"][0]["label"] == "a"


def test_point_number_longer_than_its_column_is_a_form_message(organizations, secretariat_staff):
    """PostgreSQL refused the 13th character with a 500; SQLite silently kept it."""
    too_long = "1" * (Agreement._meta.get_field("label").max_length + 1)
    data = meeting_form([(too_long, "Punto")])
    response = client_for(secretariat_staff).post("/meetings/new/", data)
    assert response.status_code == 200
    assert response.context["forms"].agreements.forms[0].errors["reference"]
    assert Meeting.objects.count() == 0


def test_subpoint_letter_longer_than_its_column_is_a_form_message(organizations, secretariat_staff):
    data = meeting_form([("1", "Punto"), ("1." + "a" * 13, "Sub-punto")])
    response = client_for(secretariat_staff).post("/meetings/new/", data)
    assert response.status_code == 200 and Meeting.objects.count() == 0


def test_document_link_longer_than_its_column_is_a_form_message(organizations, secretariat_staff):
    meeting = make_meeting()
    limit = Document._meta.get_field("url").max_length
    url = "https://example.org/" + "a" * limit
    response = client_for(secretariat_staff).post(
        f"/meetings/{meeting.pk}/documents/", {"title": "Enlace", "url": url}, follow=True
    )
    assert response.status_code == 200
    assert not Document.objects.filter(url=url).exists()
    assert list(response.context["messages"])


def test_a_nul_character_in_an_api_query_is_a_400_in_json(organizations, secretariat_staff):
    response = api_client(secretariat_staff).get("/api/v1/commitments/", {"organization": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json") and "detail" in response.json()
