"""From extracted text to clean lines: markup left by converters, page headers and footers, odd spaces."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .markers import read_marker
from .names import fold
from .vocabulary import COUNTRY_NAMES

# Markup that converters leave in plain text: "[bookmark: _GoBack]", "[image: logo.png]", "{.underline}".
_BRACKET_MARKUP = re.compile(
    r"\[(?:bookmark|anchor|image|comment|footnote|endnote|annotation|field|toc|page ?break|section ?break|"
    r"hyperlink)\b[^\]\n]{0,300}\]",
    re.IGNORECASE,
)
_SPAN_ATTRIBUTES = re.compile(r"\[([^\]\n]{1,300})\]\{[^}\n]{0,100}\}")
_ATTRIBUTES = re.compile(r"\{\.[\w-]{1,40}\}")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_PAGE_NUMBER = re.compile(
    r"^[-–—]?\s*(?:(?:p[aá]g(?:ina)?\.?|page|p\.)\s*)?\d{1,3}(?:\s*(?:de|of|/)\s*\d{1,3})?\s*[-–—]?$",
    re.IGNORECASE,
)
_EDGE = 3  # lines at the top and bottom of a page where running headers and footers sit
# A country's name glued to the next word by a converter that lost a line break: "GuatemalaEl Salvador".
_COUNTRY = "|".join(name for names in COUNTRY_NAMES.values() for name in names)
_GLUED_COUNTRY = re.compile(rf"(?<![a-z])(?=[A-Z])(?i:{_COUNTRY})(?=[A-Z][a-z])")
# A point's marker in running text, after a sentence or a heading in capitals: "...siguiente: 1. Agradecer".
_INLINE_MARKER = re.compile(
    r"(?:(?<=[.:;!?])|(?<=[A-ZÁÉÍÓÚÑ]{2}))\s+(?=(?:(?P<n>\d{1,2})[.)]|(?P<l>[a-z])\))\s*[A-ZÁÉÍÓÚÑ¿¡\"“])"
)
_RUN_ON = 400  # characters: a line this long may be a whole text whose line breaks were lost


def _unglue(text: str) -> str:
    folded = fold(text)
    ends = [m.end() for m in _GLUED_COUNTRY.finditer(folded)]
    for end in reversed(ends):
        text = text[:end] + " " + text[end:]
    return text


def split_run_on(line: str) -> list[str]:
    """A long line holding numbered points one after another ("1. ... 2. ... a) ...") as one line per point.

    Only a run that counts up from 1 (and letters from a after each number) is split, so a number inside a
    sentence ("artículo 2.") stays where it is."""
    if len(line) < _RUN_ON:
        return [line]
    cuts, number, letter = [], 0, 0
    for m in _INLINE_MARKER.finditer(line):
        if m.group("n") and int(m.group("n")) == number + 1:
            number, letter = number + 1, 0
            cuts.append(m)
        elif m.group("l") and number and ord(m.group("l")) - ord("a") == letter:
            letter += 1
            cuts.append(m)
    if number < 2:
        return [line]
    pieces, start = [], 0
    for m in cuts:
        pieces.append(line[start : m.start()])
        start = m.end()
    pieces.append(line[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    for line_break in ("\r\n", "\r", "\v", "\u2028", "\u2029", "\x85"):
        text = text.replace(line_break, "\n")
    text = _BRACKET_MARKUP.sub("", text)
    text = _SPAN_ATTRIBUTES.sub(r"\1", text)
    text = _ATTRIBUTES.sub("", text).replace("**", "")
    return _unglue(text)


def _tidy(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (digits ignored) that sit at the top or bottom of at least half the pages: headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        filled = [line for line in lines if line]
        # A point's first line is never furniture, even when two points start alike ("2. Agradecer a las...").
        counts.update({_key(line) for line in filled[:_EDGE] + filled[-_EDGE:] if not read_marker(line)})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= needed and key}


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def clean_lines(text: str) -> list[str]:
    """The report's lines without page furniture; blank lines kept (empty strings) as paragraph breaks."""
    pages = [[_tidy(line) for line in page.split("\n")] for page in normalize(text).split("\f")]
    running = _running_lines(pages)
    result: list[str] = []
    for number, lines in enumerate(pages):
        filled = [i for i, line in enumerate(lines) if line]
        edges = set(filled[:_EDGE] + filled[-_EDGE:])
        for i, line in enumerate(lines):
            if _PAGE_NUMBER.match(line):
                continue
            # The first page keeps its top lines: a running header there is often the report's own title.
            if i in edges and _key(line) in running and not (number == 0 and i in filled[:_EDGE]):
                continue
            result.extend(split_run_on(line))
    return result


def wrap_width(lines: list[str]) -> int:
    """The width a PDF or hard-wrapped text breaks its lines at; 0 when lines are whole paragraphs."""
    lengths = sorted(len(line) for line in lines if len(line) > 20)
    if len(lengths) < 5:
        return 0
    width = lengths[int(len(lengths) * 0.9) - 1]
    # Wrapped lines never run much past the width; a text whose paragraphs are single lines has long outliers.
    longer = sum(length > 1.2 * width for length in lengths)
    return width if width <= 150 and longer <= len(lengths) // 50 else 0


_SENTENCE_END = (".", ":", ";", "!", "?")


class Paragraphs:
    """Text built line by line: a space inside a wrapped paragraph, a line break between paragraphs."""

    def __init__(self, width: int, first: str = ""):
        self.width = width
        self.text = first
        self.last = first  # the last physical line, to tell a wrapped line from a paragraph's end

    def continues(self, line: str) -> bool:
        """Whether the line carries on the paragraph above (a PDF's wrapped line) rather than starting one."""
        if self.width and len(self.last) >= 0.75 * self.width:
            return True
        return line[:1].islower() and not self.last.endswith(_SENTENCE_END)

    def add(self, line: str, after_blank: bool = False) -> None:
        if not self.text:
            self.text = line
        elif after_blank or not self.continues(line):
            self.text += "\n" + line
        elif self.width and self.last.endswith("-") and self.last[-2:-1].isalpha() and line[:1].islower():
            self.text = self.text[:-1] + line  # a word hyphenated across lines
        else:
            self.text += " " + line
        self.last = line


_BOUNDARY = re.compile(r"[.!?]+[\"”»')]*(?=\s+[\"“«¿¡(]?[A-ZÁÉÍÓÚÑ0-9])|\n+")
_ABBREVIATIONS = frozenset(
    [
        "sr",
        "sra",
        "srta",
        "dr",
        "dra",
        "lic",
        "ing",
        "no",
        "nº",
        "núm",
        "num",
        "art",
        "arts",
        "inc",
        "ee",
        "uu",
        "ee.uu",
        "u.s",
        "e.g",
        "i.e",
        "p.ej",
        "ej",
        "cf",
        "vol",
        "pág",
        "pag",
        "pp",
        "mr",
        "mrs",
        "ms",
    ]
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a line break always ends one. Abbreviations ("Sr.", "EE. UU.") do not."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group()[0] == ".":
            word = text[max(0, m.start() - 12) : m.start()].rsplit(None, 1)[-1:]
            token = word[0].lower().lstrip("(") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        end = m.end() if m.group()[0] != "\n" else m.start()
        if text[start:end].strip():
            spans.append(_trimmed(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(lines: list[str], width: int) -> list[tuple[Paragraphs, int]]:
    """The lines grouped into paragraphs (a blank line or a line that does not carry on ends one), each with the
    index of its first line."""
    found: list[tuple[Paragraphs, int]] = []
    after_blank = True
    for i, line in enumerate(lines):
        if not line:
            after_blank = True
        elif after_blank or not found[-1][0].continues(line):
            found.append((Paragraphs(width, line), i))
            after_blank = False
        else:
            found[-1][0].add(line)
    return found
