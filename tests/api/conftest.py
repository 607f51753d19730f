"""Fixtures of the API tests: the OpenAPI schema, loaded by schemathesis from the Django WSGI app running in the
test process."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections


@pytest.fixture
def api_schema(db):
    """As Django's test client does, the app must not close the test's database connection after each request
    (on PostgreSQL that connection holds the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
