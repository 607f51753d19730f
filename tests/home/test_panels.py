"""The home and landing pages are built from the panels the apps register: each role sees its own, in order, and a
visitor sees only what is published."""

import pytest

from enlace.core.models import Visibility
from enlace.core.registry import demo_loaders, home_panels
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


def shown(user) -> list[str]:
    return [panel.key for panel in client_for(user).get("/home/").context["panels"]]


def test_a_liaison_officer_sees_no_import_queue_and_no_administration(costa_rica_officer):
    assert shown(costa_rica_officer) == ["followup", "reporting", "recent_meetings"]


def test_the_secretariat_administrator_sees_every_panel_in_order(secretariat_admin, secretariat_staff):
    assert shown(secretariat_staff) == ["followup", "imports", "reporting", "recent_meetings"]
    assert shown(secretariat_admin) == [
        "followup",
        "imports",
        "administration",
        "reporting",
        "recent_meetings",
    ]


def test_a_visitor_sees_the_published_meetings_only(organizations):
    published = make_meeting(visibility=Visibility.PUBLIC, title="Reunión publicada")
    make_meeting(title="Reunión interna")
    page = client_for(None).get("/")
    assert [panel.key for panel in page.context["panels"]] == ["published_meetings"]
    assert published.title in page.content.decode() and "Reunión interna" not in page.content.decode()


def test_apps_register_their_panels_and_demo_loaders_meetings_before_their_progress():
    assert {panel.key for panel in home_panels("home")} >= {"followup", "imports", "recent_meetings"}
    assert [loader.key for loader in demo_loaders()] == ["meetings", "followup", "reporting"]
