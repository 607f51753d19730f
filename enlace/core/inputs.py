"""One way to read what people type or send: whole numbers, dates within a sane range, text limits of the models.

Every form, serializer and query parameter goes through here, so that no value can reach the database or the
date arithmetic that it cannot hold (a year 9999 overflows a time zone conversion; "²" passes str.isdigit() and
then breaks int(); a PostgreSQL varchar refuses what SQLite kept).
"""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Meetings of the Network began in the 1990s and deadlines run a few years ahead: anything outside this range
# is a typing mistake, and far from what date arithmetic (+1 day, time zones) can overflow.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2200, 12, 31)
# The largest integer every database stores (PostgreSQL's integer): above it, a filter on an id fails.
INT_MAX = 2**31 - 1

_ASCII_DIGITS = re.compile(r"[0-9]{1,18}")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_int(value, *, minimum: int = 0, maximum: int = INT_MAX) -> int | None:
    """The whole number written in ASCII digits, or None (empty, other characters, out of bounds).

    str.isdigit() and str.isdecimal() accept superscripts and other scripts' digits; this does not."""
    if value is None:
        return None
    text = str(value).strip()
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def parse_date(value) -> dt.date | None:
    """A date written YYYY-MM-DD in ASCII digits, within DATE_MIN..DATE_MAX, or None."""
    if isinstance(value, dt.date):
        return value if DATE_MIN <= value <= DATE_MAX else None
    match = _ISO_DATE.fullmatch(str(value or "").strip())
    if not match:
        return None
    try:
        date = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    return date if DATE_MIN <= date <= DATE_MAX else None


def validate_date_in_range(value) -> None:
    """The validator of every date field, in models, forms and serializers."""
    if value is None:
        return
    if isinstance(value, dt.datetime):
        value = value.date()
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s.")
            % {"first": DATE_MIN.isoformat(), "last": DATE_MAX.isoformat()},
            code="date_out_of_range",
        )


class DateField(forms.DateField):
    """A form date limited to the sane range, the browser's date picker told the same limits."""

    default_validators = [validate_date_in_range]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if getattr(widget, "input_type", "") == "date":
            attrs.update({"min": DATE_MIN.isoformat(), "max": DATE_MAX.isoformat()})
        return attrs


def model_max_length(model, field_name: str) -> int:
    """The longest text the model's column holds: forms and serializers take their limits from here."""
    return model._meta.get_field(field_name).max_length
