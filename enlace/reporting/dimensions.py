"""The disaggregations a figure can be broken down by (domain reference §4: the UNODC Global Report
questionnaire and SDG 16.2.2). A part of a figure is named "<dimension>:<category>", e.g. "sex:female"."""

from dataclasses import dataclass
from functools import lru_cache

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Dimension:
    code: str
    label: Promise
    categories: tuple[tuple[str, Promise], ...]

    def parts(self) -> list[tuple[str, str]]:
        """[(part key, label)] of this dimension's categories."""
        return [(f"{self.code}:{code}", f"{self.label}: {label}") for code, label in self.categories]


DIMENSIONS = {
    dimension.code: dimension
    for dimension in (
        Dimension(
            "sex",
            _("Sex"),
            (("female", _("female")), ("male", _("male"))),
        ),
        Dimension("age", _("Age"), (("adult", _("adult")), ("child", _("child (under 18)")))),
        Dimension(
            "citizenship", _("Citizenship"), (("national", _("nationals")), ("foreign", _("foreigners")))
        ),
        Dimension(
            "exploitation",
            _("Form of exploitation"),
            (
                ("sexual", _("sexual exploitation")),
                ("labour", _("forced labour")),
                ("begging", _("begging")),
                ("criminality", _("forced criminality")),
                ("adoption", _("illegal adoption")),
                ("marriage", _("forced marriage")),
                ("organs", _("removal of organs")),
                ("soldiers", _("child soldiers")),
                ("mixed", _("mixed")),
                ("other", _("other")),
            ),
        ),
        Dimension(
            "flow",
            _("Flow"),
            (
                ("domestic", _("domestic")),
                ("subregional", _("subregional")),
                ("transregional", _("transregional")),
            ),
        ),
        Dimension("route", _("Route"), (("land", _("land")), ("sea", _("sea")), ("air", _("air")))),
    )
}


def parts_of(disaggregations) -> list[tuple[str, str]]:
    """Every part key and label of an indicator's disaggregations, in order; unknown dimensions are skipped."""
    return list(_parts_of(tuple(disaggregations), get_language() or ""))


@lru_cache(maxsize=256)
def _parts_of(disaggregations: tuple, language: str) -> tuple:
    # Labels made once per language: a form of 150 figures asks for them hundreds of times.
    return tuple(
        (key, str(label))
        for code in disaggregations
        if code in DIMENSIONS
        for key, label in DIMENSIONS[code].parts()
    )


def part_keys(disaggregations) -> list[str]:
    return [key for key, _label in parts_of(disaggregations)]
