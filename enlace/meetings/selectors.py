"""Reads of meetings and commitments (the records), filtered by what the user may see; the follow-up's reads are in
enlace.followup.selectors."""

import unicodedata

from django.db.models import (
    Count,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404

from enlace import permissions
from enlace.core.models import Visibility
from enlace.directory.models import Organization, OrganizationKind
from enlace.meetings.models import Agreement, Commitment, Meeting


def meetings_for_user(user) -> QuerySet:
    return (
        Meeting.objects.filter(permissions.visible_q(user))
        .select_related("country")
        .annotate(agreement_count=Count("agreements", filter=Q(agreements__parent=None), distinct=True))
        .order_by("-start_date", "-pk")
    )


def public_meetings() -> QuerySet:
    return (
        Meeting.objects.filter(visibility=Visibility.PUBLIC).select_related("country").order_by("-start_date")
    )


def get_meeting_for_user(user, pk, *, action: str = "view") -> Meeting:
    return permissions.get_for_user(Meeting.objects.select_related("country"), user, action=action, pk=pk)


def meeting_agreements(meeting: Meeting, *, with_commitments: bool = True) -> list[Agreement]:
    """The points in order, each with .children (its sub-points), and the commitments of each point and
    sub-point, in a fixed number of queries."""
    prefetches = ["organizations"]
    if with_commitments:
        prefetches.append(
            Prefetch(
                "commitments",
                queryset=Commitment.objects.select_related("recipient").order_by("position", "pk"),
            )
        )
    agreements = list(
        meeting.agreements.select_related("parent").prefetch_related(*prefetches).order_by("position", "pk")
    )
    points = [a for a in agreements if a.parent_id is None]
    by_parent: dict[int, list[Agreement]] = {}
    for agreement in agreements:
        if agreement.parent_id is not None:
            by_parent.setdefault(agreement.parent_id, []).append(agreement)
    for point in points:
        point.children = by_parent.get(point.pk, [])
    if with_commitments:
        for agreement in agreements:
            for commitment in agreement.commitments.all():
                commitment.meeting = meeting  # known already: no join, no copy per commitment
    return points


def absent_states(meeting: Meeting) -> list[Organization]:
    present = {org.pk for org in meeting.delegations.all()}
    return [
        org
        for org in Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE, is_active=True).order_by(
            "name_es"
        )
        if org.pk not in present
    ]


# --- commitments ------------------------------------------------------------------------------------------------


def commitments_for_user(user) -> QuerySet:
    return Commitment.objects.filter(permissions.visible_q(user, prefix="meeting__"))


def get_commitment_for_user(user, pk) -> Commitment:
    commitment = (
        Commitment.objects.select_related("meeting", "agreement", "agreement__parent", "recipient")
        .prefetch_related("responsible")
        .filter(pk=pk)
        .first()
    )
    if commitment is None or not permissions.can_view(user, commitment.meeting):
        raise Http404
    return commitment


def _place_key(place: str) -> str:
    """ "Tegucigalpa, Honduras" and "tegucigalpa" are one place: the first part, without case or accents."""
    first = (place or "").split(",")[0].strip()
    return "".join(c for c in unicodedata.normalize("NFKD", first) if not unicodedata.combining(c)).casefold()


def same_meetings(*, body: str, date, place: str, exclude_pk: int | None = None) -> list[Meeting]:
    """Meetings already recorded with the same body, date and place: a report imported or a meeting entered
    twice (the secretariat sees every meeting, so no visibility filter)."""
    if date is None:
        return []
    candidates = Meeting.objects.filter(body=body, start_date=date).exclude(pk=exclude_pk).order_by("pk")
    key = _place_key(place)
    return [meeting for meeting in candidates if _place_key(meeting.place) == key]
