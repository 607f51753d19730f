"""Hostile files cannot tie up the site: each file of the corpus (built by tests/factories/hostile_files.py) is
read in the sandboxed child under the production limits and refused within seconds, with the child's memory
bounded and a message that names the limit. Figures (wall time, CPU, peak memory of the child) print with
`pytest -s`."""

import resource
import time

import pytest
from django.utils import translation

from enlace.core.limits import FileLimits
from enlace.core.sandbox import run_limited
from enlace.imports import importing
from enlace.imports.parser import ReportFileError, import_report_file
from tests.factories import hostile_files as hostile

MB = 1024 * 1024
WALL_SECONDS = 5.0  # "within a few seconds", on a loaded two-core machine
PEAK_BYTES = 250 * MB  # the child's own high-water mark; the memory limit itself is 1 GB

CORPUS = [
    # (name, builder, file name, limit code, message)
    ("200,000 tiny paragraphs", hostile.tiny_paragraphs_docx, "informe.docx", "paragraphs",
     "The file has more than 50000 paragraphs."),
    ("XML nested 50,000 deep", hostile.deep_xml_docx, "informe.docx", "xml_depth",
     "The file's XML is nested more than 100 levels deep."),
    ("billion laughs", hostile.entity_docx, "informe.docx", "xml_entities",
     "The file declares its own XML entities (a DTD), which Word files never do."),
    ("zip bomb, 300 MB inside", hostile.zip_bomb_docx, "informe.docx", "unpacked",
     "The file unpacks to more than 100 MB."),
    ("zip that says 2 KB and holds 300 MB", hostile.lying_small_docx, "informe.docx", "lying_sizes",
     "The file is damaged: one of its parts is not the size it declares."),
    ("zip of 5,000 parts", hostile.many_entries_zip, "informe.docx", "zip_entries",
     "The file holds more than 2000 parts."),
    ("PDF page inflating to 400 MB", hostile.heavy_page_pdf, "informe.pdf", "page_stream",
     "A page of the file unpacks to more than 10 MB."),
    ("PDF page of 40 streams of 8 MB", hostile.split_heavy_pdf, "informe.pdf", "page_stream",
     "A page of the file unpacks to more than 10 MB."),
    ("PDF of 2,000 pages", hostile.many_pages_pdf, "informe.pdf", "pages", "The file has more than 300 pages."),
    ("text of a million lines", hostile.many_lines_txt, "informe.txt", "paragraphs",
     "The file has more than 50000 paragraphs."),
]  # fmt: skip


@pytest.fixture
def production_limits(settings):
    """The defaults of config/settings.py, whatever the environment running the tests says."""
    for name, value in {
        "ENLACE_MAX_UPLOAD_BYTES": 20 * MB,
        "ENLACE_MAX_UNPACKED_BYTES": 100 * MB,
        "ENLACE_MAX_ZIP_ENTRIES": 2000,
        "ENLACE_MAX_XML_DEPTH": 100,
        "ENLACE_MAX_PAGES": 300,
        "ENLACE_MAX_PAGE_STREAM_BYTES": 10 * MB,
        "ENLACE_MAX_PARAGRAPHS": 50_000,
        "ENLACE_IMPORT_CPU_SECONDS": 60,
        "ENLACE_IMPORT_WALL_SECONDS": 90,
        "ENLACE_IMPORT_MEMORY_BYTES": 1024 * MB,
    }.items():
        setattr(settings, name, value)
    return FileLimits.from_settings()


def read_in_child(data: bytes, filename: str, limits: FileLimits):
    answer, outcome = importing.report_read_limited(data, filename=filename, language="en", limits=limits)
    return answer, outcome


@pytest.mark.parametrize(
    ("builder", "filename", "code", "message"),
    [case[1:] for case in CORPUS],
    ids=[case[0] for case in CORPUS],
)
def test_a_hostile_file_is_refused_in_seconds_with_memory_bounded(
    production_limits, builder, filename, code, message
):
    data = builder()
    started = time.monotonic()
    answer, outcome = read_in_child(data, filename, production_limits)
    elapsed = time.monotonic() - started
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(
        f"\n{filename} {len(data) // 1024} KB -> {code}: wall {outcome.wall_seconds:.2f} s, "
        f"CPU {outcome.cpu_seconds:.2f} s, child peak RSS {outcome.peak_rss_bytes / MB:.0f} MB "
        f"(RUSAGE_CHILDREN max so far {children_peak / MB:.0f} MB)"
    )
    assert answer["refused"]["code"] == code
    assert answer["refused"]["messages"]["en"] == message
    assert answer["refused"]["messages"]["es"] and answer["refused"]["messages"]["es"] != message
    assert elapsed < WALL_SECONDS
    assert outcome.peak_rss_bytes < PEAK_BYTES
    assert children_peak < production_limits.memory_bytes


def test_the_spanish_message_names_the_limit_too(production_limits):
    answer, _outcome = read_in_child(hostile.many_pages_pdf(), "informe.pdf", production_limits)
    assert answer["refused"]["messages"]["es"] == "El archivo tiene más de 300 páginas."


def test_a_zip_that_claims_gigabytes_but_holds_a_short_report_is_read(production_limits):
    """Declared sizes are not believed either way: a large claim alone refuses nothing."""
    answer, _outcome = read_in_child(hostile.lying_large_docx(), "informe.docx", production_limits)
    assert [a["number"] for a in answer["draft"]["agreements"]] == ["1", "2"]


def test_the_in_process_importer_applies_the_same_limits(production_limits):
    """The importer refuses on its own too (the demo, tests and bench call it directly)."""
    with translation.override("en"), pytest.raises(ReportFileError) as caught:
        import_report_file(hostile.tiny_paragraphs_docx(), "informe.docx")
    assert caught.value.code == "paragraphs"


# --- the limits of the child process itself ---------------------------------------------------------------


def tight(limits: FileLimits, **changes) -> FileLimits:
    return FileLimits.from_dict({**limits.to_dict(), **changes})


def test_a_reader_that_loops_is_stopped_at_the_cpu_limit(production_limits):
    started = time.monotonic()
    outcome = run_limited(
        "tests.factories.hostile_files:spin", b"x", {}, tight(production_limits, cpu_seconds=1)
    )
    assert outcome.limit == "time" and outcome.answer is None
    assert 0.5 < outcome.cpu_seconds < 3 and time.monotonic() - started < WALL_SECONDS


def test_a_reader_that_blocks_is_killed_at_the_wall_clock_limit(production_limits):
    outcome = run_limited(
        "tests.factories.hostile_files:sleep_forever", b"x", {}, tight(production_limits, wall_seconds=1)
    )
    assert outcome.limit == "wall" and 1 <= outcome.wall_seconds < WALL_SECONDS


def test_a_reader_that_swells_is_stopped_at_the_memory_limit(production_limits):
    limits = tight(production_limits, memory_bytes=300 * MB)
    outcome = run_limited("tests.factories.hostile_files:swell", b"x", {}, limits)
    assert outcome.limit == "memory"
    assert outcome.peak_rss_bytes <= 300 * MB and outcome.wall_seconds < WALL_SECONDS


def test_a_reader_that_crashes_leaves_the_caller_standing(production_limits):
    outcome = run_limited("tests.factories.hostile_files:crash", b"x", {}, production_limits)
    assert outcome.answer is None and outcome.limit == "" and outcome.error


def test_time_and_memory_refusals_name_their_limit(production_limits, monkeypatch):
    monkeypatch.setattr(importing, "TARGET", "tests.factories.hostile_files:spin")
    answer, _outcome = read_in_child(b"x", "informe.txt", tight(production_limits, cpu_seconds=1))
    assert answer["refused"]["messages"]["en"] == "Reading the file took longer than 1 seconds."
    monkeypatch.setattr(importing, "TARGET", "tests.factories.hostile_files:swell")
    answer, _outcome = read_in_child(b"x", "informe.txt", tight(production_limits, memory_bytes=300 * MB))
    assert answer["refused"]["messages"]["es"] == "La lectura del archivo necesitó más de 300 MB de memoria."


def test_the_child_gets_no_secrets_from_the_environment(production_limits, monkeypatch):
    """A reader exploited through a crafted file finds neither the secret key nor the database's password."""
    monkeypatch.setenv("SECRET_KEY", "s" * 60)
    monkeypatch.setenv("DATABASE_URL", "postgres://enlace:hunter2@db/enlace")
    outcome = run_limited("tests.factories.hostile_files:environment", b"x", {}, production_limits)
    assert outcome.answer is not None
    assert "SECRET_KEY" not in outcome.answer and "DATABASE_URL" not in outcome.answer
