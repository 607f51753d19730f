"""Validation rules as data and the parsing of answers: what is refused, with which message."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from enlace.reporting import rules
from enlace.reporting.models import AnswerType
from enlace.reporting.values import ValueError_, parse_value


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def rule(left, operator, right, importance="error"):
    return SimpleNamespace(left=left, operator=operator, right=right, importance=importance, code="R")


def test_convicted_above_prosecuted_breaks_the_rule():
    broken = rules.broken_rules([rule("B", "<=", "A")], {"A": (5, {}), "B": (7, {})})
    assert [(o.left, o.right) for o in broken] == [(Decimal(7), Decimal(5))]


def test_a_rule_with_a_figure_missing_is_not_checked_yet():
    assert rules.broken_rules([rule("B", "<=", "A")], {"B": (7, {})}) == []


def test_parts_of_a_disaggregation_must_add_up():
    parts_rule = rule("sum(A[sex])", "==", "A")
    assert rules.broken_rules([parts_rule], {"A": (10, {"sex:female": 4, "sex:male": 5})})
    assert not rules.broken_rules([parts_rule], {"A": (10, {"sex:female": 4, "sex:male": 6})})


def test_sums_and_numbers_on_a_side():
    assert rules.broken_rules([rule("A + B", "<=", "100")], {"A": (60, {}), "B": ("50.5", {})})


@pytest.mark.parametrize("text", ["A[", "sum(A[planet])", "a b", "", "A - B"])
def test_rule_syntax_errors_are_refused(text):
    with pytest.raises(rules.RuleSyntaxError):
        rules.parse_side(text)


def _indicator(kind, choices=()):
    return SimpleNamespace(answer_type=kind, choices=list(choices))


@pytest.mark.parametrize(
    ("kind", "raw", "stored"),
    [
        (AnswerType.INTEGER, "12", 12),
        (AnswerType.INTEGER, 12.0, 12),
        (AnswerType.DECIMAL, "12,5", "12.5"),
        (AnswerType.PERCENTAGE, "100", "100"),
        (AnswerType.DATE, "2016-08-08", "2016-08-08"),
        (AnswerType.YES_NO_PARTLY, "Sí", "yes"),
        (AnswerType.YES_NO_PARTLY, "partly", "partly"),
        (AnswerType.TEXT, "  texto ", "texto"),
        (AnswerType.INTEGER, "", None),
    ],
)
def test_values_are_stored_in_one_form(kind, raw, stored):
    assert parse_value(_indicator(kind), raw) == stored


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        (AnswerType.INTEGER, "doce", "is not a number"),
        (AnswerType.INTEGER, "-3", "0 or more"),
        (AnswerType.INTEGER, "2.5", "whole number"),
        (AnswerType.PERCENTAGE, "140", "between 0 and 100"),
        (AnswerType.DATE, "8 de agosto", "YYYY-MM-DD"),
        (AnswerType.YES_NO_PARTLY, "maybe", "not one of the choices"),
        (AnswerType.INTEGER, "1e40", "too large"),
        (AnswerType.INTEGER, "NaN", "too large"),
    ],
)
def test_bad_values_are_refused_with_a_reason(kind, raw, message):
    with pytest.raises(ValueError_, match=message):
        parse_value(_indicator(kind), raw)


def test_multiple_choice_takes_codes_or_labels_in_either_language():
    indicator = _indicator(
        AnswerType.MULTIPLE,
        [{"code": "a", "es": "uno", "en": "one"}, {"code": "b", "es": "dos", "en": "two"}],
    )
    assert parse_value(indicator, "uno; two") == ["a", "b"]
    assert parse_value(indicator, ["b", "b"]) == ["b"]
