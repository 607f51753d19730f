"""Issue 9's journey in a real browser: a Costa Rica officer fills in (autosaved as they type), saves and
submits; the secretariat returns one indicator with a comment; the officer fixes it and submits again; the
secretariat validates; a Mexico officer sees Costa Rica's answers only then; the completeness page and Costa
Rica's share of commitment 2.a follow. Then the form at phone width, and axe on the form."""

import pytest
from playwright.sync_api import expect

from enlace.followup.models import CommitmentShare
from enlace.meetings.models import Commitment, CommitmentStatus
from tests.browser.conftest import log_in, screenshot, serious_violations
from tests.factories.directory import PASSWORD
from tests.factories.meetings import make_meeting
from tests.factories.reporting import make_cycle, make_framework

pytestmark = pytest.mark.django_db(transaction=True)


def person(browser, live_server, user, *, width=1280):
    context = browser.new_context(
        base_url=live_server.url, locale="es-ES", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    log_in(page, user.username, PASSWORD)
    page.wait_for_url("**/home/**")
    return page


def test_report_from_draft_to_validated(
    browser, live_server, organizations, costa_rica_officer, mexico_officer, secretariat_staff
):
    meeting = make_meeting(created_by=secretariat_staff)
    commitment = Commitment.objects.get(meeting=meeting, agreement__label="a", agreement__parent__label="2")
    cycle = make_cycle(
        secretariat_staff, make_framework(), expected=None, commitment=commitment, title="Indicadores 2016"
    )
    share = CommitmentShare.objects.get(commitment=commitment, state__code="CR")

    officer = person(browser, live_server, costa_rica_officer)
    officer.goto(f"/reporting/cycles/{cycle.pk}/")
    expect(officer.locator("#timeliness-rule")).to_contain_text("a tiempo")
    officer.get_by_role("button", name="Completar el informe de su país").click()
    officer.select_option("#v-TIP-PV-01", "yes")
    expect(officer.locator("#save-status")).to_contain_text("Guardado a las")  # autosaved, no button pressed
    officer.fill("#v-TIP-PR-08", "10")
    officer.fill("[name='p-TIP-PR-08-sex:female']", "4")
    officer.fill("[name='p-TIP-PR-08-sex:male']", "5")
    officer.fill("#v-TIP-PR-09", "3")
    officer.fill("#v-TIP-PT-11", "80")
    officer.locator("#v-TIP-PT-11").blur()
    expect(officer.locator("#rule-messages")).to_contain_text(
        "El desglose por sexo debe sumar el total."
    )  # live
    officer.fill("[name='p-TIP-PR-08-sex:male']", "6")
    officer.locator("[name='p-TIP-PR-08-sex:male']").blur()
    expect(officer.locator("#rule-messages")).not_to_contain_text("El desglose por sexo")
    officer.get_by_role("button", name="Guardar", exact=True).click()
    expect(officer.locator(".message")).to_contain_text("Guardado.")
    officer.get_by_role("button", name="Enviar a la Secretaría").click()
    expect(officer.locator(".message")).to_contain_text("Enviado.")
    report_url = officer.url
    share.refresh_from_db()
    assert share.status == CommitmentStatus.DONE  # the follow-up shows it, nobody updated it by hand

    mexico = person(browser, live_server, mexico_officer)
    assert mexico.goto(report_url).status == 404
    mexico.goto(f"/reporting/cycles/{cycle.pk}/table/")
    expect(mexico.locator("table.regional")).not_to_contain_text("10")

    secretariat = person(browser, live_server, secretariat_staff)
    secretariat.goto(report_url)
    secretariat.locator("#row-TIP-PR-09 summary").click()
    secretariat.fill("#c-TIP-PR-09", "Indique la fuente: ¿son condenas firmes?")
    secretariat.get_by_role("button", name="Devolver al país").click()
    expect(secretariat.locator(".message")).to_contain_text("Devuelto al país")
    share.refresh_from_db()
    assert share.status == CommitmentStatus.IN_PROGRESS

    officer.goto(report_url)
    expect(officer.locator("#row-TIP-PR-09")).to_contain_text("Indique la fuente")
    officer.fill("#v-TIP-PR-09", "2")
    officer.get_by_role("button", name="Enviar a la Secretaría").click()
    expect(officer.locator(".message")).to_contain_text("Enviado.")

    secretariat.goto(report_url)
    secretariat.get_by_role("button", name="Validar").click()
    expect(secretariat.locator(".message")).to_contain_text("Validado.")
    secretariat.goto(f"/reporting/cycles/{cycle.pk}/")
    row = secretariat.locator("tr", has_text="Costa Rica")
    expect(row).to_contain_text("a tiempo")
    expect(row).to_contain_text("Validado")
    expect(secretariat.locator("ul.stats")).to_contain_text("1 a tiempo")
    screenshot(secretariat, "reporting-completeness")
    share.refresh_from_db()
    assert share.status == CommitmentStatus.DONE

    mexico.goto(report_url)
    expect(mexico.locator("#row-TIP-PR-09")).to_contain_text("2")
    mexico.goto(f"/reporting/cycles/{cycle.pk}/table/")
    expect(mexico.locator("table.regional")).to_contain_text("10")
    mexico.goto(f"/follow-up/commitments/{commitment.pk}/")
    expect(mexico.locator("body")).to_contain_text("Costa Rica")


def test_the_form_at_phone_width_and_by_keyboard(
    browser, live_server, organizations, costa_rica_officer, secretariat_staff
):
    cycle = make_cycle(secretariat_staff, make_framework(), expected=[organizations["CR"]])
    phone = person(browser, live_server, costa_rica_officer, width=390)
    phone.goto(f"/reporting/cycles/{cycle.pk}/")
    phone.get_by_role("button", name="Completar el informe de su país").focus()
    phone.keyboard.press("Enter")
    expect(phone.locator("#report-form")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.locator("#v-TIP-PV-01").focus()
    phone.keyboard.press("ArrowDown")  # a select takes the keyboard
    assert serious_violations(phone) == []
    screenshot(phone, "reporting-form-phone")
