"""Commitments of several member states are followed per state: each country reports its own share, sees the
others' and cannot change them; the commitment shows "n of N done" and is done when every expected share is, or
when the secretariat closes it with a note (issue 8, point 1)."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enlace.directory.models import Organization, OrganizationKind
from enlace.followup import services
from enlace.followup.evidence import commitment_add_evidence
from enlace.followup.models import CommitmentShare
from enlace.meetings.models import CommitmentStatus
from tests.conftest import client_for
from tests.factories.followup import by_text, commitment, days, meeting_with

pytestmark = pytest.mark.django_db
DONE, OPEN, IN_PROGRESS = CommitmentStatus.DONE, CommitmentStatus.OPEN, CommitmentStatus.IN_PROGRESS


@pytest.fixture
def states_commitment(organizations):
    meeting_with(
        commitment("2.a", "Enviar el documento de indicadores a la ST", ["STATES"], due=days(40)),
        commitment("2.b", "Compromiso de Costa Rica y México", ["CR", "MX"], due=days(20)),
        commitment("3.a", "Compromiso de Costa Rica sola", ["CR"], due=days(10)),
        commitment("4.a", "Compromiso de los Estados y de la UNODC", ["STATES", "UNODC"], due=days(15)),
    )
    return by_text("documento de indicadores")


def _member_states():
    return Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE, is_active=True).count()


def _evidence(commitment, actor):
    commitment_add_evidence(
        commitment=commitment, actor=actor, title="Oficio", url="https://example.org/oficio"
    )


def _share(commitment, code):
    return CommitmentShare.objects.get(commitment=commitment, state__code=code)


def test_a_share_per_state_for_the_member_states_and_for_several_named_states(states_commitment):
    assert CommitmentShare.objects.filter(commitment=states_commitment).count() == _member_states() == 11
    named = by_text("Costa Rica y México")
    assert set(named.shares.values_list("state__code", flat=True)) == {"CR", "MX"}
    assert not by_text("Costa Rica sola").shares.exists()  # one state: followed as a whole


def test_each_country_reports_its_own_share(states_commitment, costa_rica_officer, mexico_officer):
    _evidence(states_commitment, costa_rica_officer)
    services.commitment_update_status(
        commitment=states_commitment, actor=costa_rica_officer, status=DONE, note="Enviado en julio."
    )
    states_commitment.refresh_from_db()
    assert _share(states_commitment, "CR").status == DONE
    assert _share(states_commitment, "MX").status == OPEN  # Costa Rica cannot close Mexico's part
    assert states_commitment.status == IN_PROGRESS  # not done for all eleven
    assert states_commitment.evidence.get().share == _share(states_commitment, "CR")
    note = states_commitment.notes.get(text="Enviado en julio.")
    assert note.share == _share(states_commitment, "CR") and note.status_to == DONE


def test_a_share_is_done_only_with_its_own_evidence(states_commitment, costa_rica_officer, mexico_officer):
    _evidence(states_commitment, costa_rica_officer)
    with pytest.raises(ValidationError):  # Costa Rica's evidence does not prove Mexico's part
        services.commitment_update_status(commitment=states_commitment, actor=mexico_officer, status=DONE)
    assert _share(states_commitment, "MX").status == OPEN


def test_done_when_every_expected_share_is_done(
    states_commitment, costa_rica_officer, mexico_officer, secretariat_staff
):
    cr, mx = _share(states_commitment, "CR"), _share(states_commitment, "MX")
    services.shares_set_expected(
        commitment=states_commitment, actor=secretariat_staff, state_ids=[cr.state_id, mx.state_id]
    )
    for officer in (costa_rica_officer, mexico_officer):
        _evidence(states_commitment, officer)
        services.commitment_update_status(commitment=states_commitment, actor=officer, status=DONE)
    states_commitment.refresh_from_db()
    assert states_commitment.status == DONE
    assert CommitmentShare.objects.filter(commitment=states_commitment, expected=False).count() == 9


def test_the_secretariat_closes_the_rest_with_a_note(
    states_commitment, costa_rica_officer, secretariat_staff
):
    _evidence(states_commitment, costa_rica_officer)
    services.commitment_update_status(commitment=states_commitment, actor=costa_rica_officer, status=DONE)
    services.commitment_update_status(
        commitment=states_commitment,
        actor=secretariat_staff,
        status=DONE,
        note="Cerrado en la reunión de 2017.",
    )
    states_commitment.refresh_from_db()
    assert (
        states_commitment.status == DONE
        and states_commitment.secretariat_note == "Cerrado en la reunión de 2017."
    )


def test_who_may_not_change_a_share_or_the_whole(
    states_commitment, costa_rica_officer, mexico_officer, iom_analyst, organizations
):
    mx = _share(states_commitment, "MX")
    services.shares_set_expected(
        commitment=states_commitment,
        actor=_secretariat(organizations),
        state_ids=[mx.state_id],
    )
    with pytest.raises(PermissionDenied):  # Costa Rica is no longer expected
        services.commitment_update_status(
            commitment=states_commitment, actor=costa_rica_officer, status=IN_PROGRESS
        )
    with pytest.raises(PermissionDenied):
        services.commitment_add_note(commitment=states_commitment, actor=costa_rica_officer, text="Nota")
    with pytest.raises(PermissionDenied):
        services.shares_set_expected(
            commitment=states_commitment, actor=mexico_officer, state_ids=[mx.state_id]
        )
    both = by_text("Estados y de la UNODC")
    unodc = _person(organizations, "unodc.officer", "UNODC")
    with pytest.raises(
        PermissionDenied
    ):  # a partner that shares the commitment does not close the states' parts
        services.commitment_update_status(commitment=both, actor=unodc, status=IN_PROGRESS)
    services.commitment_add_note(commitment=both, actor=unodc, text="Herramientas disponibles.")  # notes, yes


def _secretariat(organizations):
    return _person(organizations, "st.other", "ST", role="secretariat")


def _person(organizations, username, code, role="technical_partner"):
    from tests.factories.directory import PersonFactory

    return PersonFactory(username=username, organization=organizations[code], role=role)


def test_the_pages_show_the_shares(states_commitment, costa_rica_officer, mexico_officer):
    _evidence(states_commitment, costa_rica_officer)
    services.commitment_update_status(commitment=states_commitment, actor=costa_rica_officer, status=DONE)
    mexico = client_for(mexico_officer)
    page = mexico.get(reverse("followup:commitment", args=[states_commitment.pk])).content.decode()
    assert "1 de 11 cumplidos" in page
    assert "Informar del avance de México" in page and "Costa Rica" in page
    listing = mexico.get(reverse("followup:page")).content.decode()
    assert "1 de 11 cumplidos" in listing
    rows = list(
        csv.reader(
            io.StringIO(mexico.get(reverse("followup:export", args=["csv"])).content.decode("utf-8-sig"))
        )
    )
    column = rows[0].index("Estados miembros que cumplieron")
    assert {row[column] for row in rows[1:] if "indicadores" in row[3]} == {"1 de 11"}


def test_an_officer_of_a_state_not_expected_gets_no_forms(
    states_commitment, costa_rica_officer, secretariat_staff
):
    mx = _share(states_commitment, "MX")
    services.shares_set_expected(
        commitment=states_commitment, actor=secretariat_staff, state_ids=[mx.state_id]
    )
    client = client_for(costa_rica_officer)
    url = reverse("followup:commitment", args=[states_commitment.pk])
    assert 'id="status-form"' not in client.get(url).content.decode()
    assert client.post(url, {"action": "status", "status-status": "done"}).status_code == 404
    assert client.post(url, {"action": "expected", "expected-states": [mx.pk]}).status_code == 404


def test_the_secretariat_narrows_the_expected_states_on_the_page(states_commitment, secretariat_staff):
    shares = {share.state.code: share for share in states_commitment.shares.select_related("state")}
    client = client_for(secretariat_staff)
    url = reverse("followup:commitment", args=[states_commitment.pk])
    response = client.post(url, {"action": "expected", "expected-states": [shares["CR"].pk, shares["HN"].pk]})
    assert response.status_code == 302
    assert set(states_commitment.shares.filter(expected=True).values_list("state__code", flat=True)) == {
        "CR",
        "HN",
    }
    page = client.get(url).content.decode()
    assert "0 de 2 cumplidos" in page
    refused = client.post(url, {"action": "expected"})
    assert refused.status_code == 200 and "errorlist" in refused.content.decode()


def test_calendar_and_reminders_follow_the_shares(states_commitment, costa_rica_officer, mexico_officer):
    from icalendar import Calendar

    from enlace.followup.calendar import calendar_token_for
    from enlace.followup.reminders import reminders_due
    from tests.factories.followup import today

    _evidence(states_commitment, costa_rica_officer)
    services.commitment_update_status(commitment=states_commitment, actor=costa_rica_officer, status=DONE)

    def summaries(user):
        feed = client_for(None).get(reverse("followup:calendar", args=[calendar_token_for(user)]))
        return [str(event["SUMMARY"]) for event in Calendar.from_ical(feed.content).walk("VEVENT")]

    assert not any("documento de indicadores" in text for text in summaries(costa_rica_officer))
    assert any("documento de indicadores" in text for text in summaries(mexico_officer))
    states_commitment.__class__.objects.filter(pk=states_commitment.pk).update(due_date=today())
    reminded = {person.username for c, person, kind in reminders_due(today()) if c.pk == states_commitment.pk}
    assert "mx.officer" in reminded and "cr.officer" not in reminded


def test_the_api_reports_on_the_own_share_and_lists_the_shares(states_commitment, costa_rica_officer):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(costa_rica_officer)
    base = f"/api/v1/commitments/{states_commitment.pk}/"
    added = client.post(
        f"{base}evidence/", {"title": "Oficio", "url": "https://example.org/oficio"}, format="json"
    )
    assert added.status_code == 201, added.content
    changed = client.post(f"{base}status/", {"status": "done", "note": "Enviado."}, format="json")
    assert changed.status_code == 200, changed.content
    shares = {share["state"]: share for share in client.get(base).json()["shares"]}
    assert shares["CR"]["status"] == "done" and shares["MX"]["status"] == "open" and len(shares) == 11
    assert changed.json()["status"] == "in_progress"
    note = client.post(f"{base}notes/", {"text": "Segunda nota."}, format="json").json()
    assert note["state"] == "CR"
    listed = client.get("/api/v1/commitments/").json()["results"]
    assert next(row for row in listed if row["id"] == states_commitment.pk)["shares"]


def test_mine_and_mine_first_drop_a_share_once_it_is_done(
    states_commitment, costa_rica_officer, mexico_officer
):
    from enlace.followup import selectors
    from enlace.followup.filters import filtered_commitments

    _evidence(states_commitment, costa_rica_officer)
    services.commitment_update_status(
        commitment=states_commitment, actor=costa_rica_officer, status=DONE, note="Enviado."
    )

    def mine(user) -> set[str]:
        request = type("Request", (), {"user": user, "GET": {"mine": "on"}})()
        return {c.text for c in filtered_commitments(request)[1]}

    assert "Enviar el documento de indicadores a la ST" not in mine(costa_rica_officer)  # its share is done
    assert "Enviar el documento de indicadores a la ST" in mine(mexico_officer)  # Mexico's is still open
    first = {c.text: c.is_mine for c in selectors.followup(costa_rica_officer)}
    assert first["Enviar el documento de indicadores a la ST"] is False
    assert first["Compromiso de Costa Rica sola"] is True
    summary = selectors.followup_summary(costa_rica_officer)
    assert states_commitment not in summary["upcoming"]
    assert summary["counts"]["active"] == selectors.followup(costa_rica_officer).filter(is_mine=True).count()
