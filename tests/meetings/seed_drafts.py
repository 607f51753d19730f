"""The seed report of the Network as a ReportDraft, built by hand, with its texts read from shared/seed/: the
builders the test_report_* modules share."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from enlace.meetings.draft import AgreementDraft, ReportDraft, SubpointDraft

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_FILE = REPO_ROOT.parent / "shared" / "seed" / "000_d9e9c4457487cb69.txt"

DELEGATIONS = ["CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO"]
NAMES_ES = {
    "CA": "Canadá", "CR": "Costa Rica", "SV": "El Salvador", "US": "Estados Unidos de América",
    "GT": "Guatemala", "HN": "Honduras", "MX": "México", "PA": "Panamá", "DO": "República Dominicana",
    "BZ": "Belice", "NI": "Nicaragua", "ST": "Secretaría Técnica", "IOM": "OIM",
}  # fmt: skip
NAMES_EN = {
    "CA": "Canada", "CR": "Costa Rica", "SV": "El Salvador", "US": "United States of America",
    "GT": "Guatemala", "HN": "Honduras", "MX": "Mexico", "PA": "Panama", "DO": "Dominican Republic",
    "BZ": "Belize", "NI": "Nicaragua", "ST": "Technical Secretariat", "IOM": "IOM",
}  # fmt: skip

# Agreement numbers and their sub-point labels, as printed in the seed.
STRUCTURE = {"1": [], "2": ["a", "b"], "3": ["a", "b"], "4": ["a", "b"], "5": [], "6": [], "7": ["a"]}

# English versions of the seed's points (our own wording), for the English documents.
TEXTS_EN = {
    "1": "Thank the delegations of Canada, Costa Rica, El Salvador, United States of America, Guatemala, "
    "Honduras, Mexico, Panama and Dominican Republic for their reports on new efforts and good practices in "
    "combating trafficking in persons and migrant smuggling.",
    "2": "Thank the delegations for their contributions on the progress of the countries in implementing the "
    "Palermo Protocol, using the indicators prepared by IOM.",
    "2.a": "The interested countries that have not sent the document are working on it, to send it to the "
    "Technical Secretariat within two months. IOM will provide assistance as requested.",
    "2.b": "Countries are urged to use online tools such as those of UNODC to provide the information.",
    "3": "Thank the delegations for their contributions on updating the comparative matrices of legislation "
    "on trafficking in persons and migrant smuggling, and on next steps.",
    "3.a": "IOM offered the Member Countries its specialized technical capacity to speed up the updating "
    "of the comparative matrices.\nIOM will analyse the key bottlenecks that hinder progress in combating "
    "migrant smuggling; it will be sent to the Technical Secretariat so that the Member Countries share the "
    "relevant information.",
    "3.b": "Based on the systematized data on migrant smuggling, this Network will decide whether a Work "
    "Plan is needed.",
    "4": "Thank the Technical Secretariat for the information on the Multiannual Indicative Programme for "
    "Latin America 2014-2020 of the European Commission.",
    "4.a": "Costa Rica expressed its interest in programmes or projects on labour migration.",
    "4.b": "Take note of the proposal of IOM to build synergies with SICA.",
    "5": "Thank the Regional Coalition against Trafficking in Persons for the report on the Regional "
    "Strategy for the care and accompaniment of victims of trafficking in persons.",
    "6": "Thank the RNCOM for the dialogue, observations and proposals on a mechanism for the exchange of "
    "experiences and cooperation.",
    "7": "Thank the delegations for their contributions on proposals for new activities.",
    "7.a": "Costa Rica proposes actions for an integral approach to combating migrant smuggling under the "
    "Protocol against the Smuggling of Migrants by Land, Sea and Air.",
}

_NOISE = re.compile(r"\[bookmark: [^\]]*\]")


def seed_text() -> str:
    if not SEED_FILE.exists():
        pytest.skip(f"seed report not found at {SEED_FILE} (shared/ must sit beside the repository)")
    return SEED_FILE.read_text(encoding="utf-8")


def seed_points(text: str) -> dict[str, str]:
    """The seed's opening paragraph and points, keyed "opening", "1", "2.a", ...; continuation lines kept."""
    points: dict[str, str] = {}
    key = None
    number = None
    for raw in text.splitlines():
        line = " ".join(_NOISE.sub("", raw).split())
        if not line:
            continue
        if line.startswith("La Red de Funcionarios"):
            key = "opening"
            points[key] = line
        elif match := re.match(r"(\d+)\.\s+(.*)", line):
            number = key = match[1]
            points[key] = match[2]
        elif (match := re.match(r"([a-z])\.\s+(.*)", line)) and number:
            key = f"{number}.{match[1]}"
            points[key] = match[2]
        elif key:
            points[key] += "\n" + line
    return points


def build_draft(texts: dict[str, str], *, language: str) -> ReportDraft:
    agreements = [
        AgreementDraft(
            number=number,
            text=texts[number],
            subpoints=[SubpointDraft(label=label, text=texts[f"{number}.{label}"]) for label in labels],
        )
        for number, labels in STRUCTURE.items()
    ]
    return ReportDraft(
        body="NETWORK",
        place="Tegucigalpa",
        country="HN",
        date=dt.date(2016, 6, 8),
        language=language,
        delegations=list(DELEGATIONS),
        agreements=agreements,
    )


def make_seed_draft() -> ReportDraft:
    """The seed as a Spanish draft (texts from the seed file); skips the test when the file is absent."""
    return build_draft(seed_points(seed_text()), language="es")


def make_english_draft() -> ReportDraft:
    return build_draft(TEXTS_EN, language="en")


def normalize(text: str) -> str:
    return " ".join(text.split())
