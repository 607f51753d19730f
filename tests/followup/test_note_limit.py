"""One limit for a progress note, whichever way it comes: the page's form, the API, the service."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from enlace.followup import services
from enlace.followup.forms import NoteForm, StatusForm
from enlace.followup.models import NOTE_MAX_LENGTH, ProgressNote
from enlace.meetings.models import Commitment
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(organizations):
    return Commitment.objects.filter(meeting=make_meeting()).first()


def test_a_megabyte_progress_note_through_the_api_is_refused(commitment, secretariat_staff):
    client = APIClient()
    client.force_authenticate(secretariat_staff)
    response = client.post(
        f"/api/v1/commitments/{commitment.pk}/status/",
        {"status": "in_progress", "note": "x" * 1_000_000},
        format="json",
    )
    assert response.status_code == 400
    assert not ProgressNote.objects.exists()


def test_a_note_one_character_over_the_limit_is_refused_by_the_api(commitment, secretariat_staff):
    client = APIClient()
    client.force_authenticate(secretariat_staff)
    url = f"/api/v1/commitments/{commitment.pk}/status/"
    over = client.post(url, {"status": "in_progress", "note": "x" * (NOTE_MAX_LENGTH + 1)}, format="json")
    assert over.status_code == 400 and "note" in over.json()
    at_limit = client.post(url, {"status": "in_progress", "note": "x" * NOTE_MAX_LENGTH}, format="json")
    assert at_limit.status_code == 200


def test_the_service_refuses_an_overlong_note_whoever_calls_it(commitment, secretariat_staff):
    with pytest.raises(ValidationError):
        services.commitment_update_status(
            commitment=commitment, actor=secretariat_staff, status="open", note="x" * (NOTE_MAX_LENGTH + 1)
        )
    with pytest.raises(ValidationError):
        services.commitment_add_note(
            commitment=commitment, actor=secretariat_staff, text="x" * (NOTE_MAX_LENGTH + 1)
        )
    assert not ProgressNote.objects.exists()


def test_forms_api_and_model_share_one_limit():
    from enlace.followup.api import StatusChangeSerializer

    assert ProgressNote._meta.get_field("text").max_length == NOTE_MAX_LENGTH
    assert NoteForm.base_fields["text"].max_length == NOTE_MAX_LENGTH
    assert StatusForm.base_fields["note"].max_length == NOTE_MAX_LENGTH
    assert StatusChangeSerializer().fields["note"].max_length == NOTE_MAX_LENGTH
