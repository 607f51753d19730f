"""Writes on the directory: reference organizations and the Pro Tempore Presidency."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enlace import permissions
from enlace.directory.models import Organization, ProTemporePresidency
from enlace.directory.reference import REFERENCE_CODES

MANAGE_DIRECTORY = gettext_lazy("Only the secretariat keeps the directory.")


@transaction.atomic
def organization_upsert(
    *,
    code: str,
    kind: str,
    name_es: str,
    name_en: str,
    acronym_es: str = "",
    acronym_en: str = "",
    iso3: str = "",
    actor=None,
) -> Organization:
    """Create or update an organization by code; unchanged rows are not saved again (no empty history)."""
    permissions.require(actor, permissions.can_manage_directory, MANAGE_DIRECTORY, system_allowed=True)
    values = {
        "kind": kind,
        "name_es": name_es,
        "name_en": name_en,
        "acronym_es": acronym_es,
        "acronym_en": acronym_en,
        "iso3": iso3,
    }
    organization = Organization.objects.filter(code=code).first()
    if organization is None:
        organization = Organization(code=code, **values)
    elif all(getattr(organization, key) == value for key, value in values.items()):
        return organization
    else:
        for key, value in values.items():
            setattr(organization, key, value)
    organization._history_user = actor
    organization.save()
    return organization


@transaction.atomic
def presidency_set(*, year: int, state: Organization, actor=None) -> ProTemporePresidency:
    permissions.require(actor, permissions.can_manage_directory, MANAGE_DIRECTORY, system_allowed=True)
    presidency = ProTemporePresidency.objects.filter(year=year).first()
    if presidency is not None and presidency.state_id == state.pk:
        return presidency
    presidency = presidency or ProTemporePresidency(year=year)
    presidency.state = state
    presidency._history_user = actor
    presidency.save()
    return presidency


def is_reference_code(code: str) -> bool:
    """The 18 organizations of the Network's reference list: meetings, imports and roles find them by code."""
    return code in REFERENCE_CODES


@transaction.atomic
def organization_save(*, form, actor) -> Organization:
    """Creates or updates an organization from its validated form; the history keeps who changed what.

    A reference organization keeps its code: renaming the secretariat's "ST" stopped every meeting creation."""
    permissions.require(actor, permissions.can_manage_directory, MANAGE_DIRECTORY)
    if form.instance.pk is not None:
        stored = Organization.objects.select_for_update().get(pk=form.instance.pk).code
        if is_reference_code(stored) and form.cleaned_data.get("code", stored) != stored:
            raise ValidationError(
                _("The code of %(code)s cannot change: Enlace finds this organization by it.")
                % {"code": stored}
            )
    organization = form.save(commit=False)
    organization._history_user = actor
    organization.save()
    return organization
