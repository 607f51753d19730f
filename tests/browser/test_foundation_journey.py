"""Issue 2 in a real browser: each persona logs in, switches language and sees their home; visitors are sent to
log in; axe-core finds no serious or critical violation on the log-in and home pages."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import log_in, screenshot, serious_violations
from tests.factories.directory import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

# What tells each role's home apart: a text of the organization, or a section only that role has.
HOME_MARKERS = {
    "costa_rica_officer": "text=Costa Rica",
    "mexico_officer": "text=México",
    "secretariat_staff": "#imports-heading",
    "secretariat_admin": "#admin-heading",
    "iom_analyst": "text=International Organization for Migration",
    "rrocm_member": "text=Red Regional de Organizaciones Civiles para las Migraciones",
}


def test_visitor_sees_landing_and_is_sent_to_log_in(page, organizations):
    page.goto("/")
    assert page.locator("h1").first.inner_text()
    assert page.locator("a[href='/accounts/login/']").count() >= 1
    page.goto("/home/")
    assert "/accounts/login/" in page.url
    page.goto("/directory/people/")
    assert "/accounts/login/" in page.url
    assert serious_violations(page) == []
    screenshot(page, "login-es")


@pytest.mark.parametrize("persona", list(HOME_MARKERS), indirect=True)
def test_persona_logs_in_switches_language_and_sees_home(page, persona, request):
    name = request.node.callspec.params["persona"]
    log_in(page, persona.username, PASSWORD)
    if persona.is_secretariat_admin:
        # The administrator must pass the second factor: enrol an authenticator with a real TOTP code.
        assert "/accounts/verify" in page.url
        page.wait_for_selector("[data-testid=totp-secret]")
        device = TOTPDevice.objects.get(user=persona, confirmed=False)
        page.fill("#id_token", f"{totp(device.bin_key):06d}")
        page.click("button[type=submit].primary")
    page.wait_for_url("**/home/")
    assert page.locator("main").locator(HOME_MARKERS[name]).count() >= 1
    if name != "secretariat_admin":
        assert page.locator("main #admin-heading").count() == 0
    if persona.language == "es":
        assert page.locator("html").get_attribute("lang") == "es"
        assert serious_violations(page) == []
        page.click("button[name=language][value=en]")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "en"
        assert "Welcome" in page.locator("h1").inner_text()
    else:
        assert page.locator("html").get_attribute("lang") == "en"
        page.click("button[name=language][value=es]")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "es"
    persona.refresh_from_db()
    assert persona.language == page.locator("html").get_attribute("lang")
    assert serious_violations(page) == []
    screenshot(page, f"home-{name}")
