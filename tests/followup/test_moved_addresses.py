"""The follow-up moved from /meetings/ to /follow-up/: old links, bookmarks and calendar subscriptions still
arrive, through a permanent redirect that keeps the query string (and no page answers at the old address)."""

import pytest

from enlace.followup.calendar import calendar_token_for
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/meetings/follow-up/", "/follow-up/"),
        ("/meetings/follow-up/?status=overdue&page=2", "/follow-up/?status=overdue&page=2"),
        ("/meetings/follow-up/export.csv?organization=CR", "/follow-up/export.csv?organization=CR"),
        ("/meetings/commitments/7/", "/follow-up/commitments/7/"),
        ("/meetings/evidence/3/", "/follow-up/evidence/3/"),
    ],
)
def test_old_follow_up_addresses_redirect_permanently_with_their_query(old, new, secretariat_staff):
    response = client_for(secretariat_staff).get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_calendar_subscription_still_gets_the_feed(iom_analyst, organizations):
    make_meeting()
    token = calendar_token_for(iom_analyst)
    moved = client_for(None).get(f"/meetings/follow-up/calendar/{token}.ics")
    assert moved.status_code == 301 and moved["Location"] == f"/follow-up/calendar/{token}.ics"
    feed = client_for(None).get(moved["Location"])
    assert feed.status_code == 200 and feed.content.startswith(b"BEGIN:VCALENDAR")


def test_the_redirect_does_not_skip_the_log_in(db):
    """Following the redirect as a visitor ends at the log-in page, as the old address did."""
    response = client_for(None).get("/meetings/commitments/1/", follow=True)
    assert response.redirect_chain[0] == ("/follow-up/commitments/1/", 301)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
