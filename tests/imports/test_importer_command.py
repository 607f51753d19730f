"""`manage.py import_report`: the dry run's JSON and text, errors without tracebacks, saving through services."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from enlace.imports.parser import import_report_file
from enlace.meetings import services

pytestmark = pytest.mark.django_db  # the command links the draft to the directory

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "000_d9e9c4457487cb69.txt"
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args) -> str:
    out = StringIO()
    call_command("import_report", *args, stdout=out)
    return out.getvalue()


def test_dry_run_json_is_exactly_the_draft():
    data = json.loads(run(str(SEED), "--dry-run", "--format", "json"))
    assert data == import_report_file(SEED.read_bytes(), SEED.name).to_dict()
    assert list(data) == [
        "body", "title", "place", "country", "virtual", "date", "end_date", "language", "delegations", "participants",
        "opening", "agreements", "commitments", "warnings",
    ]  # fmt: skip
    assert (data["body"], data["place"], data["date"], data["language"]) == (
        "NETWORK",
        "Tegucigalpa",
        "2016-06-08",
        "es",
    )
    assert data["delegations"] == ["CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO"]
    assert [a["number"] for a in data["agreements"]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert data["commitments"][0] == {
        "agreement": "2.a",
        "text": "Los países interesados que no enviaron el documento estan trabajando en el mismo para su "
        "posterior envío en un plazo no mayor a dos meses a la Secretaría Técnica.",
        "responsible": ["STATES"],
        "recipient": "ST",
        "due": "2016-08-08",
        "deadline_phrase": "en un plazo no mayor a dos meses",
    }


def test_dry_run_json_keeps_accents_and_warnings_as_text():
    output = run(str(FIXTURES / "network_2020_restart_es.txt"), "--dry-run", "--format", "json")
    assert "TRÁFICO" in output  # ensure_ascii=False
    assert output.startswith("{\n  ")  # indent 2
    data = json.loads(output)
    assert all(isinstance(warning, str) for warning in data["warnings"]) and len(data["warnings"]) == 4


def test_dry_run_text():
    output = run(str(FIXTURES / "grcm_2019_en.txt"), "--dry-run")
    assert output.splitlines()[:7] == [
        "Body: GRCM",
        "Title: Report of the Meeting of the Regional Consultation Group on Migration (RCGM)",
        "Place: Panama City (PA)",
        "Date: 2019-06-25 to 2019-06-27",
        "Language: en",
        "Delegations: BZ, CA, CR, SV, GT, HN, MX, PA, DO, US",
        "Participants: IOM, UNODC, ST",
    ]
    assert "  2.a: STATES -> ST, due 2019-09-30 (no later than 30 September): Member States" in output


def test_without_dry_run_the_service_saves_the_draft(monkeypatch):
    calls = []

    def fake_create(*, draft, actor):
        calls.append((draft, actor))
        return SimpleNamespace(pk=42)

    monkeypatch.setattr(services, "meeting_create_from_draft", fake_create)
    assert run(str(SEED)).strip() == "42"
    assert run(str(SEED), "--format", "json").strip() == '{"id": 42}'
    draft, actor = calls[0]
    assert (draft.date.isoformat(), len(draft.agreements), actor) == ("2016-06-08", 7, None)
    assert draft.source_text == SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/no/such/report.docx", "File not found: /no/such/report.docx"),
        (
            str(FIXTURES / "not_a_report.txt"),
            "No numbered points and no meeting date were found: this does not look like a meeting report.",
        ),
    ],
)
def test_errors_are_command_errors(path, message):
    with pytest.raises(CommandError) as caught:
        run(path, "--dry-run")
    assert str(caught.value) == message


def test_errors_exit_non_zero_without_a_traceback(tmp_path):
    empty = tmp_path / "vacio.txt"
    empty.write_bytes(b"")
    env = {**os.environ, "DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_report", str(empty), "--dry-run"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.strip() == "CommandError: The file is empty."
