"""The second factor on the web: a password alone reaches only the way to give the code, everywhere."""

import base64
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter, UUIDConverter
from django.urls.resolvers import RegexPattern, RoutePattern
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import client_for
from tests.factories.directory import PASSWORD

pytestmark = pytest.mark.django_db

VERIFY = "/accounts/verify/"
SETUP = "/accounts/verify/setup/"

# The only views someone signed in with the password alone may reach (besides first-time set-up, tested apart).
OPEN_VIEWS = {
    "accounts:login",
    "accounts:logout",
    "accounts:second_factor",
    "accounts:language",
    "core:health",
    "api-token",
}

SAMPLES_BY_CONVERTER = {
    IntConverter: "1",
    StringConverter: "x",
    SlugConverter: "x",
    UUIDConverter: "12345678-1234-5678-1234-567812345678",
    PathConverter: "x/y",
}
SAMPLES_BY_NAME = {"format": "json"}


def code_for(device, *, steps_ahead=0) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def _sample(name, converter=None) -> str:
    if converter is not None and type(converter) not in SAMPLES_BY_CONVERTER:
        return converter.to_url(
            SAMPLES_BY_NAME.get(name, "x")
        )  # a converter of a library (DRF's format suffix)
    if name in SAMPLES_BY_NAME:
        return SAMPLES_BY_NAME[name]
    return SAMPLES_BY_CONVERTER.get(type(converter), "x")


def _group_sample(name, body) -> str:
    """A value for a regex group: the first of a list of words (the back office's app labels), else a sample."""
    if re.fullmatch(r"\w+(\|\w+)+", body):
        return body.split("|")[0]
    return _sample(name or "x")


def _example_path(pattern) -> str:
    """A concrete path that the pattern matches, with plausible values for its parameters."""
    if isinstance(pattern, RoutePattern):
        return re.sub(
            r"<(?:[^>:]+:)?([^>]+)>",
            lambda m: _sample(m.group(1), pattern.converters.get(m.group(1))),
            str(pattern),
        )
    assert isinstance(pattern, RegexPattern), pattern
    regex = str(pattern).lstrip("^").rstrip("$")
    regex = re.sub(r"\((?:\?P<(\w+)>)?([^)]*)\)", lambda m: _group_sample(m.group(1), m.group(2)), regex)
    regex = regex.replace("/?", "/")
    return re.sub(r"\\(.)", r"\1", regex)


def every_url_pattern(resolver=None, prefix="", namespace=""):
    """(example path, view name) for every URL pattern of config.urls, walking included resolvers."""
    resolver = resolver or get_resolver("config.urls")
    for entry in resolver.url_patterns:
        path = prefix + _example_path(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from every_url_pattern(entry, path, inner)
        else:
            assert isinstance(entry, URLPattern)
            yield "/" + path, f"{namespace}{entry.name}" if entry.name else entry.lookup_str


ALL_PATTERNS = list(every_url_pattern())


def test_the_walk_reaches_every_pattern_with_a_path_that_resolves_to_it():
    assert len(ALL_PATTERNS) >= 60
    for path, view_name in ALL_PATTERNS:
        match = resolve(path)
        qualified = f"{match.func.__module__}.{match.func.__qualname__}"  # an unnamed view's lookup_str
        assert view_name in (match.view_name, match._func_path, qualified), (path, view_name, match.view_name)


def _refused(response, path) -> bool:
    if path.startswith("/api/"):
        return response.status_code in (401, 403) and response["Content-Type"] == "application/json"
    return response.status_code == 302 and response["Location"].startswith(f"{VERIFY}?next=")


def _password_only(user) -> Client:
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    client.raise_request_exception = False
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona", ["secretariat_admin", "costa_rica_officer"], indirect=True)
def test_every_url_refuses_someone_signed_in_with_the_password_only(persona, capsys):
    """Walks every URL pattern (not a list): each is refused, by GET and by POST, except the way to give the code.
    The administrator must use a second factor; the officer turned one on."""
    client = _password_only(persona)
    checked, leaks = 0, []
    for path, view_name in ALL_PATTERNS:
        if view_name in OPEN_VIEWS:
            continue
        for method in (client.get, client.post):
            response = method(path)
            if not _refused(response, path):
                leaks.append((method.__name__, path, view_name, response.status_code))
        checked += 1
    assert leaks == []
    assert checked == len(ALL_PATTERNS) - len(OPEN_VIEWS)
    with capsys.disabled():
        print(f"\n{len(ALL_PATTERNS)} URL patterns walked, {checked} refused without the second factor")


def test_password_only_admin_still_reaches_the_way_to_give_the_code(secretariat_admin):
    client = _password_only(secretariat_admin)
    assert client.get(VERIFY).status_code == 200
    assert client.get("/health").status_code == 200
    assert client.get("/accounts/login/")["Location"] == "/home/"  # then refused there, see above
    assert client.post("/accounts/language/", {"language": "en", "next": VERIFY})["Location"] == VERIFY
    assert client.post("/api/v1/auth/token/", {}, content_type="application/json").status_code == 400
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_password_only_admin_cannot_replace_authenticator(secretariat_admin):
    """The attack: log in with a stolen password, open the set-up page, enrol the attacker's phone."""
    client = Client()
    client.post("/accounts/login/", {"username": "st.admin", "password": PASSWORD})
    real = TOTPDevice.objects.create(user=secretariat_admin, name="real phone", confirmed=True)

    page = client.get(SETUP)
    assert page.status_code == 302
    assert page["Location"].startswith(f"{VERIFY}?next=")
    attacker = TOTPDevice.objects.filter(user=secretariat_admin, confirmed=False).first()
    attacker = attacker or TOTPDevice.objects.create(user=secretariat_admin, name="attacker", confirmed=False)
    response = client.post(SETUP, {"token": code_for(attacker)})
    assert response.status_code == 302
    assert response["Location"].startswith(f"{VERIFY}?next=")
    assert list(TOTPDevice.objects.filter(user=secretariat_admin, confirmed=True)) == [real]
    assert client.get("/directory/people/")["Location"].startswith(f"{VERIFY}?next=")


def test_verified_admin_replacing_authenticator_must_give_a_code_from_the_current_one(secretariat_admin):
    """A session left open (or stolen after the code) must not be enough to take the second factor over."""
    client = client_for(secretariat_admin)
    current = TOTPDevice.objects.get(user=secretariat_admin, confirmed=True)
    page = client.get(SETUP)
    assert page.status_code == 200
    assert "current_token" in page.context["form"].fields
    new = TOTPDevice.objects.get(user=secretariat_admin, confirmed=False)

    without = client.post(SETUP, {"token": code_for(new)})
    assert without.status_code == 200
    assert without.context["form"].errors["current_token"]
    wrong = f"{(int(code_for(current)) + 500_000) % 1_000_000:06d}"
    with_wrong = client.post(SETUP, {"current_token": wrong, "token": code_for(new)})
    assert with_wrong.context["form"].errors["current_token"]
    assert list(TOTPDevice.objects.filter(user=secretariat_admin, confirmed=True)) == [current]

    current.refresh_from_db()
    current.throttling_failure_count = 0  # the two wrong tries above slowed the device down
    current.save()
    done = client.post(SETUP, {"current_token": code_for(current), "token": code_for(new)})
    assert done.status_code == 302
    assert list(TOTPDevice.objects.filter(user=secretariat_admin, confirmed=True)) == [new]


def test_password_only_person_who_turned_on_two_step_verification_is_asked_for_the_code(costa_rica_officer):
    """Their profile promises a code at log-in: a password alone must not open their account."""
    TOTPDevice.objects.create(user=costa_rica_officer, name="phone", confirmed=True)
    client = Client()
    assert (
        client.post("/accounts/login/", {"username": "cr.officer", "password": PASSWORD})["Location"]
        == "/home/"
    )
    assert client.get("/home/")["Location"] == f"{VERIFY}?next=/home/"
    assert client.get("/api/v1/organizations/").status_code == 403


def test_setup_page_shows_the_key_in_base32_as_authenticator_apps_expect(costa_rica_officer):
    page = client_for(costa_rica_officer).get(SETUP)
    device = TOTPDevice.objects.get(user=costa_rica_officer, confirmed=False)
    base32 = base64.b32encode(device.bin_key).decode().rstrip("=")
    shown = page.context["secret"]
    assert shown == " ".join(base32[i : i + 4] for i in range(0, len(base32), 4))
    html = page.content.decode()
    assert shown in html
    assert device.bin_key.hex() not in html
    assert "<svg" in html  # the QR code, drawn on the server (no outside service sees the key)
    assert f"secret={base32}" in page.context["config_url"]
