"""Issue 8, point 5, in a real browser: every follow-up filter applies as soon as it changes (a check box, a
date, a search after a pause), open commitments come before done ones, and the filters sit in equal columns."""

import pytest
from playwright.sync_api import expect

from enlace.followup import services
from enlace.meetings.models import CommitmentStatus
from tests.browser.conftest import log_in, screenshot
from tests.factories.directory import PASSWORD
from tests.factories.followup import by_text, commitment, days, meeting_with

pytestmark = pytest.mark.django_db(transaction=True)


def _texts(page) -> list[str]:
    return [text.strip() for text in page.locator("#followup-results .card-title a").all_inner_texts()]


def test_every_filter_applies_at_once(page, organizations, costa_rica_officer, secretariat_staff):
    meeting_with(
        commitment("1.a", "Compromiso cumplido de la OIM", ["IOM"], due=days(5)),
        commitment("2.a", "Enviar el documento de indicadores", ["CR"], due=days(30)),
        commitment("3.a", "Analizar los nudos claves", ["IOM"], due=days(60)),
    )
    services.commitment_update_status(
        commitment=by_text("cumplido de la OIM"), actor=secretariat_staff, status=CommitmentStatus.DONE,
        note="Hecho.",
    )  # fmt: skip
    log_in(page, costa_rica_officer.username, PASSWORD)
    page.goto("/follow-up/")
    texts = _texts(page)
    assert texts[-1].startswith("Compromiso cumplido")  # done after the open ones

    page.check("#id_mine")  # a check box: no button pressed
    expect(page.locator("#followup-results .card-title a")).to_have_count(1)
    assert _texts(page) == ["Enviar el documento de indicadores"] and "mine=on" in page.url
    page.uncheck("#id_mine")
    expect(page.locator("#followup-results .card-title a")).to_have_count(3)

    page.fill("#id_q", "nudos")  # a search: applied after a pause in typing
    expect(page.locator("#followup-results .card-title a")).to_have_count(1)
    assert _texts(page) == ["Analizar los nudos claves"]

    lefts = page.eval_on_selector_all(
        "form.filters .field", "els => els.map(e => Math.round(e.getBoundingClientRect().width))"
    )
    assert len(set(lefts)) == 1  # equal columns
    screenshot(page, "followup-filters")
