"""A person sees their API tokens on their profile and revokes one; replacing an authenticator asks for both codes."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from enlace.accounts import services
from enlace.accounts.models import ApiToken
from tests.browser.conftest import log_in, screenshot, serious_violations
from tests.factories.directory import PASSWORD


def test_person_revokes_an_api_token_from_the_profile(page, costa_rica_officer):
    services.api_token_issue(user=costa_rica_officer, name="laptop", with_second_factor=False)
    services.api_token_issue(user=costa_rica_officer, name="hoja de cálculo", with_second_factor=False)
    log_in(page, "cr.officer", PASSWORD)
    page.wait_for_url("**/home/")
    page.goto("/accounts/profile/")
    rows = page.locator("[data-testid=api-token]")
    assert rows.count() == 2
    assert serious_violations(page) == []
    screenshot(page, "profile-api-tokens-es")
    page.click("button[aria-label='Revocar el token laptop']")
    page.wait_for_url("**/accounts/profile/")
    assert page.locator("[data-testid=api-token]").count() == 1
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["hoja de cálculo"]


def test_replacing_an_authenticator_asks_for_a_code_from_the_current_one(page, costa_rica_officer):
    current = TOTPDevice.objects.create(user=costa_rica_officer, name="phone", confirmed=True)
    log_in(page, "cr.officer", PASSWORD)
    page.wait_for_url("**/accounts/verify/**")
    page.fill("#id_token", f"{totp(current.bin_key):06d}")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/home/")
    page.goto("/accounts/verify/setup/")
    assert page.locator("#id_current_token").count() == 1
    assert serious_violations(page) == []
    screenshot(page, "authenticator-replace-es")
    new = TOTPDevice.objects.get(user=costa_rica_officer, confirmed=False)
    page.fill("#id_current_token", f"{totp(current.bin_key, drift=1):06d}")
    page.fill("#id_token", f"{totp(new.bin_key):06d}")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/home/")
    assert list(TOTPDevice.objects.filter(user=costa_rica_officer, confirmed=True)) == [new]
