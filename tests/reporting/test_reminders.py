"""Reminders of a cycle: automatic ones come from the follow-up's digest of the commitment the cycle follows (and
stop for a country once it submits); the secretariat reminds the missing countries on demand, through the
worker, one e-mail per officer in their language, never twice a day."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from enlace.followup.reminders import reminders_due
from enlace.meetings.models import Commitment
from tests.factories.directory import PersonFactory
from tests.factories.meetings import make_meeting
from tests.factories.reporting import make_cycle, make_framework, submitted_report

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_on_demand_reminders_reach_the_missing_countries_once_a_day(
    client, settings, organizations, costa_rica_officer, mexico_officer, secretariat_staff
):
    settings.TASKS = IMMEDIATE
    english = PersonFactory(organization=organizations["MX"], role="liaison_officer", language="en")
    cycle = make_cycle(
        secretariat_staff, make_framework(), expected=[organizations["CR"], organizations["MX"]]
    )
    submitted_report(costa_rica_officer, cycle)
    client.force_login(secretariat_staff)
    response = client.post(reverse("reporting:cycle_remind", args=[cycle.pk]), follow=True)
    assert "México" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([mexico_officer.email, english.email])
    spanish = next(m for m in mail.outbox if m.to == [mexico_officer.email])
    assert "no se ha enviado" in spanish.body and f"/reporting/cycles/{cycle.pk}/" in spanish.body
    assert "has not been submitted yet" in next(m for m in mail.outbox if m.to == [english.email]).body
    client.post(reverse("reporting:cycle_remind", args=[cycle.pk]))
    assert len(mail.outbox) == 2  # not twice the same day


def test_only_the_secretariat_sends_reminders(
    client, settings, organizations, costa_rica_officer, iom_analyst, secretariat_staff
):
    settings.TASKS = IMMEDIATE
    cycle = make_cycle(secretariat_staff, make_framework(), expected=[organizations["CR"]])
    for person in (costa_rica_officer, iom_analyst):
        client.force_login(person)
        assert client.post(reverse("reporting:cycle_remind", args=[cycle.pk])).status_code == 404
    assert mail.outbox == []


def test_the_followup_digest_stops_reminding_a_country_once_it_submits(
    organizations, costa_rica_officer, mexico_officer, secretariat_staff
):
    meeting = make_meeting(created_by=secretariat_staff)
    commitment = Commitment.objects.get(meeting=meeting, agreement__label="a", agreement__parent__label="2")
    cycle = make_cycle(secretariat_staff, make_framework(), expected=None, commitment=commitment)
    day_before = commitment.due_date - dt.timedelta(days=7)

    def reminded():
        return {person.username for c, person, _kind in reminders_due(day_before) if c == commitment}

    assert {"cr.officer", "mx.officer"} <= reminded()
    submitted_report(costa_rica_officer, cycle)
    assert "cr.officer" not in reminded() and "mx.officer" in reminded()
