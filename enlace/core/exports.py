"""Helpers shared by every CSV and Excel export: cells that a spreadsheet will never run as a formula.

A spreadsheet treats a cell that starts with "=", "+", "-" or "@" as a formula (and tab or carriage return can
smuggle one in), so text that came from users or imported documents is neutralised with a leading single quote
before it is written (CSV injection, OWASP).

A CSV file is read with the separator of the reader's locale (";" in Spanish-speaking ones, sometimes tab or
"|"), not necessarily the "," it was written with: "progress;=cmd|' /C calc'!A0;done" becomes three cells there,
the second a formula. So every text field of a CSV is quoted, and a formula start is neutralised after any
character that some reader splits on, not only at the start of the cell.
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


# Characters some spreadsheet splits a CSV line on (by locale or by the person's choice at import).
CSV_SEPARATORS = ",;\t|\r\n"
# Where a cell would begin in some reader (the start, or just after a separator) followed by a formula start:
# optional spaces then = + - @, or a tab or carriage return itself.
_CSV_FORMULA_START = re.compile(r"(?:^|(?<=[,;\t|\r\n]))(?=[ ]*[=+\-@]|[\t\r])")


def csv_cell(value):
    """safe_cell for a CSV field: a quote before every place where a formula could begin, whichever separator
    the reader uses. Numbers, dates, booleans and None pass unchanged."""
    if isinstance(value, str):
        return _CSV_FORMULA_START.sub("'", value)
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
    """UTF-8 with a byte order mark, which tells Excel the encoding; dates as ISO 8601; every text field in
    quotes, so that a reader splitting on ";" (or tab, or "|") keeps it one cell."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([csv_cell(value) for value in table.headers])
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return attachment(
        HttpResponse(buffer.getvalue().encode("utf-8"), content_type=CSV_CONTENT_TYPE), filename
    )


def _csv_value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)  # QUOTE_NONNUMERIC would write True as a bare number
    return csv_cell(value)


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
