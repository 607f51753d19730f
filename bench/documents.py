"""In-process cases: document work timed against a bare library doing the same job, in the same run.

Run as `python -m bench.documents` with the bench environment; prints one JSON line, a list of results:
{"name", "target", "status": "ok" | "not built yet" | "error", "message", "runs", "baseline", "baseline_runs"}.
Each timing is repeated (case and baseline alternately) and compared by their medians.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

PAGES = 100
POINTS_PER_PAGE = (
    3  # each point has two sub-points: about a page of text (the first page: header and 1 point)
)
MIN_RUNS, MAX_RUNS, TIME_BUDGET = 3, 7, 40.0  # seconds per case, case and baseline together

HEADER = [
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM)",
    "GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN (GRCM)",
    "INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE MIGRANTES "
    "Y LA TRATA DE PERSONAS",
    "Tegucigalpa, Honduras",
    "08 de junio de 2016",
]
OPENING = (
    "La Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata de Personas de "
    "los Países Miembros de la CRM, en reunión celebrada el 08 de junio de 2016 en Tegucigalpa, Honduras, con la "
    "participación de los representantes de Canadá, Costa Rica, El Salvador, Estados Unidos de América, "
    "Guatemala, Honduras, México, Panamá y República Dominicana, presenta al Grupo Regional de Consulta sobre "
    "Migración su informe contenido en los siguientes puntos:"
)
# Seed-like wording, varied so that no line repeats at the top or bottom of most pages (the importer would take it
# for a running header or footer).
POINTS = [
    "Agradecer a las delegaciones por sus aportes en cuanto a la actualización de las matrices comparativas de "
    "legislación sobre trata de personas y tráfico ilícito de migrantes (punto {n} del informe).",
    "Agradecer a la Secretaría Técnica por la información relativa a los programas de cooperación en materia "
    "migratoria para los Países Miembros, presentada como punto {n}.",
    "Tomar nota de los avances de los países en la implementación del Protocolo de Palermo utilizando los "
    "indicadores elaborados por la OIM, según lo expuesto en el punto {n}.",
    "Agradecer a la Coalición Regional contra la Trata de Personas por el informe sobre la Estrategia Regional "
    "para la atención de víctimas, discutido en el punto {n}.",
    "Agradecer a la RROCM por el diálogo, las observaciones y las propuestas para un mecanismo de intercambio de "
    "experiencias y cooperación (punto {n}).",
    "Reconocer el trabajo de las delegaciones en la identificación de buenas prácticas de protección a víctimas "
    "de trata de personas, tema del punto {n}.",
    "Destacar la importancia de la coordinación regional entre los Funcionarios de Enlace para la investigación "
    "de redes de tráfico ilícito de migrantes (punto {n}).",
]
SUBPOINTS = [
    ("La OIM realizará un análisis de los nudos críticos que obstaculizan el avance en el combate al tráfico "
     "ilícito de migrantes y lo enviará a la Secretaría Técnica en un plazo no mayor a dos meses.",
     "Se insta a los países a utilizar las herramientas en línea como la de UNODC para proveer la información."),
    ("Costa Rica compartirá su protocolo de atención a víctimas con las demás delegaciones antes del 30 de "
     "noviembre de 2016.",
     "La Secretaría Técnica circulará la propuesta de plan de trabajo entre los Países Miembros."),
    ("México y Guatemala presentarán los avances de su mecanismo binacional de intercambio de información en la "
     "próxima reunión de la Red.",
     "Los Países Miembros enviarán a la Secretaría Técnica sus matrices de legislación actualizadas."),
    ("UNODC brindará asistencia técnica a los países interesados en el uso de la herramienta en línea durante el "
     "primer semestre.",
     "Tomar nota de la propuesta de la OIM para vincular sinergias con el SICA en materia de trata de personas."),
    ("Panamá ofreció ser sede del próximo taller regional sobre investigación financiera de redes de tráfico "
     "ilícito de migrantes.",
     "Con base en la información recibida, esta Red determinará la necesidad de un Plan de Trabajo."),
]  # fmt: skip


@dataclass
class Result:
    name: str
    target: float
    baseline: str
    status: str = "ok"
    message: str = ""
    runs: list[float] | None = None
    baseline_runs: list[float] | None = None


def report_points() -> list[tuple[str, str, tuple[str, str]]]:
    """(number, text, (sub-point a, sub-point b)) for a report of PAGES pages."""
    count = 1 + (PAGES - 1) * POINTS_PER_PAGE
    return [
        (str(n), POINTS[n % len(POINTS)].format(n=n), SUBPOINTS[n % len(SUBPOINTS)])
        for n in range(1, count + 1)
    ]


def build_pdf() -> tuple[bytes, int]:
    """A seed-like report of PAGES pages (WeasyPrint), one page per group of points, page numbers in the footer."""
    from weasyprint import HTML

    css = (
        "@page { size: A4; margin: 2.5cm; @bottom-center { content: 'Página ' counter(page) } }"
        "body { font: 12pt serif; } .c { text-align: center; font-weight: bold; margin: 0; }"
        "section { break-after: page; } p { text-align: justify; } .sub { margin-left: 1.5cm; }"
    )
    head = "".join(f'<p class="c">{escape(line)}</p>' for line in HEADER)
    points = report_points()
    groups = [points[:1]] + [points[i : i + POINTS_PER_PAGE] for i in range(1, len(points), POINTS_PER_PAGE)]
    sections = []
    for group in groups:
        body = []
        for number, text, subs in group:
            body.append(f"<p>{number}. {escape(text)}</p>")
            body += [f'<p class="sub">{label}. {escape(s)}</p>' for label, s in zip("ab", subs, strict=True)]
        sections.append("<section>" + "".join(body) + "</section>")
    sections[0] = sections[0].replace("<section>", f"<section>{head}<p>{escape(OPENING)}</p>", 1)
    html = f"<html lang='es'><style>{css}</style><body>{''.join(sections)}</body></html>"
    document = HTML(string=html).render()
    return document.write_pdf(), len(document.pages)


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def alternate(case: Callable[[], object], baseline: Callable[[], object]) -> tuple[list[float], list[float]]:
    case()  # warm-up: imports, caches
    baseline()
    runs, baseline_runs = [], []
    started = time.perf_counter()
    while len(runs) < MAX_RUNS and (len(runs) < MIN_RUNS or time.perf_counter() - started < TIME_BUDGET):
        baseline_runs.append(timed(baseline))
        runs.append(timed(case))
    return runs, baseline_runs


def _pdfium_bare(data: bytes) -> Callable[[], str]:
    """The fastest extractor there is here, on its own: the baseline of the PDF cases."""
    import pypdfium2

    def bare():
        document = pypdfium2.PdfDocument(data)
        try:
            return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        finally:
            document.close()

    return bare


def pdf_text_case() -> Result:
    """Reading a PDF's text as the importer does: its structure and sizes checked under the limits (pypdf), its
    text read by PDFium."""
    result = Result(
        f"read a {PAGES}-page report's text (PDF)", 2.0, "pypdfium2: bare text extraction, same PDF"
    )
    try:
        from enlace.imports.parser.extract import extract_text
    except ImportError as exc:
        return _not_built(result, exc)
    data, pages = build_pdf()
    result.message = f"{pages} pages, {len(data) // 1024} KB"
    result.runs, result.baseline_runs = alternate(
        lambda: extract_text(data, "report.pdf"), _pdfium_bare(data)
    )
    return result


def import_case() -> Result:
    """The whole path an upload takes: a fresh child process under the import limits, the text read, the
    report parsed into a draft."""
    result = Result(f"import a {PAGES}-page report (PDF)", 8.0, "pypdfium2: bare text extraction, same PDF")
    try:
        from enlace.imports.importing import read_report
    except ImportError as exc:
        return _not_built(result, exc)

    data, pages = build_pdf()
    result.message = f"{pages} pages, {len(data) // 1024} KB"

    def limited():
        return read_report(data=data, filename="report.pdf", language="en")

    draft = limited()
    result.message += f"; {len(draft.agreements)} points and {len(draft.commitments)} commitments read"
    result.runs, result.baseline_runs = alternate(limited, _pdfium_bare(data))
    return result


def docx_case() -> Result:
    result = Result("generate .docx report", 1.3, "python-docx: the same paragraphs, bare")
    try:
        from enlace.meetings.draft import AgreementDraft, ReportDraft, SubpointDraft
        from enlace.meetings.reports import render_docx
    except ImportError as exc:
        return _not_built(result, exc)
    import docx

    from enlace.directory.reference import ORGANIZATIONS

    names = {row[0]: row[2] for row in ORGANIZATIONS}
    points = report_points()
    draft = ReportDraft(
        title="Reunión de la Red de Funcionarios de Enlace",
        place="Tegucigalpa",
        country="HN",
        date=dt.date(2016, 6, 8),
        language="es",
        delegations=["CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO"],
        opening=OPENING,
        agreements=[
            AgreementDraft(
                number=number,
                text=text,
                subpoints=[SubpointDraft(label=label, text=s) for label, s in zip("ab", subs, strict=True)],
            )
            for number, text, subs in points
        ],
    )
    paragraphs = [*HEADER, OPENING]
    for number, text, subs in points:
        paragraphs.append(f"{number}. {text}")
        paragraphs += [f"{label}. {s}" for label, s in zip("ab", subs, strict=True)]
    result.message = f"{len(paragraphs)} paragraphs"

    def bare():
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    result.runs, result.baseline_runs = alternate(
        lambda: render_docx(draft, language="es", names=names), bare
    )
    return result


def _bench_draft():
    from enlace.reporting.models import Submission

    return Submission.objects.select_related("cycle__framework", "owner").get(
        cycle__title="Open cycle", owner__code="CR"
    )


def _filled_form() -> tuple[object, list, bytes]:
    """Costa Rica's open report as the Excel form, with every answer cell filled (as an officer would send it)."""
    import openpyxl

    from enlace.reporting import workbook

    submission = _bench_draft()
    indicators = list(submission.cycle.framework.indicators.all())
    book = openpyxl.load_workbook(io.BytesIO(workbook.form_workbook(submission, indicators, {})))
    kinds = {i.code: i.answer_type for i in indicators}
    for sheet in book.worksheets[2:]:
        for row in sheet.iter_rows(min_row=2):
            kind = kinds[row[0].value]
            row[3].value = {"integer": 5 if not row[10].value else None, "yes_no_partly": "Sí"}.get(kind)
    buffer = io.BytesIO()
    book.save(buffer)
    return submission, indicators, buffer.getvalue()


def form_export_case() -> Result:
    result = Result("reporting: .xlsx form, 150 indicators", 1.3, "xlsxwriter: the same cells, bare")
    try:
        from enlace.reporting import workbook
    except ImportError as exc:
        return _not_built(result, exc)
    import openpyxl
    import xlsxwriter

    submission = _bench_draft()
    indicators = list(submission.cycle.framework.indicators.all())
    # The same cells as the form (read back from it): every value on every sheet, written bare.
    written = openpyxl.load_workbook(io.BytesIO(workbook.form_workbook(submission, indicators, {})))
    sheets = [
        (sheet.title, [(cell.row - 1, cell.column - 1, cell.value) for row in sheet.iter_rows() for cell in row
                       if cell.value is not None])
        for sheet in written.worksheets
    ]  # fmt: skip
    result.message = f"{len(indicators)} indicators, {sum(len(cells) for _t, cells in sheets)} cells"

    def bare():
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        for title, cells in sheets:
            sheet = book.add_worksheet(title)
            for row, column, value in cells:
                if isinstance(value, str):
                    sheet.write_string(row, column, value)
                else:
                    sheet.write_number(row, column, value)
        book.close()
        return buffer.getvalue()

    result.runs, result.baseline_runs = alternate(
        lambda: workbook.form_workbook(submission, indicators, {}), bare
    )
    return result


def form_import_case() -> Result:
    result = Result("reporting: .xlsx form read back, 150 indicators", 2.0, "openpyxl: read-only, every cell")
    try:
        from enlace.reporting import workbook
    except ImportError as exc:
        return _not_built(result, exc)
    import openpyxl
    from django.core.files.uploadedfile import SimpleUploadedFile

    submission, indicators, data = _filled_form()
    result.message = f"{len(data) // 1024} KB"

    def ours():
        return workbook.read_form(SimpleUploadedFile("form.xlsx", data), submission, indicators)

    def bare():
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        cells = [
            value for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row
        ]
        book.close()
        return cells

    result.runs, result.baseline_runs = alternate(ours, bare)
    return result


def form_save_case() -> Result:
    """Saving the whole form (150 answers changed) against the minimal signed-in page, both through Django's
    test client in this process."""
    result = Result("reporting: saving the form, 150 answers", 4.0, "minimal signed-in page, same client")
    try:
        from enlace.reporting.services.submissions import answers_save  # noqa: F401 - is the module built?
    except ImportError as exc:
        return _not_built(result, exc)
    from django.test import Client

    from bench.dataset import _bench_user

    submission = _bench_draft()
    indicators = list(submission.cycle.framework.indicators.all())
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(_bench_user("officer"))
    from urllib.parse import urlencode

    # What the browser sends (urlencoded, as htmx does): every figure changed, with the revision it started from.
    figures = [i.code for i in indicators if i.answer_type == "integer"]
    revisions = dict(submission.answers.values_list("indicator__code", "revision"))
    counter = iter(range(1, 10_000))
    result.message = f"{len(figures)} figures changed per save"

    def save():
        value = str(next(counter))
        data = {}
        for code in figures:
            data[f"r-{code}"], data[f"v-{code}"] = str(revisions.get(code, 0)), value
        response = client.post(
            f"/reporting/reports/{submission.pk}/save/", urlencode(data),
            content_type="application/x-www-form-urlencoded", HTTP_HX_REQUEST="true",
        )  # fmt: skip
        assert response.status_code == 200 and b"Guardado" in response.content or b"Saved" in response.content
        for code in figures:
            revisions[code] = revisions.get(code, 0) + 1

    def baseline():
        assert client.get("/accounts/profile/").status_code == 200

    result.runs, result.baseline_runs = alternate(save, baseline)
    return result


def _not_built(result: Result, exc: Exception) -> Result:
    result.status, result.message = "not built yet", str(exc)
    return result


CASES = [pdf_text_case, import_case, docx_case, form_export_case, form_import_case, form_save_case]


def main() -> int:
    import django

    django.setup()
    results = []
    for case in CASES:
        try:
            result = case()
        except Exception as exc:  # noqa: BLE001 - reported in the table, the other cases still run
            result = Result(case.__name__, 0.0, "", status="error", message=f"{type(exc).__name__}: {exc}")
        results.append(result.__dict__)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
