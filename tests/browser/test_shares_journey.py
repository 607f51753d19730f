"""Issue 8, point 1, in a real browser: Costa Rica and Mexico each report their share of a commitment of the
member states; each sees the other's progress and has no way to change it; the commitment shows 2 of 11 done;
the secretariat closes the rest with a note. At 390 px the page does not scroll sideways."""

import pytest

from enlace.meetings.models import CommitmentStatus
from tests.browser.conftest import log_in, screenshot, serious_violations
from tests.factories.directory import PASSWORD
from tests.factories.followup import by_text, commitment, days, meeting_with

pytestmark = pytest.mark.django_db(transaction=True)


def _report_done(browser, live_server, user, url, note):
    context = browser.new_context(
        base_url=live_server.url, locale="es-ES", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    log_in(page, user.username, PASSWORD)
    page.goto(url)
    page.fill("#id_evidence-title", f"Oficio de {user.organization.short_name}")
    page.fill("#id_evidence-url", "https://example.org/oficio.pdf")
    page.click("#evidence-form button[type=submit]")
    page.wait_for_selector("text=Se agregó la evidencia.")
    page.select_option("#id_status-status", "done")
    page.fill("#id_status-note", note)
    page.click("#status-form button[type=submit]")
    page.wait_for_selector("text=Se guardó el estado.")
    return context, page


def test_two_countries_report_their_shares_and_the_secretariat_closes_the_rest(
    browser, live_server, organizations, costa_rica_officer, mexico_officer, secretariat_staff
):
    meeting_with(commitment("2.a", "Enviar el documento de indicadores a la ST", ["STATES"], due=days(40)))
    target = by_text("documento de indicadores")
    url = f"/follow-up/commitments/{target.pk}/"

    costa_rica, cr_page = _report_done(
        browser, live_server, costa_rica_officer, url, "Enviado por Costa Rica."
    )
    assert "1 de 11 cumplidos" in cr_page.inner_text("#shares-heading + p")
    mexico, mx_page = _report_done(browser, live_server, mexico_officer, url, "Enviado por México.")
    summary = mx_page.inner_text("#shares-heading + p")
    assert "2 de 11 cumplidos" in summary and "Honduras" in summary and "Costa Rica" not in summary
    # Mexico sees Costa Rica's part, and its only forms are Mexico's own.
    rows = {
        row.inner_text().split("\t")[0].strip(): row.inner_text()
        for row in mx_page.locator("section[aria-labelledby=shares-heading] tbody tr").all()
    }
    assert "Cumplido" in rows["Costa Rica"]
    assert "Informar del avance de México" in mx_page.inner_text("#update-heading")
    assert mx_page.locator("#expected-form").count() == 0
    assert serious_violations(mx_page) == []
    screenshot(mx_page, "shares-mexico")

    cr_page.reload()
    assert "2 de 11 cumplidos" in cr_page.inner_text(
        "#shares-heading + p"
    )  # Costa Rica sees Mexico's progress
    costa_rica.close()
    mexico.close()

    staff = browser.new_context(
        base_url=live_server.url, locale="es-ES", viewport={"width": 390, "height": 844}
    )
    page = staff.new_page()
    page.set_default_timeout(15000)
    log_in(page, secretariat_staff.username, PASSWORD)
    page.goto(url)
    page.select_option("#id_status-status", "done")
    page.fill("#id_status-note", "Los demás países lo enviaron en la reunión de 2017.")
    page.click("#status-form button[type=submit]")
    page.wait_for_selector("text=Se guardó el estado.")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "shares-secretariat-390")
    staff.close()
    target.refresh_from_db()
    assert target.status == CommitmentStatus.DONE
    assert target.secretariat_note.startswith("Los demás países")
