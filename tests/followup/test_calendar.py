"""The personal iCalendar feed of deadlines: signed URL, no login, the right events, nothing else."""

import datetime as dt

import pytest
from django.core import signing
from django.urls import reverse
from icalendar import Calendar

from enlace.core.models import Visibility
from enlace.followup.calendar import (
    calendar_token_for,
    calendar_url_for,
    site_domain,
    user_for_calendar_token,
)
from enlace.meetings.models import Commitment, CommitmentStatus
from tests.conftest import client_for
from tests.factories.followup import by_text, commitment, days, meeting_with, network_meeting


def feed(user_or_token):
    token = user_or_token if isinstance(user_or_token, str) else calendar_token_for(user_or_token)
    return client_for(None).get(reverse("followup:calendar", args=[token]))


def events(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(fragment) -> str:
    return f"commitment-{by_text(fragment).pk}@{site_domain()}"


@pytest.fixture
def meetings(organizations):
    network_meeting()
    meeting_with(
        commitment("1", "Compromiso reservado de Costa Rica", ["CR"], due=days(9)),
        visibility=Visibility.RESTRICTED,
        owner=organizations["CR"],
    )
    meeting_with(
        commitment("1", "Compromiso reservado de la OIM en una reunión de la ST", ["IOM"], due=days(3)),
        visibility=Visibility.RESTRICTED,
    )


def test_token_round_trip(iom_analyst, mexico_officer):
    token = calendar_token_for(iom_analyst)
    assert user_for_calendar_token(token) == iom_analyst
    assert user_for_calendar_token(calendar_token_for(mexico_officer)) == mexico_officer
    assert user_for_calendar_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert user_for_calendar_token(str(iom_analyst.pk)) is None
    # The same id signed for another purpose does not open the feed.
    assert user_for_calendar_token(signing.Signer().sign(str(iom_analyst.pk))) is None
    assert user_for_calendar_token(signing.Signer(salt="other").sign(str(iom_analyst.pk))) is None
    assert user_for_calendar_token("") is None


def test_iom_analyst_feed(settings, iom_analyst, meetings):
    response = feed(iom_analyst)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(response)
    # IOM's active commitments with a deadline; the restricted ST meeting is not visible to IOM.
    assert set(found) == {uid("nudos claves"), uid("capacidad técnica")}
    event = found[uid("nudos claves")]
    assert event.decoded("DTSTART") == days(-10)
    assert event.decoded("DTEND") == days(-9)
    assert isinstance(event.decoded("DTSTART"), dt.date) and not isinstance(
        event.decoded("DTSTART"), dt.datetime
    )
    summary = str(event["SUMMARY"])  # short: the point, a short meeting name, the start of the text
    assert summary.startswith("3.a Network · Tegucigalpa 2026: Analizar los nudos claves")
    assert len(summary) <= 80
    assert "Reunión de la Red de Funcionarios de Enlace" in str(event["DESCRIPTION"])
    link = f"{settings.SITE_URL}{reverse('followup:commitment', args=[by_text('nudos claves').pk])}"
    assert link in str(event["DESCRIPTION"]) and str(event["URL"]) == link
    alarm = event.walk("VALARM")[0]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == dt.timedelta(days=-3)


def test_costa_rica_officer_feed_in_spanish(costa_rica_officer, meetings):
    found = events(feed(costa_rica_officer))
    # Costa Rica's own (the restricted meeting is Costa Rica's) and "the member states"; not IOM's or Mexico's.
    assert set(found) == {
        uid("migración laboral"),
        uid("reservado de Costa Rica"),
        uid("indicadores de Palermo"),
    }
    states = found[uid("indicadores de Palermo")]
    assert "en un plazo no mayor a dos meses" in str(states["DESCRIPTION"])
    assert str(states["SUMMARY"]).startswith("2.a Red · Tegucigalpa 2026: Enviar a la ST")


def test_done_and_undated_commitments_are_left_out(iom_analyst, meetings):
    Commitment.objects.filter(pk=by_text("capacidad técnica").pk).update(status=CommitmentStatus.DONE)
    meeting_with(commitment("1", "Compromiso de la OIM sin fecha", ["IOM"]))
    assert set(events(feed(iom_analyst))) == {uid("nudos claves")}


def test_uids_are_stable(iom_analyst, meetings):
    assert set(events(feed(iom_analyst))) == set(events(feed(iom_analyst)))


def test_bad_token_or_deactivated_person_is_404(iom_analyst, meetings):
    assert feed("1:not-a-signature").status_code == 404
    assert feed("nothing").status_code == 404
    token = calendar_token_for(iom_analyst)
    assert feed(token).status_code == 200
    iom_analyst.is_active = False
    iom_analyst.save()
    assert feed(token).status_code == 404


def test_a_person_without_a_role_gets_no_feed(iom_analyst, meetings):
    iom_analyst.role = ""
    iom_analyst.save()
    assert feed(iom_analyst).status_code == 404


def test_the_page_links_to_the_feed(settings, iom_analyst, organizations):
    html = client_for(iom_analyst).get(reverse("followup:page")).content.decode()
    address = calendar_url_for(iom_analyst)
    assert address.startswith(settings.SITE_URL) and address.endswith(".ics")
    assert f'value="{address}"' in html


def test_uids_are_on_the_site_s_domain(settings, iom_analyst, meetings):
    settings.SITE_URL = "https://enlace.example.org"
    assert all(name.endswith("@enlace.example.org") for name in events(feed(iom_analyst)))


def test_a_person_resets_their_calendar_address(iom_analyst, mexico_officer, meetings):
    old_token, other_token = calendar_token_for(iom_analyst), calendar_token_for(mexico_officer)
    client = client_for(iom_analyst)
    response = client.post(reverse("followup:calendar_reset"))
    assert response.status_code == 302 and response["Location"].endswith("#calendar-heading")
    new_token = calendar_token_for(iom_analyst)
    assert new_token != old_token
    assert user_for_calendar_token(old_token) is None
    assert client.get(reverse("followup:calendar", args=[old_token])).status_code == 404
    assert client.get(reverse("followup:calendar", args=[new_token])).status_code == 200
    assert user_for_calendar_token(other_token) == mexico_officer  # someone else's address is untouched
    page = client.get(reverse("followup:page")).content.decode()
    assert new_token in page and old_token not in page
    assert iom_analyst.calendar_feed.history.count() == 1  # the reset is in the history, with its author
    assert iom_analyst.calendar_feed.history.first().history_user == iom_analyst


def test_only_a_signed_in_member_resets_an_address_and_only_with_post(
    anonymous_visitor, rrocm_member, iom_analyst
):
    assert client_for(anonymous_visitor).post(reverse("followup:calendar_reset")).status_code == 302
    assert client_for(iom_analyst).get(reverse("followup:calendar_reset")).status_code == 405
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user(username="norole", email="norole@example.org")
    assert client_for(nobody).post(reverse("followup:calendar_reset")).status_code == 403
