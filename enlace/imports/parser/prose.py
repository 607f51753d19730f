"""Documents whose decisions are paragraphs, not numbered points: declarations and joint communiqués.

The header and the opening are read as in any report. The paragraphs after the opening, or after the sentence
that introduces the decisions ("Acordamos:", "We agree to:"), become points numbered in order; the importer says
so in a warning, and the secretariat checks where each begins.
"""

from __future__ import annotations

import re

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from enlace.meetings.draft import AgreementDraft

from .cleanup import paragraph_spans, sentence_spans
from .names import fold
from .structure import Outline, is_closing, is_heading, quote, span

# The words that introduce the decisions: "ACUERDAN:", "Declaramos:", "We agree to:", "DECISIONS".
_INTRO = re.compile(
    r"(?<![a-z])(?:acord|acuerd|agree|resolv|resuelv|decid|decision|declar|adopt|conv(?:ien|en|in)|"
    r"comprom|commit|recomend|recommend|instru)\w*"
)
_INTRO_COLON = re.compile(
    r"(?<![a-z])(?:acord|acuerd|agree|resolv|resuelv|decid|declar|adopt|conv(?:ien|en|in)|comprom|commit)\w*"
    r"[^.:;]{0,80}:\s+"
)
_CLAUSE_END = re.compile(r";\s+(?=[A-ZÁÉÍÓÚÑ¿¡\"“])")
_RUN_ON = 400  # a paragraph this long, alone after the opening, is a text whose line breaks were lost


def _paragraphs(lines: list[str], width: int) -> list[tuple[str, int]]:
    """Each paragraph's text on one line and the index of its first line."""
    return [(paragraph.text.replace("\n", " "), start) for paragraph, start in paragraph_spans(lines, width)]


def _is_prose(text: str) -> bool:
    words = len(text.split())
    return text.upper() != text and (words >= 40 or (text.endswith((".", ":", ";")) and words >= 12))


def _introduces(text: str) -> bool:
    """A paragraph after which the decisions start: "…, ACORDAMOS:" or a heading "ACUERDOS"."""
    lowered = fold(text).lower()
    if text.endswith(":") and _INTRO.search(lowered[-120:]):
        return True
    short = len(text.split()) <= 6 and not text.endswith((".", ";", ","))
    return short and bool(_INTRO.match(lowered.lstrip('¿¡"“ ')))


def _split_run_on(text: str) -> tuple[str, list[str]]:
    """A paragraph holding the opening and every decision: the opening up to its "acordamos:", then the
    decisions, one per sentence or per clause ending in ";"."""
    lowered = fold(text).lower()
    intro = _INTRO_COLON.search(lowered)
    opening, rest = (text[: intro.end()].strip(), text[intro.end() :]) if intro else ("", text)
    pieces = []
    for start, end in sentence_spans(rest):
        pieces += [piece.strip() for piece in _CLAUSE_END.split(rest[start:end]) if piece.strip()]
    if not intro:  # the first sentence is the opening
        opening, pieces = (pieces[0], pieces[1:]) if pieces else ("", [])
    return opening, pieces


def prose_outline(lines: list[str], width: int) -> Outline | None:
    """The outline of a document without numbered points, or None when it has no paragraph to make a point."""
    paragraphs = _paragraphs(lines, width)
    first = next((i for i, (text, _start) in enumerate(paragraphs) if _is_prose(text)), None)
    if first is None:
        return None
    begin = next((i + 1 for i in range(first, min(len(paragraphs), first + 15)) if _introduces(paragraphs[i][0])),
                 first + 1)  # fmt: skip
    preamble = lines[: paragraphs[begin][1]] if begin < len(paragraphs) else list(lines)
    texts = [text for text, _start in paragraphs[begin:]]
    warnings: list = []
    if not texts and len(paragraphs[first][0]) >= _RUN_ON:  # everything in one paragraph
        opening, texts = _split_run_on(paragraphs[first][0])
        preamble = lines[: paragraphs[first][1]] + ([opening] if opening else [])
        warnings.append(_("The text has no paragraph breaks: it was split into points at each sentence."))
    points: list[str] = []
    for i, text in enumerate(texts):
        if is_closing(text) and (points or not _is_prose(text)):
            rest = [t for t in texts[i:] if t]
            warnings.append(
                format_lazy(_("Text after the last point was not imported: “{text}” ({count} line(s))."),
                            text=quote(rest[0]), count=len(rest))
            )  # fmt: skip
            break
        if is_heading(text, next_is_marker=True, previous=None) or _introduces(text):
            warnings.append(format_lazy(_("Section heading left out: “{text}”."), text=quote(text)))
            continue
        points.append(text)
    if not points:
        return None
    agreements = [AgreementDraft(number=str(n), text=text) for n, text in enumerate(points, start=1)]
    warnings.insert(
        0,
        format_lazy(
            _("No numbered points were found: the {count} paragraph(s) after the opening were made points "
              "{span}, in order. Check where each one begins and ends."),
            count=len(points), span=span([str(n) for n in range(1, len(points) + 1)]),
        ),
    )  # fmt: skip
    return Outline(preamble, agreements, warnings, numbered=False)
