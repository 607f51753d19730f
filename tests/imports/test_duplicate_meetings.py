"""No duplicate meetings (issue 8, point 2): a report whose meeting is recorded already (same body, date and
place, or the same file) is flagged on the review with a link to the existing meeting, and confirming it needs
the explicit choice "record it anyway"; the same for a meeting entered by hand."""

import datetime as dt

import pytest

from enlace.imports.models import ReportImport
from enlace.meetings.models import Meeting
from tests.conftest import client_for
from tests.imports.test_import_pages import review_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "media")]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _confirm(client, report_import, **extra):
    data = review_data(client, report_import) | {"action": "confirm"} | extra
    return client.post(f"/meetings/import/{report_import.pk}/", data)


def test_the_same_report_twice_is_flagged_and_needs_an_explicit_choice(organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    upload(client)
    first = ReportImport.objects.get()
    assert _confirm(client, first).status_code == 302
    existing = Meeting.objects.get()

    upload(client, name="informe-otra-vez.txt")
    second = ReportImport.objects.exclude(pk=first.pk).get()
    assert second.sha256 == first.sha256 and len(second.sha256) == 64
    review = client.get(f"/meetings/import/{second.pk}/")
    assert [meeting.pk for meeting in review.context["duplicates"]] == [existing.pk]
    assert f'href="/meetings/{existing.pk}/"' in review.content.decode()

    refused = _confirm(client, second)
    assert refused.status_code == 200 and Meeting.objects.count() == 1
    assert "parece registrada ya" in refused.content.decode()  # the secretariat reads Spanish
    assert 'id="record-anyway"' in refused.content.decode()

    recorded = _confirm(client, second, record_anyway="1")
    assert recorded.status_code == 302 and Meeting.objects.count() == 2


def test_the_same_meeting_from_another_file_is_flagged(organizations, secretariat_staff):
    from tests.factories.meetings import make_meeting

    make_meeting(place="Tegucigalpa, Honduras")  # the seed's body, date and place, written another way
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    assert len(client.get(f"/meetings/import/{report_import.pk}/").context["duplicates"]) == 1
    assert _confirm(client, report_import).status_code == 200 and Meeting.objects.count() == 1


def test_a_meeting_entered_by_hand_twice_is_flagged(organizations, secretariat_staff):
    from tests.factories.meetings import make_meeting

    existing = make_meeting(title="Reunión de la Red", place="San José", date=dt.date(2019, 3, 4))
    client = client_for(secretariat_staff)
    data = {
        "title": "Otra acta de la misma reunión",
        "body": "NETWORK",
        "place": "san jose",
        "date": "2019-03-04",
        "language": "es",
        "visibility": "network",
        "agreements-TOTAL_FORMS": "1",
        "agreements-0-reference": "1",
        "agreements-0-text": "Agradecer a las delegaciones.",
        "agreements-INITIAL_FORMS": "0",
        "agreements-MIN_NUM_FORMS": "0",
        "agreements-MAX_NUM_FORMS": "1000",
        "commitments-TOTAL_FORMS": "0",
        "commitments-INITIAL_FORMS": "0",
        "commitments-MIN_NUM_FORMS": "0",
        "commitments-MAX_NUM_FORMS": "1000",
    }
    refused = client.post("/meetings/new/", data)
    assert refused.status_code == 200
    assert [meeting.pk for meeting in refused.context["duplicates"]] == [existing.pk]
    assert Meeting.objects.count() == 1
    recorded = client.post("/meetings/new/", data | {"record_anyway": "1"})
    assert recorded.status_code == 302 and Meeting.objects.count() == 2
    other_day = client.post("/meetings/new/", data | {"date": "2019-03-05"})
    assert other_day.status_code == 302 and Meeting.objects.count() == 3
