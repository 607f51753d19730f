"""Validation rules as data: "left operator right", each side a sum of terms. A term is a number, an indicator's
figure ("TIP-PR-08"), one part of it ("TIP-PT-01[sex:female]") or the sum of one disaggregation's parts
("sum(TIP-PT-01[sex])"). A rule whose figures are not all given yet is not checked (it neither passes nor fails),
so a half-filled form only shows what is already wrong. Pure Python: the form, the upload and the API use it."""

import re
from dataclasses import dataclass
from decimal import Decimal

from enlace.reporting.dimensions import DIMENSIONS
from enlace.reporting.models import Importance
from enlace.reporting.values import as_number

_TERM = re.compile(
    r"""\s*(?:
        sum\(\s*(?P<sum_code>[A-Z][A-Z0-9-]*)\[(?P<sum_dim>[a-z]+)\]\s*\)
      | (?P<code>[A-Z][A-Z0-9-]*)(?:\[(?P<part>[a-z]+:[a-z]+)\])?
      | (?P<number>\d+(?:\.\d+)?)
    )\s*""",
    re.VERBOSE,
)
OPERATORS = {
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "==": lambda a, b: a == b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "!=": lambda a, b: a != b,
}


class RuleSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    code: str = ""
    part: str = ""  # "sex:female"; "sex" with whole_dimension
    whole_dimension: bool = False
    number: Decimal | None = None


def parse_side(text: str) -> list[Term]:
    terms = []
    for chunk in text.split("+"):
        match = _TERM.fullmatch(chunk)
        if not match:
            raise RuleSyntaxError(chunk.strip() or text)
        if match["sum_code"]:
            if match["sum_dim"] not in DIMENSIONS:
                raise RuleSyntaxError(match["sum_dim"])
            terms.append(Term(code=match["sum_code"], part=match["sum_dim"], whole_dimension=True))
        elif match["code"]:
            terms.append(Term(code=match["code"], part=match["part"] or ""))
        else:
            terms.append(Term(number=Decimal(match["number"])))
    return terms


def codes_in(text: str) -> set[str]:
    return {term.code for term in parse_side(text) if term.code}


def _term_value(term: Term, answers: dict) -> Decimal | None:
    if term.number is not None:
        return term.number
    answer = answers.get(term.code)
    if answer is None:
        return None
    value, parts = answer
    if not term.part:
        return as_number(value)
    if not term.whole_dimension:
        return as_number(parts.get(term.part))
    # The parts given so far (none given: not checked yet).
    numbers = [
        as_number(parts.get(f"{term.part}:{code}")) for code, _label in DIMENSIONS[term.part].categories
    ]
    given = [number for number in numbers if number is not None]
    return sum(given, Decimal(0)) if given else None


def side_value(text: str, answers: dict) -> Decimal | None:
    values = [_term_value(term, answers) for term in parse_side(text)]
    return None if any(value is None for value in values) else sum(values, Decimal(0))


@dataclass(frozen=True)
class Outcome:
    rule: object
    left: Decimal
    right: Decimal

    @property
    def is_error(self) -> bool:
        return self.rule.importance == Importance.ERROR


def broken_rules(rules, answers: dict) -> list[Outcome]:
    """The rules the answers break. answers: {indicator code: (value, parts)}."""
    broken = []
    for rule in rules:
        left, right = side_value(rule.left, answers), side_value(rule.right, answers)
        if left is not None and right is not None and not OPERATORS[rule.operator](left, right):
            broken.append(Outcome(rule, left, right))
    return broken
