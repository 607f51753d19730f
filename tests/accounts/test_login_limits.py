"""Failed log-ins are limited per address and per user name, with the address taken from trusted proxies only,
and an attacker can neither escape the limits nor use them to keep a person out of her own account."""

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from enlace.accounts.models import Role
from enlace.core.client_address import client_ip
from tests.factories.directory import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
TOKEN = "/api/v1/auth/token/"
ATTACKER = "203.0.113.66"
HER_OFFICE = "198.51.100.10"


def log_in(username, password=PASSWORD, *, address, forwarded=None, client=None):
    client = client or Client()
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    response = client.post(LOGIN, {"username": username, "password": password}, **extra)
    return response, client


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail_until_locked(username, *, address):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(username, "wrong-password", address=address)


# --- the client address -------------------------------------------------------------------------------------


def test_forged_x_forwarded_for_does_not_escape_token_throttle(costa_rica_officer, settings):
    """Each request names a new client in X-Forwarded-For; with no trusted proxy the header is ignored."""
    settings.AXES_FAILURE_LIMIT = 100  # the throttle alone, not the log-in limits
    statuses = []
    for n in range(15):
        response = Client().post(
            TOKEN,
            {"username": "cr.officer", "password": "wrong-password", "name": "script"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
        statuses.append(response.status_code)
    assert 429 in statuses
    assert statuses.index(429) == 10  # the scope "token" allows 10 a minute


def test_forged_x_forwarded_for_does_not_escape_login_limit(costa_rica_officer):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in("cr.officer", "wrong-password", address=ATTACKER, forwarded=f"10.0.0.{n}")
    response, client = log_in("cr.officer", address=ATTACKER, forwarded="10.0.0.99")
    assert response.status_code == 429
    assert not signed_in(client)


def test_behind_one_trusted_proxy_the_address_it_saw_is_the_client(settings):
    settings.ENLACE_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7")
    assert client_ip(request) == "192.0.2.7"  # "6.6.6.6" was written by the client itself


def test_a_trusted_proxy_passing_garbage_falls_back_to_the_proxy_address(settings):
    settings.ENLACE_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="<script>")
    assert client_ip(request) == "10.0.0.1"


@pytest.mark.parametrize("proxies", [0, 1, 2])
@pytest.mark.parametrize(
    "forwarded", [None, "192.0.2.7", "6.6.6.6, 192.0.2.7", "6.6.6.6, 192.0.2.7, 10.0.0.2"]
)
def test_throttles_and_lockouts_agree_on_the_client_address(settings, proxies, forwarded):
    settings.ENLACE_TRUSTED_PROXY_COUNT = proxies
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", **extra)
    assert SimpleRateThrottle.get_ident(SimpleRateThrottle.__new__(SimpleRateThrottle), Request(request)) == (
        client_ip(request)
    )


def test_forged_x_forwarded_for_does_not_escape_password_reset_limit(costa_rica_officer, settings):
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for n in range(25):
        Client().post(
            "/accounts/password/reset/",
            {"email": f"someone{n}@example.org" if n else costa_rica_officer.email},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    Client().post("/accounts/password/reset/", {"email": costa_rica_officer.email}, REMOTE_ADDR=ATTACKER)
    assert len(mail.outbox) == 1  # the last one was over the limit of 20 for the address


# --- per address, across user names -------------------------------------------------------------------------


def test_attacker_cycling_usernames_from_one_address_is_slowed(costa_rica_officer, mexico_officer):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(f"guess{n}", "wrong-password", address=ATTACKER)
    response, client = log_in("mx.officer", address=ATTACKER)  # even a right password, for a new name
    assert response.status_code == 429
    assert not signed_in(client)
    assert log_in("mx.officer", address=HER_OFFICE)[0].status_code == 302  # other addresses are not slowed


def test_attacker_cannot_reset_the_address_count_by_logging_in_as_themselves(
    costa_rica_officer, mexico_officer
):
    """A member with an account of their own guesses other names and signs in as themselves in between."""
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(f"guess{n}", "wrong-password", address=ATTACKER)
    assert log_in("mx.officer", address=ATTACKER)[0].status_code == 302
    log_in("guess-again", "wrong-password", address=ATTACKER)
    response, client = log_in("cr.officer", address=ATTACKER)
    assert response.status_code == 429
    assert not signed_in(client)


def test_people_who_signed_in_from_a_shared_address_are_not_slowed_by_an_attacker_there(
    costa_rica_officer, mexico_officer
):
    """Behind one NAT: the attacker cycles names from the office address the real users sign in from."""
    log_in("mx.officer", address=HER_OFFICE)
    for n in range(settings.AXES_FAILURE_LIMIT + 3):
        log_in(f"guess{n}", "wrong-password", address=HER_OFFICE)
    assert log_in("guess-more", address=HER_OFFICE)[0].status_code == 429
    response, client = log_in("mx.officer", address=HER_OFFICE)
    assert response.status_code == 302 and signed_in(client)


# --- per user name, across addresses ------------------------------------------------------------------------


def test_guessing_one_password_from_many_addresses_is_slowed(costa_rica_officer):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in("cr.officer", "wrong-password", address=f"192.0.2.{n + 1}")
    response, client = log_in("cr.officer", address="192.0.2.200")
    assert response.status_code == 429
    assert not signed_in(client)


def test_attacker_cannot_lock_out_real_user_from_her_own_address(costa_rica_officer):
    log_in("cr.officer", address=HER_OFFICE)  # she has signed in from her office before
    for n in range(3 * settings.AXES_FAILURE_LIMIT):
        log_in("cr.officer", "wrong-password", address=f"192.0.2.{n + 1}")
    assert log_in("cr.officer", address="192.0.2.250")[0].status_code == 429  # new addresses: cooled off
    response, client = log_in("cr.officer", address=HER_OFFICE)
    assert response.status_code == 302 and signed_in(client)


def test_attacker_cannot_lock_out_real_user_through_the_api_either(costa_rica_officer):
    log_in("cr.officer", address=HER_OFFICE)
    for n in range(2 * settings.AXES_FAILURE_LIMIT):
        Client().post(
            TOKEN,
            {"username": "cr.officer", "password": "wrong-password", "name": "script"},
            REMOTE_ADDR=f"192.0.2.{n + 1}",
        )
    response, client = log_in("cr.officer", address=HER_OFFICE)
    assert response.status_code == 302 and signed_in(client)


def test_guessing_from_her_own_address_is_still_limited(costa_rica_officer):
    log_in("cr.officer", address=HER_OFFICE)
    fail_until_locked("cr.officer", address=HER_OFFICE)
    assert log_in("cr.officer", address=HER_OFFICE)[0].status_code == 429


def test_lockout_page_explains_in_spanish_and_english(costa_rica_officer):
    fail_until_locked("cr.officer", address=ATTACKER)
    spanish, _ = log_in("cr.officer", address=ATTACKER)
    assert spanish.status_code == 429
    assert "15 minutos" in spanish.content.decode()
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english, _ = log_in("cr.officer", address=ATTACKER, client=client)
    assert english.status_code == 429
    assert "15 minutes" in english.content.decode()
    assert "administrator" in english.content.decode()


# --- the administrator unlocks ------------------------------------------------------------------------------


def test_admin_unlocks_person(costa_rica_officer, secretariat_admin):
    from tests.conftest import client_for

    fail_until_locked("cr.officer", address=ATTACKER)
    admin = client_for(secretariat_admin)
    people = admin.get("/directory/people/").content.decode()
    assert f"/directory/people/{costa_rica_officer.pk}/unlock/" in people
    response = admin.post(f"/directory/people/{costa_rica_officer.pk}/unlock/")
    assert response.status_code == 302
    response, client = log_in("cr.officer", address=ATTACKER)
    assert response.status_code == 302 and signed_in(client)
    assert costa_rica_officer.history.filter(history_change_reason="Log-in lockout lifted").exists()


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.LIAISON_OFFICER])
def test_only_the_administrator_unlocks(costa_rica_officer, secretariat_staff, mexico_officer, role):
    from tests.conftest import client_for

    fail_until_locked("cr.officer", address=ATTACKER)
    someone = secretariat_staff if role == Role.SECRETARIAT else mexico_officer
    assert client_for(someone).post(f"/directory/people/{costa_rica_officer.pk}/unlock/").status_code == 404
    assert log_in("cr.officer", address=ATTACKER)[0].status_code == 429


def test_locked_out_api_client_gets_json_not_a_web_page(costa_rica_officer):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = Client().post(
            TOKEN,
            {"username": "cr.officer", "password": "wrong-password", "name": "script"},
            REMOTE_ADDR=ATTACKER,
        )
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "900"
    assert "15 minutos" in response.json()["detail"]
    right = Client().post(
        TOKEN, {"username": "cr.officer", "password": PASSWORD, "name": "script"}, REMOTE_ADDR=ATTACKER
    )
    assert right.status_code == 429 and "token" not in right.json()
