"""CRM documents that are not numbered reports: declarations, communiqués, texts that lost their line breaks,
bulleted summaries (fixtures written for these tests, in tests/imports/fixtures)."""

import datetime as dt

import pytest
from django.utils import translation

from enlace.directory.models import OrganizationKind
from enlace.directory.services import organization_upsert, presidency_set
from enlace.imports.importing import read_report
from enlace.imports.parser import ReportFileError, parse_report
from tests.imports.test_importer_layouts import FIXTURES, commitments, read

pytestmark = pytest.mark.usefixtures("english")


def header(draft) -> tuple:
    return (draft.body, draft.title, draft.place, draft.country, draft.virtual, draft.date, draft.end_date)


def test_vice_ministerial_declaration_whose_decisions_are_paragraphs():
    draft = read("crm_2019_declaration_es.txt")
    assert header(draft) == (
        "CRM",
        "Declaración de la XXIV Reunión Viceministerial de la Conferencia Regional sobre Migración",
        "Ciudad de Guatemala",
        "GT",
        False,
        dt.date(2019, 11, 14),
        dt.date(2019, 11, 15),
    )
    assert len(draft.delegations) == 11
    assert draft.opening.startswith("Los Viceministros y Jefes de Delegación")
    assert "Que la Red de Funcionarios de Enlace ha presentado" in draft.opening  # the considerations stay
    assert [a.number for a in draft.agreements] == ["1", "2", "3", "4", "5"]
    assert draft.agreements[0].text.startswith("Reafirmar el compromiso")
    assert draft.agreements[4].text.startswith("Agradecer al Gobierno de Guatemala")
    assert commitments(draft) == [
        ("2", ["STATES"], "ST", dt.date(2020, 3, 31), "a más tardar en el primer trimestre de 2020"),
        ("3", ["PPT"], None, dt.date(2020, 6, 30), "antes de finalizar el primer semestre de 2020"),
        ("4", [], None, None, "antes de la próxima Reunión Viceministerial"),
    ]
    assert draft.warnings == [
        "Section heading left out: “CONSIDERANDO”.",
        "Section heading left out: “ACUERDAN:”.",
        "No numbered points were found: the 5 paragraph(s) after the opening were made points 1–5, in order. "
        "Check where each one begins and ends.",
        "Text after the last point was not imported: “Dado en la Ciudad de Guatemala, el 15 de noviembre de "
        "2019.” (1 line(s)).",
        "In point 4, “Grupo de Trabajo sobre Niñez y Adolescencia Migrante” is responsible; it is not an "
        "organization of the directory, so choose who answers for it.",
        "The deadline “antes de la próxima Reunión Viceministerial” in point 4 has no date; set it by hand.",
    ]


def test_joint_communique_of_a_virtual_meeting():
    draft = read("crm_2020_communique_en.txt")
    assert header(draft) == (
        "GRCM",
        "Joint Communiqué of the Virtual Meeting of the Regional Consultation Group on Migration",
        "",
        "",
        True,
        dt.date(2020, 10, 21),
        dt.date(2020, 10, 22),
    )
    assert [a.text.split()[:2] for a in draft.agreements] == [
        ["We", "agree"], ["We", "request"], ["We", "welcome"], ["We", "instruct"], ["Member", "Countries"]
    ]  # fmt: skip
    assert draft.agreements[2].organizations == ["UNHCR"]
    assert commitments(draft) == [
        ("1", ["PPT"], None, dt.date(2021, 9, 30), "by the end of the third quarter of 2021"),
        ("2", ["ST"], None, dt.date(2021, 1, 15), "by mid-January 2021"),
        ("4", [], None, None, "before the next meeting of the RCGM"),
        ("5", ["STATES"], None, dt.date(2021, 12, 31), "during the second half of 2021"),
    ]
    assert "The place of the meeting was not found." not in draft.warnings  # it met online


def test_report_whose_line_breaks_were_lost():
    draft = read("network_2022_lost_breaks_es.txt")
    assert header(draft) == (
        "NETWORK",
        "Informe de la Reunión de la Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de "
        "Migrantes y la Trata de Personas",
        "Tapachula",
        "MX",
        False,
        dt.date(2022, 5, 3),
        dt.date(2022, 5, 4),
    )
    # "GuatemalaHonduras, MéxicoNicaragua": names glued by the lost breaks are still found.
    assert draft.delegations == ["BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA"]
    assert [(a.number, [s.label for s in a.subpoints]) for a in draft.agreements] == [
        ("1", []), ("2", ["a", "b"]), ("3", []), ("4", [])
    ]  # fmt: skip
    assert commitments(draft) == [
        ("2", ["STATES"], "ST", dt.date(2022, 7, 1), "a más tardar el primero de julio de 2022"),
        ("2.a", ["IOM"], None, None, ""),
        ("2.b", ["ST"], None, dt.date(2022, 7, 31), "a finales de julio"),
        ("3", ["PPT"], None, None, "antes de la próxima reunión del GRCM"),
        ("4", ["GT", "HN"], None, dt.date(2022, 12, 31), "en el segundo semestre de 2022"),
    ]


def test_declaration_in_one_line_is_split_at_its_intro_and_sentences():
    draft = read("grcm_2021_run_on_es.txt")
    assert header(draft)[:4] == (
        "GRCM", "Declaración de San José del Grupo Regional de Consulta sobre Migración", "San José", "CR"
    )  # fmt: skip
    assert draft.opening.endswith("declaramos y acordamos:")
    assert [a.text.split()[0] for a in draft.agreements] == ["Reafirmar", "Solicitar", "Instar", "Agradecer"]
    assert commitments(draft) == [
        ("2", ["ST"], None, dt.date(2021, 12, 31), "a finales de 2021"),
        ("3", ["STATES"], None, dt.date(2021, 7, 9), "en un plazo de un mes"),
    ]
    assert "The text has no paragraph breaks: it was split into points at each sentence." in draft.warnings


def test_bulleted_summary_with_unnumbered_headings():
    draft = read("workshop_2023_bullets_en.txt")
    assert header(draft)[:4] == (
        "WORKSHOP", "Regional Workshop on the Identification of Victims of Trafficking", "Belize City", "BZ"
    )  # fmt: skip
    assert [a.number for a in draft.agreements] == ["1", "2", "3", "4", "5"]
    assert (
        draft.agreements[4].text == "The Technical Secretariat will circulate this summary within two weeks."
    )
    assert commitments(draft) == [
        ("2", ["IOM"], None, dt.date(2023, 6, 30), "by the end of June 2023"),
        ("3", ["STATES"], None, None, "before the next meeting of the Network"),
        ("4", ["UNODC"], None, dt.date(2024, 6, 30), "in the first half of 2024"),
        ("5", ["ST"], None, dt.date(2023, 3, 21), "within two weeks"),
    ]
    assert draft.warnings[:3] == [
        "Section heading left out: “Identification at borders”.",
        "Section heading left out: “Referral of victims”.",
        "Section heading left out: “Follow-up”.",
    ]
    assert "The points are bullets in the file (“➢”); they were numbered 1–5 in order." in draft.warnings


@pytest.mark.parametrize("glyph", ["•", "➢", "✓", "■", "○", "→", "–", "-", "*", "▪", "◆"])
def test_any_bullet_glyph_makes_points(glyph):
    draft = parse_report(
        "Informe de la reunión de la Red de Funcionarios de Enlace\nTegucigalpa, Honduras\n8 de junio de 2016\n\n"
        "La Red de Funcionarios de Enlace, con la participación de Costa Rica y México, acordó lo siguiente:\n\n"
        f"{glyph} Agradecer a Honduras.\n{glyph} Los países enviarán el informe a la ST en un plazo de dos meses.\n"
    )
    assert [(a.number, a.text) for a in draft.agreements] == [
        ("1", "Agradecer a Honduras."),
        ("2", "Los países enviarán el informe a la ST en un plazo de dos meses."),
    ]
    assert draft.commitments[0].due == dt.date(2016, 8, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Estimados colegas: les recordamos enviar sus comentarios sobre la guía regional antes del viernes. "
        "Agradeceremos su pronta respuesta a esta solicitud de la Secretaría Técnica de la Conferencia.",
        "Lista de verificación\n\n- Pasaporte vigente\n- Formulario firmado por el solicitante y su abogado\n",
    ],
)
def test_text_without_a_meeting_is_still_refused(text):
    with pytest.raises(ReportFileError):
        parse_report(text)


@pytest.mark.django_db
def test_the_presidency_is_the_state_that_held_it_and_unknown_partners_are_named(organizations):
    presidency_set(year=2020, state=organizations["MX"])
    data = (FIXTURES / "crm_2020_communique_en.txt").read_bytes()
    with translation.override("en"):
        draft = read_report(data=data, filename="communique.txt")
    assert draft.commitments[0].responsible == ["MX"]
    assert "The Pro Tempore Presidency was read as Mexico, which held it in 2020." in draft.warnings
    assert (
        "“UNHCR” is named in the report but is not in the directory, so it is not linked; add the organization "
        "to the directory to link it." in draft.warnings
    )
    organization_upsert(
        code="UNHCR", kind=OrganizationKind.TECHNICAL_PARTNER, name_es="ACNUR", name_en="UNHCR", iso3=""
    )
    with translation.override("en"):
        again = read_report(data=data, filename="communique.txt")
    assert not any("UNHCR" in warning for warning in again.warnings)


@pytest.mark.django_db
def test_no_presidency_recorded_asks_for_the_state(organizations):
    data = (FIXTURES / "network_2022_lost_breaks_es.txt").read_bytes()
    with translation.override("en"):
        draft = read_report(data=data, filename="lost.txt")
    assert [c.responsible for c in draft.commitments if c.agreement == "3"] == [[]]
    assert (
        "The Pro Tempore Presidency is responsible for a commitment, but the directory does not say who held it "
        "in 2022; choose the state by hand." in draft.warnings
    )
