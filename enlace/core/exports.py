"""Helpers shared by every CSV and Excel export: cells that a spreadsheet will never run as a formula.

A spreadsheet reading a CSV file treats a cell that starts with "=", "+", "-" or "@" as a formula (and tab or
carriage return can smuggle one in), so text that came from users or imported documents is neutralised with a
leading single quote before it is written (CSV injection, OWASP). An Excel file needs no quote: each text is
stored as a text cell, which no spreadsheet evaluates, so it shows exactly what was typed.

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

# Control characters that the XLSX format cannot store (openpyxl refuses them); tab, new line and carriage
# return are allowed. Word documents often carry a vertical tab (\x0b) for a manual line break.
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# Characters some spreadsheet splits a CSV line on (by locale or by the person's choice at import).
CSV_SEPARATORS = ",;\t|\r\n"
# Where a cell would begin in some reader (the start, or just after a separator) followed by a formula start:
# optional spaces then = + - @, or a tab or carriage return itself.
_CSV_FORMULA_START = re.compile(rf"(?:^|(?<=[{re.escape(CSV_SEPARATORS)}]))(?=[ ]*[=+\-@]|[\t\r])")


def csv_cell(value):
    """A CSV field with a quote before every place where a formula could begin, whichever separator
    the reader uses. Numbers, dates, booleans and None pass unchanged."""
    if isinstance(value, str):
        return _CSV_FORMULA_START.sub("'", value)
    return value


def xlsx_cell(value):
    """The value for an XLSX cell: the control characters the format cannot hold turned into spaces. No quote
    before a formula start: xlsx_response writes text as a text cell, never as a formula."""
    if isinstance(value, str):
        return _ILLEGAL_XLSX.sub(" ", value)
    return value


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


def csv_response(table: Table, filename: str, *, delimiter: str = ",") -> HttpResponse:
    """UTF-8 with a byte order mark, which tells Excel the encoding; dates as ISO 8601; every text field in
    quotes, so that a reader splitting on ";" (or tab, or "|") keeps it one cell. delimiter=";" for the
    spreadsheets whose list separator is ";" (Spanish and most Latin American settings), which open a comma file
    as one column."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([csv_cell(value) for value in table.headers])
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return attachment(
        HttpResponse(buffer.getvalue().encode("utf-8"), content_type=CSV_CONTENT_TYPE), filename
    )


def semicolon_csv_response(table: Table, filename: str) -> HttpResponse:
    return csv_response(table, filename, delimiter=";")


def _csv_value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)  # QUOTE_NONNUMERIC would write True as a bare number
    return csv_cell(value)


def xlsx_response(table: Table, filename: str) -> HttpResponse:
    """Bold frozen header, real dates, wrapped long texts in rows tall enough for them, columns at least as wide
    as their headers, an autofilter over the whole table, printed landscape one page wide with the header on
    every page. Written with XlsxWriter, each cell by its type: a text always as text (never a formula or a
    link), a number as a number, a date as a date."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    workbook.set_properties({"title": table.title, "author": "Enlace", "created": timezone.now()})
    sheet = workbook.add_worksheet(_sheet_title(table.title))
    widths = [
        max(table.widths[index] if index < len(table.widths) else 10, len(str(header)) + 4)
        for index, header in enumerate(table.headers)
    ]
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
    top = workbook.add_format({"valign": "top"})
    styles = dict.fromkeys(table.date_columns, date) | dict.fromkeys(table.wrapped_columns, wrapped)
    for column, value in enumerate(table.headers):
        _write(sheet, 0, column, xlsx_cell(str(value)), header, date)
    row_number = 0
    for row_number, row in enumerate(table.rows, start=1):
        lines = 1
        for column, value in enumerate(row):
            value = xlsx_cell(value)
            _write(sheet, row_number, column, value, styles.get(column, top), date)
            if column in table.wrapped_columns and isinstance(value, str) and column < len(widths):
                lines = max(lines, _wrapped_lines(value, widths[column]))
        if lines > 1:
            sheet.set_row(row_number, min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, row_number, max(len(table.headers) - 1, 0))
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)
    workbook.close()
    return attachment(HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


LINE_HEIGHT = 15  # points, of one line in the default font
MAX_ROW_HEIGHT = 409  # the most a spreadsheet row can be


def _wrapped_lines(text: str, width: int) -> int:
    """About how many lines a wrapped text takes in a column of this width (in characters): readers do not
    grow a row to fit its text by themselves, so the writer sets the height."""
    return sum(-(-max(len(line), 1) // max(width - 1, 1)) for line in text.split("\n"))


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


# The download formats of a list, by the name in its address (export.<format>): the file's extension is the
# part after the last dot.
TABLE_WRITERS = {"csv": csv_response, "semicolon.csv": semicolon_csv_response, "xlsx": xlsx_response}
