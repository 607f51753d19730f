"""The follow-up as CSV (UTF-8 with BOM, for Excel) and XLSX: one row per commitment the user may see."""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from enlace.core import exports as tabular
from enlace.core.exports import Table
from enlace.directory.models import Organization
from enlace.followup.models import ProgressNote
from enlace.followup.selectors import shares_counts
from enlace.meetings.models import ACTIVE_STATUSES, CommitmentStatus
from enlace.meetings.responsible import responsible_by_commitment, responsible_text

FILE_SLUGS = {"es": "seguimiento", "en": "follow-up"}
CHUNK_SIZE = 1000
DATE_COLUMNS = frozenset({1, 6})  # date of the meeting, deadline (0-based)
COLUMN_WIDTHS = (40, 14, 10, 60, 30, 24, 14, 30, 14, 10, 50, 16)
WRAPPED_COLUMNS = frozenset({0, 3, 10})  # meeting, commitment, last note (0-based)


def headers() -> list[str]:
    return [
        _("Meeting"),
        _("Date of the meeting"),
        _("Agreement"),
        _("Commitment"),
        _("Responsible"),
        _("Recipient"),
        _("Deadline"),
        _("Deadline as written"),
        _("Status"),
        _("Overdue"),
        _("Last note"),
        _("Member states done"),
    ]


def rows(commitments: QuerySet, *, today: dt.date | None = None):
    """Each commitment as a list of cell values (dates as dates), in the order of the queryset.

    Four queries whatever the number of rows: the rows as plain values, the responsible organizations and the
    last notes of the same commitments (selected by subquery, not by a long list of ids), the organizations."""
    today = today or timezone.localdate()
    base = commitments.prefetch_related(None)
    selected = base.values("pk")
    organizations = {org.pk: org for org in Organization.objects.all()}
    responsible = responsible_by_commitment(selected, organizations)
    last_note = {}
    for commitment_id, text in (
        ProgressNote.objects.filter(commitment_id__in=selected)
        .exclude(text="")
        .order_by("commitment_id", "-created_at", "-pk")
        .values_list("commitment_id", "text")
    ):
        last_note.setdefault(commitment_id, text)
    statuses = {value: str(label) for value, label in CommitmentStatus.choices}
    yes, no = _("yes"), _("no")
    fields = (
        "pk",
        "meeting__title",
        "meeting__start_date",
        "agreement__label",
        "agreement__parent__label",
        "text",
        "all_member_states",
        "recipient_id",
        "due_date",
        "deadline_phrase",
        "status",
        "shares_done",
        "shares_expected",
    )
    if "shares_done" not in base.query.annotations:  # the follow-up's queryset has them already
        base = base.annotate(**shares_counts())
    rows = base.values_list(*fields).iterator(chunk_size=CHUNK_SIZE)
    for pk, title, held, label, parent, text, states, recipient, due, phrase, status, done, expected in rows:
        overdue = status in ACTIVE_STATUSES and due is not None and due < today
        yield [
            title,
            held,
            f"{parent}.{label}" if parent else label,
            text,
            responsible_text(states, responsible.get(pk, ())),
            organizations[recipient].short_name if recipient else "",
            due,
            phrase,
            statuses.get(status, status),
            yes if overdue else no,
            last_note.get(pk, ""),
            _("%(done)s of %(expected)s") % {"done": done, "expected": expected} if expected else "",
        ]


def filename(extension: str, *, today: dt.date | None = None) -> str:
    today = today or timezone.localdate()
    slug = FILE_SLUGS.get((get_language() or "es")[:2], FILE_SLUGS["en"])
    return f"enlace-{slug}-{today.isoformat()}.{extension}"


def _table(commitments: QuerySet, today: dt.date | None) -> Table:
    return Table(
        title=_("Follow-up"),
        headers=headers(),
        rows=rows(commitments, today=today),
        widths=COLUMN_WIDTHS,
        date_columns=DATE_COLUMNS,
        wrapped_columns=WRAPPED_COLUMNS,
    )


def csv_response(commitments: QuerySet, *, today: dt.date | None = None) -> HttpResponse:
    return tabular.csv_response(_table(commitments, today), filename("csv", today=today))


def semicolon_csv_response(commitments: QuerySet, *, today: dt.date | None = None) -> HttpResponse:
    return tabular.semicolon_csv_response(_table(commitments, today), filename("csv", today=today))


def xlsx_response(commitments: QuerySet, *, today: dt.date | None = None) -> HttpResponse:
    return tabular.xlsx_response(_table(commitments, today), filename("xlsx", today=today))
