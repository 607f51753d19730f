"""What the parser cannot know without the directory: who held the Pro Tempore Presidency that year, and which
named organizations the directory has. Runs on the draft after reading, before the secretariat reviews it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from enlace.directory.models import Organization, ProTemporePresidency
from enlace.directory.reference import REFERENCE_CODES
from enlace.imports.parser.vocabulary import MEMBER_STATES, STATES
from enlace.meetings.draft import ReportDraft

PRESIDENCY = "PPT"
# Saved as "all member states", or loaded with the reference data: only other partners can be missing.
_ALWAYS_THERE = {STATES, "NETWORK", *REFERENCE_CODES}


def link_to_directory(draft: ReportDraft) -> ReportDraft:
    """The Presidency becomes the state that held it in the meeting's year; codes the directory lacks are
    named in a warning (they cannot be linked), once each. Warnings in the current language."""
    known = set(Organization.objects.values_list("code", flat=True))
    named = [c for c in draft.commitments if PRESIDENCY in c.responsible] if PRESIDENCY not in known else []
    presidency_named = bool(named)
    held = None
    if named and draft.date:
        held = ProTemporePresidency.objects.select_related("state").filter(year=draft.date.year).first()
    state = [held.state.code] if held else []
    for commitment in named:
        codes = [code for c in commitment.responsible for code in (state if c == PRESIDENCY else [c])]
        commitment.responsible = list(dict.fromkeys(codes))
    if presidency_named and held:
        draft.warnings.append(
            _("The Pro Tempore Presidency was read as %(state)s, which held it in %(year)s.")
            % {"state": held.state.name, "year": held.year}
        )
    elif presidency_named:
        draft.warnings.append(
            _("The Pro Tempore Presidency is responsible for a commitment, but the directory does not say who held "
              "it in %(year)s; choose the state by hand.") % {"year": draft.date.year if draft.date else "?"}
        )  # fmt: skip
    missing = []
    for codes in _all_codes(draft):  # the partners the reference data lacks (UNHCR, UNICEF...)
        missing += [c for c in codes if c not in known and c not in _ALWAYS_THERE and c != PRESIDENCY]
    for code in dict.fromkeys(missing):
        draft.warnings.append(
            _("“%(code)s” is named in the report but is not in the directory, so it is not linked; add the "
              "organization to the directory to link it.") % {"code": code}
        )  # fmt: skip
    return draft


def _all_codes(draft: ReportDraft):
    yield draft.participants
    yield [code for code in draft.delegations if code in MEMBER_STATES]
    for agreement in draft.agreements:
        yield agreement.organizations
        for sub in agreement.subpoints:
            yield sub.organizations
    for commitment in draft.commitments:
        yield commitment.responsible
        yield [commitment.recipient] if commitment.recipient else []
