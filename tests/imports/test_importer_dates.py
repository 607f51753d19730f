"""Meeting dates and commitment deadlines as reports write them, in Spanish and English."""

import datetime as dt

import pytest

from enlace.imports.parser.dates import Deadline, add_business_days, find_dates, find_deadline, range_dates

MEETING = dt.date(2016, 6, 8)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("08 de junio de 2016", dt.date(2016, 6, 8), None),
        ("8 de junio del 2016", dt.date(2016, 6, 8), None),
        ("June 8, 2016", dt.date(2016, 6, 8), None),
        ("8 June 2016", dt.date(2016, 6, 8), None),
        ("Wednesday, 8th June 2016", dt.date(2016, 6, 8), None),
        ("del 7 al 9 de junio de 2016", dt.date(2016, 6, 7), dt.date(2016, 6, 9)),
        ("7 y 8 de junio de 2016", dt.date(2016, 6, 7), dt.date(2016, 6, 8)),
        ("June 7-9, 2016", dt.date(2016, 6, 7), dt.date(2016, 6, 9)),
        ("7 to 9 June 2016", dt.date(2016, 6, 7), dt.date(2016, 6, 9)),
        ("30 de junio al 2 de julio de 2016", dt.date(2016, 6, 30), dt.date(2016, 7, 2)),
        ("June 30 - July 2, 2016", dt.date(2016, 6, 30), dt.date(2016, 7, 2)),
        ("30 de diciembre al 2 de enero de 2017", dt.date(2016, 12, 30), dt.date(2017, 1, 2)),
        ("December 30, 2016 to January 2, 2017", dt.date(2016, 12, 30), dt.date(2017, 1, 2)),
        ("December 30 - January 2, 2017", dt.date(2016, 12, 30), dt.date(2017, 1, 2)),
        ("2016-06-08", dt.date(2016, 6, 8), None),
        ("08/06/2016", dt.date(2016, 6, 8), None),
        ("Tegucigalpa, Honduras, 7-9 de junio de 2016", dt.date(2016, 6, 7), dt.date(2016, 6, 9)),
        ("1º de septiembre de 2016", dt.date(2016, 9, 1), None),
    ],
)
def test_dates(text, first, last):
    found = find_dates(text)
    assert len(found) == 1
    assert range_dates(found[0]) == (first, last)


@pytest.mark.parametrize("text", ["por tierra, mar y aire", "el punto 3 de la agenda", "plan 2019-2025", ""])
def test_text_without_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "due"),
    [
        ("en un plazo no mayor a dos meses a la ST", "en un plazo no mayor a dos meses", dt.date(2016, 8, 8)),
        ("en un plazo de un (1) mes", "en un plazo de un (1) mes", dt.date(2016, 7, 8)),
        ("en un plazo máximo de 45 días", "en un plazo máximo de 45 días", dt.date(2016, 7, 23)),
        ("dentro de 30 días", "dentro de 30 días", dt.date(2016, 7, 8)),
        ("dentro de los 10 días hábiles", "dentro de los 10 días hábiles", dt.date(2016, 6, 22)),
        ("en los próximos tres meses", "en los próximos tres meses", dt.date(2016, 9, 8)),
        ("en dos semanas", "en dos semanas", dt.date(2016, 6, 22)),
        (
            "treinta y un días después de la reunión",
            "treinta y un días después de la reunión",
            dt.date(2016, 7, 9),
        ),
        ("within two months", "within two months", dt.date(2016, 8, 8)),
        ("within 15 days", "within 15 days", dt.date(2016, 6, 23)),
        ("within twenty-one days", "within twenty-one days", dt.date(2016, 6, 29)),
        ("in six weeks", "in six weeks", dt.date(2016, 7, 20)),
        ("within a year", "within a year", dt.date(2017, 6, 8)),
        ("a más tardar el 30 de septiembre", "a más tardar el 30 de septiembre", dt.date(2016, 9, 30)),
        ("a mas tardar el 30 de septiembre.", "a mas tardar el 30 de septiembre", dt.date(2016, 9, 30)),
        ("antes del 15 de octubre de 2016", "antes del 15 de octubre de 2016", dt.date(2016, 10, 15)),
        ("hasta el 1 de julio", "hasta el 1 de julio", dt.date(2016, 7, 1)),
        ("no later than 30 September", "no later than 30 September", dt.date(2016, 9, 30)),
        ("by September 30", "by September 30", dt.date(2016, 9, 30)),
        ("by September 30th, 2017", "by September 30th, 2017", dt.date(2017, 9, 30)),
        ("before 15 Sept.", "before 15 Sept.", dt.date(2016, 9, 15)),
        ("by the end of September", "by the end of September", dt.date(2016, 9, 30)),
        ("a finales de noviembre de 2016", "a finales de noviembre de 2016", dt.date(2016, 11, 30)),
        ("a más tardar el primero de julio", "a más tardar el primero de julio", dt.date(2016, 7, 1)),
        ("by the first of July", "by the first of July", dt.date(2016, 7, 1)),
        ("antes del 1.º de julio", "antes del 1.º de julio", dt.date(2016, 7, 1)),
        ("en el primer trimestre de 2017", "en el primer trimestre de 2017", dt.date(2017, 3, 31)),
        ("by the end of the third quarter", "by the end of the third quarter", dt.date(2016, 9, 30)),
        ("in Q1 2017", "in Q1 2017", dt.date(2017, 3, 31)),
        ("durante el segundo semestre", "durante el segundo semestre", dt.date(2016, 12, 31)),
        ("in the first half of 2017", "in the first half of 2017", dt.date(2017, 6, 30)),
        ("en el último cuatrimestre de 2016", "en el último cuatrimestre de 2016", dt.date(2016, 12, 31)),
        ("a finales de 2017", "a finales de 2017", dt.date(2017, 12, 31)),
        ("by the end of the year", "by the end of the year", dt.date(2016, 12, 31)),
        ("antes de que finalice el año", "antes de que finalice el año", dt.date(2016, 12, 31)),
        ("by 2018", "by 2018", dt.date(2018, 12, 31)),
        ("a mediados de agosto", "a mediados de agosto", dt.date(2016, 8, 15)),
        ("by mid-August", "by mid-August", dt.date(2016, 8, 15)),
        ("end of June 2017", "end of June 2017", dt.date(2017, 6, 30)),
        ("plan 2019-2025", None, None),
        ("first of all", None, None),
    ],
)
def test_deadlines(text, phrase, due):
    found = find_deadline(text, MEETING)
    if phrase is None:
        assert found is None
    else:
        assert found == Deadline(phrase, due)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a más tardar el 15 de marzo",
            Deadline("a más tardar el 15 de marzo", dt.date(2017, 3, 15), "next-year"),
        ),
        ("antes de la próxima reunión", Deadline("antes de la próxima reunión", None, "open")),
        ("before the next meeting", Deadline("before the next meeting", None, "open")),
        ("antes del 31 de junio de 2016", Deadline("antes del 31 de junio de 2016", None, "invalid")),
    ],
)
def test_deadlines_that_need_a_look(text, expected):
    assert find_deadline(text, MEETING) == expected


def test_deadlines_without_a_meeting_date():
    assert find_deadline("dentro de 30 días", None) == Deadline("dentro de 30 días", None, "no-date")
    assert find_deadline("antes del 15 de octubre de 2016", None) == Deadline(
        "antes del 15 de octubre de 2016", dt.date(2016, 10, 15)
    )


@pytest.mark.parametrize(
    "text",
    ["con una duración de dos meses", "el taller de 2 días", "la reunión del 15 de octubre", "cada año"],
)
def test_durations_and_event_dates_are_not_deadlines(text):
    assert find_deadline(text, MEETING) is None


def test_business_days_skip_weekends():
    assert add_business_days(dt.date(2016, 6, 10), 1) == dt.date(2016, 6, 13)  # Friday -> Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a fines de marzo", Deadline("a fines de marzo", dt.date(2017, 3, 31), "next-year")),
        (
            "antes de la próxima reunión de la Red",
            Deadline("antes de la próxima reunión de la Red", None, "open"),
        ),
        ("prior to the next RCGM meeting", Deadline("prior to the next RCGM meeting", None, "open")),
        ("ahead of the next meeting", Deadline("ahead of the next meeting", None, "open")),
    ],
)
def test_more_deadlines_that_need_a_look(text, expected):
    assert find_deadline(text, MEETING) == expected
