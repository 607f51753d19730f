"""The review keeps its choices and can be walked by keyboard (issue 8, point 3): organizations are checkboxes,
never a multiple select that one click clears; a bar with the sections and Confirm stays in reach; after a refused
submit the error summary takes the focus; a deadline before the meeting is refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from enlace.imports.models import ReportImport
from enlace.meetings import services
from enlace.meetings.models import Agreement, Commitment, Meeting
from tests.conftest import client_for
from tests.factories.meetings import make_meeting
from tests.imports.test_import_pages import review_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def review(organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    upload(client)
    return client, ReportImport.objects.get()


def test_organizations_are_checkboxes_and_the_sections_are_in_reach(review):
    client, report_import = review
    html = client.get(f"/meetings/import/{report_import.pk}/").content.decode()
    assert "multiple" not in html  # no multiple select anywhere on the review
    assert 'type="checkbox" name="commitments-0-responsible"' in html
    assert 'type="checkbox" name="agreements-0-organizations"' in html
    bar = html.split('<nav class="review-summary"')[1].split("</nav>")[0]
    for anchor in ('href="#review-meeting"', 'href="#review-points"', 'href="#review-commitments"'):
        assert anchor in bar and f'id="{anchor[7:-1]}"' in html
    assert 'value="confirm"' in bar


def test_a_refused_submit_focuses_the_error_summary(review):
    client, report_import = review
    data = review_data(client, report_import) | {"action": "confirm"}
    index = next(i for i in range(40) if data.get(f"commitments-{i}-agreement"))
    data[f"commitments-{index}-agreement"] = "99"
    page = client.post(f"/meetings/import/{report_import.pk}/", data).content.decode()
    assert 'id="review-errors" tabindex="-1" data-focus-on-load' in page
    assert page.count("data-focus-on-load") == 1
    assert Meeting.objects.count() == 0


def test_a_deadline_before_the_meeting_is_refused(review):
    client, report_import = review
    data = review_data(client, report_import) | {"action": "confirm"}
    index = next(i for i in range(40) if data.get(f"commitments-{i}-agreement"))
    data[f"commitments-{index}-due"] = "2016-06-01"  # the meeting was on 8 June 2016
    response = client.post(f"/meetings/import/{report_import.pk}/", data)
    assert response.status_code == 200 and Meeting.objects.count() == 0
    form = response.context["forms"].commitments.forms[index]
    assert "due" in form.errors
    assert "2016-06-01" in response.content.decode() and "2016-06-08" in response.content.decode()


def test_the_services_refuse_a_deadline_before_the_meeting(organizations, secretariat_staff):
    meeting = make_meeting()
    agreement = Agreement.objects.filter(meeting=meeting).first()
    with pytest.raises(ValidationError):
        services.commitment_create(
            agreement=agreement, actor=secretariat_staff, text="x", due_date=dt.date(2016, 1, 1)
        )
    existing = Commitment.objects.filter(meeting=meeting).first()
    with pytest.raises(ValidationError):
        services.commitment_update(
            commitment=existing, actor=secretariat_staff, data={"due_date": dt.date(2015, 5, 5)}
        )
    existing.refresh_from_db()
    assert existing.due_date != dt.date(2015, 5, 5)
