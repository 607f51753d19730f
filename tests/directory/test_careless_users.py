"""Careless users cannot lock the Network out of itself: the last administrator stays, reference codes stay."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from enlace.accounts import services as account_services
from enlace.accounts.models import Role
from enlace.directory import services
from enlace.directory.forms import OrganizationForm
from enlace.directory.models import Organization
from enlace.directory.reference import REFERENCE_CODES
from tests.conftest import client_for
from tests.factories.directory import NEW_ORGANIZATION as NEW

pytestmark = pytest.mark.django_db


def english(user):
    user.language = "en"
    user.save(update_fields=["language"])
    return user


# --- the last administrator ---------------------------------------------------------------------------------------


def test_the_last_administrator_cannot_remove_their_own_administrator_role(secretariat_admin, organizations):
    client = client_for(english(secretariat_admin))
    response = client.post(
        f"/directory/people/{secretariat_admin.pk}/",
        {"organization": organizations["ST"].pk, "role": Role.SECRETARIAT},
    )
    assert response.status_code == 200
    assert "last active secretariat administrator" in " ".join(response.context["form"].errors["role"])
    secretariat_admin.refresh_from_db()
    assert secretariat_admin.role == Role.SECRETARIAT_ADMIN


def test_the_last_administrator_cannot_be_deactivated(secretariat_admin, secretariat_staff):
    with pytest.raises(ValidationError):
        account_services.user_set_active(actor=secretariat_admin, user=secretariat_admin, active=False)
    with pytest.raises(ValidationError):
        account_services.user_update_role(
            actor=secretariat_admin,
            user=secretariat_admin,
            role=Role.SECRETARIAT,
            organization=secretariat_admin.organization,
        )
    secretariat_admin.refresh_from_db()
    assert secretariat_admin.is_active and secretariat_admin.role == Role.SECRETARIAT_ADMIN


@pytest.mark.parametrize("persona", ["secretariat_staff", "costa_rica_officer", "iom_analyst"], indirect=True)
def test_only_the_administrator_may_manage_accounts_whoever_calls_the_service(persona, secretariat_admin):
    for change in (
        lambda: account_services.user_set_active(actor=persona, user=secretariat_admin, active=False),
        lambda: account_services.user_update_role(
            actor=persona, user=persona, role=Role.SECRETARIAT_ADMIN, organization=persona.organization
        ),
        lambda: account_services.user_reset_second_factor(actor=persona, user=secretariat_admin),
        lambda: account_services.user_unlock(actor=persona, user=secretariat_admin),
    ):
        with pytest.raises(PermissionDenied):
            change()
    persona.refresh_from_db()
    assert persona.role != Role.SECRETARIAT_ADMIN


def test_with_a_second_administrator_one_may_step_down(secretariat_admin, secretariat_staff, organizations):
    secretariat_staff.role = Role.SECRETARIAT_ADMIN
    secretariat_staff.save()
    account_services.user_update_role(
        actor=secretariat_admin,
        user=secretariat_admin,
        role=Role.SECRETARIAT,
        organization=organizations["ST"],
    )
    secretariat_admin.refresh_from_db()
    assert secretariat_admin.role == Role.SECRETARIAT


# --- codes of the reference organizations -------------------------------------------------------------------------


def test_renaming_the_secretariats_code_is_refused_and_meetings_can_still_be_created(secretariat_staff):
    client = client_for(english(secretariat_staff))
    secretariat = Organization.objects.get(code="ST")
    edit = {
        "code": "TS",
        "kind": secretariat.kind,
        "name_es": secretariat.name_es,
        "name_en": "Technical Secretariat (renamed)",
        "acronym_es": secretariat.acronym_es,
        "acronym_en": secretariat.acronym_en,
        "iso3": "",
        "is_active": "on",
    }
    response = client.post("/directory/ST/edit/", edit)
    assert response.status_code == 302
    secretariat.refresh_from_db()
    assert secretariat.code == "ST"  # the disabled field keeps the stored code
    assert secretariat.name_en == "Technical Secretariat (renamed)"


def test_the_service_refuses_a_new_code_for_a_reference_organization(secretariat_staff):
    secretariat = Organization.objects.get(code="ST")
    form = OrganizationForm(
        {
            "code": "TS",
            "kind": secretariat.kind,
            "name_es": secretariat.name_es,
            "name_en": secretariat.name_en,
            "acronym_es": "",
            "acronym_en": "",
            "iso3": "",
            "is_active": "on",
        },
        instance=secretariat,
    )
    form.fields["code"].disabled = False  # as a form built elsewhere could be
    assert form.is_valid(), form.errors
    with pytest.raises(ValidationError):
        services.organization_save(form=form, actor=secretariat_staff)
    assert Organization.objects.filter(code="ST").exists()


def test_every_reference_organization_shows_its_code_as_fixed(organizations):
    assert len(REFERENCE_CODES) == 18
    for code in REFERENCE_CODES:
        assert OrganizationForm(instance=organizations[code]).fields["code"].disabled


def test_an_organization_added_later_may_still_change_its_code(secretariat_staff):
    client = client_for(secretariat_staff)
    client.post("/directory/organizations/new/", NEW)
    assert client.post("/directory/ACNUR/edit/", dict(NEW, code="UNHCR")).status_code == 302
    assert Organization.objects.filter(code="UNHCR").exists()
