"""The regional report of a cycle, as PDF (WeasyPrint, tagged PDF/UA-1, with the SVG charts) and .docx
(python-docx, the same tables): completeness and timeliness per country, then each figure of the UNODC
questionnaire across countries with its chart (PDF) and data table. Only the answers the reader may see."""

import datetime as dt
import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from enlace.reporting import selectors
from enlace.reporting.charts import bar_chart
from enlace.reporting.values import as_number


def report_data(user, cycle) -> dict:
    completeness = selectors.completeness(cycle)
    table = selectors.regional_table(user, cycle)
    figures = []
    for indicator in table.indicators:
        if not indicator.is_numeric:
            continue
        rows = [
            (
                country.short_name,
                as_number(getattr(table.cells.get((indicator.pk, country.pk)), "value", None)),
            )
            for country in table.countries
        ]
        if any(value is not None for _name, value in rows):
            figures.append(
                {"indicator": indicator, "rows": rows, "chart": bar_chart(rows, title=indicator.text)}
            )
    return {"cycle": cycle, "c": completeness, "figures": figures, "created": timezone.now()}


def _labels() -> dict:
    return {"on_time": _("on time"), "late": _("late"), "missing": _("missing")}


def render_pdf(user, cycle) -> bytes:
    from weasyprint import HTML

    from enlace.meetings.reports.pdf import _font_only_fetcher, font_faces, footers_as_artifacts

    context = report_data(user, cycle)
    context.update(font_faces=font_faces(), labels=_labels(), language=get_language() or "es")
    html = render_to_string("reporting/regional_pdf.html", context)
    data = HTML(string=html, base_url=None, url_fetcher=_font_only_fetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    return footers_as_artifacts(data)


def _number(value) -> str:
    return "—" if value is None else format(value.normalize(), "f")


def render_docx(user, cycle) -> bytes:
    import docx

    data = report_data(user, cycle)
    labels = _labels()
    document = docx.Document()
    document.core_properties.title = cycle.title
    document.core_properties.author = "Enlace"
    document.core_properties.created = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    document.add_heading(_("Regional report: %(cycle)s") % {"cycle": cycle.title}, level=1)
    document.add_paragraph(
        _("Period %(start)s – %(end)s; due on %(due)s.")
        % {
            "start": cycle.period_start.isoformat(),
            "end": cycle.period_end.isoformat(),
            "due": cycle.due_on.isoformat(),
        }
    )
    document.add_paragraph(
        _("On time = first submitted by the due date; late = submitted after it; missing = not submitted.")
    )
    c = data["c"]
    document.add_heading(_("Completeness and timeliness"), level=2)
    document.add_paragraph(
        _(
            "%(expected)d expected, %(on_time)d on time, %(late)d late, %(missing)d missing, %(validated)d validated."
        )
        % {
            "expected": c.expected,
            "on_time": c.on_time,
            "late": c.late,
            "missing": c.missing,
            "validated": c.validated,
        }
    )
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, [_("Country"), _("Timeliness"), _("Status"), _("Required answered")], strict=True
    ):
        cell.text = text
    for row in c.rows:
        cells = table.add_row().cells
        cells[0].text = row.country.short_name
        cells[1].text = str(labels[row.timeliness])
        cells[2].text = row.submission.get_status_display() if row.submission else _("not started")
        cells[3].text = f"{row.answered}/{row.required} ({row.percent} %)"
    document.add_heading(_("Figures by country"), level=2)
    for figure in data["figures"]:
        indicator = figure["indicator"]
        document.add_heading(f"{indicator.code} — {indicator.text}", level=3)
        grid = document.add_table(rows=1, cols=2)
        grid.style = "Table Grid"
        grid.rows[0].cells[0].text, grid.rows[0].cells[1].text = _("Country"), _("Value")
        for name, value in figure["rows"]:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = name, _number(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
