"""The importer on reports laid out in other ways (fixtures written for these tests, in tests/imports/fixtures)."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import translation

from enlace.imports.parser import ReportFileError, import_report_file, parse_report

pytestmark = pytest.mark.usefixtures("english")  # the messages are compared in English

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str):
    with translation.override("en"):
        draft = import_report_file((FIXTURES / name).read_bytes(), name)
        draft.warnings = [str(warning) for warning in draft.warnings]
    return draft


def outline(draft) -> list[tuple[str, list[str]]]:
    return [(a.number, [s.label for s in a.subpoints]) for a in draft.agreements]


def commitments(draft) -> list[tuple]:
    return [(c.agreement, c.responsible, c.recipient, c.due, c.deadline_phrase) for c in draft.commitments]


def header(draft) -> tuple:
    return (draft.body, draft.title, draft.place, draft.country, draft.date, draft.end_date, draft.language)


def test_parenthesis_numbering_with_lettered_subpoints():
    draft = read("network_2017_paren_es.txt")
    assert header(draft) == (
        "NETWORK",
        "Informe de la reunión de la Red de Funcionarios de Enlace",
        "San José",
        "CR",
        dt.date(2017, 3, 14),
        dt.date(2017, 3, 15),
        "es",
    )
    assert draft.delegations == ["BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA"]
    assert draft.participants == ["IOM", "UNODC", "ST"]
    assert outline(draft) == [("1", []), ("2", ["a", "b", "c"]), ("3", []), ("4", ["a"]), ("5", [])]
    assert draft.agreements[0].organizations == ["PPT", "CR", "STATES"]
    assert (
        draft.agreements[1].text
        == "En relación con la matriz comparativa de legislación sobre trata de personas:"
    )
    assert draft.agreements[1].subpoints[2].organizations == ["IOM", "UNODC"]
    assert commitments(draft) == [
        ("2.a", ["STATES"], "ST", dt.date(2017, 4, 30), "a más tardar el 30 de abril"),
        ("2.b", ["ST"], None, dt.date(2017, 4, 13), "dentro de los 30 días"),
        ("2.c", ["IOM"], None, None, ""),
        ("3", ["UNODC"], None, None, "en la próxima reunión de la Red"),
        ("4.a", ["MX"], None, dt.date(2017, 6, 14), "en los próximos tres meses"),
        ("5", ["GT", "HN"], None, None, ""),
    ]
    assert draft.warnings == [
        "The deadline “en la próxima reunión de la Red” in point 3 has no date; set it by hand."
    ]


def test_roman_numbering_with_roman_subpoints_and_an_annex():
    draft = read("network_2018_roman_es.txt")
    assert header(draft) == (
        "NETWORK",
        "INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE "
        "MIGRANTES Y LA TRATA DE PERSONAS",
        "Ciudad de Guatemala",
        "GT",
        dt.date(2018, 9, 6),
        None,
        "es",
    )
    assert draft.delegations == ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]
    assert outline(draft) == [
        ("I", ["i", "ii", "iii", "iv", "v"]),  # "v." continues the roman list: it is not the letter v
        ("II", []),
        ("III", []),
        ("IV", ["i"]),
    ]
    assert commitments(draft) == [
        ("I.i", ["ST"], "GRCM", dt.date(2018, 10, 15), "antes del 15 de octubre de 2018"),
        ("I.ii", ["STATES"], None, dt.date(2018, 10, 6), "en un plazo de un mes"),
        ("I.iii", ["UNODC"], None, None, ""),
        ("I.iv", ["STATES"], None, None, ""),
        ("I.v", ["SV"], None, None, ""),
        ("III", ["ST"], None, dt.date(2018, 9, 21), "dentro de 15 días"),
        ("IV", ["CA", "US"], None, None, ""),
        ("IV.i", ["STATES"], "ST", dt.date(2019, 8, 31), "a más tardar el 31 de agosto"),
    ]
    assert draft.warnings == [
        "Text after the last point was not imported: “ANEXO” (5 line(s)).",
        "The deadline “a más tardar el 31 de agosto” in point IV.i gives no year and falls before the meeting; "
        "2019-08-31 was used.",
    ]
    assert "Lista de participantes" not in draft.agreements[-1].subpoints[-1].text


def test_english_consultation_group_report_with_a_date_range():
    draft = read("grcm_2019_en.txt")
    assert header(draft) == (
        "GRCM",
        "Report of the Meeting of the Regional Consultation Group on Migration (RCGM)",
        "Panama City",
        "PA",
        dt.date(2019, 6, 25),
        dt.date(2019, 6, 27),
        "en",
    )
    assert draft.delegations == ["BZ", "CA", "CR", "SV", "GT", "HN", "MX", "PA", "DO", "US"]
    assert draft.participants == ["IOM", "UNODC", "ST"]
    assert outline(draft) == [("1", []), ("2", ["a", "b", "c"]), ("3", []), ("4", []), ("5", [])]
    assert draft.agreements[4].organizations == ["GRCM", "PPT", "CRM"]
    assert commitments(draft) == [
        ("2.a", ["STATES"], "ST", dt.date(2019, 9, 30), "no later than 30 September"),
        ("2.b", ["UNODC"], None, dt.date(2019, 9, 30), "by September 30"),
        ("2.c", ["IOM"], None, dt.date(2019, 8, 25), "within two months"),
        ("3", ["ST"], None, dt.date(2019, 7, 10), "within 15 days"),
        ("3", ["STATES"], None, dt.date(2019, 8, 6), "in six weeks"),
        ("4", ["MX"], None, dt.date(2020, 6, 30), "in the first half of 2020"),
        ("5", ["PPT"], "CRM", None, ""),
    ]
    # Two clauses of one sentence are two commitments.
    assert draft.commitments[3].text.endswith("in Vulnerable Situations within 15 days")
    assert draft.commitments[4].text == "countries will send their comments in six weeks."
    assert draft.warnings == []


def test_numbering_that_restarts_in_each_section_is_renumbered():
    draft = read("network_2020_restart_es.txt")
    assert (draft.body, draft.title, draft.place, draft.country) == (
        "NETWORK",  # the title says nothing; the opening's subject does
        "Informe de la reunión virtual",
        "San Salvador",
        "SV",
    )
    assert draft.delegations == ["CR", "SV", "GT", "HN", "MX", "PA", "DO"]
    assert outline(draft) == [("1", []), ("2", []), ("3", []), ("4", []), ("5", [])]
    assert draft.agreements[2].text.startswith("Panamá compartirá")
    assert commitments(draft) == [
        ("1", ["STATES"], None, dt.date(2020, 12, 22), "en un plazo de dos meses"),
        ("2", ["COALITION"], None, None, "antes de la próxima reunión"),
        ("3", ["PA"], None, None, ""),
        ("4", ["STATES"], "ST", dt.date(2020, 11, 21), "dentro de 30 días"),
    ]
    assert draft.warnings == [
        "Section heading left out: “TRATA DE PERSONAS”.",
        "Section heading left out: “TRÁFICO ILÍCITO DE MIGRANTES”.",
        "The points are numbered 1, 2, 1, 2, 3 in the file (the numbering restarts or repeats); they were "
        "renumbered 1, 2, 3, 4, 5.",
        "The deadline “antes de la próxima reunión” in point 2 has no date; set it by hand.",
    ]


def test_workshop_with_letters_past_h_and_a_third_level():
    draft = read("workshop_2019_en.txt")
    assert header(draft) == (
        "WORKSHOP",
        "Regional Workshop on the Identification of Victims of Trafficking at Border Crossings",
        "Belmopan",
        "BZ",
        dt.date(2019, 5, 8),
        None,
        "en",
    )
    assert draft.delegations == ["BZ", "GT", "HN", "MX", "SV"]
    assert outline(draft) == [
        ("1", list("abcdefghij")),
        ("2", ["a", "b"]),
        ("3", []),
    ]  # "i." here is a letter
    assert draft.agreements[1].subpoints[1].text == (
        "indicators of trafficking for forced labour:\ni. in agriculture;\nii. in domestic work."
    )
    assert commitments(draft) == [
        ("2", ["IOM"], None, dt.date(2019, 8, 8), "within three months"),
        ("3", ["ST"], "NETWORK", dt.date(2019, 6, 30), "by the end of June"),
    ]
    assert draft.warnings == []


def test_lost_automatic_numbering_is_renumbered():
    draft = read("crm_2018_lost_numbering_es.txt")
    assert header(draft) == (
        "CRM",
        "Acta de la XXIII Reunión Viceministerial de la Conferencia Regional sobre Migración",
        "Ciudad de Panamá",
        "PA",
        dt.date(2018, 11, 15),
        dt.date(2018, 11, 16),
        "es",
    )
    assert len(draft.delegations) == 11
    assert outline(draft) == [("1", []), ("2", ["a", "b"]), ("3", [])]
    assert commitments(draft) == [
        ("2", ["NETWORK"], None, None, "en la próxima Reunión Viceministerial"),
        ("2.a", ["ST"], None, None, ""),
        ("2.b", ["STATES"], "ST", dt.date(2019, 3, 15), "a más tardar el 15 de marzo de 2019"),
    ]
    assert draft.warnings == [
        "The points are numbered 1, 1, 1 in the file (the numbering restarts or repeats); they were renumbered "
        "1, 2, 3.",
        "The sub-points of point 2 are labelled a, a in the file; they were relabelled a, b.",
        "The deadline “en la próxima Reunión Viceministerial” in point 2 has no date; set it by hand.",
    ]


def test_pdf_copy_with_wrapped_lines_hyphens_and_page_numbers():
    draft = read("network_2021_wrapped_es.txt")
    assert header(draft) == (
        "NETWORK",
        "INFORME DE LA REUNIÓN ORDINARIA",
        "Managua",
        "NI",
        dt.date(2021, 6, 9),
        None,
        "es",
    )
    assert draft.delegations == ["BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA"]  # "El Salva-/dor" rejoined
    assert outline(draft) == [("1", []), ("2", []), ("3", ["a"]), ("4", [])]
    assert draft.agreements[2].text == (
        "La OIM presentará una propuesta de curso virtual sobre investigación financiera del delito de tráfico "
        "ilícito de migrantes dentro de los próximos dos meses."
    )
    assert draft.agreements[2].subpoints[0].text == (
        "Los países interesados comunicarán sus necesidades de capacitación a la OIM."
    )
    assert "Página" not in str(draft.to_dict())
    assert commitments(draft) == [
        ("2", ["STATES"], "ST", dt.date(2021, 6, 24), "en un plazo no mayor a quince días"),
        ("3", ["IOM"], None, dt.date(2021, 8, 9), "dentro de los próximos dos meses"),
        ("3.a", ["STATES"], "IOM", None, ""),
        ("4", ["HN"], None, None, ""),
    ]
    assert draft.warnings == []


def test_text_without_numbered_points_is_not_a_report():
    with pytest.raises(ReportFileError) as caught, translation.override("en"):
        import_report_file((FIXTURES / "not_a_report.txt").read_bytes(), "not_a_report.txt")
    assert (
        str(caught.value)
        == "No numbered points and no meeting date were found: this does not look like a meeting report."
    )


def test_missing_header_facts_are_warned_not_guessed():
    with translation.override("en"):
        draft = parse_report(
            "1. Los países enviarán sus informes a la Secretaría Técnica dentro de 30 días.\n"
        )
        warnings = [str(warning) for warning in draft.warnings]
    assert (draft.title, draft.place, draft.date, draft.delegations, draft.body) == (
        "",
        "",
        None,
        [],
        "OTHER",
    )
    assert commitments(draft) == [("1", ["STATES"], "ST", None, "dentro de 30 días")]
    assert warnings == [
        "The place of the meeting was not found.",
        "The meeting date was not found.",
        "The delegations present were not found in the opening paragraph.",
        "No opening paragraph was found before the first point.",
        "The deadline “dentro de 30 días” in point 1 could not be dated: the meeting date is unknown.",
    ]


def test_english_network_report_with_parenthesis_numbering():
    draft = read("network_2017_paren_en.txt")
    assert header(draft) == (
        "NETWORK",
        "REPORT OF THE LIAISON OFFICER NETWORK MEETING",
        "San Salvador",
        "SV",
        dt.date(2017, 10, 3),
        dt.date(2017, 10, 4),
        "en",
    )
    # "Representatives of ... attended": the list comes before the verb.
    assert draft.delegations == ["BZ", "CA", "SV", "GT", "MX", "US"]
    assert draft.participants == ["IOM", "ST"]
    assert outline(draft) == [("1", []), ("2", []), ("3", []), ("4", [])]
    assert commitments(draft) == [
        ("1", ["ST"], None, dt.date(2017, 10, 15), "by 15 October"),
        ("2", ["STATES"], None, None, ""),
        ("2", ["GT"], None, None, ""),
        ("3", ["UNODC"], None, None, "at the next meeting"),
    ]
    assert draft.warnings == ["The deadline “at the next meeting” in point 3 has no date; set it by hand."]
