"""Helpers shared by every CSV and Excel export: cells that a spreadsheet will never run as a formula.

A spreadsheet treats a cell that starts with "=", "+", "-" or "@" as a formula (and tab or carriage return can
smuggle one in), so text that came from users or imported documents is neutralised with a leading single quote
before it is written (CSV injection, OWASP).
"""

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Control characters that the XLSX format cannot store (openpyxl refuses them); tab, new line and carriage
# return are allowed. Word documents often carry a vertical tab (\x0b) for a manual line break.
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value):
    """The value to write in a CSV or XLSX cell: text that starts like a formula gets a leading quote;
    numbers, dates, booleans and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def xlsx_cell(value):
    """safe_cell, plus the control characters an XLSX file cannot hold turned into spaces."""
    if isinstance(value, str):
        value = _ILLEGAL_XLSX.sub(" ", value)
    return safe_cell(value)
