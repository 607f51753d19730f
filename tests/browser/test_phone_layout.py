"""Issue 8, point 4, in Chromium at a phone's width (390 px): no page scrolls sideways, the navigation folds into a
Menu button that opens it, and a wide screen shows the navigation without the button."""

import pytest
from django.core.management import call_command

from enlace.meetings.models import Commitment, Meeting
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = "enlace-demo-2026"


def _sign_in(context, username):
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/home/")
    return page


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_pages_fit_a_phone_and_the_menu_opens(browser, live_server, restore_signals):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    meeting = Meeting.objects.order_by("start_date").first()
    commitment = Commitment.objects.filter(meeting=meeting).first()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="es-ES")
    page = _sign_in(context, "st.staff")

    menu = page.locator(".menu-toggle")
    modules = page.locator("nav.modules")
    assert menu.is_visible() and not modules.is_visible()
    assert menu.get_attribute("aria-expanded") == "false"
    screenshot(page, "phone-home-menu-closed")
    menu.click()
    assert modules.is_visible() and menu.get_attribute("aria-expanded") == "true"
    assert page.locator("nav.modules a[href='/follow-up/']").is_visible()
    screenshot(page, "phone-home-menu-open")

    paths = [
        "/home/",
        "/meetings/",
        f"/meetings/{meeting.pk}/",
        "/follow-up/",
        f"/follow-up/commitments/{commitment.pk}/",
        "/directory/",
        "/directory/people/",
        "/accounts/profile/",
        "/meetings/import/",
        f"/history/meeting/{meeting.pk}/",
    ]
    too_wide = {}
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        overflow = _overflow(page)
        if overflow > 0:
            too_wide[path] = overflow
        screenshot(page, "phone" + path.strip("/").replace("/", "-"))
    assert too_wide == {}

    # The follow-up: one card per commitment, its status and deadline in view without scrolling sideways.
    page.goto("/follow-up/")
    card = page.locator("table.cards-on-phone tbody tr").first
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    for cell in (".card-title", ".card-status", ".card-deadline"):
        cell_box = card.locator(cell).bounding_box()
        assert cell_box["x"] + cell_box["width"] <= PHONE["width"], cell
    assert not page.locator("table.cards-on-phone thead").is_visible() or box["height"] > 0
    context.close()


def test_a_wide_screen_shows_the_navigation_without_a_menu_button(browser, live_server, restore_signals):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = _sign_in(context, "cr.officer")
    assert page.locator("nav.modules").is_visible()
    assert not page.locator(".menu-toggle").is_visible()
    titles = page.locator("nav.modules a").all_inner_texts()
    assert "Seguimiento" in titles or "Follow-up" in titles
    assert "Informes de país" in titles or "Country reports" in titles
    # Modules not built yet stay out of the navigation.
    assert not {"Legislación", "Legislation"} & set(titles)
    context.close()
