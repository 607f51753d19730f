"""What `make bench` measures and the target of each case (a ratio to a baseline measured in the same run).

A module adds its pages to PAGES and its in-process operations to bench/documents.py; a case over its target is
printed as such, it does not fail the run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageCase:
    name: str
    path: str
    target: float | None  # p95 at most target × the baseline's p95
    user: str = "staff"  # a key of bench.dataset.BENCH_USERS
    requests: int | None = None  # fewer for heavy downloads; None: BENCH_REQUESTS


# The minimal signed-in page: session, user and one small template, nothing else.
BASELINE = PageCase("baseline: minimal signed-in page", "/accounts/profile/", None)

PAGES = [
    PageCase("home (secretariat)", "/home/", 3.0),
    PageCase("home (liaison officer)", "/home/", 3.0, user="officer"),
    PageCase("directory: organizations", "/directory/", 3.0),
    PageCase("directory: people", "/directory/people/", 3.0),
    PageCase("follow-up, 5,000 commitments (secretariat)", "/follow-up/", 5.0),
    PageCase("follow-up (liaison officer)", "/follow-up/", 5.0, user="officer"),
    PageCase("meetings: list", "/meetings/", 3.0),
    # The bench spreads 5,000 commitments over 20 meetings: this page lists about 250, like a follow-up page.
    PageCase("meetings: one meeting, about 250 commitments", "/meetings/1/", 5.0),
    # Whole-register downloads: every one of the 5,000 commitments in one file.
    PageCase("follow-up export, CSV (5,000 rows)", "/follow-up/export.csv", 15.0, requests=40),
    PageCase("follow-up export, Excel (5,000 rows)", "/follow-up/export.xlsx", 60.0, requests=20),
    PageCase("meeting report, .docx", "/meetings/1/report.docx", 5.0, requests=60),
    PageCase("meeting report, .pdf", "/meetings/1/report.pdf", 40.0, requests=20),
    # Reviewing a 100-page report (about 300 points, 600 sub-points, 500 proposed commitments) on one page.
    PageCase("import review, 100-page report", "/meetings/import/1/", 100.0, requests=10),
    PageCase("reporting: cycles", "/reporting/", 3.0),
    # Cycle 10: 11 countries × 150 indicators (the bench has 10 such cycles).
    PageCase("reporting: regional table, 11 × 150", "/reporting/cycles/10/table/", 5.0),
    PageCase("reporting: completeness of a cycle", "/reporting/cycles/10/", 5.0),
    # Costa Rica's draft in the open cycle (the 111th report), 150 indicators.
    PageCase("reporting: the form, 150 indicators", "/reporting/reports/111/", 4.0, user="officer"),
    PageCase("reporting: regional export, Excel", "/reporting/cycles/10/table.xlsx", 60.0, requests=20),
]
