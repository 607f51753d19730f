"""Answers as people type them and as they are stored: one parser for the form, the Excel upload and the API, so
each refuses the same bad values with the same message."""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from enlace.reporting.models import AnswerType

TEXT_MAX_LENGTH = 5000
# Figures beyond this are typing mistakes, not statistics (and keep Decimal arithmetic cheap).
NUMBER_MAX = Decimal("1e15")

YES_NO_PARTLY = (("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No")), ("partly", gettext_lazy("Partly")))
MULTIPLE_SEPARATOR = re.compile(r"\s*[;\n]\s*")


class ValueError_(Exception):
    """A value that cannot be stored; the message says why, in the user's language."""


@lru_cache(maxsize=8)
def _yes_no_partly(language: str) -> tuple:
    return tuple((code, str(label)) for code, label in YES_NO_PARTLY)


def choices_of(indicator) -> list[tuple[str, str]]:
    """(code, label in the reader's language) of a yes/no/partly or choice indicator."""
    if indicator.answer_type == AnswerType.YES_NO_PARTLY:
        return list(_yes_no_partly(get_language() or ""))
    first, second = ("es", "en") if (get_language() or "es").startswith("es") else ("en", "es")
    return [(item["code"], item.get(first) or item.get(second) or item["code"]) for item in indicator.choices]


def _choice_code(indicator, raw: str) -> str:
    raw = raw.strip()
    for code, label in choices_of(indicator):
        if raw.casefold() in (code.casefold(), label.casefold()):
            return code
    # Labels in the other language are accepted too (a sheet filled in by a colleague of the other language).
    for item in indicator.choices:
        if raw.casefold() in (item.get("es", "").casefold(), item.get("en", "").casefold()):
            return item["code"]
    if indicator.answer_type == AnswerType.YES_NO_PARTLY:
        spanish = {"sí": "yes", "si": "yes", "no": "no", "parcialmente": "partly"}
        if raw.casefold() in spanish:
            return spanish[raw.casefold()]
    raise ValueError_(_("“%(value)s” is not one of the choices.") % {"value": raw[:60]})


def parse_number(indicator, raw, *, whole: bool | None = None) -> int | str:
    """A figure: whole numbers as int, decimals as their exact text ("12.5"); never negative."""
    whole = indicator.answer_type == AnswerType.INTEGER if whole is None else whole
    if isinstance(raw, bool):
        raise ValueError_(_("Enter a number."))
    text = str(raw).strip().replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # a Spanish decimal comma
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError_(_("“%(value)s” is not a number.") % {"value": str(raw)[:60]}) from None
    if not number.is_finite() or abs(number) >= NUMBER_MAX:
        raise ValueError_(_("This number is too large."))
    if number < 0:
        raise ValueError_(_("Enter a number of 0 or more."))
    if indicator.answer_type == AnswerType.PERCENTAGE and number > 100:
        raise ValueError_(_("A percentage is between 0 and 100."))
    if whole:
        if number != number.to_integral_value():
            raise ValueError_(_("Enter a whole number."))
        return int(number)
    return format(number.normalize(), "f")


def parse_value(indicator, raw):
    """The stored form of one answer, None when left empty; ValueError_ with the reason otherwise."""
    if raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []:
        return None
    kind = indicator.answer_type
    if kind in (AnswerType.INTEGER, AnswerType.DECIMAL, AnswerType.PERCENTAGE):
        return parse_number(indicator, raw)
    if kind == AnswerType.DATE:
        if isinstance(raw, dt.datetime):
            return raw.date().isoformat()
        if isinstance(raw, dt.date):
            return raw.isoformat()
        try:
            return dt.date.fromisoformat(str(raw).strip()[:10]).isoformat()
        except ValueError:
            raise ValueError_(_("Enter a date as YYYY-MM-DD.")) from None
    if kind in (AnswerType.YES_NO_PARTLY, AnswerType.CHOICE):
        return _choice_code(indicator, str(raw))
    if kind == AnswerType.MULTIPLE:
        items = raw if isinstance(raw, list) else MULTIPLE_SEPARATOR.split(str(raw).strip())
        codes = []
        for item in items:
            if str(item).strip():
                code = _choice_code(indicator, str(item))
                if code not in codes:
                    codes.append(code)
        return codes or None
    text = str(raw).strip()
    if len(text) > TEXT_MAX_LENGTH:
        raise ValueError_(_("Write at most %(limit)d characters.") % {"limit": TEXT_MAX_LENGTH})
    return text


def display_value(indicator, value) -> str:
    """The stored value as a reader sees it (labels of choices in the reader's language)."""
    if value is None:
        return ""
    if indicator.answer_type in (AnswerType.YES_NO_PARTLY, AnswerType.CHOICE, AnswerType.MULTIPLE):
        labels = dict(choices_of(indicator))
        codes = value if isinstance(value, list) else [value]
        return "; ".join(labels.get(code, code) for code in codes)
    return str(value)


def as_number(value) -> Decimal | None:
    if value is None or isinstance(value, (bool, list)):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
