"""API tokens: a password alone gives no administrator a token; tokens end, are hashed, named and revocable."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from enlace.accounts.models import ApiToken, Role
from tests.conftest import client_for
from tests.factories.directory import PASSWORD

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TOKEN_URL = "/api/v1/auth/token/"


def code_for(device, *, steps_ahead=0) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def get_token(username, *, name="reporting script", password=PASSWORD, **extra):
    body = {"username": username, "password": password, "name": name, **extra}
    return Client().post(TOKEN_URL, body, content_type="application/json")


def api(token) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def works(token) -> bool:
    return api(token).get("/api/v1/people/").status_code == 200


@pytest.fixture
def admin_phone(secretariat_admin):
    return TOTPDevice.objects.create(user=secretariat_admin, name="phone", confirmed=True)


# --- the second factor ----------------------------------------------------------------------------------------


def test_password_only_admin_cannot_get_an_api_token(secretariat_admin, admin_phone):
    response = get_token("st.admin")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["otp"]
    assert "token" not in response.json()


def test_admin_with_a_wrong_or_replayed_code_gets_no_token(secretariat_admin, admin_phone):
    wrong = f"{(int(code_for(admin_phone)) + 500_000) % 1_000_000:06d}"
    assert get_token("st.admin", otp=wrong).status_code == 400
    admin_phone.throttling_failure_count = 0
    admin_phone.save()
    code = code_for(admin_phone)
    assert get_token("st.admin", otp=code).status_code == 200
    replay = get_token("st.admin", otp=code, name="another client")
    assert replay.status_code == 400
    assert replay.json()["otp"]


def test_admin_who_never_set_up_an_authenticator_cannot_get_an_api_token(secretariat_admin):
    response = get_token("st.admin", otp="123456")
    assert response.status_code == 400
    assert response.json()["otp"]


def test_admin_with_a_current_code_gets_a_token_that_works(secretariat_admin, admin_phone):
    response = get_token("st.admin", otp=code_for(admin_phone))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "expiry"}
    assert works(body["token"])


def test_token_issued_before_promotion_to_administrator_stops_working(costa_rica_officer, organizations):
    """A token got with the password alone must not start carrying administrator rights."""
    token = get_token("cr.officer").json()["token"]
    assert works(token)
    costa_rica_officer.organization, costa_rica_officer.role = organizations["ST"], Role.SECRETARIAT_ADMIN
    costa_rica_officer.save()
    refused = api(token).get("/api/v1/people/")
    assert refused.status_code == 401
    assert refused["Content-Type"] == "application/json"


def test_password_only_session_of_someone_with_two_step_verification_is_refused_by_the_api(
    costa_rica_officer,
):
    """No API request carries more than the web session: pages ask for the code, so the API refuses."""
    TOTPDevice.objects.create(user=costa_rica_officer, name="phone", confirmed=True)
    client = Client()
    client.force_login(costa_rica_officer)
    response = client.get("/api/v1/people/")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"


def test_the_api_session_check_holds_even_without_the_page_middleware(costa_rica_officer, settings):
    TOTPDevice.objects.create(user=costa_rica_officer, name="phone", confirmed=True)
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("RequireSecondFactorMiddleware")]
    client = Client()
    client.force_login(costa_rica_officer)
    assert client.get("/api/v1/people/").status_code == 403


def test_verified_admin_session_is_served_by_the_api(secretariat_admin):
    assert client_for(secretariat_admin).get("/api/v1/people/").status_code == 200


# --- tokens that end ------------------------------------------------------------------------------------------


def test_a_token_stops_working_when_its_lifetime_is_over(costa_rica_officer):
    response = get_token("cr.officer").json()
    expiry = timezone.datetime.fromisoformat(response["expiry"])
    lifetime = expiry - timezone.now()
    assert timedelta(hours=settings.API_TOKEN_TTL_HOURS) - lifetime < timedelta(minutes=1)
    later = timezone.now() + lifetime + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert api(response["token"]).get("/api/v1/people/").status_code == 401
    assert not ApiToken.objects.filter(user=costa_rica_officer).exists()


def test_the_token_lifetime_comes_from_the_environment_and_a_bad_one_stops_the_start():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DEBUG="true", DJANGO_SETTINGS_MODULE="config.settings")
    script = "import django; django.setup(); from django.conf import settings; print(settings.REST_KNOX['TOKEN_TTL'])"
    for value, expected in [
        ("12", "12:00:00"),
        ("0", "ImproperlyConfigured"),
        ("soon", "ImproperlyConfigured"),
    ]:
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**env, "ENLACE_API_TOKEN_TTL_HOURS": value},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert expected in result.stdout + result.stderr, (value, result.stderr[-500:])


def test_a_token_is_stored_hashed_never_in_the_clear(costa_rica_officer):
    token = get_token("cr.officer").json()["token"]
    stored = ApiToken.objects.get(user=costa_rica_officer)
    assert token not in {str(value) for value in ApiToken.objects.values().get().values()}
    assert len(stored.digest) == 128 and stored.digest != token


def test_password_reset_revokes_api_tokens(costa_rica_officer):
    token = get_token("cr.officer").json()["token"]
    client = Client()
    client.post("/accounts/password/reset/", {"email": "cr.officer@example.org"})
    link = re.search(r"/accounts/password/reset/[^/\s]+/[^/\s]+/", mail.outbox[0].body).group(0)
    form_page = client.get(link, follow=True)
    new_password = "another-new-password-88"
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    assert not works(token)
    assert not ApiToken.objects.filter(user=costa_rica_officer).exists()


def test_a_password_changed_any_other_way_also_ends_the_tokens(costa_rica_officer):
    token = get_token("cr.officer").json()["token"]
    costa_rica_officer.set_password("changed-from-the-shell-99")
    costa_rica_officer.save()
    assert not works(token)


def test_deactivation_revokes_api_tokens(secretariat_admin, costa_rica_officer):
    token = get_token("cr.officer").json()["token"]
    client_for(secretariat_admin).post(f"/directory/people/{costa_rica_officer.pk}/active/", {"active": "0"})
    assert not works(token)
    assert not ApiToken.objects.filter(user=costa_rica_officer).exists()


def test_a_second_factor_reset_revokes_the_tokens_it_helped_issue(secretariat_admin, secretariat_staff):
    phone = TOTPDevice.objects.create(user=secretariat_staff, name="phone", confirmed=True)
    token = get_token("st.staff", otp=code_for(phone)).json()["token"]
    assert works(token)
    client_for(secretariat_admin).post(f"/directory/people/{secretariat_staff.pk}/second-factor/")
    assert not works(token)


# --- one token per client, named, seen and revoked by their holder -------------------------------------------


def test_one_token_per_client_a_new_one_for_the_same_name_replaces_the_old(costa_rica_officer):
    first = get_token("cr.officer", name="laptop").json()["token"]
    other = get_token("cr.officer", name="server").json()["token"]
    second = get_token("cr.officer", name="laptop").json()["token"]
    assert (works(first), works(other), works(second)) == (False, True, True)
    assert sorted(ApiToken.objects.values_list("name", flat=True)) == ["laptop", "server"]


def test_a_token_needs_a_client_name(costa_rica_officer):
    response = Client().post(
        TOKEN_URL, {"username": "cr.officer", "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["name"]


def test_the_number_of_tokens_per_person_is_bounded(costa_rica_officer, settings):
    settings.API_TOKENS_PER_PERSON = 2
    assert get_token("cr.officer", name="a").status_code == 200
    assert get_token("cr.officer", name="b").status_code == 200
    refused = get_token("cr.officer", name="c")
    assert refused.status_code == 400
    assert refused.json()["name"]
    assert get_token("cr.officer", name="a").status_code == 200  # replacing one is still fine


def test_each_person_sees_and_revokes_their_own_tokens_on_the_profile(costa_rica_officer, mexico_officer):
    token = get_token("cr.officer", name="laptop").json()["token"]
    theirs = get_token("mx.officer", name="mexico script").json()["token"]
    assert works(token)  # sets "last used"
    page = client_for(costa_rica_officer).get("/accounts/profile/")
    html = page.content.decode()
    assert "laptop" in html and "mexico script" not in html
    record = ApiToken.objects.get(user=costa_rica_officer)
    assert record.last_used is not None
    assert [t.name for t in page.context["api_tokens"]] == ["laptop"]

    other = ApiToken.objects.get(user=mexico_officer)
    stranger = client_for(costa_rica_officer).post(f"/accounts/profile/tokens/{other.pk}/revoke/")
    assert stranger.status_code == 404
    assert works(theirs)
    revoked = client_for(costa_rica_officer).post(f"/accounts/profile/tokens/{record.pk}/revoke/")
    assert revoked["Location"] == "/accounts/profile/"
    assert not works(token)
    assert (
        client_for(costa_rica_officer).get(f"/accounts/profile/tokens/{record.pk}/revoke/").status_code == 405
    )


# --- the endpoint and its schema -----------------------------------------------------------------------------


def test_token_endpoint_schema_documents_the_json_request_and_response(db):
    schema = Client().get("/api/v1/schema/", {"format": "json"}).json()
    operation = schema["paths"][TOKEN_URL]["post"]
    assert list(operation["requestBody"]["content"]) == ["application/json"]
    request_ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    request_schema = schema["components"]["schemas"][request_ref]
    assert set(request_schema["properties"]) == {"username", "password", "otp", "name"}
    assert set(request_schema["required"]) == {"username", "password", "name"}
    response_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].split("/")[
        -1
    ]
    response_schema = schema["components"]["schemas"][response_ref]
    assert set(response_schema["properties"]) == {"token", "expiry"}
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])


def test_a_token_header_with_bytes_that_are_not_text_answers_401_not_500(db):
    client = Client(HTTP_AUTHORIZATION="Token \xff\xfe")
    client.raise_request_exception = False
    assert client.get("/api/v1/people/").status_code == 401


def test_the_token_endpoint_keeps_its_throttle():
    from rest_framework.throttling import ScopedRateThrottle

    from enlace.api.views import TokenView

    assert TokenView.throttle_scope == "token"
    assert ScopedRateThrottle in TokenView.throttle_classes
