"""Formula injection through a separator: a CSV export stays text whatever separator the spreadsheet splits on.

A reader whose list separator is ";" (Spanish-speaking locales) split `progress;=cmd|' /C calc'!A0;done`, written
unquoted, into three cells, the middle one a formula. Every export is checked, and opened in LibreOffice with
each separator when it is installed.
"""

import csv
import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from enlace.core.exports import csv_cell
from enlace.followup.services import commitment_add_note
from enlace.meetings.models import Commitment
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

PAYLOAD = "progress;=cmd|' /C calc'!A0;done"
# , ; tab | are the separators spreadsheets offer at import; a new line starts a row in a naive reader.
SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FIELD = r'(?:"(?:[^"]|"")*"|-?[0-9]+(?:\.[0-9]+)?)'
QUOTED_CSV = re.compile(rf"(?:{_FIELD}(?:,{_FIELD})*\r\n)+")


def cells_as_some_reader_splits_them(field: str) -> list[str]:
    pieces = [field]
    for separator in [*SEPARATORS.values(), "\n", "\r"]:
        pieces = [part for piece in pieces for part in piece.split(separator)]
    return pieces


@pytest.mark.parametrize(
    "value",
    [
        PAYLOAD,
        "a,=1+1",
        "a\t=1+1",
        "a|@SUM(A1)",
        "a\n-2+3",
        "a; =HYPERLINK(1)",
        "\t=1",
        "=1;=2,+3",
    ],
)
def test_no_piece_of_a_csv_field_starts_a_formula_whatever_the_separator(value):
    for piece in cells_as_some_reader_splits_them(csv_cell(value)):
        assert not piece.lstrip(" ").startswith(FORMULA_STARTS), (value, piece)


def test_the_exact_payload_is_neutralised_after_the_separator():
    assert csv_cell(PAYLOAD) == "progress;'=cmd|' /C calc'!A0;done"


def test_plain_text_and_numbers_are_untouched():
    assert (
        csv_cell("Enviar el documento a la ST, en dos meses") == "Enviar el documento a la ST, en dos meses"
    )
    assert csv_cell("a=b") == "a=b"
    assert csv_cell(42) == 42 and csv_cell(None) is None


@pytest.fixture
def exports(organizations, secretariat_staff, iom_analyst):
    """The follow-up and the people list, each with the payload in a text field people type."""
    commitment = Commitment.objects.filter(meeting=make_meeting()).first()
    commitment_add_note(commitment=commitment, actor=secretariat_staff, text=PAYLOAD)
    iom_analyst.position = PAYLOAD
    iom_analyst.save()
    client = client_for(secretariat_staff)
    return {
        path: client.get(path).content for path in ["/follow-up/export.csv", "/directory/people/export.csv"]
    }


@pytest.mark.django_db
def test_every_text_field_of_every_csv_export_is_quoted(exports):
    for path, content in exports.items():
        text = content.decode("utf-8-sig")
        assert PAYLOAD.split(";")[0] in text, path
        for line in csv.reader(io.StringIO(text)):
            assert line  # parsed back
        # Every field is in quotes (numbers aside): no separator of any reader outside them.
        assert QUOTED_CSV.fullmatch(text), path
        assert "'=cmd" in text and ";=cmd" not in text


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("separator", sorted(SEPARATORS))
def test_libreoffice_opens_the_exports_without_a_formula_cell(exports, tmp_path, separator):
    """soffice --convert-to xlsx with the CSV filter set to the separator, formulas evaluated as at import."""
    paths = []
    for index, content in enumerate(exports.values()):
        path = tmp_path / f"export{index}.csv"
        path.write_bytes(content)
        paths.append(str(path))
    code = ord(SEPARATORS[separator])
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            f"--infilter=CSV:{code},34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "out"),
            *paths,
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    for index in range(len(paths)):
        sheet = load_workbook(tmp_path / "out" / f"export{index}.xlsx").active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert any("cmd" in str(cell.value) for cell in cells)
        assert [cell.value for cell in cells if cell.data_type == "f"] == []
