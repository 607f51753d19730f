"""Helpers shared by every CSV and Excel export: cells that a spreadsheet will never run as a formula.

A spreadsheet treats a cell that starts with "=", "+", "-" or "@" as a formula (and tab or carriage return can
smuggle one in), so text that came from users or imported documents is neutralised with a leading single quote
before it is written (CSV injection, OWASP).
"""

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Control characters that the XLSX format cannot store (openpyxl refuses them); tab, new line and carriage
# return are allowed. Word documents often carry a vertical tab (\x0b) for a manual line break.
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value):
    """The value to write in a CSV or XLSX cell: text that starts like a formula gets a leading quote;
    numbers, dates, booleans and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def xlsx_cell(value):
    """safe_cell, plus the control characters an XLSX file cannot hold turned into spaces."""
    if isinstance(value, str):
        value = _ILLEGAL_XLSX.sub(" ", value)
    return safe_cell(value)


# --- whole tables as a download ---------------------------------------------------------------------------------

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    """Rows to download: headers in the user's language, and how the spreadsheet should lay the columns out."""

    title: str
    headers: list[str]
    rows: Iterable[list]
    widths: tuple[int, ...] = ()
    date_columns: frozenset[int] = frozenset()  # 0-based
    wrapped_columns: frozenset[int] = frozenset()


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(table: Table, filename: str) -> HttpResponse:
    """UTF-8 with a byte order mark, which tells Excel the encoding; dates as ISO 8601."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(value) for value in table.headers])
    for row in table.rows:
        writer.writerow(
            [safe_cell(value.isoformat() if isinstance(value, dt.date) else value) for value in row]
        )
    return attachment(
        HttpResponse(buffer.getvalue().encode("utf-8"), content_type=CSV_CONTENT_TYPE), filename
    )


def xlsx_response(table: Table, filename: str) -> HttpResponse:
    """Written in openpyxl's streaming mode, each cell styled as it is written: bold frozen header, real dates,
    wrapped long texts, an autofilter over the whole table."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table.title[:31])
    for index, width in enumerate(table.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_styled(sheet, xlsx_cell(value), font=bold) for value in table.headers])
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    for row in table.rows:
        cells = []
        for index, value in enumerate(row):
            if index in table.date_columns:
                cells.append(_styled(sheet, value, number_format="yyyy-mm-dd"))
            elif index in table.wrapped_columns:
                cells.append(_styled(sheet, xlsx_cell(value), alignment=wrap))
            else:
                cells.append(xlsx_cell(value))
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{count + 1}"
    output = io.BytesIO()
    workbook.save(output)
    return attachment(HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


def _styled(sheet, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell
