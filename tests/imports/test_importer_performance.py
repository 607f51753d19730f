"""A long report imports fast: the parser is one pass over the lines, with no backtracking blow-ups.

Times are the process's CPU time, so a machine busy with other work does not fail them."""

import re
import time
from pathlib import Path

from enlace.imports.parser import parse_report

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_d9e9c4457487cb69.txt"


def long_report(repeats: int) -> str:
    """The seed's header, then its seven points (with their sub-points) repeated and numbered on."""
    text = SEED.read_text(encoding="utf-8")
    head, _sep, points = text.partition("\n1. ")
    blocks = [re.sub(r"^\d+\. ", "", block.strip()) for block in re.split(r"\n(?=\d+\. )", "1. " + points)]
    blocks = [block for block in blocks if block]
    numbered = (f"{n + 1}. {blocks[n % len(blocks)]}" for n in range(repeats * len(blocks)))
    return head + "\n" + "\n\n".join(numbered) + "\n"


def test_a_hundred_page_report_parses_in_well_under_a_second():
    text = long_report(100)  # 700 points, about 330,000 characters: a hundred pages and more
    assert len(text) > 300_000
    started = time.process_time()
    draft = parse_report(text)
    elapsed = time.process_time() - started
    assert len(draft.agreements) == 700
    assert len(draft.commitments) == 800
    assert draft.warnings == []
    assert elapsed < 1.0, f"parsing took {elapsed:.2f} s"


def test_pathological_lines_do_not_backtrack():
    # Long runs of what the date, marker and name patterns look for, without ever completing a match.
    text = "1. " + "de " * 20_000 + "\n2. " + "1 y " * 10_000 + "\n3. " + "los " * 20_000 + "\n"
    started = time.process_time()
    draft = parse_report(text)
    assert [a.number for a in draft.agreements] == ["1", "2", "3"]
    assert time.process_time() - started < 1.0
