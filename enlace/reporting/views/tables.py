"""Regional views: indicator × country for a cycle (with a chart of one figure), one country across cycles, their
CSV and Excel exports, and the UNODC questionnaire and SDG 16.2.2 export. Only answers the user may see."""

import io

import xlsxwriter
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from enlace.core import exports as tabular
from enlace.directory.models import Organization, OrganizationKind
from enlace.reporting import selectors, unodc
from enlace.reporting.charts import bar_chart
from enlace.reporting.form_html import escape
from enlace.reporting.models import Answer, Pillar, Protocol, SubmissionStatus
from enlace.reporting.values import as_number, display_value


def _filters(request):
    pillar = request.GET.get("pillar", "")
    protocol = request.GET.get("protocol", "")
    return (pillar if pillar in Pillar.values else ""), (protocol if protocol in Protocol.values else "")


def _cell_text(indicator, cell) -> str:
    return display_value(indicator, cell.value) if cell is not None else ""


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rows(table) -> list[tuple]:
    """(indicator, its cells' HTML) with the cells made here: 1,650 of them in a template loop cost more than
    the page's queries."""
    rows = []
    for indicator in table.indicators:
        cells = []
        for country in table.countries:
            cell = table.cells.get((indicator.pk, country.pk))
            if cell is None or cell.value is None:
                cells.append("<td>—</td>")
                continue
            text = escape(
                str(cell.value) if indicator.is_numeric else _short(display_value(indicator, cell.value))
            )
            cells.append(
                f"<td>{text}</td>"
                if cell.status == SubmissionStatus.VALIDATED
                else f'<td class="unvalidated">{text}*</td>'
            )
        rows.append((indicator, mark_safe("".join(cells))))  # noqa: S308 (every text went through escape)
    return rows


@require_safe
def regional_table(request, pk):
    cycle = selectors.get_cycle_for_user(request.user, pk)
    pillar, protocol = _filters(request)
    table = selectors.regional_table(request.user, cycle, pillar=pillar, protocol=protocol)
    rows = _rows(table)
    numeric = [indicator for indicator in table.indicators if indicator.is_numeric]
    code = request.GET.get("indicator", "")
    chosen = next((i for i in numeric if i.code == code), numeric[0] if numeric else None)
    chart_rows = []
    if chosen is not None:
        chart_rows = [
            (country.short_name, as_number(getattr(table.cells.get((chosen.pk, country.pk)), "value", None)))
            for country in table.countries
        ]
    return render(
        request,
        "reporting/table.html",
        {
            "cycle": cycle,
            "rows": rows,
            "countries": table.countries,
            "statuses": table.statuses,
            "pillar": pillar,
            "protocol": protocol,
            "pillars": Pillar.choices,
            "protocols": Protocol.choices,
            "numeric": numeric,
            "chosen": chosen,
            "chart": bar_chart(chart_rows, title=chosen.text) if chosen else "",
            "chart_rows": chart_rows,
            "query": request.GET.urlencode(),
            "validated": SubmissionStatus.VALIDATED,
        },
    )


def _regional_rows(user, cycle, pillar, protocol):
    table = selectors.regional_table(user, cycle, pillar=pillar, protocol=protocol)
    headers = [_("Code"), _("Indicator"), _("Pillar")] + [country.short_name for country in table.countries]
    body = (
        [indicator.code, indicator.text, indicator.get_pillar_display()]
        + [_cell_text(indicator, table.cells.get((indicator.pk, country.pk))) for country in table.countries]
        for indicator in table.indicators
    )
    return headers, body, len(table.countries)


@require_safe
def regional_export(request, pk, fmt):
    exporter = {"csv": tabular.csv_response, "xlsx": tabular.xlsx_response}.get(fmt)
    if exporter is None:
        raise Http404
    cycle = selectors.get_cycle_for_user(request.user, pk)
    pillar, protocol = _filters(request)
    headers, body, count = _regional_rows(request.user, cycle, pillar, protocol)
    table = tabular.Table(
        title=cycle.title[:31],
        headers=headers,
        rows=body,
        widths=(12, 60, 18) + (14,) * count,
        date_columns=frozenset(),
        wrapped_columns=frozenset({1}),
    )
    return exporter(table, f"regional-{cycle.pk}.{fmt}")


@require_safe
def unodc_export(request, pk):
    cycle = selectors.get_cycle_for_user(request.user, pk)
    answers = list(
        Answer.objects.filter(selectors.regional_submissions_q(request.user), submission__cycle=cycle)
        .select_related("indicator", "submission__owner")
        .order_by("submission__owner__code", "indicator__position")
    )
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4"})
    sheets = [
        (
            _("UNODC questionnaire")[:31],
            [_("Country"), _("Year"), _("Protocol"), _("Figure"), _("Sex"), _("Value"), _("Legal article"),
             _("Data source")],
            unodc.questionnaire_rows(cycle, answers),
        ),
        (
            "SDG 16.2.2",
            [_("Country"), _("Year"), _("Group"), _("Victims detected"), _("Population"),
             _("Victims per 100,000"), _("Population source")],
            unodc.sdg_rows(cycle, answers),
        ),
    ]  # fmt: skip
    for title, headers, rows in sheets:
        sheet = book.add_worksheet(title)
        for column, header in enumerate(headers):
            sheet.write_string(0, column, header, bold)
            sheet.set_column(column, column, 24)
        for row, values in enumerate(rows, start=1):
            for column, value in enumerate(values):
                if value is None:
                    continue
                if isinstance(value, (int, float)) or hasattr(value, "is_finite"):
                    sheet.write_number(row, column, float(value))
                else:
                    sheet.write_string(row, column, tabular.xlsx_cell(str(value)))
    book.close()
    return tabular.attachment(
        HttpResponse(output.getvalue(), content_type=tabular.XLSX_CONTENT_TYPE), f"unodc-{cycle.pk}.xlsx"
    )


@require_safe
def country_view(request, code):
    country = Organization.objects.filter(code=code.upper(), kind=OrganizationKind.MEMBER_STATE).first()
    if country is None:
        raise Http404
    cycles = list(selectors.cycles_for_user(request.user).filter(expected=country))
    framework = cycles[0].framework if cycles else None
    numeric = [i for i in framework.indicators.all() if i.is_numeric] if framework else []
    chosen_code = request.GET.get("indicator", "")
    chosen = next((i for i in numeric if i.code == chosen_code), numeric[0] if numeric else None)
    series = selectors.country_across_cycles(request.user, country, chosen.code) if chosen else []
    chart_rows = [(cycle.title, as_number(answer.value) if answer else None) for cycle, answer in series]
    return render(
        request,
        "reporting/country.html",
        {
            "country": country,
            "numeric": numeric,
            "chosen": chosen,
            "series": series,
            "chart": bar_chart(chart_rows, title=chosen.text) if chosen else "",
        },
    )


@require_safe
def regional_report(request, pk, fmt):
    from enlace.reporting import regional_report as report

    cycle = selectors.get_cycle_for_user(request.user, pk)
    if fmt == "pdf":
        content, kind = report.render_pdf(request.user, cycle), "application/pdf"
    elif fmt == "docx":
        content = report.render_docx(request.user, cycle)
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        raise Http404
    return tabular.attachment(HttpResponse(content, content_type=kind), f"regional-report-{cycle.pk}.{fmt}")
