"""Shared fixtures: the reference organizations and the named personas every test speaks of."""

import signal

import pytest
from django.test import Client

from enlace.accounts.models import Role
from enlace.core.catalogs import compile_catalogs
from enlace.directory.models import Organization
from enlace.directory.reference import load_reference_organizations
from tests.factories.directory import PersonFactory


def pytest_sessionstart(session):
    """The suite compiles the catalogs it reads, so a checkout whose .mo files are stale or missing (they are not
    in git) tests its own translations. xdist workers find them compiled by the controller."""
    if not hasattr(session.config, "workerinput"):
        compile_catalogs(force=True)


@pytest.fixture
def organizations(db):
    load_reference_organizations()
    return {org.code: org for org in Organization.objects.all()}


def _person(organizations, username, org_code, role, language="es"):
    return PersonFactory(
        username=username, organization=organizations[org_code], role=role, language=language
    )


@pytest.fixture
def costa_rica_officer(organizations):
    return _person(organizations, "cr.officer", "CR", Role.LIAISON_OFFICER)


@pytest.fixture
def mexico_officer(organizations):
    return _person(organizations, "mx.officer", "MX", Role.LIAISON_OFFICER)


@pytest.fixture
def secretariat_staff(organizations):
    return _person(organizations, "st.staff", "ST", Role.SECRETARIAT)


@pytest.fixture
def secretariat_admin(organizations):
    return _person(organizations, "st.admin", "ST", Role.SECRETARIAT_ADMIN)


@pytest.fixture
def iom_analyst(organizations):
    return _person(organizations, "iom.analyst", "IOM", Role.TECHNICAL_PARTNER, language="en")


@pytest.fixture
def rrocm_member(organizations):
    return _person(organizations, "rrocm.member", "RROCM", Role.CIVIL_SOCIETY)


@pytest.fixture
def anonymous_visitor():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


PERSONAS = [
    "costa_rica_officer",
    "mexico_officer",
    "secretariat_staff",
    "secretariat_admin",
    "iom_analyst",
    "rrocm_member",
    "anonymous_visitor",
]


@pytest.fixture
def persona(request):
    """Parametrize with indirect=True and a persona name: returns that user (AnonymousUser for the visitor)."""
    return request.getfixturevalue(request.param)


def client_for(user) -> Client:
    """A test client signed in as the user (second factor passed for administrators and whoever has one)."""
    client = Client()
    if user is None or not user.is_authenticated:
        return client
    client.force_login(user)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if user.is_secretariat_admin or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        session = client.session
        device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "test"})
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def english():
    """For tests that compare messages in the code's own language (the default language is Spanish): say so with
    pytest.mark.usefixtures("english") rather than depend on what an earlier test left active."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def restore_signals():
    """The task worker installs its own signal handlers; the test process gets its own back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)
