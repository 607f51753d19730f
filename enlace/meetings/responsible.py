"""Who answers for a commitment, as lists show it: the responsible organizations of many commitments at once."""

from collections import defaultdict

from django.utils.translation import gettext as _

from enlace.directory.models import Organization
from enlace.meetings.models import Commitment


def responsible_text(all_member_states: bool, organizations) -> str:
    names = [_("the member states")] if all_member_states else []
    names += [org.short_name for org in organizations]
    return ", ".join(names)


def responsible_by_commitment(commitment_ids, organizations=None) -> dict[int, list]:
    """The responsible organizations of each commitment (ids as a list or a subquery), ordered like the model
    (kind, name): one query, or two when the organizations are not given."""
    if organizations is None:
        organizations = {org.pk: org for org in Organization.objects.all()}
    rank = {pk: index for index, pk in enumerate(organizations)}
    by_commitment = defaultdict(list)
    for commitment_id, organization_id in Commitment.responsible.through.objects.filter(
        commitment_id__in=commitment_ids
    ).values_list("commitment_id", "organization_id"):
        by_commitment[commitment_id].append(organization_id)
    return {
        pk: [organizations[org] for org in sorted(ids, key=rank.__getitem__)]
        for pk, ids in by_commitment.items()
    }
