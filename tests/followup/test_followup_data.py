"""The follow-up's builders build what the tests expect."""

from tests.factories.followup import (
    bulk_commitments,
    by_text,
    commitment,
    days,
    meeting_with,
    network_meeting,
)


def test_network_meeting_builds_the_commitments(organizations):
    meeting = network_meeting()
    assert meeting.commitments.count() == 6
    states = by_text("indicadores de Palermo")
    assert states.all_member_states and states.recipient.code == "ST"
    assert states.agreement.reference == "2.a"
    assert [org.code for org in by_text("nudos claves").responsible.all()] == ["IOM"]


def test_bulk_commitments(organizations):
    meeting = meeting_with(commitment("1", "Primero", ["IOM"], due=days(3)))
    bulk_commitments(meeting, 25, organizations["IOM"])
    assert meeting.commitments.count() == 26
    assert meeting.commitments.filter(responsible__code="IOM").count() == 26
