"""Meeting report as a Word document (.docx) with python-docx.

All formatting lives in a handful of paragraph styles, parsed once per document from the XML below; each
paragraph then only gets a style reference and one run of text, built directly as XML (python-docx's `run.text`
setter walks the text character by character). Points and sub-points are a real Word list (numbers at level 0,
letters at level 1, restarting under each point), so a point inserted in Word renumbers the ones after it; a list
whose labels do not count up from where they start (a gap, "2.1") keeps them as literal text instead.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Mapping
from xml.sax.saxutils import quoteattr

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from lxml import etree

from enlace.core.labels import format_label, marker_value
from enlace.meetings.draft import ReportDraft

from .content import Item, ReportContent, build_content

FONT = "Times New Roman"
HALF_POINTS = 24  # 12 pt

# style id -> (display name, pPr children, rPr children). Spacing in twentieths of a point, indent in twips.
STYLES = {
    "ReportHeading": ("Report Heading", '<w:keepNext/><w:jc w:val="center"/>', "<w:b/><w:bCs/>"),
    "ReportTitle": (
        "Report Title",
        '<w:keepNext/><w:spacing w:before="360" w:after="240"/><w:jc w:val="center"/>'
        '<w:outlineLvl w:val="0"/>',
        "<w:b/><w:bCs/>",
    ),
    "ReportPlace": ("Report Place and Date", '<w:keepNext/><w:jc w:val="center"/>', ""),
    "ReportOpening": ("Report Opening", '<w:spacing w:before="360" w:after="360"/><w:jc w:val="both"/>', ""),
    "ReportPoint": ("Report Point", '<w:spacing w:before="200" w:after="120"/><w:jc w:val="both"/>', ""),
    "ReportSubpoint": (
        "Report Sub-point",
        '<w:spacing w:after="120"/><w:ind w:left="720"/><w:jc w:val="both"/>',
        "",
    ),
}

_STYLES_XML = "".join(
    f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
    f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
    f"<w:pPr>{ppr}</w:pPr>" + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>"
    for style_id, (name, ppr, rpr) in STYLES.items()
)

_W_R, _W_T, _W_BR = qn("w:r"), qn("w:t"), qn("w:br")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _define_styles(document, language_tag: str) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    for child in list(defaults):
        defaults.remove(child)
    font = quoteattr(FONT)
    lang = quoteattr(language_tag)
    defaults.append(
        parse_xml(
            f"<w:rPrDefault {nsdecls('w')}><w:rPr>"
            f"<w:rFonts w:ascii={font} w:eastAsia={font} w:hAnsi={font} w:cs={font}/>"
            f'<w:sz w:val="{HALF_POINTS}"/><w:szCs w:val="{HALF_POINTS}"/>'
            f"<w:lang w:val={lang} w:eastAsia={lang} w:bidi={lang}/>"
            "</w:rPr></w:rPrDefault>"
        )
    )
    defaults.append(
        parse_xml(
            f'<w:pPrDefault {nsdecls("w")}><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault>"
        )
    )
    for style in parse_xml(f"<w:styles {nsdecls('w')}>{_STYLES_XML}</w:styles>"):
        styles.append(style)


def _adjust_settings(document, language_tag: str) -> None:
    """Don't stretch the line before a line break in a justified paragraph; proofing language; re-check spelling."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.insert(0, parse_xml(f"<w:doNotExpandShiftReturn {nsdecls('w')}/>"))
    proof_state = settings.find(qn("w:proofState"))
    if proof_state is not None:
        settings.remove(proof_state)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), language_tag)


def _setup_section(document, content: ReportContent) -> None:
    """A4, 2.5 cm margins, footer "Página N de M" with PAGE / NUMPAGES fields (cached value 1)."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER

    small = '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'

    def field(instruction: str) -> str:
        parts = (
            '<w:fldChar w:fldCharType="begin"/>',
            f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            "<w:t>1</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        )
        return "".join(f"<w:r>{small}{part}</w:r>" for part in parts)

    def text(value: str) -> str:
        value = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<w:r>{small}<w:t xml:space="preserve">{value}</w:t></w:r>'

    runs = text(f"{content.page_word} ") + field("PAGE") + text(f" {content.page_of} ") + field("NUMPAGES")
    for run in parse_xml(f"<w:p {nsdecls('w')}>{runs}</w:p>"):
        footer._p.append(run)


def _set_properties(document, content: ReportContent, created: dt.datetime) -> None:
    props = document.core_properties
    props.title = content.title[:255]
    props.subject = content.subject[:255]
    props.language = content.language_tag
    props.author = "Enlace"
    props.last_modified_by = "Enlace"
    props.comments = ""
    props.keywords = ""
    props.revision = 1
    props.created = created
    props.modified = created


# Each list is its own single-level Word list: the points ("1.", number at the margin, text at 1.27 cm), and the
# sub-points of each point ("a.", one step further in), so the letters restart under every point.
_FIRST_LIST_ID = 90
_INDENTS = {"ReportPoint": (720, 720), "ReportSubpoint": (1440, 720)}  # left, hanging (twips)
_FORMATS = {"num": "decimal", "lower": "lowerLetter", "upper": "upperLetter", "rlower": "lowerRoman",
            "rupper": "upperRoman"}  # fmt: skip


def _label_format(labels: list[str]) -> tuple[str, int, str] | None:
    """The Word number format, start value and label text of markers that count up by one with the same
    punctuation ("3.", "4.", "5." -> decimal from 3, "%1."); None when they do not, so they stay literal."""
    endings = {label[-1:] for label in labels}
    if len(endings) != 1 or endings - {".", ")"}:
        return None
    bare = [label[:-1] for label in labels]
    for kind, word_format in _FORMATS.items():
        if not all(_fits(label, kind) for label in bare):
            continue
        start = marker_value(bare[0], kind)
        if all(format_label(start + i, kind) == label for i, label in enumerate(bare)):
            return word_format, start, "%1" + endings.pop()
    return None


def _fits(label: str, kind: str) -> bool:
    if kind == "num":
        return label.isdigit()
    if kind in ("rlower", "rupper"):
        return bool(label) and set(label.upper()) <= set("IVXL") and (label.isupper() == (kind == "rupper"))
    return len(label) == 1 and label.isalpha() and (label.isupper() == (kind == "upper"))


def _add_numbering(document, content: ReportContent) -> dict[int, str]:
    """The Word lists of the report: key -1 is the points' numId, key i the numId of agreement i's sub-points.
    A list whose labels stay literal has no key."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    lists: dict[int, str] = {}

    def define(key: int, found: tuple[str, int, str] | None, style_id: str) -> None:
        if found is None:
            return
        word_format, start, text = found
        list_id = str(_FIRST_LIST_ID + len(lists))
        left, hanging = _INDENTS[style_id]
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{list_id}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{word_format}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl></w:abstractNum>'
        )
        if first_num is not None:  # every abstractNum comes before the first num
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'
            )
        )
        lists[key] = list_id

    if content.agreements:
        define(-1, _label_format([item.marker for item in content.agreements]), "ReportPoint")
    for index, agreement in enumerate(content.agreements):
        if agreement.subpoints:
            define(index, _label_format([sub.marker for sub in agreement.subpoints]), "ReportSubpoint")
    return lists


def _clean_package(document) -> None:
    """No thumbnail of the template's first page, no template custom XML, extended properties of our own."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            package.rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/customXml"):
            document.part.rels.pop(rel_id)
    app = next(
        rel.target_part for rel in package.rels.values() if rel.reltype.endswith("/extended-properties")
    )
    app._blob = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>Enlace</Application><DocSecurity>0</DocSecurity></Properties>"
    )


def _paragraph_prototypes() -> dict[str, etree._Element]:
    """An empty paragraph per style (`<w:p><w:pPr><w:pStyle/></w:pPr></w:p>`), copied for each paragraph."""
    return {
        style_id: parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr></w:p>')
        for style_id in STYLES
    }


def render_docx(
    draft: ReportDraft,
    *,
    language: str,
    names: Mapping[str, str],
    created: dt.datetime | None = None,
) -> bytes:
    """The report as .docx bytes; `names` maps organization codes to display names in `language`."""
    content = build_content(draft, language=language, names=names)
    if created is None:
        created = dt.datetime.now(dt.UTC)
    if created.tzinfo is not None:  # core properties are written as UTC ("...Z")
        created = created.astimezone(dt.UTC).replace(tzinfo=None)

    document = Document()
    _define_styles(document, content.language_tag)
    _adjust_settings(document, content.language_tag)
    _setup_section(document, content)
    _set_properties(document, content, created)

    _clean_package(document)
    lists = _add_numbering(document, content)

    sect_pr = document.element.body.find(qn("w:sectPr"))
    prototypes = _paragraph_prototypes()

    def add(text: str, style_id: str, num_id: str | None = None, language_tag: str = "") -> None:
        p = copy.deepcopy(prototypes[style_id])
        if num_id:
            p[0].append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
            )
        if text:
            run = etree.SubElement(p, _W_R)
            if (
                language_tag
            ):  # a paragraph still in the meeting's language: spell-checkers and readers follow it
                run.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:lang w:val="{language_tag}"/></w:rPr>'))
            for index, line in enumerate(text.split("\n")):  # a line break inside a point becomes w:br
                if index:
                    etree.SubElement(run, _W_BR)
                t = etree.SubElement(run, _W_T)
                t.set(_XML_SPACE, "preserve")
                t.text = line
        sect_pr.addprevious(p)  # the body's paragraphs go before its final sectPr

    def add_item(item: Item, style_id: str, num_id: str | None) -> None:
        add(item.text if num_id else item.line, style_id, num_id, item.language_tag)

    for heading in content.headings:
        add(heading, "ReportHeading")
    add(content.title, "ReportTitle")
    if content.place_line:
        add(content.place_line, "ReportPlace")
    if content.date_line:
        add(content.date_line, "ReportPlace")
    add(content.opening, "ReportOpening")
    for index, agreement in enumerate(content.agreements):
        add_item(agreement, "ReportPoint", lists.get(-1))
        for sub in agreement.subpoints:
            add_item(sub, "ReportSubpoint", lists.get(index))

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
