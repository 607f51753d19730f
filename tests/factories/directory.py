"""Organizations and people."""

import factory
from factory.django import DjangoModelFactory, Password

from enlace.accounts.models import Role, User
from enlace.directory.models import Organization, OrganizationKind

PASSWORD = "a-long-test-password-2026"

# The form data of an organization that is not in the directory yet.
NEW_ORGANIZATION = {
    "code": "acnur",
    "kind": "technical_partner",
    "name_es": "Agencia de la ONU para los Refugiados",
    "name_en": "UN Refugee Agency",
    "acronym_es": "ACNUR",
    "acronym_en": "UNHCR",
    "iso3": "",
    "is_active": "on",
}


class OrganizationFactory(DjangoModelFactory):
    """An organization; an existing code (the reference ones: CR, ST, IOM...) is reused, not duplicated."""

    class Meta:
        model = Organization
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"ORG{n}")
    kind = OrganizationKind.TECHNICAL_PARTNER
    name_es = factory.LazyAttribute(lambda org: f"Organización {org.code}")
    name_en = factory.LazyAttribute(lambda org: f"Organization {org.code}")


class PersonFactory(DjangoModelFactory):
    """A person of the Network who can log in with PASSWORD; first name from the username ("cr.officer": Cr)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda person: f"{person.username}@example.org")
    password = Password(PASSWORD)
    first_name = factory.LazyAttribute(lambda person: person.username.split(".")[0].title())
    last_name = "Test"
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.LIAISON_OFFICER
    language = "es"
