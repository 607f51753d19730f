"""Demo progress on the demo meetings (enlace/imports/demo.py): notes, status changes and evidence, written
through the follow-up's services. Idempotent: a meeting whose commitments already carry notes is left as it is."""

import datetime as dt
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from enlace.core.models import Document
from enlace.followup.evidence import commitment_add_evidence
from enlace.followup.models import CommitmentShare, Evidence, ProgressNote
from enlace.followup.services import commitment_add_note, commitment_update_status
from enlace.meetings.models import Commitment, CommitmentStatus, Meeting

User = get_user_model()
# The demo meetings, as enlace/imports/demo.py records them.
SEED_MEETING = {"place": "Tegucigalpa", "start_date": "2016-06-08"}
FOLLOW_UP_MEETING = {"place": "San Salvador", "start_date": "2016-11-23"}
RECENT_TITLE = "REPORT OF THE VIRTUAL MEETING OF THE LIAISON OFFICER NETWORK ON THE WORK PLAN"
MISSION_NOTE = (
    "Misión de asistencia técnica de la OIM (julio de 2016)\n\n"
    "Se acompañó a los equipos nacionales en la preparación del documento sobre la implementación del Protocolo "
    "de Palermo con los indicadores de la OIM.\n"
)


def _commitment(meeting, reference, startswith=""):
    number, _, label = reference.partition(".")
    commitments = Commitment.objects.filter(meeting=meeting)
    if label:
        commitments = commitments.filter(agreement__parent__label=number, agreement__label=label)
    else:
        commitments = commitments.filter(agreement__parent=None, agreement__label=number)
    if startswith:
        commitments = commitments.filter(text__startswith=startswith)
    return commitments.order_by("position").first()


def _untouched(meeting) -> bool:
    return meeting is not None and not ProgressNote.objects.filter(commitment__meeting=meeting).exists()


@contextmanager
def dated(when: dt.datetime):
    """What the services write inside the block is dated `when` (notes, evidence, shares, status changes and
    their history), so the 2016 meetings' follow-up reads as it happened, not on the day the demo was loaded."""
    started = timezone.now()
    yield
    for model in (ProgressNote, Evidence):
        model.objects.filter(created_at__gte=started).update(created_at=when)
    for model in (Commitment, CommitmentShare):
        model.objects.filter(updated_at__gte=started).update(updated_at=when)
    Document.objects.filter(created_at__gte=started).update(created_at=when)
    for model in (Commitment, CommitmentShare, ProgressNote, Evidence, Document):
        model.history.filter(history_date__gte=started).update(history_date=when)


def _on(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def _link(commitment, actor, title):
    commitment_add_evidence(commitment=commitment, actor=actor, title=title, url="https://www.crmsv.org/")


def load_progress(stdout=None) -> None:
    seed = Meeting.objects.filter(**SEED_MEETING).first()
    follow_up = Meeting.objects.filter(**FOLLOW_UP_MEETING).first()
    recent = Meeting.objects.filter(title=RECENT_TITLE).first()
    if seed is None:
        return
    staff = User.objects.get(username="st.staff")
    iom = User.objects.get(username="iom.analyst")
    costa_rica = User.objects.get(username="cr.officer")
    mexico = User.objects.get(username="mx.officer")
    if _untouched(seed):
        with dated(_on(dt.date(2016, 7, 15))):
            commitment_update_status(
                commitment=_commitment(seed, "2.a", "IOM"),
                actor=iom,
                status=CommitmentStatus.IN_PROGRESS,
                note="Asistencia técnica a Belice y Nicaragua.",
            )
            commitment_update_status(
                commitment=_commitment(seed, "3.a", "La OIM realizará"),
                actor=iom,
                status=CommitmentStatus.IN_PROGRESS,
                note="Análisis en preparación.",
            )
            commitment_add_evidence(
                commitment=_commitment(seed, "2.a", "IOM"),
                actor=iom,
                title="Informe de la misión de asistencia técnica",
                file=SimpleUploadedFile("mision-asistencia-tecnica.txt", MISSION_NOTE.encode("utf-8")),
            )
        # "The countries will send the document": each country reports its own share.
        states = _commitment(seed, "2.a", "Los países")
        for officer, day, title in [
            (costa_rica, dt.date(2016, 7, 28), "Oficio de Costa Rica a la Secretaría Técnica"),
            (mexico, dt.date(2016, 8, 4), "Oficio de México a la Secretaría Técnica"),
        ]:
            if states is not None and CommitmentShare.objects.filter(commitment=states).exists():
                with dated(_on(day)):
                    _link(states, officer, title)
                    commitment_update_status(
                        commitment=states,
                        actor=officer,
                        status=CommitmentStatus.DONE,
                        note="Documento enviado a la Secretaría Técnica.",
                    )
        with dated(_on(dt.date(2016, 8, 20))):
            commitment_update_status(
                commitment=_commitment(seed, "4.a"),
                actor=costa_rica,
                status=CommitmentStatus.IN_PROGRESS,
                note="Perfil de proyecto sobre migración laboral en elaboración.",
            )
    if _untouched(follow_up):
        closed_by = "Cerrado en la reunión de seguimiento de San Salvador (23 de noviembre de 2016)"
        # The follow-up meeting closes what the seed asked for, and carries the rest forward.
        with dated(_on(dt.date(2016, 11, 23), 17)):
            for reference, startswith, note in [
                (
                    "2.a",
                    "Los países",
                    f"{closed_by}: seis países enviaron el documento; los demás, punto 1.a.",
                ),
                ("3.a", "La OIM realizará", f"{closed_by}: la OIM presentó el análisis de nudos claves."),
                ("3.b", "", f"{closed_by}: la Red acordó elaborar un Plan de Trabajo."),
            ]:
                commitment_update_status(
                    commitment=_commitment(seed, reference, startswith),
                    actor=staff,
                    status=CommitmentStatus.DONE,
                    note=note,
                )
        with dated(_on(dt.date(2016, 12, 5))):
            commitment_update_status(
                commitment=_commitment(follow_up, "2.a"),
                actor=staff,
                status=CommitmentStatus.DONE,
                note="Análisis circulado por correo el 5 de diciembre.",
            )
        with dated(_on(dt.date(2016, 12, 12))):
            commitment_add_note(
                commitment=_commitment(follow_up, "1.a"),
                actor=staff,
                text="Recordatorio enviado a Belice, Nicaragua y República Dominicana.",
            )
    if _untouched(recent):
        commitment_update_status(
            commitment=_commitment(recent, "2.a"),
            actor=costa_rica,
            status=CommitmentStatus.IN_PROGRESS,
            note="Reforma de 2026 en revisión jurídica.",
        )
    if stdout:
        stdout.write(f"Demo progress notes: {ProgressNote.objects.count()} in all.")
