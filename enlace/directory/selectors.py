from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q
from django.http import Http404

from enlace import permissions
from enlace.directory.models import Organization, OrganizationKind, ProTemporePresidency

User = get_user_model()


def organization_list(*, include_inactive: bool = False):
    """Every organization with the number of its active people, member states first (the secretariat also sees
    the ones it deactivated, to bring them back)."""
    kind_order = [choice for choice, _ in OrganizationKind.choices]
    organizations = (
        Organization.objects.all() if include_inactive else Organization.objects.filter(is_active=True)
    )
    organizations = list(
        organizations.annotate(active_people=Count("people", filter=Q(people__is_active=True)))
    )
    organizations.sort(key=lambda org: (kind_order.index(org.kind), org.name.lower()))
    return organizations


def get_organization_for_user(user, code: str, *, action: str = "view") -> Organization:
    """An organization (its active people prefetched) for someone who may see it, or keep the directory
    (action="manage"); 404 for everyone else and for an unknown code."""
    allowed = (
        permissions.can_manage_directory(user) if action == "manage" else permissions.can_view_directory(user)
    )
    people = User.objects.filter(is_active=True).order_by("last_name", "first_name")
    organization = (
        Organization.objects.filter(code=code)
        .prefetch_related(Prefetch("people", queryset=people, to_attr="active_people_list"))
        .first()
        if allowed
        else None
    )
    if organization is None:
        raise Http404
    return organization


def get_person_for_user(user, pk: int, *, action: str = "view"):
    """A person's account for a member (active accounts only) or for the administrator who manages accounts
    (action="manage", deactivated ones too); 404 for everyone else."""
    if action == "manage":
        people = User.objects.all() if permissions.can_manage_people(user) else User.objects.none()
    else:
        people = (
            User.objects.filter(is_active=True)
            if permissions.can_view_directory(user)
            else User.objects.none()
        )
    person = people.select_related("organization").filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


def people_for_user(user):
    """The people a user may list before any filter: every account for the administrator who manages them (the
    status filter narrows it), none for someone outside the directory; PersonFilter keeps the others to the
    active accounts."""
    people = User.objects.all() if permissions.can_view_directory(user) else User.objects.none()
    return people.select_related("organization").order_by("last_name", "first_name", "username", "pk")


def current_presidency(year: int):
    return (
        ProTemporePresidency.objects.select_related("state").filter(year__lte=year).order_by("-year").first()
    )


def member_states():
    return Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE, is_active=True).order_by("name_es")
