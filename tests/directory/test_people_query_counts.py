"""The number of database queries of the main pages does not grow with the number of people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enlace.accounts.models import Role, User
from enlace.directory.models import OrganizationKind
from tests.conftest import client_for

ROLE_FOR_KIND = {
    OrganizationKind.MEMBER_STATE: Role.LIAISON_OFFICER,
    OrganizationKind.SECRETARIAT: Role.SECRETARIAT,
    OrganizationKind.TECHNICAL_PARTNER: Role.TECHNICAL_PARTNER,
    OrganizationKind.REGIONAL_PARTNER: Role.TECHNICAL_PARTNER,
    OrganizationKind.COOPERATION_PARTNER: Role.TECHNICAL_PARTNER,
    OrganizationKind.PARTNER_NETWORK: Role.CIVIL_SOCIETY,
    OrganizationKind.CIVIL_SOCIETY: Role.CIVIL_SOCIETY,
}


def add_people(organizations, up_to: int) -> None:
    """Brings the number of people to `up_to`, spread over every organization; every tenth one deactivated."""
    orgs = sorted(organizations.values(), key=lambda org: org.code)
    start = User.objects.count()
    User.objects.bulk_create(
        User(
            username=f"person{i}",
            email=f"person{i}@example.org",
            first_name=f"Name{i}",
            last_name=f"Surname{i}",
            organization=orgs[i % len(orgs)],
            role=ROLE_FOR_KIND[orgs[i % len(orgs)].kind],
            is_active=i % 10 != 0,
            password="!unusable",  # noqa: S106
        )
        for i in range(start, up_to)
    )
    assert User.objects.count() == up_to


def queries(client, path) -> int:
    client.get(path)  # warm up: session, caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.parametrize(
    "path", ["/home/", "/directory/", "/directory/people/", "/directory/people/?status=all&q=name"]
)
@pytest.mark.parametrize("persona", ["secretariat_admin", "costa_rica_officer"], indirect=True)
def test_query_count_does_not_grow_with_people(persona, path, organizations):
    client = client_for(persona)
    add_people(organizations, 5)
    few = queries(client, path)
    add_people(organizations, 200)
    many = queries(client, path)
    assert many == few, f"{path}: {few} queries with 5 people, {many} with 200"
