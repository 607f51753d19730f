import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from enlace.followup.services import commitment_update_status
from enlace.meetings.draft import CommitmentDraft
from enlace.meetings.models import Agreement, Commitment, CommitmentStatus, Meeting
from enlace.meetings.services import meeting_create_from_draft, meeting_update
from tests.factories.meetings import make_meeting, seed_like_draft

pytestmark = pytest.mark.django_db


def test_meeting_from_draft_keeps_structure_and_order(organizations, secretariat_staff):
    meeting = make_meeting(created_by=secretariat_staff)
    refs = [
        a.reference
        for a in Agreement.objects.filter(meeting=meeting).select_related("parent").order_by("position")
    ]
    assert refs == ["1", "2", "2.a", "2.b", "3", "3.a"]
    assert sorted(meeting.delegations.values_list("code", flat=True)) == sorted(
        ["CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO"]
    )
    assert meeting.owner.code == "ST" and meeting.country.code == "HN"
    first = Commitment.objects.get(agreement__label="a", agreement__parent__label="2")
    assert first.all_member_states and first.recipient.code == "ST"
    assert (
        first.due_date == dt.date(2016, 8, 8) and first.deadline_phrase == "en un plazo no mayor a dos meses"
    )
    assert list(
        Commitment.objects.get(text__startswith="Analizar").responsible.values_list("code", flat=True)
    ) == ["IOM"]
    assert meeting.history.first().history_user == secretariat_staff


def test_draft_that_names_a_missing_point_saves_nothing(organizations):
    draft = seed_like_draft()
    draft.commitments.append(CommitmentDraft(agreement="9.z", text="?", responsible=["IOM"]))
    with pytest.raises(ValidationError):
        meeting_create_from_draft(draft=draft)
    assert Meeting.objects.count() == 0 and Agreement.objects.count() == 0


def test_draft_without_date_or_points_is_refused(organizations):
    with pytest.raises(ValidationError):
        meeting_create_from_draft(draft=seed_like_draft(date=None))
    with pytest.raises(ValidationError):
        meeting_create_from_draft(draft=seed_like_draft(agreements=[], commitments=[]))


def test_done_needs_evidence_or_a_secretariat_note(organizations, costa_rica_officer, secretariat_staff):
    make_meeting()
    commitment = Commitment.objects.get(text__startswith="Enviar")
    with pytest.raises(ValidationError):
        commitment_update_status(
            commitment=commitment, actor=costa_rica_officer, status=CommitmentStatus.DONE
        )
    commitment_update_status(
        commitment=commitment,
        actor=costa_rica_officer,
        status=CommitmentStatus.IN_PROGRESS,
        note="Documento en revisión",
    )
    with pytest.raises(ValidationError):
        commitment_update_status(commitment=commitment, actor=secretariat_staff, status=CommitmentStatus.DONE)
    commitment_update_status(
        commitment=commitment,
        actor=secretariat_staff,
        status=CommitmentStatus.DONE,
        note="Recibido por correo el 1 de agosto",
    )
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.DONE
    assert commitment.secretariat_note == "Recibido por correo el 1 de agosto"
    assert [n.status_to for n in commitment.notes.order_by("pk")] == ["in_progress", "done"]


def test_mexico_cannot_update_iom_commitment(organizations, mexico_officer, iom_analyst):
    make_meeting()
    commitment = Commitment.objects.get(text__startswith="Analizar")
    with pytest.raises(PermissionDenied):
        commitment_update_status(
            commitment=commitment, actor=mexico_officer, status=CommitmentStatus.IN_PROGRESS
        )
    commitment_update_status(commitment=commitment, actor=iom_analyst, status=CommitmentStatus.IN_PROGRESS)
    assert Commitment.objects.get(pk=commitment.pk).status == CommitmentStatus.IN_PROGRESS


def test_overdue_is_derived(organizations):
    make_meeting()
    commitment = Commitment.objects.get(text__startswith="Enviar")
    assert commitment.is_overdue(today=dt.date(2016, 8, 9))
    assert not commitment.is_overdue(today=dt.date(2016, 8, 8))
    assert commitment.is_due_soon(today=dt.date(2016, 7, 20))
    commitment.status = CommitmentStatus.DONE
    assert not commitment.is_overdue(today=dt.date(2020, 1, 1))


def test_only_secretariat_publishes(organizations, costa_rica_officer, secretariat_staff):
    meeting = make_meeting()
    with pytest.raises(PermissionDenied):
        meeting_update(meeting=meeting, actor=costa_rica_officer, data={"visibility": "public"})
    meeting_update(meeting=meeting, actor=secretariat_staff, data={"visibility": "public"})
    assert Meeting.objects.get(pk=meeting.pk).visibility == "public"
