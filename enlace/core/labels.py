"""Labels of numbered lists ("1", "b", "IV"): their value and the label of a value, per kind of list. The
importer reads reports with them and the Word report writes its lists with them."""

from __future__ import annotations

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
BULLET_KIND = "bullet"  # a bulleted list: its items have no value of their own


def roman_value(text: str) -> int:
    text = text.upper()
    total = 0
    for i, char in enumerate(text):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def marker_value(label: str, kind: str) -> int:
    base = kind.removesuffix("()")
    if base.startswith(BULLET_KIND):
        return 0  # bullets have no value; the builder counts them
    if base in ("num", "dotted"):
        return int(label)
    if base in ("rlower", "rupper"):
        return roman_value(label)
    return ord(label.lower()) - ord("a") + 1


def format_label(value: int, kind: str) -> str:
    base = kind.removesuffix("()")
    if base in ("num", "dotted"):
        return str(value)
    if base in ("rlower", "rupper"):
        numerals = [(40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        text = ""
        for amount, numeral in numerals:
            while value >= amount:
                text, value = text + numeral, value - amount
        return text if base == "rupper" else text.lower()
    letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return letter.upper() if base == "upper" else letter
