"""Demo meetings, read by the importer from their reports and recorded through the meetings' services: the seed
report (Tegucigalpa, 2016), a follow-up meeting of our own making, and a recent meeting with live deadlines. Their
progress is the follow-up's demo (enlace/followup/demo.py). Idempotent: a meeting already loaded is left as it is."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from enlace.core.models import Visibility
from enlace.imports.importing import read_report
from enlace.meetings.models import Meeting
from enlace.meetings.services import meeting_create_from_draft

User = get_user_model()
SEED = settings.BASE_DIR.parent / "shared" / "seed" / "000_d9e9c4457487cb69.txt"
FOLLOW_UP = Path(__file__).resolve().parent / "demo_reports" / "seguimiento-2016-11.txt"
RECENT_TITLE = "REPORT OF THE VIRTUAL MEETING OF THE LIAISON OFFICER NETWORK ON THE WORK PLAN"


def _import(path: Path, name: str | None = None, text: str | None = None, *, visibility, user) -> Meeting:
    data = text.encode("utf-8") if text is not None else path.read_bytes()
    draft = read_report(data=data, filename=name or path.name, language="es")  # under the import limits
    return meeting_create_from_draft(draft=draft, actor=user, visibility=visibility)


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


SEED_MEETING = {"place": "Tegucigalpa", "start_date": dt.date(2016, 6, 8)}
FOLLOW_UP_MEETING = {"place": "San Salvador", "start_date": dt.date(2016, 11, 23)}


def load_meetings(stdout=None) -> list[Meeting]:
    if not SEED.exists():
        if stdout:
            stdout.write(f"Seed report not found at {SEED}; demo meetings skipped.")
        return []
    staff = User.objects.get(username="st.staff")
    loaded = []
    if not Meeting.objects.filter(**SEED_MEETING).exists():
        loaded.append(_import(SEED, visibility=Visibility.PUBLIC, user=staff))
    if not Meeting.objects.filter(**FOLLOW_UP_MEETING).exists():
        loaded.append(_import(FOLLOW_UP, visibility=Visibility.NETWORK, user=staff))
    if not Meeting.objects.filter(title=RECENT_TITLE).exists():
        recent = _import(
            Path("recent.txt"),
            "recent.txt",
            _recent_report(timezone.localdate()),
            visibility=Visibility.NETWORK,
            user=staff,
        )
        loaded.append(recent)
    if stdout:
        stdout.write(f"Demo meetings loaded: {len(loaded)} new, {Meeting.objects.count()} in all.")
    return loaded
