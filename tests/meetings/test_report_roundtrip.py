"""Generated reports read back by the importer give the same structure (body, place, date, points...)."""

from __future__ import annotations

import datetime as dt

import pytest

from enlace.meetings.draft import ReportDraft
from enlace.meetings.reports import render_docx, render_pdf, report_filename
from tests.meetings.seed_drafts import NAMES_EN, NAMES_ES, make_english_draft, make_seed_draft, normalize

importer = pytest.importorskip("enlace.imports.parser", reason="the report importer is not available yet")
import_report_file = getattr(importer, "import_report_file", None)
if import_report_file is None:
    pytest.skip("enlace.imports.parser does not provide import_report_file yet", allow_module_level=True)

RENDERERS = {"docx": render_docx, "pdf": render_pdf}
CASES = [(ext, language) for ext in RENDERERS for language in ("es", "en")]


def structure(draft: ReportDraft) -> list[tuple]:
    return [
        (
            a.number.rstrip(".)"),
            normalize(a.text),
            [(s.label.rstrip(".)"), normalize(s.text)) for s in a.subpoints],
        )
        for a in draft.agreements
    ]


@pytest.mark.parametrize(("ext", "language"), CASES, ids=[f"{ext}-{language}" for ext, language in CASES])
def test_round_trip(ext, language):
    draft, names = (make_seed_draft(), NAMES_ES) if language == "es" else (make_english_draft(), NAMES_EN)
    data = RENDERERS[ext](draft, language=language, names=names)

    imported = import_report_file(data, report_filename(draft, language, ext))

    assert imported.body == draft.body
    assert imported.language == language
    assert imported.date == draft.date
    assert imported.end_date in (None, draft.date)
    # The place may come back as "Tegucigalpa" + country "HN" or as the whole line.
    assert imported.place.split(",")[0].strip() == draft.place
    if imported.country:
        assert imported.country == draft.country
    assert imported.delegations == draft.delegations
    assert structure(imported) == structure(draft)


BODY_CASES = [(body, ext) for body in ("GRCM", "CRM", "WORKSHOP", "OTHER") for ext in RENDERERS]


@pytest.mark.parametrize(("body", "ext"), BODY_CASES, ids=[f"{body}-{ext}" for body, ext in BODY_CASES])
@pytest.mark.parametrize("language", ["es", "en"])
def test_round_trip_other_bodies_with_a_date_range(body, ext, language):
    draft, names = (make_seed_draft(), NAMES_ES) if language == "es" else (make_english_draft(), NAMES_EN)
    draft.body = body
    draft.date, draft.end_date = dt.date(2016, 6, 7), dt.date(2016, 6, 9)
    data = RENDERERS[ext](draft, language=language, names=names)

    imported = import_report_file(data, report_filename(draft, language, ext))

    assert (imported.body, imported.language) == (body, language)
    assert (imported.date, imported.end_date) == (draft.date, draft.end_date)
    assert imported.delegations == draft.delegations
    assert structure(imported) == structure(draft)
