import pytest
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db


def test_reset_links_are_limited_per_address_without_saying_so(costa_rica_officer, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client = Client()
    for _ in range(6):
        response = client.post("/accounts/password/reset/", {"email": costa_rica_officer.email})
        assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 3
