"""The Excel writer every export shares: each value keeps its type, text never becomes a formula or a link, the
layout (bold frozen header, widths, wrapped columns, autofilter) holds, and nothing a cell cannot hold breaks the
file."""

import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from enlace.core.exports import XLSX_MAX_CELL, Table, xlsx_response


def _sheet(table: Table):
    response = xlsx_response(table, "x.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="x.xlsx"'
    return load_workbook(io.BytesIO(response.content)).active


TABLE = Table(
    title="Seguimiento: [2026]/*?",
    headers=["Texto", "Fecha", "Número", "Sí", "Vacío", "Nota"],
    rows=[
        ['=HYPERLINK("http://evil")', dt.date(2026, 6, 8), 12, True, None, "línea\x0bnueva"],
        ["https://example.org", dt.datetime(2026, 6, 8, 10, 30), Decimal("2.5"), False, "", "x" * 40_000],
    ],
    widths=(30, 12, 8, 6, 6, 50),
    date_columns=frozenset({1}),
    wrapped_columns=frozenset({5}),
)


def test_values_keep_their_types_and_text_stays_text():
    sheet = _sheet(TABLE)
    first, second = (list(row) for row in sheet.iter_rows(min_row=2))
    assert first[0].value == '=HYPERLINK("http://evil")' and first[0].data_type == "s"  # as typed, as text
    assert first[1].value == dt.datetime(2026, 6, 8) and first[1].number_format == "yyyy-mm-dd"
    assert first[2].value == 12 and first[3].value is True and first[4].value is None
    assert first[5].value == "línea nueva"
    assert second[0].value == "https://example.org" and second[0].hyperlink is None
    assert second[1].value == dt.datetime(2026, 6, 8, 10, 30)
    assert second[2].value == 2.5 and second[3].value is False
    assert len(second[5].value) == XLSX_MAX_CELL
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_the_layout_holds():
    sheet = _sheet(TABLE)
    assert sheet.title == "Seguimiento   2026"
    assert [cell.value for cell in sheet[1]] == TABLE.headers
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F3"
    assert sheet.column_dimensions["A"].width == pytest.approx(30, abs=1)
    assert sheet["F2"].alignment.wrap_text and not sheet["A2"].alignment.wrap_text


def test_long_texts_get_tall_rows_and_headers_fit_their_columns():
    sheet = _sheet(
        Table(
            title="t",
            headers=["Compromiso", "Un encabezado bastante largo"],
            rows=[["corto", "x"], ["palabra " * 60, "y"]],
            widths=(20, 5),
            wrapped_columns=frozenset({0}),
        )
    )
    assert sheet.row_dimensions[2].height is None  # one line: the default height
    assert sheet.row_dimensions[3].height >= 15 * 20  # 480 characters in a 20-wide column
    assert sheet.column_dimensions["B"].width >= len("Un encabezado bastante largo")


def test_properties_and_print_setup():
    response = xlsx_response(TABLE, "x.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.properties.title == TABLE.title and workbook.properties.creator == "Enlace"
    sheet = workbook.active
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0  # 1 is the default
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows.replace("$", "") == "1:1"


def test_an_empty_table_is_a_header_with_its_filter():
    sheet = _sheet(Table(title="", headers=["A", "B"], rows=[]))
    assert sheet.max_row == 1 and sheet.auto_filter.ref == "A1:B1"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_it(tmp_path):
    (tmp_path / "export.xlsx").write_bytes(xlsx_response(TABLE, "x.xlsx").content)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path), str(tmp_path / "export.xlsx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text = (tmp_path / "export.csv").read_text(encoding="utf-8")
    # Read as the text it is: a formula would come out as its result, not as its source.
    assert '"=HYPERLINK(""http://evil"")"' in text and "2026-06-08" in text and "línea nueva" in text
