"""An indicator framework as .xlsx and back: sheets Framework, Indicators and Rules, one column per field, so the
Network can edit it in a spreadsheet. An upload becomes the framework's next version (all of it or nothing)."""

import io

import xlsxwriter
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from enlace.core.exports import xlsx_cell
from enlace.reporting.models import AnswerType, Importance, Operator, Pillar, Protocol
from enlace.reporting.services.frameworks import framework_copy_data
from enlace.reporting.workbook import CellError, WorkbookRefused, _open, rows_with_formulas

FRAMEWORK_FIELDS = ["code", "title_es", "title_en", "description_es", "description_en"]
INDICATOR_FIELDS = [
    "code", "protocol", "pillar", "answer_type", "text_es", "text_en", "guidance_es", "guidance_en", "unit",
    "choices", "disaggregations", "required", "source", "unodc_figure",
]  # fmt: skip
RULE_FIELDS = ["code", "left", "operator", "right", "importance", "message_es", "message_en"]


def _choices_text(choices) -> str:
    return "\n".join(f"{c['code']} = {c.get('es', '')} | {c.get('en', '')}" for c in choices)


def framework_xlsx(framework) -> bytes:
    fields, indicators, rules_ = framework_copy_data(framework)
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4"})
    sheet = book.add_worksheet("Framework")
    for row, name in enumerate(FRAMEWORK_FIELDS + ["version"]):
        sheet.write_string(row, 0, name, bold)
        sheet.write_string(row, 1, xlsx_cell(str(fields.get(name, framework.version))))
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 100)
    for title, names, rows in (("Indicators", INDICATOR_FIELDS, indicators), ("Rules", RULE_FIELDS, rules_)):
        sheet = book.add_worksheet(title)
        sheet.freeze_panes(1, 1)
        for column, name in enumerate(names):
            sheet.write_string(0, column, name, bold)
            sheet.set_column(column, column, 40 if name.startswith(("text", "message", "guidance")) else 16)
        for row, data in enumerate(rows, start=1):
            for column, name in enumerate(names):
                value = data[name]
                if name == "choices":
                    value = _choices_text(value)
                elif name == "disaggregations":
                    value = ", ".join(value)
                elif name == "required":
                    value = "yes" if value else "no"
                sheet.write_string(row, column, xlsx_cell(str(value)))
    book.close()
    return output.getvalue()


def _parse_choices(text: str) -> list[dict]:
    choices = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        code, _sep, labels = line.partition("=")
        spanish, _sep, english = labels.partition("|")
        choices.append({"code": code.strip(), "es": spanish.strip(), "en": english.strip()})
    return choices


_ALLOWED = {
    "protocol": Protocol.values, "pillar": Pillar.values, "answer_type": AnswerType.values,
    "operator": Operator.values, "importance": Importance.values,
}  # fmt: skip


def _table(book, title, names, errors) -> list[dict]:
    if title not in book.sheetnames:
        errors.append(CellError(title, "—", _("This sheet is missing.")))
        return []
    rows = rows_with_formulas(book[title])
    header = [str(value or "").strip() for value in next(rows, ((), set()))[0]]
    if header[: len(names)] != names:
        errors.append(
            CellError(
                title, "A1", _("The columns must be, in order: %(names)s.") % {"names": ", ".join(names)}
            )
        )
        return []
    records = []
    for number, (row, formulas) in enumerate(rows, start=2):
        if not any(value not in (None, "") for value in row):
            continue
        data = {}
        for column, name in enumerate(names):
            value = row[column] if column < len(row) else None
            text = "" if value is None else str(value).strip()
            cell = f"{chr(65 + column)}{number}"
            if column in formulas:
                errors.append(CellError(title, cell, _("Formulas are not accepted; type the value.")))
            if name in _ALLOWED and text not in _ALLOWED[name]:
                errors.append(CellError(title, cell, _("“%(value)s” is not one of: %(allowed)s.")
                                        % {"value": text[:40], "allowed": ", ".join(_ALLOWED[name])}))  # fmt: skip
            data[name] = text
        records.append((number, data))
    return records


def read_framework(upload) -> tuple[dict, list[dict], list[dict]]:
    book = _open(upload)
    try:
        errors = []
        fields = {}
        if "Framework" in book.sheetnames:
            for row in book["Framework"].iter_rows(max_col=2, values_only=True):
                if row and row[0] in FRAMEWORK_FIELDS:
                    fields[row[0]] = "" if row[1] is None else str(row[1]).strip()
        if not fields.get("code"):
            errors.append(CellError("Framework", "B1", _("The framework needs its code.")))
        indicators = _table(book, "Indicators", INDICATOR_FIELDS, errors)
        rules_ = _table(book, "Rules", RULE_FIELDS, errors)
    finally:
        book.close()
    if errors:
        raise WorkbookRefused(errors)
    for _number, data in indicators:
        data["choices"] = _parse_choices(data["choices"])
        data["disaggregations"] = [
            code.strip() for code in data["disaggregations"].split(",") if code.strip()
        ]
        data["required"] = data["required"].lower() in ("yes", "sí", "si", "true", "1")
    return fields, [data for _n, data in indicators], [data for _n, data in rules_]


def refused_from(error: ValidationError) -> WorkbookRefused:
    return WorkbookRefused([CellError("—", "—", message) for message in error.messages])
