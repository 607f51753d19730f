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
from decimal import Decimal

import xlsxwriter
from django.http import HttpResponse
from django.utils import timezone

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
_CSV_FORMULA_START = re.compile(rf"(?:^|(?<=[{re.escape(CSV_SEPARATORS)}]))(?=[ ]*[=+\-@]|[\t\r])")


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
XLSX_MAX_CELL = 32767  # characters in one cell


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
    """Bold frozen header, real dates, wrapped long texts, an autofilter over the whole table. Written with
    XlsxWriter, each cell by its type: a text is always written as text (never read as a formula or a link),
    a number as a number, a date as a date."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(_sheet_title(table.title))
    for index, width in enumerate(table.widths):
        sheet.set_column(index, index, width)
    header = workbook.add_format({"bold": True})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
    styles = dict.fromkeys(table.date_columns, date) | dict.fromkeys(table.wrapped_columns, wrapped)
    for column, value in enumerate(table.headers):
        _write(sheet, 0, column, xlsx_cell(str(value)), header, date)
    row_number = 0
    for row_number, row in enumerate(table.rows, start=1):
        for column, value in enumerate(row):
            _write(sheet, row_number, column, xlsx_cell(value), styles.get(column), date)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, row_number, max(len(table.headers) - 1, 0))
    workbook.close()
    return attachment(HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


# Characters a sheet name may not hold (it may not start or end with a quote either; 31 characters at most).
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")


def _sheet_title(title: str) -> str:
    return _SHEET_TITLE_FORBIDDEN.sub(" ", title).strip(" '")[:31].rstrip(" '") or "Sheet1"


def _write(sheet, row: int, column: int, value, style, date_style) -> None:
    """One cell, by the type of its value (a date shows as a date in any column)."""
    if value is None or value == "":
        sheet.write_blank(row, column, None, style)
    elif isinstance(value, bool):
        sheet.write_boolean(row, column, value, style)
    elif isinstance(value, int | float | Decimal):
        sheet.write_number(row, column, value, style)
    elif isinstance(value, dt.datetime):
        naive = timezone.make_naive(value) if timezone.is_aware(value) else value
        sheet.write_datetime(row, column, naive, style or date_style)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, column, dt.datetime.combine(value, dt.time()), style or date_style)
    else:
        # XlsxWriter would refuse a longer text than a cell holds.
        sheet.write_string(row, column, str(value)[:XLSX_MAX_CELL], style)
