"""Log-in, throttling, hashing, the second factor, invitations, password reset, language and people management."""

import base64
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from enlace.accounts import services
from enlace.accounts.models import ApiToken, Role, User
from tests.conftest import client_for
from tests.factories.directory import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/accounts/login/"
NON_ADMINS = ["costa_rica_officer", "mexico_officer", "secretariat_staff", "iom_analyst", "rrocm_member"]


def log_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def code_for(device, *, steps_ahead=0) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


# --- log-in ---------------------------------------------------------------------------------------------------


def test_login_by_user_name(costa_rica_officer):
    client = Client()
    response = log_in(client, "cr.officer")
    assert response.status_code == 302
    assert response["Location"] == "/home/"
    assert signed_in(client)


def test_login_by_email_address_in_any_case(costa_rica_officer):
    client = Client()
    response = log_in(client, "CR.Officer@Example.org")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == costa_rica_officer.pk


def test_wrong_password_says_so_in_spanish(costa_rica_officer):
    client = Client()
    response = log_in(client, "cr.officer", "not-the-password")
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert len(errors) == 1
    assert "introduzca un nombre de usuario" in errors[0]
    assert errors[0] in response.content.decode()
    assert not signed_in(client)


def test_unknown_person_gets_the_same_message_as_a_wrong_password(costa_rica_officer):
    wrong = log_in(Client(), "cr.officer", "not-the-password").context["form"].non_field_errors()
    unknown = log_in(Client(), "nobody@example.org", "not-the-password").context["form"].non_field_errors()
    assert wrong == unknown


def test_lockout_after_repeated_failures_refuses_even_the_right_password(costa_rica_officer):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "cr.officer", "wrong-password").status_code == 200
    locked = log_in(client, "cr.officer", "wrong-password")
    assert locked.status_code == 429
    assert "accounts/lockout.html" in [t.name for t in locked.templates]
    right = log_in(client, "cr.officer")
    assert right.status_code == 429
    assert not signed_in(client)


def test_the_next_parameter_cannot_send_people_to_another_site(costa_rica_officer):
    response = log_in(Client(), "cr.officer", next="https://evil.example/steal")
    assert response.status_code == 302
    assert response["Location"] == "/home/"


def test_argon2_is_configured_and_first_without_the_fast_test_hasher():
    assert "django.contrib.auth.hashers.Argon2PasswordHasher" in settings.PASSWORD_HASHERS
    env = {key: value for key, value in os.environ.items() if key != "ENLACE_FAST_HASHER"}
    env.update(DEBUG="true", DJANGO_SETTINGS_MODULE="config.settings")
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.contrib.auth.hashers import make_password; "
        "print(settings.PASSWORD_HASHERS[0]); print(make_password('x').split('$')[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.contrib.auth.hashers.Argon2PasswordHasher", "argon2"]


# --- second factor --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/home/", "/directory/", "/directory/people/", "/modules/reporting/", "/accounts/profile/"]
)
def test_administrator_without_second_factor_is_sent_to_verify(secretariat_admin, path):
    client = Client()
    client.force_login(secretariat_admin)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/verify/?next=")


def test_administrator_without_second_factor_gets_403_json_from_the_api(secretariat_admin):
    client = Client()
    client.force_login(secretariat_admin)
    response = client.get("/api/v1/organizations/")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"


def test_administrator_without_second_factor_may_enrol_and_reach_health(secretariat_admin):
    client = Client()
    client.force_login(secretariat_admin)
    assert client.get("/accounts/verify/")["Location"].startswith("/accounts/verify/setup/")
    assert client.get("/accounts/verify/setup/").status_code == 200
    assert client.get("/health").status_code == 200


def test_second_factor_setup_with_a_real_code_then_verify_on_the_next_log_in(secretariat_admin):
    client = Client()
    assert log_in(client, "st.admin")["Location"] == "/home/"
    assert client.get("/home/")["Location"] == "/accounts/verify/?next=/home/"
    assert client.get("/accounts/verify/?next=/home/")["Location"].startswith("/accounts/verify/setup/")

    page = client.get("/accounts/verify/setup/?next=/home/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=secretariat_admin, confirmed=False)
    assert page.context["secret"].replace(" ", "") == base64.b32encode(device.bin_key).decode().rstrip("=")
    response = client.post("/accounts/verify/setup/", {"token": code_for(device), "next": "/home/"})
    assert response.status_code == 302
    assert response["Location"] == "/home/"
    assert TOTPDevice.objects.get(user=secretariat_admin).confirmed
    assert client.get("/home/").status_code == 200

    again = Client()
    log_in(again, "st.admin")
    assert again.get("/directory/")["Location"] == "/accounts/verify/?next=/directory/"
    assert again.get("/accounts/verify/?next=/directory/").status_code == 200
    device.refresh_from_db()
    response = again.post(
        "/accounts/verify/", {"token": code_for(device, steps_ahead=1), "next": "/directory/"}
    )
    assert response["Location"] == "/directory/"
    assert again.get("/directory/").status_code == 200


def test_a_wrong_code_is_refused_with_a_field_message(secretariat_admin):
    client = Client()
    client.force_login(secretariat_admin)
    client.get("/accounts/verify/setup/")
    device = TOTPDevice.objects.get(user=secretariat_admin, confirmed=False)
    wrong = f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"
    response = client.post("/accounts/verify/setup/", {"token": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["token"]
    assert client.get("/home/").status_code == 302
    letters = client.post("/accounts/verify/setup/", {"token": "abcdef"})
    assert letters.context["form"].errors["token"]


# --- invitation and password reset ---------------------------------------------------------------------------


def _invite(admin_client, organizations, *, email, language, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/directory/people/invite/",
            {
                "first_name": "Ana",
                "last_name": "Nueva",
                "email": email,
                "organization": organizations["GT"].pk,
                "role": Role.LIAISON_OFFICER,
                "position": "",
                "language": language,
            },
        )
    assert response.status_code == 302
    return response


def _link_path(body: str, prefix: str) -> str:
    match = re.search(rf"{re.escape(prefix)}[^/\s]+/[^/\s]+/", body)
    assert match, body
    return match.group(0)


def test_invitation_link_sets_the_password_and_the_person_logs_in(
    secretariat_admin, organizations, django_capture_on_commit_callbacks
):
    admin = client_for(secretariat_admin)
    _invite(
        admin,
        organizations,
        email="ana@example.org",
        language="en",
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    invitee = User.objects.get(email="ana@example.org")
    assert not invitee.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert "You have been invited to Enlace" in message.body
    path = _link_path(message.body, "/accounts/invite/")

    client = Client()
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    new_password = "a-brand-new-password-77"
    response = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    assert response["Location"] == "/accounts/login/"
    assert log_in(Client(), "ana@example.org", new_password)["Location"] == "/home/"
    assert not Client().get(path, follow=True).context["validlink"]  # used once only


def test_invitation_in_spanish_for_a_spanish_speaking_invitee(
    secretariat_admin, organizations, django_capture_on_commit_callbacks
):
    _invite(
        client_for(secretariat_admin),
        organizations,
        email="ana@example.org",
        language="es",
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    body = mail.outbox[0].body
    assert "/accounts/invite/" in body
    assert "You have been invited" not in body
    with translation.override("es"):
        assert translation.gettext("The Technical Secretariat") in body


def test_an_invalid_invitation_link_says_so(db):
    response = Client().get("/accounts/invite/MQ/not-a-token/", follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is False
    assert 'name="new_password1"' not in response.content.decode()


def test_password_reset_by_email(costa_rica_officer):
    client = Client()
    response = client.post("/accounts/password/reset/", {"email": "cr.officer@example.org"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    path = _link_path(mail.outbox[0].body, "/accounts/password/reset/")
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    new_password = "another-new-password-88"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    assert response["Location"] == "/accounts/password/reset/done/"
    assert log_in(Client(), "cr.officer", new_password)["Location"] == "/home/"
    assert log_in(Client(), "cr.officer", PASSWORD).status_code == 200


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_nothing(db):
    response = Client().post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


# --- language -------------------------------------------------------------------------------------------------


def test_language_switch_is_kept_on_the_profile(costa_rica_officer):
    client = client_for(costa_rica_officer)
    assert '<html lang="es">' in client.get("/accounts/profile/").content.decode()
    response = client.post("/accounts/language/", {"language": "en", "next": "/accounts/profile/"})
    assert response["Location"] == "/accounts/profile/"
    costa_rica_officer.refresh_from_db()
    assert costa_rica_officer.language == "en"
    assert '<html lang="en">' in client.get("/accounts/profile/").content.decode()
    fresh = client_for(costa_rica_officer)  # a new session, no cookie: the profile decides
    assert '<html lang="en">' in fresh.get("/accounts/profile/").content.decode()


def test_a_visitor_gets_a_language_cookie(db):
    client = Client()
    response = client.post("/accounts/language/", {"language": "en", "next": "/accounts/login/"})
    assert response["Location"] == "/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get("/accounts/login/").content.decode()


def test_language_switch_refuses_an_open_redirect_and_an_unknown_language(db):
    response = Client().post("/accounts/language/", {"language": "xx", "next": "https://evil.example"})
    assert response["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == settings.LANGUAGE_CODE
    assert Client().get("/accounts/language/").status_code == 405


# --- people management by the secretariat administrator ------------------------------------------------------


def test_administrator_changes_a_role(secretariat_admin, costa_rica_officer, organizations):
    admin = client_for(secretariat_admin)
    response = admin.post(
        f"/directory/people/{costa_rica_officer.pk}/",
        {"organization": organizations["IOM"].pk, "role": Role.TECHNICAL_PARTNER},
    )
    assert response["Location"] == "/directory/people/"
    costa_rica_officer.refresh_from_db()
    assert (costa_rica_officer.organization.code, costa_rica_officer.role) == ("IOM", Role.TECHNICAL_PARTNER)
    assert costa_rica_officer.history.first().history_user == secretariat_admin


def test_a_person_history_is_for_the_administrator_and_the_person(
    secretariat_admin, costa_rica_officer, mexico_officer, secretariat_staff, organizations
):
    client_for(secretariat_admin).post(
        f"/directory/people/{costa_rica_officer.pk}/",
        {"organization": organizations["CR"].pk, "role": Role.LIAISON_OFFICER},
    )
    url = f"/history/person/{costa_rica_officer.pk}/"
    response = client_for(secretariat_admin).get(url)
    assert response.status_code == 200
    assert "password" not in {str(c["field"]) for e in response.context["entries"] for c in e["changes"]}
    assert client_for(costa_rica_officer).get(url).status_code == 200
    assert client_for(mexico_officer).get(url).status_code == 404
    assert client_for(secretariat_staff).get(url).status_code == 404


def test_a_role_that_does_not_fit_the_organization_is_refused(
    secretariat_admin, costa_rica_officer, organizations
):
    response = client_for(secretariat_admin).post(
        f"/directory/people/{costa_rica_officer.pk}/",
        {"organization": organizations["CR"].pk, "role": Role.SECRETARIAT},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["organization"]
    costa_rica_officer.refresh_from_db()
    assert costa_rica_officer.role == Role.LIAISON_OFFICER


def test_a_deactivated_person_cannot_log_in_and_loses_sessions_and_tokens(
    secretariat_admin, costa_rica_officer
):
    services.api_token_issue(user=costa_rica_officer, name="laptop", with_second_factor=False)
    their_session = client_for(costa_rica_officer)
    response = client_for(secretariat_admin).post(
        f"/directory/people/{costa_rica_officer.pk}/active/", {"active": "0"}
    )
    assert response["Location"] == "/directory/people/"
    costa_rica_officer.refresh_from_db()
    assert not costa_rica_officer.is_active
    assert not ApiToken.objects.filter(user=costa_rica_officer).exists()
    assert their_session.get("/home/")["Location"].startswith(LOGIN)
    refused = log_in(Client(), "cr.officer")
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors()


def test_the_administrator_cannot_deactivate_themselves(secretariat_admin):
    client_for(secretariat_admin).post(f"/directory/people/{secretariat_admin.pk}/active/", {"active": "0"})
    secretariat_admin.refresh_from_db()
    assert secretariat_admin.is_active


@pytest.mark.parametrize("persona", NON_ADMINS, indirect=True)
def test_only_the_administrator_manages_people(persona, costa_rica_officer, organizations):
    client = client_for(persona)
    target = costa_rica_officer.pk
    assert client.get("/directory/people/invite/").status_code == 404
    invite = {"first_name": "X", "last_name": "Y", "email": "x@example.org", "language": "es"}
    invite.update(organization=organizations["CR"].pk, role=Role.LIAISON_OFFICER)
    assert client.post("/directory/people/invite/", invite).status_code == 404
    change = {"organization": organizations["ST"].pk, "role": Role.SECRETARIAT_ADMIN}
    assert client.post(f"/directory/people/{target}/", change).status_code == 404
    assert client.post(f"/directory/people/{target}/active/", {"active": "0"}).status_code == 404
    assert client.post(f"/directory/people/{target}/invitation/").status_code == 404
    costa_rica_officer.refresh_from_db()
    assert (costa_rica_officer.role, costa_rica_officer.is_active) == (Role.LIAISON_OFFICER, True)
    assert not User.objects.filter(email="x@example.org").exists()
    assert mail.outbox == []


def test_visitors_are_asked_to_log_in_for_people_management(costa_rica_officer):
    response = Client().get("/directory/people/invite/")
    assert response["Location"].startswith(f"{LOGIN}?next=")
