import csv
import io

import pytest
from openpyxl import load_workbook

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_members_download_the_contact_list_with_the_page_filters(
    costa_rica_officer, mexico_officer, iom_analyst
):
    mexico_officer.first_name = '=HYPERLINK("http://evil")'
    mexico_officer.save()
    response = client_for(costa_rica_officer).get("/directory/people/export.csv?organization=MX")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2
    assert rows[1][0].startswith("'=HYPERLINK")  # neutralised: a spreadsheet shows it as text
    assert rows[1][4] == "mx.officer@example.org"


def test_excel_contact_list_opens(costa_rica_officer, iom_analyst, secretariat_staff):
    response = client_for(secretariat_staff).get("/directory/people/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    emails = {row[4] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert emails == {"cr.officer@example.org", "iom.analyst@example.org", "st.staff@example.org"}
    assert sheet.freeze_panes == "A2"


def test_deactivated_people_only_in_the_administrators_list(
    costa_rica_officer, mexico_officer, secretariat_admin
):
    mexico_officer.is_active = False
    mexico_officer.save()
    officer_rows = client_for(costa_rica_officer).get("/directory/people/export.csv?status=all").content
    admin_rows = client_for(secretariat_admin).get("/directory/people/export.csv?status=all").content
    assert b"mx.officer" not in officer_rows and b"mx.officer" in admin_rows


def test_visitors_and_unknown_formats(costa_rica_officer, anonymous_visitor):
    assert client_for(anonymous_visitor).get("/directory/people/export.csv").status_code == 302
    assert client_for(costa_rica_officer).get("/directory/people/export.pdf").status_code == 404


def test_semicolon_csv_of_the_contact_list(costa_rica_officer, mexico_officer):
    response = client_for(costa_rica_officer).get("/directory/people/export.semicolon.csv?organization=MX")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2 and rows[1][4] == "mx.officer@example.org"
