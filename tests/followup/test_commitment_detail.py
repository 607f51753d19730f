"""The page of one commitment: who sees it, who may update it, and "done" that needs evidence."""

import datetime as dt

import pytest
from django.urls import reverse

from enlace.core.models import Visibility
from enlace.followup.evidence import commitment_add_evidence
from enlace.followup.models import ProgressNote
from enlace.meetings.models import CommitmentStatus
from tests.conftest import PERSONAS, client_for
from tests.factories.followup import by_text, commitment, days, meeting_with, network_meeting


def url(c) -> str:
    return reverse("followup:commitment", args=[c.pk])


def english(user):
    user.language = "en"
    user.save()
    return user


@pytest.fixture
def iom_commitment(organizations):
    network_meeting()
    return by_text("nudos claves")


@pytest.fixture
def cr_commitment(organizations):
    network_meeting()
    return by_text("migración laboral")


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_who_sees_a_restricted_meetings_commitment(persona, organizations):
    meeting_with(
        commitment("1", "Compromiso reservado", ["CR"], due=days(9)),
        visibility=Visibility.RESTRICTED,
        owner=organizations["CR"],
    )
    response = client_for(persona).get(url(by_text("reservado")))
    if not persona.is_authenticated:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif persona.is_secretariat or persona.organization.code == "CR":
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_the_page_shows_the_commitment(iom_analyst, organizations):
    network_meeting()
    states = by_text("indicadores de Palermo")
    html = client_for(iom_analyst).get(url(states)).content.decode()
    assert "Enviar a la ST el documento sobre los indicadores de Palermo" in html
    assert "Commitment under agreement 2.a" in html
    assert "Texto del inciso 2.a." in html and "Texto del punto 2." in html
    assert "the member states" in html and "Technical Secretariat" in html
    assert "“en un plazo no mayor a dos meses”" in html
    assert reverse("meetings:detail", args=[states.meeting_id]) in html
    assert reverse("core:history", args=["commitment", states.pk]) in html
    # IOM does not answer for it: no forms.
    assert 'name="action"' not in html


def test_iom_analyst_updates_iom_commitment(iom_analyst, iom_commitment):
    client = client_for(iom_analyst)
    html = client.get(url(iom_commitment)).content.decode()
    assert 'value="status"' in html and 'value="note"' in html and 'value="evidence"' in html
    assert 'value="correct"' not in html  # correcting what was agreed is the secretariat's
    assert '<span class="badge overdue">Overdue</span>' in html

    response = client.post(
        url(iom_commitment),
        {"action": "status", "status-status": "in_progress", "status-note": "Análisis iniciado con SICA."},
    )
    assert response.status_code == 302 and response["Location"] == url(iom_commitment)
    iom_commitment.refresh_from_db()
    assert iom_commitment.status == CommitmentStatus.IN_PROGRESS
    note = iom_commitment.notes.get()
    assert (note.status_from, note.status_to, note.author, note.organization.code) == (
        "open",
        "in_progress",
        iom_analyst,
        "IOM",
    )
    page = client.get(url(iom_commitment)).content.decode()
    assert "The status was saved." in page
    assert "Análisis iniciado con SICA." in page
    assert "Status changed from “Open” to “In progress”." in page

    response = client.post(url(iom_commitment), {"action": "note", "note-text": "Borrador enviado."})
    assert response.status_code == 302
    assert iom_commitment.notes.count() == 2


def test_mexico_officer_cannot_update_iom_commitment(mexico_officer, iom_commitment):
    client = client_for(mexico_officer)
    html = client.get(url(iom_commitment)).content.decode()
    assert 'name="action"' not in html
    for data in (
        {"action": "status", "status-status": "dropped", "status-note": "x"},
        {"action": "note", "note-text": "x"},
        {"action": "evidence", "evidence-title": "x", "evidence-url": "https://example.org/x"},
        {"action": "correct", "correct-text": "x"},
    ):
        assert client.post(url(iom_commitment), data).status_code == 404
    iom_commitment.refresh_from_db()
    assert iom_commitment.status == CommitmentStatus.OPEN
    assert not iom_commitment.notes.exists() and not iom_commitment.evidence.exists()


def test_unknown_action_is_404(iom_analyst, iom_commitment):
    assert client_for(iom_analyst).post(url(iom_commitment), {"action": "delete"}).status_code == 404


def test_done_without_evidence_is_refused_for_a_liaison_officer(costa_rica_officer, cr_commitment):
    client = client_for(english(costa_rica_officer))
    response = client.post(
        url(cr_commitment), {"action": "status", "status-status": "done", "status-note": "Hecho, créannos."}
    )
    assert response.status_code == 200
    assert (
        "Add evidence (a file or a link) before marking this commitment as done." in response.content.decode()
    )
    cr_commitment.refresh_from_db()
    assert cr_commitment.status == CommitmentStatus.OPEN
    assert not ProgressNote.objects.exists()  # nothing half-saved
    # The page shows the stored status, not the refused one.
    assert '<span class="badge open">Open</span>' in response.content.decode()

    commitment_add_evidence(
        commitment=cr_commitment,
        actor=costa_rica_officer,
        title="Carta oficial",
        url="https://example.org/carta.pdf",
    )
    response = client.post(
        url(cr_commitment), {"action": "status", "status-status": "done", "status-note": ""}
    )
    assert response.status_code == 302
    cr_commitment.refresh_from_db()
    assert cr_commitment.status == CommitmentStatus.DONE
    assert cr_commitment.secretariat_note == ""


def test_the_refusal_is_in_the_users_language(costa_rica_officer, cr_commitment):
    costa_rica_officer.language = "es"
    costa_rica_officer.save()
    response = client_for(costa_rica_officer).post(
        url(cr_commitment), {"action": "status", "status-status": "done", "status-note": ""}
    )
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    assert 'class="message error"' in response.content.decode()


@pytest.mark.parametrize("staff", ["secretariat_staff", "secretariat_admin"])
def test_secretariat_closes_with_a_note_instead_of_evidence(request, staff, cr_commitment):
    user = english(request.getfixturevalue(staff))
    client = client_for(user)
    response = client.post(
        url(cr_commitment), {"action": "status", "status-status": "done", "status-note": ""}
    )
    assert (
        "Without evidence, write a note that says how the commitment was fulfilled."
        in response.content.decode()
    )
    cr_commitment.refresh_from_db()
    assert cr_commitment.status == CommitmentStatus.OPEN

    note = "Costa Rica lo presentó en la reunión del GRCM (acta del 3 de marzo)."
    response = client.post(
        url(cr_commitment), {"action": "status", "status-status": "done", "status-note": note}
    )
    assert response.status_code == 302
    cr_commitment.refresh_from_db()
    assert cr_commitment.status == CommitmentStatus.DONE
    assert cr_commitment.secretariat_note == note
    assert "Secretariat note" in client.get(url(cr_commitment)).content.decode()


def test_an_invalid_status_is_a_form_error(iom_analyst, iom_commitment):
    response = client_for(iom_analyst).post(
        url(iom_commitment), {"action": "status", "status-status": "finished"}
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()


def test_an_empty_note_is_a_form_error(iom_analyst, iom_commitment):
    response = client_for(iom_analyst).post(url(iom_commitment), {"action": "note", "note-text": "   "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not iom_commitment.notes.exists()


def test_secretariat_corrects_the_commitment(secretariat_staff, organizations, iom_commitment):
    client = client_for(english(secretariat_staff))
    html = client.get(url(iom_commitment)).content.decode()
    assert 'value="correct"' in html
    response = client.post(
        url(iom_commitment),
        {
            "action": "correct",
            "correct-text": "Analizar los nudos claves (corregido)",
            "correct-responsible": [organizations["IOM"].pk, organizations["UNODC"].pk],
            "correct-all_member_states": "",
            "correct-recipient": organizations["ST"].pk,
            "correct-due_date": "2027-03-31",
            "correct-deadline_phrase": "antes de la próxima reunión",
        },
    )
    assert response.status_code == 302
    iom_commitment.refresh_from_db()
    assert iom_commitment.text == "Analizar los nudos claves (corregido)"
    assert {org.code for org in iom_commitment.responsible.all()} == {"IOM", "UNODC"}
    assert iom_commitment.recipient.code == "ST"
    assert iom_commitment.due_date == dt.date(2027, 3, 31)
    assert iom_commitment.deadline_phrase == "antes de la próxima reunión"
    assert iom_commitment.history.first().history_user == secretariat_staff


def test_correction_with_a_bad_date_is_a_form_error(secretariat_staff, iom_commitment):
    response = client_for(english(secretariat_staff)).post(
        url(iom_commitment), {"action": "correct", "correct-text": "x", "correct-due_date": "31/31/2027"}
    )
    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()
    iom_commitment.refresh_from_db()
    assert iom_commitment.text.startswith("Analizar")


def test_liaison_officers_answer_for_the_member_states(mexico_officer, organizations):
    network_meeting()
    states = by_text("indicadores de Palermo")
    client = client_for(mexico_officer)
    assert 'value="status"' in client.get(url(states)).content.decode()
    response = client.post(url(states), {"action": "note", "note-text": "México lo envió el 2 de agosto."})
    assert response.status_code == 302
    assert states.notes.get().organization.code == "MX"


def test_rrocm_member_reads_but_cannot_update(rrocm_member, iom_commitment):
    client = client_for(rrocm_member)
    response = client.get(url(iom_commitment))
    assert response.status_code == 200 and 'name="action"' not in response.content.decode()
    assert client.post(url(iom_commitment), {"action": "note", "note-text": "x"}).status_code == 404


def test_unknown_commitment_is_404(iom_analyst, organizations):
    assert client_for(iom_analyst).get(reverse("followup:commitment", args=[999999])).status_code == 404
