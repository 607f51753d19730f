import datetime as dt

import pytest
from django.utils import translation

from enlace.core.history import history_entries
from enlace.meetings.models import Commitment
from enlace.meetings.services import commitment_update
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


def changes_of(entry) -> dict:
    return {str(change["field"]): change for change in entry["changes"]}


def test_history_names_related_records_and_formats_dates(organizations, secretariat_staff):
    make_meeting()
    commitment = Commitment.objects.get(responsible__code="IOM")
    commitment_update(
        commitment=commitment,
        actor=secretariat_staff,
        data={"recipient": organizations["ST"], "due_date": dt.date(2016, 9, 30)},
        responsible=[organizations["IOM"], organizations["UNODC"]],
    )
    with translation.override("en"):
        responsible, fields, *_rest, created = history_entries(commitment)
        assert changes_of(fields)["recipient"]["old"] == "—"
        assert changes_of(fields)["recipient"]["new"] == "Technical Secretariat"
        assert changes_of(fields)["deadline"]["new"] == "September 30, 2016"
        assert changes_of(responsible)["responsible"]["new"] == (
            "International Organization for Migration, United Nations Office on Drugs and Crime"
        )
        assert changes_of(created)["agreement"]["new"] == "3.a"
    assert fields["user"] == secretariat_staff
