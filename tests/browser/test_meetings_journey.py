"""Issue 3 in a real browser: the secretariat uploads the seed report, which the worker reads while the page
follows its progress, corrects one point and confirms; marks a commitment in progress; the IOM analyst sees IOM's
commitments with the overdue ones flagged; the .docx and .pdf reports download and read back."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from docx import Document as WordDocument
from pypdf import PdfReader

from enlace.meetings.models import Agreement, Commitment, Meeting
from tests.browser.conftest import log_in, screenshot, serious_violations
from tests.factories.directory import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_d9e9c4457487cb69.txt"
CORRECTED = (
    "Se insta a los países a utilizar las herramientas en línea de la UNODC para proveer la información."
)


def test_import_correct_confirm_follow_up_and_download(
    browser, live_server, settings, restore_signals, secretariat_staff, iom_analyst
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    staff = browser.new_context(base_url=live_server.url, accept_downloads=True)
    page = staff.new_page()
    log_in(page, secretariat_staff.username, PASSWORD)
    page.goto("/meetings/import/")
    page.set_input_files("#id_file", str(SEED))
    page.click("form[enctype] button.primary")
    page.wait_for_url("**/meetings/import/*/")
    # The upload answers at once: the report waits for the worker, and the page says so while it polls.
    assert page.locator("[data-testid=import-status]").get_attribute("data-status") == "queued"
    assert serious_violations(page) == []
    screenshot(page, "import-queued")
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)
    page.wait_for_selector("[data-testid=source-text]", timeout=15000)  # the poll reloads into the review
    assert "Tegucigalpa" in page.locator("[data-testid=source-text]").inner_text()
    assert page.input_value("#id_place") == "Tegucigalpa"
    assert page.input_value("#id_date") == "2016-06-08"
    assert serious_violations(page) == []

    # Correct point 2.b: fix the missing accent and the wording, as the secretariat would.
    references = page.locator("input[name^=agreements-][name$=-reference]")
    labels = [references.nth(i).input_value() for i in range(references.count())]
    assert [ref for ref in labels if ref] == [
        "1",
        "2",
        "2.a",
        "2.b",
        "3",
        "3.a",
        "3.b",
        "4",
        "4.a",
        "4.b",
        "5",
        "6",
        "7",
        "7.a",
    ]
    index = labels.index("2.b")
    page.fill(f"#id_agreements-{index}-text", CORRECTED)
    screenshot(page, "import-review")
    page.click("button[name=action][value=confirm]")
    page.wait_for_url("**/meetings/*/")
    assert CORRECTED in page.locator("main").inner_text()

    meeting = Meeting.objects.get()
    assert meeting.delegations.count() == 9 and str(meeting.start_date) == "2016-06-08"
    assert Agreement.objects.get(meeting=meeting, parent__label="2", label="b").text == CORRECTED
    due = Commitment.objects.get(
        meeting=meeting, agreement__parent__label="2", agreement__label="a", all_member_states=True
    )
    assert str(due.due_date) == "2016-08-08" and due.recipient.code == "ST"

    # Reports download and read back.
    with page.expect_download() as docx_download:
        page.click("a[href$='report.docx?lang=es']")
    document = WordDocument(io.BytesIO(Path(docx_download.value.path()).read_bytes()))
    assert CORRECTED in "\n".join(p.text for p in document.paragraphs)
    with page.expect_download() as pdf_download:
        page.click("a[href$='report.pdf?lang=es']")
    pdf_text = " ".join(p.extract_text() for p in PdfReader(pdf_download.value.path()).pages)
    assert "nudos claves" in " ".join(pdf_text.split())
    assert serious_violations(page) == []
    screenshot(page, "meeting-detail")

    # Mark IOM's analysis in progress.
    analysis = Commitment.objects.get(meeting=meeting, text__startswith="La OIM realizará")
    page.goto(f"/follow-up/commitments/{analysis.pk}/")
    page.select_option("#status-form select[name=status-status]", "in_progress")
    page.fill("#status-form textarea[name=status-note]", "Términos de referencia acordados con la ST.")
    page.click("#status-form button.primary")
    page.wait_for_load_state()
    assert serious_violations(page) == []
    analysis.refresh_from_db()
    assert analysis.status == "in_progress"
    staff.close()

    # The IOM analyst sees IOM's commitments first, and the overdue one flagged.
    iom = browser.new_context(base_url=live_server.url, locale="en-US")
    page = iom.new_page()
    log_in(page, iom_analyst.username, PASSWORD)
    page.goto("/follow-up/")
    rows = page.locator("tbody tr")
    first_rows = [rows.nth(i).inner_text() for i in range(3)]
    assert all("IOM" in row for row in first_rows)
    overdue_rows = page.locator("tbody tr.overdue")
    assert overdue_rows.count() >= 1
    assert "Overdue" in overdue_rows.first.inner_text()
    assert "en un plazo no mayor a dos meses" in overdue_rows.first.inner_text()
    assert serious_violations(page) == []
    screenshot(page, "follow-up-iom")
    iom.close()
