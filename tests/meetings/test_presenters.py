import pytest

from enlace.meetings.presenters import shorten


@pytest.mark.parametrize(
    ("text", "length", "expected"),
    [
        ("Corto", 160, "Corto"),
        (
            "La OIM realizará un análisis de nudos claves que obstaculizan el avance",
            40,
            "La OIM realizará un análisis de nudos…",
        ),
        ("x" * 50, 10, "x" * 9 + "…"),
        ("Enviar el documento, a la ST, en dos meses", 22, "Enviar el documento…"),
    ],
)
def test_shorten_cuts_at_a_word_with_an_ellipsis(text, length, expected):
    assert shorten(text, length) == expected
    assert len(shorten(text, length)) <= length
