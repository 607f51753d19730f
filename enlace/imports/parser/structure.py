"""The numbered points of a report: an outline of marked lines, then agreements with lettered sub-points.

One pass over the lines. A marker of a kind already open in the outline closes the deeper lists and adds a
sibling; a new kind opens a deeper list. So "1. / a. / b. / 2." nests without relying on indentation, which
plain text does not keep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from enlace.meetings.draft import AgreementDraft, SubpointDraft

from .cleanup import Paragraphs
from .markers import BULLET_KIND, Marker, format_label, read_bullet, read_marker

_CLOSING = re.compile(
    r"^(?:anexos?|annex(?:es)?|ap[eé]ndice|appendix|lista de (?:participantes|asistentes)|list of (?:participants|"
    r"attendees)|participantes:|participants:|firmas?\b|firmado|signed|aprobad[oa]|approved|adoptad[oa]|adopted|"
    r"elaborad[oa] por|prepared by|redactad[oa] por|drafted by|dad[oa] en|hech[oa] en|suscrit[oa]|done (?:at|in)|"
    r"issued (?:at|in))",
    re.IGNORECASE,
)
_LOOSE_DATE = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTE_LENGTH = 80


@dataclass
class Node:
    marker: Marker
    kind: str  # the list kind chosen for an ambiguous marker ("i": letter or roman)
    text: Paragraphs
    children: list[Node] = field(default_factory=list)


@dataclass
class _Level:
    kind: str
    value: int
    siblings: list[Node]
    node: Node


@dataclass
class Outline:
    preamble: list[str]  # lines before the first point (header and opening), blanks as ""
    agreements: list[AgreementDraft]
    warnings: list = field(default_factory=list)
    section_text: list[str] = field(default_factory=list)  # prose under unnumbered sections before the points
    numbered: bool = True  # False when the points were bullets or paragraphs


def quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_LENGTH else text[: _QUOTE_LENGTH - 1].rstrip() + "…"


def is_heading(text: str, *, next_is_marker: bool, previous: str | None) -> bool:
    """A section title between points: in capitals, or short and unpunctuated just before a point."""
    if text.endswith((".", ";", ",")) or "," in text or sum(char.isalpha() for char in text) < 4:
        return False
    if text.upper() == text:
        return True
    short = len(text.split()) <= 8 and text[:1].isupper()
    after_break = previous is None or previous == "" or previous.endswith((".", ":", ";"))
    return short and next_is_marker and after_break


def is_closing(text: str) -> bool:
    """A line after the last point that starts the closing matter: annexes, signatures, place and date."""
    if _CLOSING.match(text) or is_heading(text, next_is_marker=False, previous=None):
        return True
    return len(text.split()) <= 10 and bool(_LOOSE_DATE.search(text)) and not text.endswith(".")


class _Builder:
    def __init__(self, lines: list[str], width: int):
        self.lines = lines
        self.width = width
        self.roots: list[Node] = []
        self.stack: list[_Level] = []
        self.current: Node | None = None
        self.warnings: list = []
        self.loose: list[str] = []  # consecutive lines no point could take
        self.bulleted = False

    def choose_kind(self, marker: Marker) -> str:
        if len(marker.kinds) == 1:
            return marker.kinds[0]
        for level in reversed(self.stack):  # continue an open list when the label is its next one
            if level.kind in marker.kinds and marker.value(level.kind) == level.value + 1:
                return level.kind
        roman, letter = marker.kinds
        return roman if marker.value(roman) == 1 else letter

    def add_marker(self, marker: Marker, rest: str) -> None:
        self.flush_loose()
        kind = self.choose_kind(marker)
        depth = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].kind == kind), None)
        node = Node(marker, kind, Paragraphs(self.width, rest))
        if depth is not None:
            del self.stack[depth + 1 :]
            level = self.stack[depth]
        else:
            siblings = self.stack[-1].node.children if self.stack else self.roots
            level = _Level(kind, 0, siblings, node)
            self.stack.append(level)
        level.siblings.append(node)
        level.value = level.value + 1 if kind.startswith(BULLET_KIND) else marker.value(kind)
        level.node = node
        self.current = node

    def flush_loose(self) -> None:
        if self.loose:
            self.warnings.append(
                format_lazy(_("Text not attached to any point: “{text}” ({count} line(s))."),
                            text=quote(self.loose[0]), count=len(self.loose))
            )  # fmt: skip
            self.loose = []

    def build(self) -> tuple[list[str], list[str]]:
        """Fill the outline; returns the preamble lines and the closing lines after the points."""
        read = [read_marker(line) for line in self.lines]
        self.bulleted = not any(read)
        if self.bulleted:  # no numbered point: bullets of any glyph are the points
            read = [read_bullet(line) for line in self.lines]
        read = self.attach_bare_markers(read)
        marked = [i for i, found in enumerate(read) if found]
        if not marked:
            return self.lines, []
        first, last = marked[0], marked[-1]
        after_blank = False
        for i in range(first, len(self.lines)):
            line, found = self.lines[i], read[i]
            if line is _TAKEN:
                continue
            if found:
                self.add_marker(*found)
            elif not line:
                after_blank = True
                continue
            elif i > last and is_closing(line):
                self.flush_loose()
                return self.lines[:first], [text for text in self.lines[i:] if text and text is not _TAKEN]
            elif i < last and is_heading(line, next_is_marker=self.next_is_marker(read, i),
                                          previous=self.lines[i - 1]):  # fmt: skip
                self.flush_loose()
                self.warnings.append(format_lazy(_("Section heading left out: “{text}”."), text=quote(line)))
                self.current = None
                if self.bulleted:  # bullets carry no numbers: after a heading, a new glyph is not a sub-list
                    self.stack = []
            elif self.current is None:
                self.loose.append(line)
            else:
                self.current.text.add(line, after_blank)
            after_blank = False
        self.flush_loose()
        return self.lines[:first], []

    def attach_bare_markers(self, read: list) -> list:
        """A marker alone on its line ("3.") takes the next line as its text; one with no text is dropped."""
        for i, found in enumerate(read):
            if not found or found[1]:
                continue
            following = next((j for j in range(i + 1, len(self.lines)) if self.lines[j]), None)
            if following is not None and not read[following]:
                read[i] = (found[0], self.lines[following])
                self.lines[following] = _TAKEN
            else:
                read[i] = None
                self.lines[i] = ""
                self.warnings.append(format_lazy(_("Empty point “{label}” left out."), label=found[0].label))
        return read

    def next_is_marker(self, read: list, i: int) -> bool:
        following = next((j for j in range(i + 1, min(len(read), i + 4)) if self.lines[j]), None)
        return following is not None and bool(read[following])


class _Taken(str):
    """A line already used as the text of the bare marker above it."""


_TAKEN = _Taken("")


def build_outline(lines: list[str], width: int) -> Outline:
    builder = _Builder(list(lines), width)
    preamble, closing = builder.build()
    warnings = builder.warnings
    if closing:
        warnings.append(
            format_lazy(_("Text after the last point was not imported: “{text}” ({count} line(s))."),
                        text=quote(closing[0]), count=len(closing))
        )  # fmt: skip
    roots, section_text = _agreement_nodes(builder.roots, warnings)
    agreements = _to_agreements(roots, warnings)
    return Outline(preamble, agreements, warnings, section_text, numbered=not builder.bulleted)


def _agreement_nodes(roots: list[Node], warnings: list) -> tuple[list[Node], list[str]]:
    """The nodes that are agreements. Top-level "A. / I." titles over numbered points are sections."""
    with_children = [node for node in roots if node.children]
    if not with_children or with_children[0].children[0].kind != "num":
        return roots, []
    titles_only = all(
        is_heading(node.text.text.split("\n")[0], next_is_marker=True, previous=None)
        for node in with_children
    )
    if not titles_only:
        return roots, []
    agreements: list[Node] = []
    section_text: list[str] = []
    for node in roots:
        title, _sep, body = node.text.text.partition("\n")
        warnings.append(format_lazy(_("Section heading left out: “{text}”."), text=quote(title)))
        if body and not agreements:
            section_text.append(body)
        elif body:
            warnings.append(format_lazy(_("Text not attached to any point: “{text}” ({count} line(s))."),
                                        text=quote(body), count=body.count("\n") + 1))  # fmt: skip
        agreements.extend(node.children)
    return agreements, section_text


def _renumbered(nodes: list[Node], warnings: list, parent: str | None = None) -> list[str]:
    """Labels as printed, unless the numbering restarts or repeats: then 1, 2, 3... in the printed style."""
    labels = [node.marker.label for node in nodes]
    if nodes and nodes[0].kind.startswith(BULLET_KIND):
        kind = "num" if parent is None else "lower"
        new = [format_label(i, kind) for i in range(1, len(nodes) + 1)]
        if parent is None:
            message = _("The points are bullets in the file (“{glyph}”); they were numbered {new} in order.")
        else:
            message = _("The sub-points of point {parent} are bullets in the file; they were lettered {new}.")
        warnings.append(format_lazy(message, glyph=labels[0], new=span(new), parent=parent))
        return new
    values = [node.marker.value(node.kind) for node in nodes]
    if all(b > a for a, b in zip(values, values[1:], strict=False)):
        gaps = [(a, b) for a, b in zip([0, *values], values, strict=False) if b != a + 1]
        if gaps:
            warnings.append(_gap_warning(*gaps[0], nodes[0].kind, parent))
        return labels
    new = [format_label(i, nodes[0].kind) for i in range(1, len(nodes) + 1)]
    if parent is None:
        message = _("The points are numbered {old} in the file (the numbering restarts or repeats); they were "
                    "renumbered {new}.")  # fmt: skip
    else:
        message = _(
            "The sub-points of point {parent} are labelled {old} in the file; they were relabelled {new}."
        )
    warnings.append(format_lazy(message, old=", ".join(labels), new=", ".join(new), parent=parent))
    return new


def span(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{labels[0]}–{labels[-1]}"


def _gap_warning(before: int, after: int, kind: str, parent: str | None):
    values = {"before": format_label(before, kind) if before else "", "after": format_label(after, kind)}
    if parent is None and not before:
        message = _("The first point is numbered {after}: the points before it may be missing.")
    elif parent is None:
        message = _("The point numbering jumps from {before} to {after}: a point may be missing.")
    elif not before:
        message = _("The sub-points of point {parent} start at {after}: the ones before may be missing.")
    else:
        message = _("The sub-points of point {parent} jump from {before} to {after}: one may be missing.")
    return format_lazy(message, parent=parent, **values)


def _flatten(node: Node) -> str:
    """A sub-point's text with any deeper items kept inline, marker included, so nothing is lost."""
    parts = [node.text.text]
    for child in node.children:
        parts.append(f"{child.marker.label}. {_flatten(child)}")
    return "\n".join(part for part in parts if part)


def _to_agreements(nodes: list[Node], warnings: list) -> list[AgreementDraft]:
    agreements = []
    numbers = _renumbered(nodes, warnings)
    for node, number in zip(nodes, numbers, strict=True):
        subpoints = []
        if node.children:
            labels = _renumbered(node.children, warnings, parent=number)
            for child, label in zip(node.children, labels, strict=True):
                subpoints.append(SubpointDraft(label=label, text=_flatten(child)))
        agreements.append(AgreementDraft(number=number, text=node.text.text, subpoints=subpoints))
    return agreements
