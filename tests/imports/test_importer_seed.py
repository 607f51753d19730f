"""The importer on the Network's 2016 report (shared/seed), the first record the product must hold."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import translation

from enlace.imports.parser import import_report_file, parse_report

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_d9e9c4457487cb69.txt"


@pytest.fixture(scope="module")
def draft():
    with translation.override("en"):
        return import_report_file(SEED.read_bytes(), SEED.name)


def test_header(draft):
    assert draft.body == "NETWORK"  # the GRCM in the letterhead is who the report goes to, not who met
    assert draft.title == (
        "INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE "
        "MIGRANTES Y LA TRATA DE PERSONAS"
    )
    assert (draft.place, draft.country) == ("Tegucigalpa", "HN")
    assert (draft.date, draft.end_date) == (dt.date(2016, 6, 8), None)
    assert draft.language == "es"
    assert draft.delegations == ["CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO"]
    assert draft.participants == []
    assert draft.opening.startswith("La Red de Funcionarios de Enlace para el Combate")
    assert draft.opening.endswith("su informe contenido en los siguientes puntos:")
    assert draft.warnings == []
    assert draft.source_text == SEED.read_text(encoding="utf-8")


def test_agreements_and_subpoints(draft):
    outline = [(a.number, [s.label for s in a.subpoints]) for a in draft.agreements]
    assert outline == [
        ("1", []),
        ("2", ["a", "b"]),
        ("3", ["a", "b"]),
        ("4", ["a", "b"]),
        ("5", []),
        ("6", []),
        ("7", ["a"]),
    ]


def test_organizations_named_in_each_point(draft):
    named = {a.number: a.organizations for a in draft.agreements}
    named |= {f"{a.number}.{s.label}": s.organizations for a in draft.agreements for s in a.subpoints}
    assert named == {
        "1": ["CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO"],
        "2": ["STATES", "IOM"],
        "2.a": ["STATES", "ST", "IOM"],
        "2.b": ["STATES", "UNODC"],
        "3": ["STATES"],
        "3.a": ["IOM", "STATES", "ST"],
        "3.b": ["NETWORK"],
        "4": ["ST", "EC", "STATES"],
        "4.a": ["CR"],
        "4.b": ["IOM", "SICA"],
        "5": ["COALITION", "STATES"],
        "6": ["RROCM", "STATES"],
        "7": ["STATES"],
        "7.a": ["CR", "STATES"],
    }


def test_texts_keep_the_wording_and_drop_the_markup(draft):
    sub = {f"{a.number}.{s.label}": s.text for a in draft.agreements for s in a.subpoints}
    assert sub["3.a"] == (
        "OIM ofreció a los Países Miembros su capacidad técnica especializada para agilizar el proceso de "
        "actualización de las matrices comparativas de legislación en tráfico ilícito de migrantes y trata de "
        "personas.\nLa OIM realizará un análisis de nudos claves que obstaculizan el avance en el combate al "
        "tráfico ilícito de migrantes, a tal fin se enviarán a la Secretaría Técnica para que los Países Miembros "
        "compartan la información pertinente."
    )
    assert sub["3.b"].startswith("Con base en la sistematización de datos")
    assert sub["2.a"].endswith("IOM brindará asistencia como fue solicitado.")  # trailing space gone
    everything = str(draft.to_dict())
    assert "[bookmark" not in everything and "_GoBack" not in everything


def test_commitments(draft):
    found = [(c.agreement, c.responsible, c.recipient, c.due, c.deadline_phrase) for c in draft.commitments]
    assert found == [
        ("2.a", ["STATES"], "ST", dt.date(2016, 8, 8), "en un plazo no mayor a dos meses"),
        ("2.a", ["IOM"], None, None, ""),
        ("2.b", ["STATES"], None, None, ""),
        ("3.a", ["IOM"], None, None, ""),
        ("3.a", ["IOM"], "ST", None, ""),
        ("3.b", ["NETWORK"], None, None, ""),
        ("4.a", ["CR"], None, None, ""),
        ("7.a", ["CR"], None, None, ""),
    ]
    texts = [c.text for c in draft.commitments]
    assert texts[0] == (
        "Los países interesados que no enviaron el documento estan trabajando en el mismo para su posterior "
        "envío en un plazo no mayor a dos meses a la Secretaría Técnica."
    )
    assert texts[1] == "IOM brindará asistencia como fue solicitado."
    assert texts[2].startswith("Se insta a los países a utilizar las herramientas en linea como la de UNODC")
    assert texts[3].startswith("OIM ofreció a los Países Miembros su capacidad técnica")
    assert texts[4].startswith("La OIM realizará un análisis de nudos claves")
    assert texts[5].endswith("esta Red determinará la necesidad de un Plan de Trabajo.")
    assert (
        texts[6]
        == "Costa Rica manifestó su interés en programas o proyectos en materia de migración laboral."
    )
    assert texts[7].startswith("Costa Rica propone impulsar acciones para el abordaje de manera integral")


def test_thanks_and_notes_are_not_commitments(draft):
    keys = {c.agreement for c in draft.commitments}
    assert keys.isdisjoint({"1", "2", "3", "4", "4.b", "5", "6", "7"})


def test_dict_form_is_plain_json_data(draft):
    data = draft.to_dict()
    assert "source_text" not in data
    assert data["date"] == "2016-06-08"
    assert data["commitments"][0]["due"] == "2016-08-08"
    assert data["agreements"][1]["subpoints"][0]["label"] == "a"


def test_windows_line_endings_and_other_encodings_read_the_same(draft):
    text = SEED.read_text(encoding="utf-8")
    for data in (
        text.replace("\n", "\r\n").encode("utf-8"),
        text.encode("cp1252"),
        "\ufeff".encode() + text.encode("utf-8"),
        text.encode("utf-16"),
    ):
        again = import_report_file(data, "informe.txt")
        assert again.to_dict() == draft.to_dict()


def test_parse_report_takes_text_directly(draft):
    again = parse_report(SEED.read_text(encoding="utf-8"))
    assert again.source_text == ""  # only import_report_file keeps the source
    assert again.to_dict() == draft.to_dict()
