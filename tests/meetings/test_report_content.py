"""Fixed text of generated reports: dates, name lists, titles, opening paragraph, file names."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from enlace.meetings.draft import ReportDraft
from enlace.meetings.reports import report_filename
from enlace.meetings.reports.content import build_content, format_date, format_date_range, join_names
from tests.meetings.seed_drafts import (
    NAMES_EN,
    NAMES_ES,
    make_english_draft,
    make_seed_draft,
    normalize,
    seed_points,
    seed_text,
)


def test_single_dates():
    assert format_date(dt.date(2016, 6, 8), "es") == "08 de junio de 2016"
    assert format_date(dt.date(2016, 6, 8), "en") == "June 8, 2016"
    assert format_date(dt.date(2019, 12, 31), "es") == "31 de diciembre de 2019"


@pytest.mark.parametrize(
    ("start", "end", "es", "en"),
    [
        ((2016, 6, 7), (2016, 6, 9), "del 7 al 9 de junio de 2016", "June 7-9, 2016"),
        ((2016, 6, 30), (2016, 7, 2), "del 30 de junio al 2 de julio de 2016", "June 30 - July 2, 2016"),
        (
            (2016, 12, 30),
            (2017, 1, 2),
            "del 30 de diciembre de 2016 al 2 de enero de 2017",
            "December 30, 2016 - January 2, 2017",
        ),
        ((2016, 6, 8), (2016, 6, 8), "08 de junio de 2016", "June 8, 2016"),
    ],
)
def test_date_ranges(start, end, es, en):
    assert format_date_range(dt.date(*start), dt.date(*end), "es") == es
    assert format_date_range(dt.date(*start), dt.date(*end), "en") == en


def test_join_names():
    assert join_names(["A"], "es") == "A"
    assert join_names(["A", "B"], "es") == "A y B"
    assert join_names(["A", "B", "C"], "es") == "A, B y C"
    assert join_names(["A", "B", "C"], "en") == "A, B and C"
    assert join_names(["Francia", "Italia"], "es") == "Francia e Italia"
    assert join_names([], "en") == ""


def test_generated_opening_reproduces_the_seed():
    seed_points_es = seed_points(seed_text())
    content = build_content(make_seed_draft(), language="es", names=NAMES_ES)
    assert content.opening == normalize(seed_points_es["opening"])
    assert content.place_line == "Tegucigalpa, Honduras"
    assert content.date_line == "08 de junio de 2016"
    assert content.title.startswith("INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE")


def test_english_opening():
    content = build_content(make_english_draft(), language="en", names=NAMES_EN)
    assert content.opening == (
        "The Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons of the Member "
        "Countries of the RCM, at its meeting held on June 8, 2016 in Tegucigalpa, Honduras, with the "
        "participation of representatives of Canada, Costa Rica, El Salvador, United States of America, "
        "Guatemala, Honduras, Mexico, Panama and Dominican Republic, presents to the Regional Consultation "
        "Group on Migration its report contained in the following points:"
    )
    assert content.headings == [
        "REGIONAL CONFERENCE ON MIGRATION (RCM)",
        "REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)",
    ]


def test_opening_with_a_date_range_and_given_texts():
    draft = ReportDraft(
        body="GRCM", place="San José", country="CR", date=dt.date(2016, 6, 7), end_date=dt.date(2016, 6, 9)
    )
    draft.delegations = ["CR", "PA"]
    content = build_content(draft, language="es", names=NAMES_ES)
    assert content.opening == (
        "El Grupo Regional de Consulta sobre Migración, en reunión celebrada del 7 al 9 de junio de 2016 "
        "en San José, Costa Rica, con la participación de los representantes de Costa Rica y Panamá, presenta "
        "a la Conferencia Regional sobre Migración su informe contenido en los siguientes puntos:"
    )
    assert content.title == "INFORME DE LA REUNIÓN DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN"
    draft.opening = "  Texto   de apertura\n dado. "
    draft.title = "Informe especial"
    content = build_content(draft, language="es", names=NAMES_ES)
    assert content.opening == "Texto de apertura dado."
    assert content.title == "Informe especial"


def test_workshop_without_place_or_delegations():
    draft = ReportDraft(body="WORKSHOP", date=dt.date(2020, 3, 4))
    content = build_content(draft, language="en", names={})
    assert content.opening == "At the workshop held on March 4, 2020, the following points were agreed:"
    assert content.title == "WORKSHOP REPORT"
    assert content.place_line == ""
    crm = build_content(ReportDraft(body="CRM"), language="es", names={})
    assert crm.headings == ["CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM)"]
    assert (
        crm.opening
        == "La Conferencia Regional sobre Migración, presenta su informe contenido en los siguientes puntos:"
    )
    assert build_content(ReportDraft(body="OTHER"), language="es", names={}).headings == []


def test_unknown_codes_fall_back_to_the_code_and_place_is_not_repeated():
    draft = ReportDraft(place="Tegucigalpa, Honduras", country="HN", delegations=["HN", "XX"])
    content = build_content(draft, language="es", names=NAMES_ES)
    assert content.place_line == "Tegucigalpa, Honduras"
    assert "Honduras y XX" in content.opening
    capital = ReportDraft(place="Ciudad de Panamá", country="PA")
    assert build_content(capital, language="es", names=NAMES_ES).place_line == "Ciudad de Panamá, Panamá"


def test_fixed_text_ignores_the_active_django_language():
    draft = make_english_draft()
    with translation.override("es"):
        content = build_content(draft, language="en", names=NAMES_EN)
    assert content.date_line == "June 8, 2016"
    with translation.override("en"):
        assert build_content(draft, language="es", names=NAMES_ES).date_line == "08 de junio de 2016"


def test_unsupported_language():
    with pytest.raises(ValueError, match="fr"):
        build_content(ReportDraft(), language="fr", names={})


def test_report_filename():
    draft = ReportDraft(body="NETWORK", date=dt.date(2016, 6, 8))
    assert report_filename(draft, "es", "docx") == "informe-red-2016-06-08-es.docx"
    assert report_filename(draft, "en", ".PDF") == "report-network-2016-06-08-en.pdf"
    workshop = ReportDraft(body="WORKSHOP")
    assert report_filename(workshop, "es", "pdf") == "informe-taller-es.pdf"
    assert report_filename(ReportDraft(body="unknown"), "es", "pdf") == "informe-reunion-es.pdf"
    assert report_filename(draft, "es", "dócx").isascii()
