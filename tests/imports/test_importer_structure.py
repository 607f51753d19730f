"""How the importer finds points in messy text: markers, noise, headings, page furniture."""

import datetime as dt

import pytest
from django.utils import translation

from enlace.imports.parser import parse_report
from enlace.imports.parser.cleanup import clean_lines
from enlace.imports.parser.markers import read_marker

HEAD = (
    "Informe de la reunión de la Red de Funcionarios de Enlace\n"
    "Tegucigalpa, Honduras\n8 de junio de 2016\n\n"
    "La Red de Funcionarios de Enlace, con la participación de los representantes de Costa Rica y México, "
    "acordó lo siguiente:\n\n"
)


def parse(points: str):
    with translation.override("en"):
        draft = parse_report(HEAD + points)
        draft.warnings = [str(warning) for warning in draft.warnings]
    return draft


def outline(draft):
    return [(a.number, a.text, [(s.label, s.text) for s in a.subpoints]) for a in draft.agreements]


@pytest.mark.parametrize(
    ("line", "label", "kinds", "rest"),
    [
        ("1. Agradecer", "1", ("num",), "Agradecer"),
        ("12) Instar", "12", ("num",), "Instar"),
        ("1.Agradecer", "1", ("num",), "Agradecer"),
        ("a. Los países", "a", ("lower",), "Los países"),
        ("b) La OIM", "b", ("lower",), "La OIM"),
        ("(c) UNODC will", "c", ("lower()",), "UNODC will"),
        ("IV. Solicitar", "IV", ("rupper",), "Solicitar"),
        ("ii) La ST", "ii", ("rlower",), "La ST"),
        ("i. algo", "i", ("rlower", "lower"), "algo"),
        ("V. Otro", "V", ("rupper", "upper"), "Otro"),
        ("2.1 Los países", "1", ("dotted",), "Los países"),
        ("• 3. Con viñeta", "3", ("num",), "Con viñeta"),
        ("4.", "4", ("num",), ""),
    ],
)
def test_markers(line, label, kinds, rest):
    marker, text = read_marker(line)
    assert (marker.label, marker.kinds, text) == (label, kinds, rest)


@pytest.mark.parametrize(
    "line",
    [
        "2016 fue un año",
        "1.500 personas",
        "U.S. delegation",
        "EE. UU. propone",
        "Tegucigalpa, Honduras",
        "",
        "ST.",
    ],
)
def test_ordinary_lines_are_not_markers(line):
    assert read_marker(line) is None


def test_clean_lines_drop_markup_page_numbers_and_running_headers():
    text = (
        "Informe de la Red\n[bookmark: _GoBack]1. Primero\u00a0\u00a0punto.\nPágina 1 de 2\n- 1 -\n"
        "Red de Funcionarios de Enlace\f2. Segundo [image: logo.png]punto.\n7\nRed de Funcionarios de Enlace\n"
    )
    assert clean_lines(text) == ["Informe de la Red", "1. Primero punto.", "2. Segundo punto.", ""]


def test_bracket_markup_inside_a_point_is_removed():
    draft = parse("1. [bookmark: _GoBack]La OIM [comment: revisar] enviará el documento.\n")
    assert outline(draft) == [("1", "La OIM enviará el documento.", [])]


def test_letter_i_continues_a_letter_list_and_roman_i_starts_a_new_one():
    letters = "\n".join(f"{letter}. Punto {letter}." for letter in "abcdefghij")
    draft = parse(f"1. Lista:\n{letters}\n2. Otra lista:\ni. Uno.\nii. Dos.\niii. Tres.\n")
    assert [s.label for s in draft.agreements[0].subpoints] == list("abcdefghij")
    assert [s.label for s in draft.agreements[1].subpoints] == ["i", "ii", "iii"]


def test_continuation_lines_stay_with_their_point():
    draft = parse(
        "1. Primer punto.\na. Sub-punto a.\nSegundo párrafo del sub-punto a.\nb. Sub-punto b.\n2. Fin.\n"
    )
    assert outline(draft) == [
        (
            "1",
            "Primer punto.",
            [("a", "Sub-punto a.\nSegundo párrafo del sub-punto a."), ("b", "Sub-punto b.")],
        ),
        ("2", "Fin.", []),
    ]


def test_a_marker_alone_on_its_line_takes_the_next_line():
    draft = parse("1.\nPrimer punto.\n2)\n\nSegundo punto.\n3.\n4. Cuarto.\n")
    assert outline(draft) == [("1", "Primer punto.", []), ("2", "Segundo punto.", []), ("4", "Cuarto.", [])]
    assert draft.warnings == [
        "Empty point “3” left out.",
        "The point numbering jumps from 2 to 4: a point may be missing.",
    ]


def test_repeated_subpoint_letters_are_relabelled():
    draft = parse("1. Punto:\na. Uno.\na. Dos.\nb. Tres.\n")
    assert [s.label for s in draft.agreements[0].subpoints] == ["a", "b", "c"]
    assert draft.warnings == [
        "The sub-points of point 1 are labelled a, a, b in the file; they were relabelled a, b, c."
    ]


def test_lettered_sections_over_numbered_points():
    draft = parse(
        "A. Trata de personas\n1. Primer acuerdo.\n2. Segundo acuerdo.\na. Detalle.\n"
        "B. Tráfico ilícito de migrantes\n1. Tercer acuerdo.\n"
    )
    assert outline(draft) == [
        ("1", "Primer acuerdo.", []),
        ("2", "Segundo acuerdo.", [("a", "Detalle.")]),
        ("3", "Tercer acuerdo.", []),
    ]
    assert draft.warnings == [
        "Section heading left out: “Trata de personas”.",
        "Section heading left out: “Tráfico ilícito de migrantes”.",
        "The points are numbered 1, 2, 1 in the file (the numbering restarts or repeats); they were renumbered "
        "1, 2, 3.",
    ]


def test_text_under_a_heading_between_points_is_reported_not_attached():
    draft = parse("1. Primero.\n\nOTROS ASUNTOS\nSe conversó sobre la agenda\n\n2. Segundo.\n")
    assert outline(draft) == [("1", "Primero.", []), ("2", "Segundo.", [])]
    assert draft.warnings == [
        "Section heading left out: “OTROS ASUNTOS”.",
        "Text not attached to any point: “Se conversó sobre la agenda” (1 line(s)).",
    ]


def test_closing_place_and_date_after_the_last_point_are_not_part_of_it():
    draft = parse("1. Único punto.\n\nTegucigalpa, 8 de junio de 2016\nSecretaría Técnica\n")
    assert outline(draft) == [("1", "Único punto.", [])]
    assert draft.warnings == [
        "Text after the last point was not imported: “Tegucigalpa, 8 de junio de 2016” (2 line(s))."
    ]


def test_hundreds_of_points_keep_their_order():
    points = "\n".join(
        f"{n}. Los países enviarán el informe {n} en un plazo de dos meses." for n in range(1, 401)
    )
    draft = parse(points)
    assert [a.number for a in draft.agreements] == [str(n) for n in range(1, 401)]
    assert len(draft.commitments) == 400


def test_bulleted_lines_stay_in_their_point_and_closing_lines_are_left_out():
    with translation.override("en"):
        draft = parse_report(
            "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\nReunión de la Red de Funcionarios de Enlace\n"
            "San José, Costa Rica – 12 de abril de 2022\n\n"
            "Delegaciones presentes: Belice, Costa Rica y Panamá.\n\nACUERDOS\n\n"
            "1. La Red acordó:\n- que los países enviarán a la ST sus reportes antes del 30 de mayo;\n"
            "- que la OIM apoyará con una guía.\n\nElaborado por la Secretaría Técnica\n"
        )
        warnings = [str(warning) for warning in draft.warnings]
    assert (draft.title, draft.body, draft.delegations) == (
        "Reunión de la Red de Funcionarios de Enlace",
        "NETWORK",
        ["BZ", "CR", "PA"],
    )
    assert draft.agreements[0].text == (
        "La Red acordó:\n- que los países enviarán a la ST sus reportes antes del 30 de mayo;\n"
        "- que la OIM apoyará con una guía."
    )
    assert [(c.text, c.responsible, c.recipient, c.deadline_phrase) for c in draft.commitments] == [
        (
            "que los países enviarán a la ST sus reportes antes del 30 de mayo",
            ["STATES"],
            "ST",
            "antes del 30 de mayo",
        ),
        ("que la OIM apoyará con una guía.", ["IOM"], None, ""),
    ]
    assert warnings == [
        "No opening paragraph was found before the first point.",
        "Text after the last point was not imported: “Elaborado por la Secretaría Técnica” (1 line(s)).",
    ]


def test_numbering_that_starts_late_or_skips_is_kept_with_a_warning():
    draft = parse("3. Tercero.\n4. Cuarto.\nb. Sub-punto b.\nd. Sub-punto d.\n")
    assert [(a.number, [s.label for s in a.subpoints]) for a in draft.agreements] == [
        ("3", []),
        ("4", ["b", "d"]),
    ]
    assert draft.warnings == [
        "The first point is numbered 3: the points before it may be missing.",
        "The sub-points of point 4 start at b: the ones before may be missing.",
    ]


@pytest.mark.parametrize(
    ("header", "place", "country"),
    [
        ("Tegucigalpa, M.D.C., Honduras\n8 de junio de 2016\n\n", "Tegucigalpa", "HN"),
        ("Guatemala, Guatemala\n8 de junio de 2016\n\n", "Guatemala", "GT"),
        ("Ottawa, 8 June 2016\n\n", "Ottawa", "CA"),
        ("Miércoles, 8 de junio de 2016\n\nLa reunión se celebró en San José con la participación de Costa "
         "Rica y Panamá, y acordó lo siguiente:\n\n", "San José", "CR"),
    ],
)  # fmt: skip
def test_place_lines(header, place, country):
    draft = parse_report(f"Informe de la reunión\n{header}1. Los países enviarán sus informes.\n")
    assert (draft.place, draft.country, draft.date) == (place, country, dt.date(2016, 6, 8))
