"""A request's language ends with it: a Spanish page must not leave the next code on the thread (a task, a test)
speaking Spanish. The importer's tests once needed an autouse fixture to hide this."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext as _

from tests.conftest import client_for


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_signed_in_persons_language_does_not_outlive_the_request(costa_rica_officer, iom_analyst, language):
    other = "es" if language == "en" else "en"
    person = costa_rica_officer if other == "es" else iom_analyst
    with translation.override(language):
        page = client_for(person).get("/follow-up/")
        assert page.status_code == 200 and page["Content-Language"] == other
        assert translation.get_language() == language


def test_a_visitors_browser_language_does_not_outlive_the_request(db):
    with translation.override("en"):
        page = Client(HTTP_ACCEPT_LANGUAGE="es").get("/")
        assert page["Content-Language"] == "es"
        assert translation.get_language() == "en"
        assert _("Meetings") == "Meetings"
