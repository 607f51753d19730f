"""The follow-up page: who sees which commitments, the filters (bad input included), htmx, empty states."""

import re

import pytest
from django.urls import reverse

from enlace.accounts.models import User
from enlace.core.models import Visibility
from enlace.directory.models import Organization
from enlace.followup.exports import rows as export_rows
from enlace.followup.selectors import followup, responsible_q
from enlace.meetings.models import Commitment, CommitmentStatus
from tests.conftest import PERSONAS, client_for
from tests.factories.followup import (
    bulk_commitments,
    by_text,
    commitment,
    days,
    meeting_with,
    network_meeting,
)

URL = reverse("followup:page")
ROW = re.compile(r'<tr class="[^"]*">.*?</tr>', re.S)


def rows(response) -> list[str]:
    return ROW.findall(response.content.decode())


def shown(response) -> set[str]:
    """The texts of the commitments listed on the page."""
    html = response.content.decode()
    return {c.text for c in Commitment.objects.all() if f">{c.text}</a>" in html}


@pytest.fixture
def meetings(organizations):
    network = network_meeting()
    restricted = meeting_with(
        commitment("1", "Compromiso reservado de Costa Rica", ["CR"], due=days(9)),
        title="Reunión bilateral reservada",
        visibility=Visibility.RESTRICTED,
        owner=organizations["CR"],
    )
    return network, restricted


NETWORK_TEXTS = {
    "Enviar a la ST el documento sobre los indicadores de Palermo",
    "Analizar los nudos claves en el combate al tráfico ilícito",
    "Ofrecer capacidad técnica para actualizar las matrices",
    "Presentar el interés en programas de migración laboral",
    "Usar las herramientas en línea de UNODC",
    "Informar sobre la Estrategia Regional de atención a víctimas",
}
RESTRICTED_TEXT = "Compromiso reservado de Costa Rica"


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_each_persona_sees_what_they_may(persona, meetings):
    response = client_for(persona).get(URL)
    if not persona.is_authenticated:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        return
    assert response.status_code == 200
    sees_restricted = persona.is_secretariat or persona.organization.code == "CR"
    assert shown(response) == NETWORK_TEXTS | ({RESTRICTED_TEXT} if sees_restricted else set())


def test_iom_analyst_sees_iom_commitments_first_and_overdue_flagged(iom_analyst, meetings):
    response = client_for(iom_analyst).get(URL)
    listed = rows(response)
    assert "nudos claves" in listed[0] and "capacidad técnica" in listed[1]
    assert all("your organization" in row for row in listed[:2])
    assert not any("your organization" in row for row in listed[2:])
    # Overdue: a row class and a visible text badge, not colour alone.
    assert listed[0].startswith('<tr class="overdue">')
    assert '<span class="badge overdue">Overdue</span>' in listed[0]
    assert listed[1].startswith('<tr class="due-soon">')
    assert "Due within 30 days" in listed[1]


def test_the_member_states_and_the_phrase_as_written(costa_rica_officer, meetings):
    costa_rica_officer.language = "en"
    costa_rica_officer.save()
    listed = rows(client_for(costa_rica_officer).get(URL))
    # Costa Rica's own commitments and the member states' come first (a liaison officer answers for both).
    assert "migración laboral" in listed[0] and RESTRICTED_TEXT in listed[1]
    states = listed[2]
    assert "indicadores de Palermo" in states and "the member states" in states
    assert "“en un plazo no mayor a dos meses”" in states
    assert ">TS<" in states  # the recipient, the Technical Secretariat as the English reports name it
    assert "Agreement 2.a" in states
    palermo = by_text("indicadores de Palermo")
    assert f'href="{reverse("followup:commitment", args=[palermo.pk])}"' in states
    assert f'href="{reverse("meetings:detail", args=[palermo.meeting_id])}"' in states
    assert re.search(r"<time datetime=\"\d{4}-\d\d-\d\d\">[A-Z][a-z]+ \d+, \d{4}</time>", states)
    assert all("your organization" in row for row in listed[:3])
    assert not any("your organization" in row for row in listed[3:])


def test_commitments_without_a_deadline_come_last(secretariat_staff, meetings):
    listed = rows(client_for(secretariat_staff).get(URL))
    assert "Estrategia Regional" in listed[-1]
    assert "no date" in listed[-1] or "sin fecha" in listed[-1]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=overdue", {"nudos claves", "herramientas en línea"}),
        ("status=due_soon", {"capacidad técnica", "migración laboral", "reservado"}),
        ("organization=IOM", {"nudos claves", "capacidad técnica"}),
        ("organization=STATES", {"indicadores de Palermo"}),
        ("organization=MX", {"herramientas en línea", "indicadores de Palermo"}),
        ("q=matrices", {"capacidad técnica"}),
        ("mine=on", {"indicadores de Palermo", "migración laboral", "reservado"}),
        (f"due_from={days(0)}&due_to={days(10)}", {"migración laboral", "reservado"}),
    ],
)
def test_filters(costa_rica_officer, meetings, query, expected):
    response = client_for(costa_rica_officer).get(f"{URL}?{query}")
    assert response.status_code == 200
    assert {fragment for fragment in expected if any(fragment in t for t in shown(response))} == expected
    assert len(shown(response)) == len(expected)


def test_filter_by_status_and_meeting(secretariat_staff, meetings):
    network, restricted = meetings
    Commitment.objects.filter(pk=by_text("nudos claves").pk).update(status=CommitmentStatus.DONE)
    client = client_for(secretariat_staff)
    assert {t[:20] for t in shown(client.get(f"{URL}?status=done"))} == {"Analizar los nudos c"}
    assert shown(client.get(f"{URL}?meeting={restricted.pk}")) == {RESTRICTED_TEXT}
    active = shown(client.get(f"{URL}?status=active"))
    assert "Analizar los nudos claves en el combate al tráfico ilícito" not in active and len(active) == 6


@pytest.mark.parametrize(
    "query",
    [
        "due_from=notadate",
        "due_to=2026-13-45",
        "status=bogus",
        "organization=XX",
        "meeting=notanumber",
        "page=abc",
        "q=" + "x" * 500,
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(iom_analyst, meetings, query):
    response = client_for(iom_analyst).get(f"{URL}?{query}")
    assert response.status_code == 200
    if not query.startswith("page="):
        assert 'class="errorlist"' in response.content.decode()
        assert "Some filters were not applied" in response.content.decode()
    # The valid filters (none here) still apply: every visible commitment is listed.
    assert shown(response) == NETWORK_TEXTS


def test_a_meeting_the_user_may_not_see_is_not_a_valid_filter(mexico_officer, meetings):
    _, restricted = meetings
    response = client_for(mexico_officer).get(f"{URL}?meeting={restricted.pk}")
    assert response.status_code == 200
    assert "Reunión bilateral reservada" not in response.content.decode()
    assert RESTRICTED_TEXT not in shown(response)


def test_period_the_wrong_way_round(iom_analyst, meetings):
    response = client_for(iom_analyst).get(f"{URL}?due_from={days(10)}&due_to={days(0)}")
    assert response.status_code == 200
    assert "The end of the period is before its start." in response.content.decode()


def test_htmx_request_gets_only_the_results(iom_analyst, meetings):
    response = client_for(iom_analyst).get(
        f"{URL}?organization=IOM", headers={"HX-Request": "true", "HX-Target": "followup-results"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert "nudos claves" in html and "indicadores de Palermo" not in html
    assert "HX-Request" in response["Vary"]
    # A history restore asks for the whole page.
    restore = client_for(iom_analyst).get(
        URL,
        headers={"HX-Request": "true", "HX-Target": "followup-results", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.content.decode()


def test_the_filter_form_works_with_and_without_javascript(iom_analyst, meetings):
    html = client_for(iom_analyst).get(URL).content.decode()
    form = re.search(r"<form method=\"get\"[^>]*>", html).group(0)
    assert f'action="{URL}"' in form
    assert (
        f'hx-get="{URL}"' in form and 'hx-target="#followup-results"' in form and 'hx-push-url="true"' in form
    )
    assert 'id="followup-results"' in html


def test_export_links_keep_the_filters(iom_analyst, meetings):
    html = client_for(iom_analyst).get(f"{URL}?organization=IOM&status=active&page=1").content.decode()
    csv_url = reverse("followup:export", args=["csv"])
    xlsx_url = reverse("followup:export", args=["xlsx"])
    assert f'href="{csv_url}?organization=IOM&amp;status=active"' in html
    assert f'href="{xlsx_url}?organization=IOM&amp;status=active"' in html


def test_the_calendar_address_is_shown(iom_analyst, meetings):
    html = client_for(iom_analyst).get(URL).content.decode()
    address = re.search(r'id="calendar-url" value="([^"]+)" readonly', html).group(1)
    assert re.search(r"/follow-up/calendar/[^/]+\.ics$", address)
    assert "Outlook" in html and "Google Calendar" in html


def test_empty_states(iom_analyst, organizations):
    client = client_for(iom_analyst)
    html = client.get(URL).content.decode()
    assert "There are no commitments to follow up yet." in html
    network_meeting()
    html = client.get(f"{URL}?q=nothing-like-this").content.decode()
    assert "No commitment matches these filters." in html
    assert "There are no commitments to follow up yet." not in html


def test_fifty_per_page(iom_analyst, organizations):
    meeting = meeting_with(commitment("1", "Primero", ["IOM"], due=days(1)))
    bulk_commitments(meeting, 59, organizations["IOM"])
    client = client_for(iom_analyst)
    first = client.get(URL)
    assert len(rows(first)) == 50
    assert "Page 1 of 2" in first.content.decode()
    second = client.get(f"{URL}?page=2")
    assert len(rows(second)) == 10
    assert "Page 2 of 2" in second.content.decode()
    assert '<p class="muted" role="status">60 commitments</p>' in second.content.decode()


def test_the_responsible_filter_of_an_organization(iom_analyst, meetings):
    nothing = followup(iom_analyst).filter(responsible_q(None))
    assert list(nothing) == []
    assert list(export_rows(nothing)) == []
    # "The member states" count for every member state filter, a partner's filter only its own.
    honduras = Organization.objects.get(code="HN")
    assert {c.text for c in followup(iom_analyst).filter(responsible_q(honduras))} == {
        "Enviar a la ST el documento sobre los indicadores de Palermo"
    }
    assert not followup(iom_analyst).filter(responsible_q(Organization.objects.get(code="UNODC"))).exists()


def test_a_signed_in_person_without_a_role_sees_only_public_commitments(organizations):
    network_meeting()
    meeting_with(commitment("1", "Compromiso publicado", ["IOM"], due=days(3)), visibility=Visibility.PUBLIC)
    newcomer = User.objects.create_user(username="nuevo", email="nuevo@example.org", password="x" * 12)
    response = client_for(newcomer).get(URL)
    assert response.status_code == 200
    assert shown(response) == {"Compromiso publicado"}
    html = response.content.decode()
    assert 'id="calendar-url"' not in html and 'name="mine"' not in html
