"""While the database is down or restarting: 503 with Retry-After, JSON on the API, the app's own page elsewhere,
built without reading the session again, one warning in the log and no traceback per request."""

import logging
from unittest import mock

import pytest
from django.conf import settings
from django.db import InterfaceError, connection, connections
from django.test import Client

from enlace.core import outage
from tests.conftest import client_for


@pytest.fixture(autouse=True)
def fresh_outage_log():
    outage._last_logged = 0.0
    outage._suppressed = 0


class DatabaseDown:
    """Every new query fails as the driver fails when the server is gone; counts the attempts."""

    def __enter__(self):
        error = connection.Database.OperationalError("server closed the connection unexpectedly")
        self.patch = mock.patch.object(type(connections["default"]), "create_cursor", side_effect=error)
        self.cursor = self.patch.start()
        return self

    def __exit__(self, *exc):
        self.patch.stop()

    @property
    def attempts(self) -> int:
        return self.cursor.call_count


def outage_client(user=None) -> Client:
    client = client_for(user) if user is not None else Client()
    client.raise_request_exception = False  # see the answer, as a browser would
    return client


def test_api_answers_json_503_while_database_is_down(db):
    client = outage_client()
    with DatabaseDown():
        response = client.get("/api/v1/meetings/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
    assert "base de datos" in response.json()["detail"]  # Spanish unless the browser asks otherwise


def test_api_of_signed_in_person_answers_json_503_while_database_is_down(costa_rica_officer):
    client = outage_client(costa_rica_officer)
    with DatabaseDown():
        response = client.get("/api/v1/commitments/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "The database is not available right now. Please try again in a few seconds."
    }


def test_error_page_during_outage_does_not_read_session(costa_rica_officer):
    client = outage_client(costa_rica_officer)
    with DatabaseDown() as database:
        response = client.get("/follow-up/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Back in a moment" in page
    assert "/static/css/enlace.css" in page or "css/enlace." in page  # the app's own look
    assert database.attempts == 1  # the query that met the outage; the error page asked for nothing


def test_outage_page_speaks_the_language_of_the_cookie_without_the_database(costa_rica_officer):
    client = outage_client(costa_rica_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    with DatabaseDown():
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert '<html lang="es">' in response.content.decode()
    assert "Vuelve en un momento" in response.content.decode()


def test_form_post_during_outage_answers_503_not_500(costa_rica_officer):
    client = outage_client(costa_rica_officer)
    with DatabaseDown():
        response = client.post("/follow-up/commitments/1/", {"action": "note", "note-text": "x"})
    assert response.status_code == 503


def test_view_that_meets_the_outage_answers_503_through_the_middleware(costa_rica_officer):
    client = outage_client(costa_rica_officer)
    client.get("/follow-up/")  # the session and user are read once, before the outage
    broken = mock.patch(
        "enlace.followup.views.followup.selectors.followup",
        side_effect=InterfaceError("connection already closed"),
    )
    with broken:
        response = client.get("/follow-up/")
    assert response.status_code == 503


def test_outage_is_logged_once_without_tracebacks(costa_rica_officer, caplog):
    client = outage_client(costa_rica_officer)
    enlace_logger = logging.getLogger("enlace")
    enlace_logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO), DatabaseDown():
            for _ in range(10):
                client.get("/follow-up/")
                client.get("/api/v1/commitments/")
    finally:
        enlace_logger.removeHandler(caplog.handler)
    warnings = [r for r in caplog.records if r.name == "enlace.outage"]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert not [r for r in caplog.records if r.exc_info]
    assert not [r for r in caplog.records if r.name == "django.request"]
    statuses = {r.status for r in caplog.records if r.name == "enlace.request"}
    assert statuses == {503}


def test_stale_connection_after_database_restart_is_checked_before_reuse():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
