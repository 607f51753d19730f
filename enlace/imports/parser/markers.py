"""Point markers at the start of a line: "1.", "1)", "(a)", "a.", "IV.", "iv)", "2.1"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from enlace.core.labels import BULLET_KIND, format_label, marker_value, roman_value

__all__ = [
    "BULLET_KIND",
    "Marker",
    "format_label",
    "marker_value",
    "read_bullet",
    "read_marker",
    "roman_value",
]

_MARKER = re.compile(
    r"""^(?:[-•·*▪◦‣–]\s+)?                       # a bullet before the marker
    (?:
        \((?P<p>\d{1,3}|[A-Za-z]|[ivxlIVXL]{1,6})\)  # (a) (1) (iv)
      | (?P<n>\d{1,3})\.(?P<n2>\d{1,2})\.?          # 2.1
      | (?P<l>\d{1,3}|[A-Za-z]|[ivxlIVXL]{1,6})\s?[.)]  # 1. 1) a. a) IV. iv)
    )
    (?:\s+|$|(?=[A-ZÁÉÍÓÚÑ¿¡"“(])(?![A-Za-z]\.))  # a space, the end, or a capital: "1.Agradecer" (not "U.S.")
    (?P<rest>.*)$""",
    re.VERBOSE,
)
_ROMAN = re.compile(r"^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
AMBIGUOUS = set("ivxIVX")  # a letter or a roman numeral; the list it continues decides


@dataclass(frozen=True)
class Marker:
    label: str  # as printed, without punctuation: "1", "a", "IV"
    kinds: tuple[str, ...]  # the list kinds it can belong to: ("lower",), or ("rlower", "lower") for "i"

    def value(self, kind: str) -> int:
        return marker_value(self.label, kind)


def _kinds(label: str, paren: bool) -> tuple[str, ...] | None:
    suffix = "()" if paren else ""
    if label.isdigit():
        return ("num" + suffix,)
    case = "upper" if label.isupper() else "lower"
    if len(label) == 1 and label.upper() not in "IVX":
        return (case + suffix,)
    if not (label.isupper() or label.islower()) or not _ROMAN.match(label.upper()):
        return None
    if len(label) == 1:  # "i": letter i after "h", roman one when a list starts with it
        return ("r" + case + suffix, case + suffix)
    return ("r" + case + suffix,)


def read_marker(line: str) -> tuple[Marker, str] | None:
    """The marker a line starts with and the text after it, or None for an ordinary line."""
    if not line or not (line[0].isalnum() or line[0] in "(-•·*▪◦‣–"):
        return None
    m = _MARKER.match(line)
    if not m:
        return None
    if m.group("n"):
        return Marker(m.group("n2"), ("dotted",)), m.group("rest").strip()  # "2.1": sub-point 1 of point 2
    label = m.group("p") or m.group("l")
    kinds = _kinds(label, paren=bool(m.group("p")))
    if kinds is None:
        return None
    return Marker(label, kinds), m.group("rest").strip()


# Not bullets, though they are punctuation or symbols: quotes, brackets and signs that start ordinary text.
_NOT_BULLETS = frozenset("\"'“”‘’«»„¿¡([{<.,;:!?%$#@&/\\_|+=~^`´")


def is_bullet(char: str) -> bool:
    """Any dash, dot, arrow, check mark or shape a word processor puts before a list item."""
    if char.isalnum() or char.isspace() or char in _NOT_BULLETS:
        return False
    return unicodedata.category(char) in ("Po", "Pd", "So", "Sm", "Sk") or char in "·•"


def read_bullet(line: str) -> tuple[Marker, str] | None:
    """A bulleted line ("• text", "➢ text", "– text"): the glyph as its label, the list kind by glyph."""
    if len(line) < 3 or not is_bullet(line[0]):
        return None
    rest = line[1:]
    if not rest[:1].isspace() and (line[0].isascii() or not rest[:1].isalpha()):
        return None  # "-5 %", "*nota*": a sign, not a bullet; "•Texto" is one
    rest = rest.strip()
    if not rest or is_bullet(rest[0]):
        return None  # a rule of dashes or stars
    return Marker(line[0], (f"{BULLET_KIND}{line[0]}",)), rest
