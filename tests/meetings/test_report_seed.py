"""The seed report built by hand (tests/meetings/seed_drafts.py) has the structure of the file."""

import pytest

from tests.meetings.seed_drafts import STRUCTURE, TEXTS_EN, seed_points, seed_text


@pytest.fixture
def seed_points_es() -> dict[str, str]:
    return seed_points(seed_text())


def test_seed_file_has_the_expected_structure(seed_points_es):
    expected = {
        "opening",
        *STRUCTURE,
        *(f"{n}.{label}" for n, labels in STRUCTURE.items() for label in labels),
    }
    assert set(seed_points_es) == expected
    assert set(TEXTS_EN) == expected - {"opening"}
    assert "La OIM realizará" in seed_points_es["3.a"]
    assert "bookmark" not in seed_points_es["3.b"]
