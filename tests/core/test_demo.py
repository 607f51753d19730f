"""The demo data: built through the services from the seed report, and loading it twice changes nothing."""

import pytest
from django.core.management import call_command

from enlace.accounts.models import User
from enlace.core.models import Document, Visibility
from enlace.directory.models import Organization
from enlace.followup.models import Evidence, ProgressNote
from enlace.meetings.models import Agreement, Commitment, CommitmentStatus, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def counts():
    models = (Organization, User, Meeting, Agreement, Commitment, ProgressNote, Evidence, Document)
    return {model.__name__: model.objects.count() for model in models} | {
        "history": sum(model.history.count() for model in (Meeting, Agreement, Commitment, User))
    }


def test_demo_loads_the_seed_and_is_idempotent():
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert first["Organization"] == 18 and first["Meeting"] == 3
    assert set(User.objects.values_list("username", flat=True)) == {
        "cr.officer",
        "mx.officer",
        "st.staff",
        "st.admin",
        "iom.analyst",
        "rrocm.member",
    }

    seed = Meeting.objects.get(place="Tegucigalpa")
    assert str(seed.start_date) == "2016-06-08" and seed.visibility == Visibility.PUBLIC
    assert seed.delegations.count() == 9
    refs = [a.reference for a in seed.agreements.select_related("parent").order_by("position")]
    assert refs == ["1", "2", "2.a", "2.b", "3", "3.a", "3.b", "4", "4.a", "4.b", "5", "6", "7", "7.a"]
    states = Commitment.objects.get(
        meeting=seed, agreement__label="a", agreement__parent__label="2", all_member_states=True
    )
    assert states.status == CommitmentStatus.DONE and "San Salvador" in states.secretariat_note
    assert str(states.due_date) == "2016-08-08"
    # The follow-up meeting closed some commitments and left others open; the recent one has live deadlines.
    assert Commitment.objects.filter(meeting=seed, status=CommitmentStatus.DONE).count() == 3
    assert Commitment.objects.filter(meeting__place="San Salvador", status=CommitmentStatus.OPEN).exists()
    # IOM's mission report, Costa Rica's and Mexico's letters, and the seven country reports of the 2016 cycle
    # opened from 2.a, each the evidence of its country's share.
    reports = Evidence.objects.filter(document__url__contains="/reporting/reports/")
    assert (Evidence.objects.count(), reports.count()) == (10, 7)
    # The countries whose reports were submitted (and not returned) closed their shares; Panama's was returned.
    assert set(states.shares.filter(status=CommitmentStatus.DONE).values_list("state__code", flat=True)) == {
        "CR", "MX", "GT", "HN", "SV", "DO",
    }  # fmt: skip
    # The 2016 follow-up is dated when it happened, not on the day the demo was loaded.
    notes = ProgressNote.objects.filter(commitment__meeting=seed)
    assert all(note.created_at.year == 2016 for note in notes) and notes.count() >= 6
    closing = states.history.filter(status=CommitmentStatus.DONE).order_by("history_date").first()
    assert str(closing.history_date.date()) == "2016-11-23"
    changes = states.shares.get(state__code="CR").history.filter(history_type="~")
    assert changes.exists() and {row.history_date.year for row in changes} == {2016}
    assert seed.history.first().history_user.username == "st.staff"
