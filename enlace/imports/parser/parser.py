"""`parse_report`: the text of a meeting report in, a ReportDraft for the secretariat to review out."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from enlace.meetings.draft import ReportDraft

from .cleanup import clean_lines, wrap_width
from .commitments import find_commitments
from .errors import ReportFileError
from .header import detect_language, read_header
from .names import find_mentions, unique_codes
from .prose import prose_outline
from .structure import build_outline
from .vocabulary import GROUP

NOT_A_MEETING = _(
    "No numbered points and no meeting date were found: this does not look like a meeting report."
)


def parse_report(text: str) -> ReportDraft:
    """Read a report's text. A text without numbered points is read as a declaration (its paragraphs become
    points) when it names a meeting: its date, and its place or body. Raises ReportFileError otherwise."""
    lines = clean_lines(text)
    width = wrap_width(lines)
    outline = build_outline(lines, width)
    if not outline.agreements:
        outline = prose_outline(lines, width)
        if outline is None:
            raise ReportFileError(NOT_A_MEETING)
    header = read_header(outline.preamble, width, outline.section_text)
    if not outline.numbered and (header.date is None or not (header.place or header.body != "OTHER")):
        raise ReportFileError(NOT_A_MEETING)
    draft = ReportDraft(
        body=header.body,
        title=header.title,
        place=header.place,
        country=header.country,
        virtual=header.virtual,
        date=header.date,
        end_date=header.end_date,
        language=detect_language("\n".join(lines)),
        delegations=header.delegations,
        participants=header.participants,
        opening=header.opening,
        agreements=outline.agreements,
    )
    warnings = header.warnings + outline.warnings
    for agreement in draft.agreements:
        items = [(agreement.number, agreement)]
        items += [(f"{agreement.number}.{sub.label}", sub) for sub in agreement.subpoints]
        for key, item in items:
            mentions = find_mentions(item.text)
            item.organizations = [code for code in unique_codes(mentions) if code != GROUP]
            draft.commitments += find_commitments(key, item.text, mentions, draft.date, warnings)
    draft.warnings = warnings
    return draft
