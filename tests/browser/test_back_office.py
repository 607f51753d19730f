"""The back office in a real browser: reached from the navigation after the second factor, styled by the admin's
own static files, and nothing of it blocked by the Content-Security-Policy."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import log_in, screenshot
from tests.factories.directory import PASSWORD
from tests.factories.meetings import make_meeting


def test_the_verified_administrator_opens_a_styled_back_office_that_the_csp_does_not_break(
    page, secretariat_admin, secretariat_staff
):
    meeting = make_meeting(created_by=secretariat_staff)
    device = TOTPDevice.objects.create(user=secretariat_admin, name="phone", confirmed=True)
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append((page.url, message.text[:60]))
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: blocked.append(str(error)))

    log_in(page, "st.admin", PASSWORD)
    page.wait_for_url("**/accounts/verify/**")
    page.fill("#id_token", f"{totp(device.bin_key):06d}")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/home/")
    page.click("[data-testid=back-office-link]")
    page.wait_for_url("**/back-office/")

    header = page.locator("#header")
    assert header.is_visible()
    background = header.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the admin's stylesheet is served
    assert page.locator("#site-name").inner_text() == "Administración interna de Enlace"
    screenshot(page, "back-office-home-es")

    # The pages with the most script: a two-list picker (delegations), dates, and a record's history.
    page.goto(f"/back-office/meetings/meeting/{meeting.pk}/change/")
    assert page.locator("#id_delegations_from").count() == 1  # SelectFilter2 built the picker
    screenshot(page, "back-office-meeting-es")
    page.goto(f"/back-office/meetings/meeting/{meeting.pk}/history/")
    assert page.locator("#change-history").is_visible()
    screenshot(page, "back-office-history-es")
    page.goto("/back-office/directory/organization/?q=costa")
    assert page.locator("#result_list").is_visible()
    assert blocked == []
