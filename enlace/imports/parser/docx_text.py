"""Text of a .docx in reading order, with the numbers Word draws for automatic lists ("1.", "a)").

The package is read here rather than by python-docx, which loads every part (images included) into memory: only
the document, its numbering and its styles are inflated, each against the unpacked-size budget, and parsed with
entities unresolved, no DTD, a depth limit and a paragraph limit checked while the XML streams in.
"""

from __future__ import annotations

import io
import posixpath

from docx.oxml.ns import qn
from lxml import etree

from enlace.core import limits as file_limits
from enlace.core.limits import FileLimits, UnpackBudget

_W_P, _W_TBL, _W_SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip
        text = ""
        for amount, numeral in numerals:
            while value >= amount:
                text, value = text + numeral, value - amount
        return text if fmt == "upperRoman" else text.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class _Numbering:
    """Replays Word's list counters: one set per abstract list, deeper levels reset when a higher one moves."""

    def __init__(self, numbering, styles):
        self.root = numbering
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.styles = styles if styles is not None else etree.Element(qn("w:styles"))

    def _style_numbering(self, paragraph) -> tuple[str | None, str | None]:
        style_id = _val(paragraph.find(qn("w:pPr")), "w:pStyle")
        for _depth in range(5):  # follow basedOn a few steps; Word's own styles are shallow
            if style_id is None:
                return None, None
            style = self.styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
            if style is None:
                return None, None
            num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if num_pr is not None:
                return _val(num_pr, "w:numId"), _val(num_pr, "w:ilvl")
            style_id = _val(style, "w:basedOn")
        return None, None

    def label(self, paragraph) -> str:
        if self.root is None:
            return ""
        num_pr = paragraph.find(qn("w:pPr") + "/" + qn("w:numPr"))
        num_id, level = (
            (_val(num_pr, "w:numId"), _val(num_pr, "w:ilvl")) if num_pr is not None else (None, None)
        )
        if num_id is None:
            num_id, level = self._style_numbering(paragraph)
        if not num_id or num_id == "0":
            return ""
        num = self.root.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id}']")
        if num is None:
            return ""
        abstract_id = _val(num, "w:abstractNumId")
        abstract = self.root.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
        if abstract is None:
            return ""
        ilvl = int(level or 0)
        levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.findall(qn("w:lvl"))}
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:  # a list that says "restart at N" (Word's "Restart numbering")
            self.started.add(num_id)
            for override in num.findall(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    counters[int(override.get(qn("w:ilvl")))] = int(start) - 1
        for deeper in [key for key in counters if key > ilvl]:
            del counters[deeper]
        start = int(_val(levels[ilvl], "w:start") or 1)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        fmt = _val(levels[ilvl], "w:numFmt") or "decimal"
        template = _val(levels[ilvl], "w:lvlText") or ""
        if fmt in ("bullet", "none"):
            return ""
        for depth in range(ilvl, -1, -1):
            level_fmt = _val(levels.get(depth), "w:numFmt") or "decimal"
            value = counters.get(depth, int(_val(levels.get(depth), "w:start") or 1))
            template = template.replace(f"%{depth + 1}", _format(value, level_fmt))
        return template.strip()


def _paragraph_text(element) -> str:
    parts = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _row_text(row) -> str:
    """A table row on one line; a first cell holding only "3" or "b)" becomes the row's marker."""
    cells = []
    for cell in row.findall(qn("w:tc")):
        text = " ".join(_paragraph_text(p).strip() for p in cell.iter(_W_P) if _paragraph_text(p).strip())
        if text and (not cells or cells[-1] != text):  # merged cells repeat their text
            cells.append(text)
    if len(cells) > 1 and len(cells[0]) <= 4 and cells[0].rstrip(".)").isalnum():
        return f"{cells[0].rstrip('.)')}. " + " | ".join(cells[1:])
    return " | ".join(cells)


def _blocks(container, numbering: _Numbering, out: list[str]) -> None:
    for child in container.iterchildren():
        if child.tag == _W_P:
            label = numbering.label(child)
            text = _paragraph_text(child)
            out.append(f"{label} {text}" if label and text.strip() else text)
        elif child.tag == _W_TBL:
            for row in child.iter(qn("w:tr")):
                out.append(_row_text(row))
        elif child.tag == _W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _blocks(content, numbering, out)


_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"


def _parse(data: bytes, limits: FileLimits, *, count_paragraphs: bool = False):
    """The XML tree, refused past the depth or paragraph limit as it streams in (before the whole tree exists)."""
    events = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,
        huge_tree=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    depth = paragraphs = 0
    first = True
    for event, element in events:
        if event == "end":
            depth -= 1
            continue
        if first:
            if element.getroottree().docinfo.doctype:
                raise file_limits.declares_entities()
            first = False
        depth += 1
        if depth > limits.max_xml_depth:
            raise file_limits.too_deep(limits.max_xml_depth)
        if count_paragraphs and element.tag == _W_P:
            paragraphs += 1
            if paragraphs > limits.max_paragraphs:
                raise file_limits.too_many_paragraphs(limits.max_paragraphs)
    return events.root


def _targets(archive, names: set[str], part: str, budget: UnpackBudget, limits: FileLimits) -> dict[str, str]:
    """Relationship type (its last path segment) -> the part it points to, from the part's .rels file."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name not in names:
        return {}
    root = _parse(file_limits.read_member(archive, archive.getinfo(rels_name), budget), limits)
    targets = {}
    for rel in root.iter(_RELS):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        targets.setdefault(kind, path)
    return targets


def docx_text(archive, limits: FileLimits) -> str:
    """The text of the open zip `archive` (a Word package). KeyError when it has no main document."""
    names = set(archive.namelist())
    budget = UnpackBudget(limits.max_unpacked_bytes)
    main = _targets(archive, names, "", budget, limits).get(_OFFICE_DOCUMENT[1:], "word/document.xml")
    if main not in names:
        raise KeyError(main)
    parts = _targets(archive, names, main, budget, limits)

    def load(kind: str):
        name = parts.get(kind)
        if name is None or name not in names:
            return None
        return _parse(file_limits.read_member(archive, archive.getinfo(name), budget), limits)

    document = _parse(
        file_limits.read_member(archive, archive.getinfo(main), budget), limits, count_paragraphs=True
    )
    body = document.find(qn("w:body"))
    if document.tag != qn("w:document") or body is None:
        raise ValueError("not a Word document part")
    out: list[str] = []
    _blocks(body, _Numbering(load("numbering"), load("styles")), out)
    return "\n".join(out)
