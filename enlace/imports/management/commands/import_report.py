"""`manage.py import_report PATH [--dry-run] [--format json|text]`: import a meeting report file."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations

from enlace.imports.importing import max_report_bytes, read_report


class Command(BaseCommand):
    help = (
        "Reads a meeting report (.docx, .pdf or .txt) and creates the meeting with its points and commitments. "
        "With --dry-run it only prints what it read."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The report file.")
        parser.add_argument("--dry-run", action="store_true", help="Print the draft; save nothing.")
        parser.add_argument("--format", choices=["json", "text"], default="text", help="Output format.")

    @no_translations  # messages and warnings in the code's own language (English), whatever LANGUAGE_CODE is
    def handle(self, *args, path, dry_run, format, **options):
        draft = self.read(Path(path))
        if dry_run:
            if format == "json":
                self.stdout.write(json.dumps(draft.to_dict(), ensure_ascii=False, indent=2))
            else:
                self.stdout.write(render_text(draft))
            return
        from enlace.meetings.services import meeting_create_from_draft

        try:
            meeting = meeting_create_from_draft(draft=draft, actor=None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        for warning in draft.warnings:
            self.stderr.write(f"Warning: {warning}")
        if format == "json":
            self.stdout.write(json.dumps({"id": meeting.pk}))
        else:
            self.stdout.write(str(meeting.pk))

    def read(self, path: Path):
        """The draft, read in a child process under the same limits as an upload (ENLACE_MAX_*, ENLACE_IMPORT_*)."""
        limit = max_report_bytes()
        try:
            if path.stat().st_size > limit:  # refuse before reading a huge file into memory
                raise CommandError(f"The file is larger than {limit / (1024 * 1024):g} MB: {path}")
            data = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"File not found: {path}") from None
        except (IsADirectoryError, PermissionError, OSError) as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
        try:
            return read_report(data=data, filename=path.name, language="en")
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None


def render_text(draft) -> str:
    """The draft as a person reads it, for checking an import at the terminal."""
    lines = [
        f"Body: {draft.body}",
        f"Title: {draft.title}",
        f"Place: {draft.place}" + (f" ({draft.country})" if draft.country else ""),
        f"Date: {draft.date or '?'}" + (f" to {draft.end_date}" if draft.end_date else ""),
        f"Language: {draft.language}",
        f"Delegations: {', '.join(draft.delegations)}",
        f"Participants: {', '.join(draft.participants)}",
        "",
        "Points:",
    ]
    for agreement in draft.agreements:
        lines.append(f"  {agreement.number}. {agreement.text}  [{', '.join(agreement.organizations)}]")
        for sub in agreement.subpoints:
            lines.append(f"     {sub.label}. {sub.text}  [{', '.join(sub.organizations)}]")
    lines += ["", "Commitments:"]
    for commitment in draft.commitments:
        who = ", ".join(commitment.responsible) or "?"
        to = f" -> {commitment.recipient}" if commitment.recipient else ""
        due = f", due {commitment.due} ({commitment.deadline_phrase})" if commitment.deadline_phrase else ""
        lines.append(f"  {commitment.agreement}: {who}{to}{due}: {commitment.text}")
    if draft.warnings:
        lines += ["", "Warnings:"] + [f"  - {warning}" for warning in draft.warnings]
    return "\n".join(lines)
