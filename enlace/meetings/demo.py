"""Demo meetings, built through the importer and the services: the seed report (Tegucigalpa, 2016), a follow-up
meeting of our own making that closes some of its commitments, and a recent meeting with live deadlines.
Idempotent: a meeting already loaded is left as it is."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from enlace.core.models import Visibility
from enlace.meetings.evidence import commitment_add_evidence
from enlace.meetings.importing import read_report
from enlace.meetings.models import Commitment, CommitmentStatus, Meeting
from enlace.meetings.services import commitment_add_note, commitment_update_status, meeting_create_from_draft

User = get_user_model()
SEED = settings.BASE_DIR.parent / "shared" / "seed" / "000_d9e9c4457487cb69.txt"
FOLLOW_UP = Path(__file__).resolve().parent / "demo_reports" / "seguimiento-2016-11.txt"
MISSION_NOTE = (
    "Misión de asistencia técnica de la OIM (julio de 2016)\n\n"
    "Se acompañó a los equipos nacionales en la preparación del documento sobre la implementación del Protocolo "
    "de Palermo con los indicadores de la OIM.\n"
)
RECENT_TITLE = "REPORT OF THE VIRTUAL MEETING OF THE LIAISON OFFICER NETWORK ON THE WORK PLAN"


def _import(path: Path, name: str | None = None, text: str | None = None, *, visibility, user) -> Meeting:
    data = text.encode("utf-8") if text is not None else path.read_bytes()
    draft = read_report(data=data, filename=name or path.name, language="es")  # under the import limits
    return meeting_create_from_draft(draft=draft, created_by=user, visibility=visibility)


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


def _recent_report(today: dt.date) -> str:
    held = today - dt.timedelta(days=20)
    soon = today + dt.timedelta(days=12)
    late = today - dt.timedelta(days=5)
    return f"""REGIONAL CONFERENCE ON MIGRATION (RCM)
REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)

{RECENT_TITLE}

Panama City, Panama
{held:%B} {held.day}, {held.year}

The Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons of the RCM Member Countries, at its virtual meeting held on {held:%B} {held.day}, {held.year}, with the participation of the representatives of Canada, Costa Rica, El Salvador, Guatemala, Honduras, Mexico and Panama, presents to the Regional Consultation Group on Migration its report contained in the following points:

1. Thank IOM and UNODC for presenting the draft Work Plan on migrant smuggling.

a. Member countries will send their comments on the draft Work Plan to the Technical Secretariat no later than {soon:%B} {soon.day}, {soon.year}.
b. IOM will consolidate the comments received into a revised draft within 30 days of the deadline for comments.

2. Take note of the update of the comparative legislation matrix on trafficking in persons.

a. Costa Rica and Mexico will send the references of their most recent legislative reforms to the Technical Secretariat no later than {late:%B} {late.day}, {late.year}.
"""


def load_meetings(stdout=None) -> list[Meeting]:
    if not SEED.exists():
        if stdout:
            stdout.write(f"Seed report not found at {SEED}; demo meetings skipped.")
        return []
    staff = User.objects.get(username="st.staff")
    iom = User.objects.get(username="iom.analyst")
    costa_rica = User.objects.get(username="cr.officer")
    loaded = []

    seed = Meeting.objects.filter(place="Tegucigalpa", start_date=dt.date(2016, 6, 8)).first()
    if seed is None:
        seed = _import(SEED, visibility=Visibility.PUBLIC, user=staff)
        commitment_update_status(
            commitment=_commitment(seed, "2.a", "IOM"),
            user=iom,
            status=CommitmentStatus.IN_PROGRESS,
            note="Asistencia técnica a Belice y Nicaragua.",
        )
        commitment_update_status(
            commitment=_commitment(seed, "3.a", "La OIM realizará"),
            user=iom,
            status=CommitmentStatus.IN_PROGRESS,
            note="Análisis en preparación.",
        )
        commitment_add_evidence(
            commitment=_commitment(seed, "2.a", "IOM"),
            user=iom,
            title="Informe de la misión de asistencia técnica",
            file=SimpleUploadedFile("mision-asistencia-tecnica.txt", MISSION_NOTE.encode("utf-8")),
        )
        commitment_update_status(
            commitment=_commitment(seed, "4.a"),
            user=costa_rica,
            status=CommitmentStatus.IN_PROGRESS,
            note="Perfil de proyecto sobre migración laboral en elaboración.",
        )
        loaded.append(seed)

    follow_up = Meeting.objects.filter(place="San Salvador", start_date=dt.date(2016, 11, 23)).first()
    if follow_up is None:
        follow_up = _import(FOLLOW_UP, visibility=Visibility.NETWORK, user=staff)
        closed_by = "Cerrado en la reunión de seguimiento de San Salvador (23 de noviembre de 2016)"
        # The follow-up meeting closes what the seed asked for, and carries the rest forward.
        for reference, startswith, note in [
            ("2.a", "Los países", f"{closed_by}: seis países enviaron el documento; los demás, punto 1.a."),
            ("3.a", "La OIM realizará", f"{closed_by}: la OIM presentó el análisis de nudos claves."),
            ("3.b", "", f"{closed_by}: la Red acordó elaborar un Plan de Trabajo."),
        ]:
            commitment_update_status(
                commitment=_commitment(seed, reference, startswith),
                user=staff,
                status=CommitmentStatus.DONE,
                note=note,
            )
        commitment_update_status(
            commitment=_commitment(follow_up, "2.a"),
            user=staff,
            status=CommitmentStatus.DONE,
            note="Análisis circulado por correo el 5 de diciembre.",
        )
        commitment_add_note(
            commitment=_commitment(follow_up, "1.a"),
            user=staff,
            text="Recordatorio enviado a Belice, Nicaragua y República Dominicana.",
        )
        loaded.append(follow_up)

    if not Meeting.objects.filter(title=RECENT_TITLE).exists():
        recent = _import(
            Path("recent.txt"),
            "recent.txt",
            _recent_report(timezone.localdate()),
            visibility=Visibility.NETWORK,
            user=staff,
        )
        commitment_update_status(
            commitment=_commitment(recent, "2.a"),
            user=costa_rica,
            status=CommitmentStatus.IN_PROGRESS,
            note="Reforma de 2026 en revisión jurídica.",
        )
        loaded.append(recent)
    if stdout:
        stdout.write(f"Demo meetings loaded: {len(loaded)} new, {Meeting.objects.count()} in all.")
    return loaded
