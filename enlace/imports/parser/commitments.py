"""Commitments: the actionable sentences of a point, who does what, for whom, by when.

These are proposals for the secretariat to review, so the rules stay simple and visible: a clause is a
commitment when it has an action verb (future, obligation, offer, proposal, "se insta a", "will", ...) or a
deadline; the responsible party is the subject before that verb, or the object of a directive verb
("se insta a los países", "requests the Technical Secretariat").
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from enlace.meetings.draft import CommitmentDraft

from .cleanup import sentence_spans
from .dates import find_deadline
from .markers import is_bullet
from .names import Mention, fold, is_organization, name_as_written, unique_codes
from .vocabulary import BODIES, GROUP

# Thanks and notes record what happened; they commit no one by themselves.
_NOT_BY_ITSELF = re.compile(
    r"^(?:(?:la red|the network|el grupo|the group|se|to)\s+)?(?:agradec\w*|reconoc\w*|felicit\w*|"
    r"tom(?:ar|a|o|aron)\s+nota|thank\w*|express(?:ed|es)?\s+(?:its\s+|their\s+)?(?:gratitude|appreciation|thanks)|"
    r"t(?:ake|akes|ook)\s+note|note[sd]?|acknowledg\w*|welcome[sd]?|congratulat\w*)\b"
)
_DIRECTIVE = re.compile(
    r"(?<![a-z])(?:(?:se\s+)?(?:insta|instar|solicita|solicitar|invita|invitar|exhorta|exhortar|pide|pedir|encarga|"
    r"encargar|recomienda|recomendar|encomienda|encomendar|instruye|instruir)n?\s+al?(?=\s)"
    r"|(?<!is\s)(?<!are\s)(?<!be\s)(?:urge[sd]?|request(?:s|ed)?|invite[sd]?|encourage[sd]?|ask(?:s|ed)?|"
    r"instruct(?:s|ed)?|call(?:s|ed)?\s+(?:up)?on|task(?:s|ed)?|mandate[sd]?)"
    r"(?=\s(?!of\b|for\b|from\b|that\b|by\b)))"
)
_FUTURE_STEMS = (
    "envi|realiz|brind|present|compart|elabor|remit|coordin|convoc|organiz|determin|actualiz|circul|inform|"
    "prepar|revis|solicit|apoy|facilit|distribu|inclu|analiz|consolid|gestion|proporcion|entreg|traslad|"
    "sistematiz|difund|desarroll|impuls|promov|compil|continu|asum|trabaj|d|h"
)
_ACTION = re.compile(
    r"(?<![a-z])(?:se\s+comprometen?|se\s+comprometi(?:o|eron)|asum(?:e|en|io|ieron)\s+el\s+compromiso|"
    r"deber(?:a|an)|deben?|tendr(?:a|an)\s+que|est(?:a|an)\s+trabajando|ofrec(?:e|en|io|ieron|era|eran)|"
    r"se\s+ofrecen?|(?:pone|ponen|puso|pusieron|pondra|pondran)\s+a\s+disposicion|propon(?:e|en|dra|dran)|"
    r"propus(?:o|ieron)|(?:manifest|expres|mostr)(?:o|aron|a|an)\s+(?:su\s+)?interes|van?\s+a\s+[a-z]+(?:ar|er|ir)|"
    rf"(?:{_FUTURE_STEMS})(?:ara|era|ira)n?|(?:tendr|podr|sabr|habr|pondr|saldr|vendr|dir)an?|"
    r"will|shall|must|should|undert(?:ake|akes|ook)|commit(?:s|ted)?\s+(?:itself\s+|themselves\s+)?to|"
    r"(?:is|are)\s+(?:hereby\s+)?(?:urged|requested|invited|encouraged|asked|called\s+upon|expected|tasked|"
    r"mandated)\s+to|(?:is|are)\s+working\s+on|agreed\s+to|offer(?:s|ed)|propos(?:e|es|ed)|"
    r"express(?:ed|es)?\s+(?:its\s+|their\s+|an\s+)?interest|(?:is|are)\s+interested\s+in|plans?\s+to|"
    r"intends?\s+to|volunteered\s+to|to\s+(?:send|submit|share|provide|prepare|update|present|circulate|"
    r"forward|deliver|draft|review|compile))(?![a-z])"
)
_ACCENTED_FUTURE = re.compile(r"(?<!\w)\w{2,}r[áà]n?(?!\w)")
_CLAUSE_BREAK = re.compile(
    r";\s+|,?\s+(?:y|and)\s+(?=(?:solicitar|instar|encargar|invitar|pedir|exhortar|recomendar|request|urge|"
    r"invite|ask|encourage)\b)"
)
_CONNECTOR = re.compile(r"\s*,?\s*(?:(?:y|e|and|or|o|as well as|asi como)\s+)?(?:(?:la|el|los|las|the)\s+)?")
_PREPOSITION = re.compile(
    r"(?:^|\W)(?:de|del|con|por|para|en|a|al|ante|sobre|entre|hacia|desde|segun|mediante|of|with|by|for|to|from|"
    r"in|on|among|between|through|under|via)\s+(?:(?:la|el|los|las|the)\s+)?$"
)
_TO = re.compile(r"(?:^|\W)(?:a|al|ante|to)\s+(?:(?:la|el|los|las|the)\s+)?$")
_AGENT = re.compile(r"(?:^|\W)(?:por|by)\s+(?:(?:la|el|los|las|the)\s+)?$")
_TRANSFER = re.compile(
    r"(?<![a-z])(?:envi\w*|remit\w*|present\w*|compart\w*|entreg\w*|circul\w*|report\w*|traslad\w*|"
    r"comunic\w*|hacer\s+llegar|send\w*|sent|submit\w*|forward\w*|shar\w*|deliver\w*|transmit\w*|proveer|provid\w*)"
)


def _trigger(original: str, lowered: str) -> tuple[int, int, bool] | None:
    """Start, end and whether it is a directive ("se insta a X") of the first action verb in the clause."""
    found = []
    for pattern, directive in ((_DIRECTIVE, True), (_ACTION, False)):
        if m := pattern.search(lowered):
            found.append((m.start(), m.end(), directive))
    if m := _ACCENTED_FUTURE.search(original):
        found.append((m.start(), m.end(), False))
    return min(found) if found else None


def _groups(mentions: list[Mention], lowered: str) -> list[list[Mention]]:
    """Mentions joined by commas and "y"/"and" are one party: "Costa Rica, Guatemala y la OIM"."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and _CONNECTOR.fullmatch(lowered, groups[-1][-1].end, mention.start):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _preceded(pattern: re.Pattern, lowered: str, group: list[Mention], start: int) -> bool:
    return bool(pattern.search(lowered[max(start, group[0].start - 30) : group[0].start]))


def _responsible(groups, lowered: str, start: int, anchor: int, trigger) -> list[str]:
    if trigger and trigger[2]:
        after = [g for g in groups if g[0].start >= trigger[1]]
        return unique_codes(after[0]) if after else []
    before = [g for g in groups if g[0].start < anchor]
    subjects = [g for g in before if not _preceded(_PREPOSITION, lowered, g, start)]
    if subjects:
        return unique_codes(subjects[-1])
    agents = [g for g in groups if g[0].start >= anchor and _preceded(_AGENT, lowered, g, start)]
    return unique_codes(agents[0]) if agents else []


def _recipient(groups, lowered: str, start: int, end: int, responsible: list[str]) -> str | None:
    if not _TRANSFER.search(lowered, start, end):
        return None
    for group in groups:
        for mention in group:
            eligible = (
                is_organization(mention.code) or mention.code in BODIES
            ) and mention.code not in responsible
            if eligible and _preceded(_TO, lowered, [mention], start):
                return mention.code
    return None


def _clauses(text: str, lowered: str):
    for start, end in sentence_spans(text):
        while start < end and (
            text[start].isspace() or is_bullet(text[start])
        ):  # "➢ que los países...": no bullet
            start += 1
        yield from _split(lowered, start, end)


def _split(lowered: str, start: int, end: int):
    for m in _CLAUSE_BREAK.finditer(lowered, start, end):
        yield start, m.start()
        start = m.end()
    yield start, end


def find_commitments(
    key: str, text: str, mentions: list[Mention], meeting: dt.date | None, warnings: list
) -> list[CommitmentDraft]:
    lowered = fold(text).lower()
    commitments = []
    for start, end in _clauses(text, lowered):
        clause = lowered[start:end]
        if _NOT_BY_ITSELF.match(clause):
            continue
        trigger = _trigger(text[start:end], clause)
        deadline = find_deadline(text[start:end], meeting)
        if trigger is None and deadline is None:
            continue
        trigger = (start + trigger[0], start + trigger[1], trigger[2]) if trigger else None
        anchor = trigger[0] if trigger else start + lowered[start:end].find(fold(deadline.phrase).lower())
        groups = _groups([m for m in mentions if start <= m.start and m.end <= end], lowered)
        responsible = _responsible(groups, lowered, start, anchor, trigger)
        if GROUP in responsible:  # a working group answers for it, but it is not in the directory
            named = next(m for group in groups for m in group if m.code == GROUP)
            responsible.remove(GROUP)
            warnings.append(
                format_lazy(_("In point {key}, “{name}” is responsible; it is not an organization of the directory, "
                              "so choose who answers for it."), key=key, name=name_as_written(text, named))
            )  # fmt: skip
        commitments.append(
            CommitmentDraft(
                agreement=key,
                text=text[start:end].strip().rstrip(";,").rstrip(),
                responsible=responsible,
                recipient=_recipient(groups, lowered, start, end, responsible),
                due=deadline.due if deadline else None,
                deadline_phrase=deadline.phrase if deadline else "",
            )
        )
        if deadline and deadline.problem:
            warnings.append(_deadline_warning(key, deadline))
    return commitments


def _deadline_warning(key: str, deadline) -> str:
    messages = {
        "no-date": _(
            "The deadline “{phrase}” in point {key} could not be dated: the meeting date is unknown."
        ),
        "open": _("The deadline “{phrase}” in point {key} has no date; set it by hand."),
        "next-year": _(
            "The deadline “{phrase}” in point {key} gives no year and falls before the meeting; "
            "{due} was used."
        ),  # fmt: skip
        "invalid": _("Date not understood: “{phrase}” in point {key}."),
    }
    due = deadline.due.isoformat() if deadline.due else ""
    return format_lazy(messages[deadline.problem], phrase=deadline.phrase, key=key, due=due)
