"""Dates and deadlines in Spanish and English report text.

Every pattern runs on folded, lower-cased text (same length as the original), so a match's span also points at
the phrase as written. Quantifiers are bounded and each alternative is anchored on a digit or a month name, so
the scan stays linear on long reports.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .names import fold
from .vocabulary import MONTHS, NUMBER_PATTERN, TIME_UNITS, number_value

# Abbreviations may take a period ("sept."); a full name's period ends the sentence, not the date.
_ABBREVIATIONS = {name for name in MONTHS if len(name) <= 4 and name not in ("may", "mayo", "june", "july")}
_FULL_MONTHS = "|".join(sorted(set(MONTHS) - _ABBREVIATIONS, key=len, reverse=True))
_SHORT_MONTHS = "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
_MONTH = rf"(?:(?:{_FULL_MONTHS})(?![a-z])|(?:{_SHORT_MONTHS})(?![a-z])\.?)"
_DAY = r"(?:(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|ro|\.?º|\.?°|\.?o(?= de))?(?!\d)|primero|first)"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_TO = r"(?:al|a|-|y|and|to|until|through|hasta(?: el)?)"
_SEP_YEAR = r"(?: ?,? ?(?:de |del |of )?)"

_DMY = (
    rf"(?:(?P<d0>{_DAY})(?: ?(?:de )?(?P<m0>{_MONTH})(?:{_SEP_YEAR}(?P<y0>{_YEAR}))?)? ?{_TO} ?(?:el )?)?"
    rf"(?P<d1>{_DAY}) ?(?:de |of )?(?P<m1>{_MONTH})(?:{_SEP_YEAR}(?P<y1>{_YEAR}))?"
)
_MDY = (
    rf"(?P<m2>{_MONTH}) (?P<d2>{_DAY})(?:(?: ?,? ?(?P<y3>{_YEAR}))? ?{_TO} ?(?:(?P<m3>{_MONTH}) )?(?P<d3>{_DAY}))?"
    rf"(?: ?,? ?(?P<y2>{_YEAR}))?"
)
_ISO = rf"(?P<iy>{_YEAR})-(?P<im>0?[1-9]|1[0-2])-(?P<id>{_DAY})"
_NUMERIC = rf"(?<![\d/.])(?P<nd>\d{{1,2}})[/.](?P<nm>\d{{1,2}})[/.](?P<ny>{_YEAR})"
_MONTH_YEAR = rf"(?P<m4>{_MONTH}){_SEP_YEAR}(?P<y4>{_YEAR})"


def _ws(pattern: str) -> str:
    """Patterns are written with plain spaces; in the text any run of white space (even a line break) fits."""
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


DATE_RE = re.compile(_ws(rf"(?<![a-z])(?:{_DMY}|{_MDY}|{_ISO}|{_NUMERIC}|{_MONTH_YEAR})"))


@dataclass
class FoundDate:
    start: int
    end: int
    text: str  # as written
    first: tuple[int | None, int, int | None]  # (year, month, day); day None for "junio de 2016"
    last: tuple[int | None, int, int | None] | None = None  # end of a range


def _month(name: str | None) -> int | None:
    return MONTHS[name.rstrip(".")] if name else None


def _day(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else 1  # "primero de junio", "the first of June"


def _parts(m: re.Match) -> tuple[tuple, tuple | None]:
    g = m.group
    if g("d1"):
        year = int(g("y1")) if g("y1") else None
        last = (year, _month(g("m1")), _day(g("d1")))
        if not g("d0"):
            return last, None
        first_year = int(g("y0")) if g("y0") else None  # range_dates shares the last year when needed
        first_month = _month(g("m0")) or last[1]
        if not g("m0") and _day(g("d0")) > last[2]:  # "30 - 2 de julio": the range starts the month before
            first_month = 12 if last[1] == 1 else last[1] - 1
        return (first_year, first_month, _day(g("d0"))), last
    if g("m2"):
        year = int(g("y2")) if g("y2") else None
        if not g("d3"):
            return (year, _month(g("m2")), _day(g("d2"))), None
        first = (int(g("y3")) if g("y3") else None, _month(g("m2")), _day(g("d2")))
        return first, (year, _month(g("m3")) or first[1], _day(g("d3")))
    if g("iy"):
        return (int(g("iy")), int(g("im")), _day(g("id"))), None
    if g("ny"):
        day, month = int(g("nd")), int(g("nm"))
        if month > 12 >= day:  # 06/30/2016 was written month first
            day, month = month, day
        return (int(g("ny")), month, day), None
    return (int(g("y4")), _month(g("m4")), None), None


def find_dates(text: str) -> list[FoundDate]:
    lowered = fold(text).lower()
    found = []
    for m in DATE_RE.finditer(lowered):
        first, last = _parts(m)
        found.append(FoundDate(m.start(), m.end(), text[m.start() : m.end()], first, last))
    return found


def to_date(parts: tuple[int | None, int, int | None], default_year: int | None = None) -> dt.date | None:
    """A date from (year, month, day); a missing day is the first of the month. None when impossible."""
    year, month, day = parts
    year = year or default_year
    if year is None:
        return None
    try:
        return dt.date(year, month, day or 1)
    except ValueError:
        return None


def range_dates(found: FoundDate) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a date or range; the year of "7 de junio al 9 de junio de 2016" is shared."""
    year = found.first[0] or (found.last[0] if found.last else None)
    first = to_date(found.first, year)
    last = to_date(found.last, year) if found.last else None
    if first and last and last < first:  # "30 de diciembre al 2 de enero de 2017" crosses the new year
        if found.first[0] is None:
            first = to_date(found.first, year - 1)
        elif found.last[0] is None:
            last = to_date(found.last, year + 1)
    return first, last


# --- Deadlines -------------------------------------------------------------------------------------------

_UNIT = "(?:" + "|".join(sorted(TIME_UNITS, key=len, reverse=True)) + r")(?![a-z])"
_AFTER_MEETING = (
    r"(?: (?:despues de|a partir de|contados a partir de|after|from|following) (?:la|the) "
    r"(?:reunion|meeting|fecha de (?:la|esta) reunion|date of (?:the|this) meeting))?"
)
_REL_LEAD = (
    r"(?:(?:en|dentro de) )?(?:un|el) plazo(?: (?:no )?(?:mayor|superior) (?:a|de)| maximo de| de hasta"
    r"| que no (?:exceda|supere)(?: (?:los|las))?| de)?"
    r"|plazo maximo de|dentro de(?: (?:los|las))?(?: (?:proximos|proximas|siguientes))?"
    r"|en (?:los|las) (?:proximos|proximas|siguientes)|a mas tardar en|en un maximo de|en"
    r"|within(?: (?:a period of|the next|the following|no more than|a maximum of))?"
    r"|in(?: the (?:next|following))?|no later than|not later than"
)
_RELATIVE = rf"(?:(?P<rlead>{_REL_LEAD}) )?(?P<num>{NUMBER_PATTERN}) (?P<unit>{_UNIT}){_AFTER_MEETING}"
_ABS_LEAD = (
    r"a mas tardar(?: (?:el|al))?|antes del?|hasta el|para el|no later than|not later than"
    r"|by no later than|on or before|prior to|by|before|until|due(?: (?:by|on))?"
    r"|fecha limite:?|deadline:?"
)
_ABSOLUTE = (
    rf"(?:{_ABS_LEAD}) (?:el |dia |the )?(?:(?P<ad>{_DAY}) ?(?:de |of )?(?P<am>{_MONTH})"
    rf"|(?P<bm>{_MONTH}) (?P<bd>{_DAY}))(?:{_SEP_YEAR}(?P<ay>{_YEAR}))?"
)
_END_LEAD = (
    r"(?:a|al|antes de|hasta|para|en|hacia) (?:el |los )?(?:fin|finales|fines|final|cierre)(?: de| del)?(?: mes de)?"
    r"|antes de (?:finalizar|terminar|que (?:finalice|termine|concluya))(?: el| el mes de)?"
    r"|(?:by|before|at|towards?|until|prior to) the (?:end|close) of|by (?:the )?end-|by end of|end of"
)
_MID_LEAD = r"(?:a|hacia|para|antes de) (?:mediados|med) de(?: mes de)?|(?:by|before|in|around) mid"
_END_OF_MONTH = (
    rf"(?:(?:a mas tardar en(?: el mes de)?|{_END_LEAD}|by) |(?P<mid>{_MID_LEAD})(?:-|-? ))(?P<em>{_MONTH})"
    rf"(?:{_SEP_YEAR}(?P<ey>{_YEAR}))?"
)
# Quarters, four-month terms and halves: "primer trimestre de 2017", "the second half of 2017", "Q3 2017".
_ORDINALS = {
    "primer": 1, "primero": 1, "1er": 1, "1.er": 1, "first": 1, "1st": 1, "segundo": 2, "2do": 2, "2.o": 2,
    "second": 2, "2nd": 2, "tercer": 3, "tercero": 3, "3er": 3, "third": 3, "3rd": 3, "cuarto": 4, "4to": 4,
    "fourth": 4, "4th": 4, "ultimo": -1, "last": -1,
}  # fmt: skip
_PERIODS = {"trimestre": 3, "quarter": 3, "cuatrimestre": 4, "semestre": 6, "half": 6}
_ORDINAL = "|".join(re.escape(word) for word in sorted(_ORDINALS, key=len, reverse=True))
_PERIOD_LEAD = (
    rf"(?:{_END_LEAD}|a mas tardar (?:en|durante)|(?:en|durante|dentro) (?:el|del)|by|before|during|within|in|"
    r"no later than|not later than)"
)
_PERIOD = (
    rf"{_PERIOD_LEAD} (?:el |la |the )?(?P<ord>{_ORDINAL}) (?P<per>trimestre|cuatrimestre|semestre|quarter|half)"
    rf"(?: (?:de|del|of))?(?: (?:el |la |the )?(?:ano|year))?(?: (?P<py>{_YEAR}))?"
    rf"|(?:{_PERIOD_LEAD} )?(?:(?P<q>q)|(?P<h>h))(?P<qn>[1-4]) (?P<qy>{_YEAR})"
)
# The end of a year: "a finales de 2017", "by the end of the year", "antes de que finalice el año".
_YEAR_END = (
    rf"(?:{_END_LEAD}) (?:(?:el |este |del |presente |the |this )*(?:ano|year)(?: (?P<yy>{_YEAR}))?"
    rf"|(?:el )?(?P<yy2>{_YEAR}))|by (?P<yy3>{_YEAR})(?! ?[-/])"
)
_OPEN = (
    r"(?:antes de(?: la celebracion de)?|para|en|durante|hasta) la (?:proxima|siguiente) "
    r"(?:reunion|sesion|encuentro)(?: (?:ordinaria|virtual|presencial))?"
    r"(?: (?:de la red(?: de funcionarios de enlace)?|viceministerial|del grcm|de la crm))?"
    r"|(?:before|by|at|prior to|ahead of|in time for|for|until) the (?:next|following|upcoming) "
    r"(?:(?:vice-?ministerial|rcgm|network|regular|virtual) )?(?:meeting|session)"
    r"(?: of the (?:network|rcgm|rcm|liaison officers?'? network))?"
)
DEADLINE_RE = re.compile(
    _ws(
        rf"(?<![a-z])(?:(?P<absolute>{_ABSOLUTE})|(?P<relative>{_RELATIVE})|(?P<month>{_END_OF_MONTH})"
        rf"|(?P<period>{_PERIOD})|(?P<yearend>{_YEAR_END})|(?P<open>{_OPEN}))(?![a-z])"
    )
)


@dataclass
class Deadline:
    phrase: str
    due: dt.date | None
    problem: str = ""  # "no-date" (meeting date unknown), "next-year", "open" (no date in the phrase)


def add_business_days(start: dt.date, days: int) -> dt.date:
    current = start
    while days > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def _relative_due(m: re.Match, meeting: dt.date) -> dt.date | None:
    amount = number_value(m.group("num"))
    unit, business = TIME_UNITS[" ".join(m.group("unit").split())]
    if amount is None:
        return None
    if business:
        return add_business_days(meeting, amount)
    return meeting + relativedelta(**{unit: amount})


def find_deadline(text: str, meeting: dt.date | None) -> Deadline | None:
    """The first deadline phrase in the text, resolved against the meeting date."""
    lowered = fold(text).lower()
    for m in DEADLINE_RE.finditer(lowered):
        phrase = text[m.start() : m.end()]
        if m.group("relative"):
            if not m.group("rlead") and not m.group(0).endswith(("reunion", "meeting")):
                continue  # a bare "dos meses" is a duration, not a deadline
            if meeting is None:
                return Deadline(phrase, None, "no-date")
            return Deadline(phrase, _relative_due(m, meeting))
        if m.group("open"):
            return Deadline(phrase, None, "open")
        if m.group("absolute"):
            month = _month(m.group("am") or m.group("bm"))
            day = _day(m.group("ad") or m.group("bd"))
            year = int(m.group("ay")) if m.group("ay") else None
        elif m.group("period"):
            month, year = _period_end(m)
            day = None
        elif m.group("yearend"):
            written = m.group("yy") or m.group("yy2") or m.group("yy3")
            month, year, day = 12, int(written) if written else None, 31
        else:
            month, year = _month(m.group("em")), int(m.group("ey")) if m.group("ey") else None
            day = 15 if m.group("mid") else None
        return _absolute(phrase, year, month, day, meeting)
    return None


def _period_end(m: re.Match) -> tuple[int, int | None]:
    """The last month of a quarter, four-month term or half, and its year when written."""
    if m.group("qn"):
        length, number, year = (3 if m.group("q") else 6), int(m.group("qn")), m.group("qy")
    else:
        length, number, year = _PERIODS[m.group("per")], _ORDINALS[m.group("ord")], m.group("py")
    count = 12 // length
    number = count if number == -1 else min(number, count)
    return number * length, int(year) if year else None


def _absolute(
    phrase: str, year: int | None, month: int, day: int | None, meeting: dt.date | None
) -> Deadline:
    if year is None and meeting is None:
        return Deadline(phrase, None, "no-date")
    explicit_year = year is not None
    year = year or meeting.year
    if day is None:  # "by the end of September": the last day of that month
        day = calendar.monthrange(year, month)[1]
    try:
        due = dt.date(year, month, day)
    except ValueError:
        return Deadline(phrase, None, "invalid")
    if not explicit_year and due < meeting:
        return Deadline(phrase, due.replace(year=year + 1) if (month, day) != (2, 29) else None, "next-year")
    return Deadline(phrase, due)
