"""Demo data, built through the services from the seed report and shared/domain/reference.md."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from enlace.accounts import services as account_services
from enlace.accounts.models import Role
from enlace.core.registry import demo_loaders
from enlace.directory.models import Organization
from enlace.directory.reference import load_reference_organizations
from enlace.directory.services import presidency_set

User = get_user_model()

DEMO_PASSWORD = "enlace-demo-2026"  # noqa: S105 - published demo credential, for the local demo only

# username, first name, last name, organization code, role, language, position
DEMO_PEOPLE = [
    (
        "cr.officer",
        "Lucía",
        "Mora Jiménez",
        "CR",
        Role.LIAISON_OFFICER,
        "es",
        "Dirección General de Migración",
    ),
    (
        "mx.officer",
        "Andrés",
        "Salinas Ortega",
        "MX",
        Role.LIAISON_OFFICER,
        "es",
        "Instituto Nacional de Migración",
    ),
    ("st.staff", "Gabriela", "Reyes Portillo", "ST", Role.SECRETARIAT, "es", "Oficial técnica"),
    ("st.admin", "Daniel", "Fonseca Lagos", "ST", Role.SECRETARIAT_ADMIN, "es", "Administrador de Enlace"),
    ("iom.analyst", "Sarah", "Whitfield", "IOM", Role.TECHNICAL_PARTNER, "en", "Counter-trafficking analyst"),
    ("rrocm.member", "Marta", "Quintanilla", "RROCM", Role.CIVIL_SOCIETY, "es", "Punto focal"),
]
# The fixed key earlier demos gave st.admin (RFC 6238's sample, published in this code): replaced where found.
PUBLISHED_DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"


@transaction.atomic
def load_people():
    created = []
    for username, first, last, org_code, role, language, position in DEMO_PEOPLE:
        if User.objects.filter(username=username).exists():
            continue
        organization = Organization.objects.get(code=org_code)
        user = account_services.user_invite(
            actor=None,
            email=f"{username}@demo.enlace.local",
            first_name=first,
            last_name=last,
            organization=organization,
            role=role,
            language=language,
            position=position,
            send=False,
        )
        user.username = username
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["username", "password"])
        created.append(user)
    admin = User.objects.get(username="st.admin")
    # A key of this installation alone (django-otp draws a random one); `make totp` prints its current code.
    device, _ = TOTPDevice.objects.get_or_create(user=admin, confirmed=True, defaults={"name": "Demo"})
    if device.key == PUBLISHED_DEMO_TOTP_KEY:
        device.key = random_hex(20)
        device.save(update_fields=["key"])
    return created


def load_all(stdout=None):
    load_reference_organizations()
    # Honduras hosted the seed meeting (Tegucigalpa, 2016); demo data, not an official record of the presidency.
    presidency_set(year=2016, state=Organization.objects.get(code="HN"))
    load_people()
    # Each feature app registers its own demo data (enlace.core.registry), in its AppConfig.ready().
    for loader in demo_loaders():
        loader.load(stdout=stdout)
