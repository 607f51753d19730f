import datetime as dt

import pytest

from enlace.followup.selectors import followup_summary
from enlace.meetings.models import Commitment, CommitmentStatus
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


def test_home_counts_the_organizations_commitments_or_the_networks(
    organizations, costa_rica_officer, iom_analyst, secretariat_staff
):
    make_meeting()
    Commitment.objects.filter(responsible__code="IOM").update(status=CommitmentStatus.DONE)
    today = dt.date(2016, 8, 20)
    # Costa Rica answers for 2.a (the member states, overdue) and 2.b (its own, no date).
    assert followup_summary(costa_rica_officer, today=today)["counts"] == {
        "active": 2,
        "overdue": 1,
        "due_soon": 0,
        "done": 0,
    }
    assert followup_summary(iom_analyst, today=today)["counts"] == {
        "active": 0,
        "overdue": 0,
        "due_soon": 0,
        "done": 1,
    }
    network = followup_summary(secretariat_staff, today=today)
    assert (
        network["scope"] == "network" and network["counts"]["active"] == 2 and network["counts"]["done"] == 1
    )
    page = client_for(costa_rica_officer).get("/home/")
    panels = {panel.key: panel.context for panel in page.context["panels"]}
    assert panels["followup"]["followup"]["scope"] == "mine"
