"""A country's report as an Excel form and back: the file that goes out (pre-filled, drop-downs and cell
validation, one sheet per pillar, instructions in the reader's language) is the layout that comes in. Reading it
checks every cell and names each problem by sheet and cell; nothing is saved unless all of it is valid.

Layout of a pillar sheet, one row per indicator and one per part of a figure:
A code · B indicator · C part · D answer · E unit · F legal article · G data source · H how to answer ·
I revision, J fingerprint, K part key (hidden: a stale offline copy cannot overwrite newer answers).
A hidden sheet "_enlace" says which report, country and framework version the file is for."""

import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass

import xlsxwriter
from django.utils.translation import gettext as _

from enlace.core.exports import xlsx_cell
from enlace.core.limits import FileLimits, LimitExceeded, check_unpacked_size, open_zip
from enlace.reporting.answers import Entry, fingerprint_of
from enlace.reporting.dimensions import parts_of
from enlace.reporting.models import AnswerType, Pillar
from enlace.reporting.values import ValueError_, choices_of, display_value, parse_number, parse_value

META_SHEET = "_enlace"
KIND = "enlace-report-form"
FORM_MAX_BYTES = 2 * 1024 * 1024  # a form of 150 indicators is some 40 KB
FIRST_ROW = 2  # 1-based: row 1 holds the headers
COLUMNS = 11


@dataclass(frozen=True)
class CellError:
    sheet: str
    cell: str
    message: str

    def __str__(self):
        return _("Sheet “%(sheet)s”, cell %(cell)s: %(message)s") % {
            "sheet": self.sheet, "cell": self.cell, "message": self.message,
        }  # fmt: skip


class WorkbookRefused(Exception):
    def __init__(self, errors: list[CellError]):
        super().__init__(errors)
        self.errors = errors


def _sheet_names(indicators) -> list[tuple[str, str]]:
    pillars = {indicator.pillar for indicator in indicators}
    return [(code, str(label)[:31]) for code, label in Pillar.choices if code in pillars]


def _rows(indicator, total: str = ""):
    """(part key, part label) of the indicator's rows: its answer, then each part of a figure."""
    yield "", (total or _("Total")) if indicator.disaggregations else ""
    yield from parts_of(indicator.disaggregations)


def _how(indicator, kinds: dict) -> str:
    kind = indicator.answer_type
    if kind == AnswerType.MULTIPLE:
        return _("One or more of: %(choices)s (separate them with ;)") % {
            "choices": "; ".join(label for _code, label in choices_of(indicator))
        }
    return kinds[kind]


def form_workbook(submission, indicators, answers: dict) -> bytes:
    """answers: code -> Answer."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format(
        {"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True, "valign": "top"}
    )
    wrap = book.add_format({"text_wrap": True, "valign": "top", "locked": True})
    entry = book.add_format({"locked": False, "bg_color": "#FFF9E0", "border": 1, "valign": "top"})
    entry_date = book.add_format(
        {"locked": False, "bg_color": "#FFF9E0", "border": 1, "num_format": "yyyy-mm-dd"}
    )
    cycle, country = submission.cycle, submission.owner
    sheets = _sheet_names(indicators)

    intro = book.add_worksheet(_("Instructions")[:31])
    intro.set_column(0, 0, 110)
    lines = [
        (_("Country report: %(country)s") % {"country": country.name}, bold),
        (_("Cycle: %(cycle)s — due on %(due)s") % {"cycle": cycle.title, "due": cycle.due_on.isoformat()}, wrap),
        (_("Framework: %(framework)s") % {"framework": str(cycle.framework)}, wrap),
        ("", wrap),
        (_("Fill in the yellow cells of each sheet (one sheet per pillar), save the file and upload it on the "
           "report's page in Enlace."), wrap),
        (_("Do not add, remove or rename sheets, rows or columns: the file that comes back must have the layout "
           "that went out. Formulas are not accepted; type the figures."), wrap),
        (_("Figures are whole numbers of 0 or more; give the legal article and the data source of each figure, "
           "as the UNODC questionnaire asks."), wrap),
        (_("If someone changes an answer in Enlace after you downloaded this file, that answer is refused on "
           "upload and the newer one is kept: download the form again."), wrap),
    ]  # fmt: skip
    for row, (text, style) in enumerate(lines):
        intro.write_string(row, 0, xlsx_cell(text), style)

    meta = book.add_worksheet(META_SHEET)
    meta_values = [
        ("kind", KIND), ("submission", str(submission.pk)), ("country", country.code),
        ("framework", cycle.framework.code), ("version", str(cycle.framework.version)),
        ("sheets", "\n".join(name for _code, name in sheets)), ("instructions", _("Instructions")[:31]),
    ]  # fmt: skip
    for row, (key, value) in enumerate(meta_values):
        meta.write_string(row, 0, key)
        meta.write_string(row, 1, value)
    list_column = 3
    lists = {}
    for indicator in indicators:
        if indicator.answer_type in (AnswerType.YES_NO_PARTLY, AnswerType.CHOICE):
            labels = [label for _code, label in choices_of(indicator)]
            key = tuple(labels)
            if key not in lists:
                for row, label in enumerate(labels):
                    meta.write_string(row, list_column, xlsx_cell(label))
                column = xlsxwriter.utility.xl_col_to_name(list_column)
                lists[key] = f"='{META_SHEET}'!${column}$1:${column}${len(labels)}"
                list_column += 1
    meta.hide()
    meta.protect()

    headers = [
        _("Code"), _("Indicator"), _("Part"), _("Answer"), _("Unit"), _("Legal article"), _("Data source"),
        _("How to answer"), "revision", "fingerprint", "part",
    ]  # fmt: skip
    by_pillar = {code: [i for i in indicators if i.pillar == code] for code, _name in sheets}
    number_message = _("Enter a number of 0 or more.")[:255]
    total = _("Total")
    kinds = {code: str(label) for code, label in AnswerType.choices}  # each label translated once
    kinds.update(
        {
            AnswerType.DATE: _("A date (YYYY-MM-DD)"),
            AnswerType.PERCENTAGE: _("A percentage between 0 and 100"),
        }
    )
    for code, name in sheets:
        sheet = book.add_worksheet(name)
        for column, header in enumerate(headers):
            sheet.write_string(0, column, header, bold)
        for column, width in enumerate((12, 60, 22, 22, 16, 18, 22, 36)):
            sheet.set_column(column, column, width, wrap if column not in (3, 5, 6) else None)
        sheet.set_column(8, 10, None, None, {"hidden": True})
        sheet.freeze_panes(1, 2)
        row = FIRST_ROW - 1
        checks = defaultdict(list)  # validation -> its cells, applied once per sheet (not once per cell)
        for indicator in by_pillar[code]:
            answer = answers.get(indicator.code)
            how = _how(indicator, kinds)
            for part, label in _rows(indicator, total):
                sheet.write_string(row, 0, indicator.code)
                if not part:
                    sheet.write_string(row, 1, xlsx_cell(indicator.text), wrap)
                if label:
                    sheet.write_string(row, 2, xlsx_cell(str(label)))
                _write_answer(sheet, row, indicator, answer, part, entry, entry_date, lists, checks)
                if indicator.unit:
                    sheet.write_string(row, 4, xlsx_cell(indicator.unit))
                if not part and indicator.is_numeric:
                    sheet.write_string(row, 5, xlsx_cell(answer.article if answer else ""), entry)
                    sheet.write_string(row, 6, xlsx_cell(answer.data_source if answer else ""), entry)
                if not part:
                    sheet.write_string(row, 7, xlsx_cell(how), wrap)
                    sheet.write_string(row, 8, str(answer.revision if answer else 0))
                    sheet.write_string(row, 9, fingerprint_of(answer))
                else:
                    sheet.write_string(row, 10, part)
                row += 1
        for validation, cells in checks.items():
            options = dict(validation)
            if options.get("validate") != "list":
                options["error_message"] = number_message
            first = cells[0]
            sheet.data_validation(
                first, 3, first, 3, {**options, "multi_range": " ".join(f"D{r + 1}" for r in cells)}
            )
        sheet.protect("", {"format_columns": True, "format_rows": True, "autofilter": True})
    book.close()
    return output.getvalue()


def _write_answer(sheet, row, indicator, answer, part, entry, entry_date, lists, checks):
    value = (answer.parts.get(part) if part else answer.value) if answer else None
    kind = indicator.answer_type
    if indicator.is_numeric:
        if value is None:
            sheet.write_blank(row, 3, None, entry)
        else:
            sheet.write_number(row, 3, float(value), entry)
        whole = kind == AnswerType.INTEGER or bool(part)
        rule = (("validate", "integer" if whole else "decimal"), ("criteria", ">="), ("value", 0))
        if kind == AnswerType.PERCENTAGE and not part:
            rule = (("validate", "decimal"), ("criteria", "between"), ("minimum", 0), ("maximum", 100))
        checks[rule].append(row)
    elif kind == AnswerType.DATE:
        if value:
            sheet.write_string(row, 3, value, entry_date)
        else:
            sheet.write_blank(row, 3, None, entry_date)
    else:
        sheet.write_string(row, 3, xlsx_cell(display_value(indicator, value)), entry)
        if kind in (AnswerType.YES_NO_PARTLY, AnswerType.CHOICE):
            source = lists[tuple(label for _code, label in choices_of(indicator))]
            checks[(("validate", "list"), ("source", source))].append(row)


# --- reading it back ---------------------------------------------------------------------------------------------


def _cell(column: int, row: int) -> str:
    return f"{xlsxwriter.utility.xl_col_to_name(column)}{row}"


def _open(upload):
    import openpyxl

    if upload.size > FORM_MAX_BYTES:
        raise WorkbookRefused([CellError("—", "—", _("The file is larger than %(size)d MB; a report form is far "
                                                     "smaller. Is it the right file?") % {"size": FORM_MAX_BYTES // 2**20})])  # fmt: skip
    upload.seek(0)
    try:
        limits = FileLimits.from_settings()
        check_unpacked_size(open_zip(upload, limits), limits)
        upload.seek(0)
        return openpyxl.load_workbook(upload, read_only=True, data_only=False, keep_links=False)
    except LimitExceeded as error:
        raise WorkbookRefused([CellError("—", "—", str(error))]) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise WorkbookRefused(
            [CellError("—", "—", _("This is not an Excel (.xlsx) file Enlace can read."))]
        ) from None


def _meta(book) -> dict:
    if META_SHEET not in book.sheetnames:
        return {}
    values = {}
    for row in book[META_SHEET].iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
        if row and row[0]:
            values[str(row[0])] = "" if row[1] is None else str(row[1])
    return values


def read_form(upload, submission, indicators) -> dict[str, Entry]:
    """The entries of an uploaded form, or WorkbookRefused with every problem by sheet and cell."""
    book = _open(upload)
    try:
        return _read(book, submission, indicators)
    finally:
        book.close()


def _read(book, submission, indicators) -> dict[str, Entry]:
    meta = _meta(book)
    cycle = submission.cycle
    if meta.get("kind") != KIND:
        raise WorkbookRefused(
            [CellError("—", "—", _("This file is not a report form downloaded from Enlace."))]
        )
    problems = []
    if meta.get("country") != submission.owner.code:
        problems.append(
            _("This form is for another country (%(code)s).") % {"code": meta.get("country", "?")[:8]}
        )
    if meta.get("framework") != cycle.framework.code or meta.get("version") != str(cycle.framework.version):
        problems.append(
            _("This form is of framework version %(version)s; the report uses version %(current)s.")
            % {"version": meta.get("version", "?")[:8], "current": cycle.framework.version}
        )
    elif meta.get("submission") != str(submission.pk):
        problems.append(_("This form is of another report (another cycle)."))
    expected = [name for name in meta.get("sheets", "").split("\n") if name]
    names = [name for name in book.sheetnames if name not in (META_SHEET, meta.get("instructions"))]
    missing = [name for name in expected if name not in names]
    extra = [name for name in names if name not in expected]
    if missing:
        problems.append(_("Sheets missing: %(names)s.") % {"names": ", ".join(missing)})
    if extra:
        problems.append(
            _("Sheets that do not belong to the form: %(names)s.") % {"names": ", ".join(extra)[:200]}
        )
    if problems:
        raise WorkbookRefused([CellError("—", "—", problem) for problem in problems])
    errors, entries = [], {}
    # The sheets in pillar order, named as in the language the form was downloaded in.
    pillars = [code for code, _name in _sheet_names(indicators)]
    layout = dict(zip(pillars, expected, strict=False))
    if len(pillars) != len(expected):
        raise WorkbookRefused([CellError("—", "—", _("The form does not match the report's framework."))])
    for pillar, name in layout.items():
        wanted = [(i, part) for i in indicators if i.pillar == pillar for part, _label in _rows(i)]
        _read_sheet(book[name], name, wanted, entries, errors)
    if errors:
        raise WorkbookRefused(errors)
    return entries


def rows_with_formulas(sheet, **bounds):
    """(values, columns holding a formula) of each row: a formula is a cell of type "f", whatever its text (an
    operator such as "<=" typed as text is not one)."""
    for cells in sheet.iter_rows(**bounds):
        yield [cell.value for cell in cells], {n for n, cell in enumerate(cells) if cell.data_type == "f"}


def _read_sheet(sheet, name, wanted, entries, errors) -> None:
    rows = rows_with_formulas(sheet, min_row=FIRST_ROW, max_col=COLUMNS)
    position = FIRST_ROW
    for indicator, part in wanted:
        row, formulas = next(rows, (None, set()))
        row = list(row or ()) + [None] * (COLUMNS - len(row or ()))
        code, key = (row[0] or ""), (row[10] or "")
        if str(code) != indicator.code or str(key) != part:
            errors.append(CellError(name, _cell(0, position), _("Expected %(code)s here: rows were added, removed or "
                                                                "moved.") % {"code": indicator.code}))  # fmt: skip
            return
        for column in (3, 5, 6):
            if column in formulas:
                errors.append(
                    CellError(name, _cell(column, position), _("Formulas are not accepted; type the value."))
                )
                row[column] = None
        entry = entries.setdefault(indicator.code, Entry())
        raw = row[3]
        try:
            if part:
                if raw not in (None, ""):
                    entry.parts[part] = parse_number(
                        indicator, raw, whole=indicator.answer_type == AnswerType.INTEGER
                    )
            else:
                entry.value = parse_value(indicator, raw)
                entry.article = "" if row[5] is None else str(row[5])
                entry.data_source = "" if row[6] is None else str(row[6])
                entry.revision = int(row[8]) if str(row[8] or "").isdigit() else None
                entry.base = str(row[9]) if row[9] else None
        except ValueError_ as error:
            errors.append(CellError(name, _cell(3, position), str(error)))
        position += 1
    extra, _formulas = next(rows, (None, set()))
    if extra is not None and any(value not in (None, "") for value in extra):
        errors.append(CellError(name, _cell(0, position), _("Rows were added below the form.")))
