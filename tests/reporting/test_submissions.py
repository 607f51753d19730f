"""Country reports: who sees and changes what, the shared filters, the services, the API, exports and queries."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enlace.core.models import Visibility
from enlace.reporting import services
from enlace.reporting.models import Submission
from tests.conftest import client_for
from tests.factories.reporting import SubmissionFactory

pytestmark = pytest.mark.django_db

LIST = "/reporting/"


@pytest.fixture
def records(organizations):
    return {
        "public": SubmissionFactory(
            owner=organizations["MX"], visibility=Visibility.PUBLIC, title="Public one"
        ),
        "network": SubmissionFactory(
            owner=organizations["MX"], visibility=Visibility.NETWORK, title="Network one"
        ),
        "restricted": SubmissionFactory(
            owner=organizations["MX"], visibility=Visibility.RESTRICTED, title="Mexico only"
        ),
    }


@pytest.mark.parametrize(
    ("persona", "seen"),
    [
        ("anonymous_visitor", {"public"}),
        ("rrocm_member", {"public", "network"}),
        ("costa_rica_officer", {"public", "network"}),
        ("mexico_officer", {"public", "network", "restricted"}),
        ("secretariat_staff", {"public", "network", "restricted"}),
    ],
    indirect=["persona"],
)
def test_each_persona_sees_what_its_visibility_allows(persona, seen, records):
    client = client_for(persona)
    page = client.get(LIST).content.decode()
    for key, record in records.items():
        assert (record.title in page) == (key in seen), key
        assert client.get(f"{LIST}{record.pk}/").status_code == (200 if key in seen else 404)
    api = client.get("/api/v1/reporting/").json()
    assert {r["title"] for r in api["results"]} == {records[k].title for k in seen}


def test_an_outsider_cannot_edit_and_the_owner_can(records, costa_rica_officer, mexico_officer):
    record = records["network"]
    assert client_for(costa_rica_officer).get(f"{LIST}{record.pk}/edit/").status_code == 404
    response = client_for(mexico_officer).post(
        f"{LIST}{record.pk}/edit/", {"title": "Renamed", "summary": "", "visibility": Visibility.NETWORK}
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.title == "Renamed"
    assert record.history.first().history_user == mexico_officer


def test_services_refuse_what_the_actor_may_not_do(organizations, costa_rica_officer, records):
    with pytest.raises(PermissionDenied):
        services.submission_create(
            actor=costa_rica_officer, owner=organizations["MX"], title="x", visibility="network"
        )
    with pytest.raises(PermissionDenied):  # only the secretariat publishes
        services.submission_create(
            actor=costa_rica_officer, owner=organizations["CR"], title="x", visibility="public"
        )
    with pytest.raises(PermissionDenied):
        services.submission_update(
            actor=costa_rica_officer,
            submission=records["network"],
            title="x",
            summary="",
            visibility="network",
        )
    assert Submission.objects.count() == 3


def test_page_export_and_api_share_the_filters(records, secretariat_staff):
    client = client_for(secretariat_staff)
    page = client.get(LIST, {"visibility": "public"}).content.decode()
    assert "Public one" in page and "Network one" not in page
    csv = client.get(f"{LIST}export.csv", {"visibility": "public"}).content.decode("utf-8-sig")
    assert "Public one" in csv and "Network one" not in csv
    api = client.get("/api/v1/reporting/", {"visibility": "public"}).json()
    assert [r["title"] for r in api["results"]] == ["Public one"]


def test_a_bad_filter_value_is_a_form_error_on_the_page_and_a_400_on_the_api(records, secretariat_staff):
    client = client_for(secretariat_staff)
    page = client.get(LIST, {"visibility": "nonsense"})
    assert page.status_code == 200
    assert "errorlist" in page.content.decode()
    api = client.get("/api/v1/reporting/", {"visibility": "nonsense"})
    assert api.status_code == 400
    assert "visibility" in api.content.decode()


def test_the_list_reads_a_fixed_number_of_queries(organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    SubmissionFactory.create_batch(3, owner=organizations["MX"])
    client.get(LIST)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    SubmissionFactory.create_batch(20, owner=organizations["CR"])
    with CaptureQueriesContext(connection) as many:
        client.get(LIST)
    assert len(many) == len(few)


def test_the_excel_export_opens(records, secretariat_staff):
    import io

    from openpyxl import load_workbook

    response = client_for(secretariat_staff).get(f"{LIST}export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1 + len(records)
