"""A draft that does not come through the review form (the import command) meets the same limits."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from enlace.meetings.draft import AgreementDraft
from enlace.meetings.models import Meeting
from enlace.meetings.services import meeting_create_from_draft
from tests.factories.meetings import seed_like_draft

pytestmark = pytest.mark.django_db


def test_a_draft_with_a_deadline_in_the_year_9999_saves_nothing(organizations):
    draft = seed_like_draft()
    draft.commitments[0].due = dt.date(9999, 12, 31)
    with pytest.raises(ValidationError):
        meeting_create_from_draft(draft=draft)
    assert Meeting.objects.count() == 0


def test_a_draft_with_a_point_number_longer_than_its_column_saves_nothing(organizations):
    draft = seed_like_draft()
    draft.agreements.append(AgreementDraft(number="1" * 13, text="Punto"))
    with pytest.raises(ValidationError):
        meeting_create_from_draft(draft=draft)
    assert Meeting.objects.count() == 0
