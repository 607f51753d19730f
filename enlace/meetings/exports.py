"""The follow-up as CSV (UTF-8 with BOM, for Excel) and XLSX: one row per commitment the user may see."""

import csv
import datetime as dt
import io
from collections import defaultdict

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from enlace.core.exports import safe_cell, xlsx_cell
from enlace.directory.models import Organization
from enlace.meetings.models import ACTIVE_STATUSES, Commitment, CommitmentStatus, ProgressNote

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_SLUGS = {"es": "seguimiento", "en": "follow-up"}
CHUNK_SIZE = 1000
DATE_COLUMNS = {1, 6}  # date of the meeting, deadline (0-based)
COLUMN_WIDTHS = [40, 14, 10, 60, 30, 24, 14, 30, 14, 10, 50]
WRAPPED_COLUMNS = {0, 3, 10}  # meeting, commitment, last note (0-based)


def _styled(sheet, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


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
    ]


def responsible_names(commitment) -> str:
    """ "The member states" and/or the responsible organizations as the reports name them."""
    return responsible_text(commitment.all_member_states, commitment.responsible.all())


def responsible_text(all_member_states: bool, organizations) -> str:
    names = [_("the member states")] if all_member_states else []
    names += [org.short_name for org in organizations]
    return ", ".join(names)


def responsible_by_commitment(commitment_ids, organizations=None) -> dict[int, list]:
    """The responsible organizations of each commitment (ids as a list or a subquery), ordered like the model
    (kind, name): one query, or two when the organizations are not given."""
    if organizations is None:
        organizations = {org.pk: org for org in Organization.objects.all()}
    rank = {pk: index for index, pk in enumerate(organizations)}
    by_commitment = defaultdict(list)
    for commitment_id, organization_id in Commitment.responsible.through.objects.filter(
        commitment_id__in=commitment_ids
    ).values_list("commitment_id", "organization_id"):
        by_commitment[commitment_id].append(organization_id)
    return {
        pk: [organizations[org] for org in sorted(ids, key=rank.__getitem__)]
        for pk, ids in by_commitment.items()
    }


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
    )
    for pk, title, held, label, parent, text, states, recipient, due, phrase, status in base.values_list(
        *fields
    ).iterator(chunk_size=CHUNK_SIZE):
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
        ]


def filename(extension: str, *, today: dt.date | None = None) -> str:
    today = today or timezone.localdate()
    slug = FILE_SLUGS.get((get_language() or "es")[:2], FILE_SLUGS["en"])
    return f"enlace-{slug}-{today.isoformat()}.{extension}"


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(commitments: QuerySet, *, today: dt.date | None = None) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # the byte order mark tells Excel the file is UTF-8
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(value) for value in headers()])
    for row in rows(commitments, today=today):
        writer.writerow(
            [safe_cell(value.isoformat() if isinstance(value, dt.date) else value) for value in row]
        )
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type=CSV_CONTENT_TYPE)
    return _attachment(response, filename("csv", today=today))


def xlsx_response(commitments: QuerySet, *, today: dt.date | None = None) -> HttpResponse:
    """Written in openpyxl's streaming mode: each cell is styled as it is written, never revisited."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Follow-up")[:31])
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header = headers()
    bold = Font(bold=True)
    sheet.append([_styled(sheet, xlsx_cell(value), font=bold) for value in header])
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    for row in rows(commitments, today=today):
        cells = []
        for index, value in enumerate(row):
            if index in DATE_COLUMNS:
                cells.append(_styled(sheet, value, number_format="yyyy-mm-dd"))
            elif index in WRAPPED_COLUMNS:
                cells.append(_styled(sheet, xlsx_cell(value), alignment=wrap))
            else:
                cells.append(xlsx_cell(value))
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE)
    return _attachment(response, filename("xlsx", today=today))
