"""Reads of the follow-up: the commitments a user follows, filtered and ordered, their counts and deadlines."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet, Value
from django.utils import timezone

from enlace import permissions
from enlace.accounts.models import Role
from enlace.directory.models import Organization, OrganizationKind
from enlace.meetings.models import ACTIVE_STATUSES, DUE_SOON_DAYS, Commitment, CommitmentStatus
from enlace.meetings.selectors import commitments_for_user


def mine_q(user) -> Q:
    """Commitments the user's organization answers for."""
    if not permissions.is_member(user) or user.organization_id is None:
        return Q(pk__in=[])
    responsible = Commitment.responsible.through.objects.filter(
        commitment_id=OuterRef("pk"), organization_id=user.organization_id
    )
    mine = Q(Exists(responsible))
    if user.role == Role.LIAISON_OFFICER:
        mine |= Q(all_member_states=True)
    return mine


@dataclass
class FollowupFilters:
    organization: str = ""  # an organization code, "STATES", or "" for all
    status: str = ""  # a status, "overdue", "due_soon", "active", or ""
    meeting: int | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    query: str = ""
    mine: bool = False


def followup(user, filters: FollowupFilters | None = None, *, today: dt.date | None = None) -> QuerySet:
    """Commitments the user may see, their own organization's first, then by deadline (none last)."""
    filters = filters or FollowupFilters()
    today = today or timezone.localdate()
    commitments = commitments_for_user(user)
    if filters.organization == "STATES":
        commitments = commitments.filter(all_member_states=True)
    elif filters.organization:
        organization = (
            Organization.objects.filter(code=filters.organization).values_list("pk", "kind").first()
        )
        if organization is None:
            commitments = commitments.none()
        else:
            # Exists rather than a join on the many-to-many: no duplicate rows, so no DISTINCT over wide rows.
            by_organization = Q(
                Exists(
                    Commitment.responsible.through.objects.filter(
                        commitment_id=OuterRef("pk"), organization_id=organization[0]
                    )
                )
            )
            if organization[1] == OrganizationKind.MEMBER_STATE:
                by_organization |= Q(all_member_states=True)  # a state answers for "the member states" too
            commitments = commitments.filter(by_organization)
    if filters.status in CommitmentStatus.values:
        commitments = commitments.filter(status=filters.status)
    elif filters.status == "active":
        commitments = commitments.filter(status__in=ACTIVE_STATUSES)
    elif filters.status == "overdue":
        commitments = commitments.filter(status__in=ACTIVE_STATUSES, due_date__lt=today)
    elif filters.status == "due_soon":
        commitments = commitments.filter(
            status__in=ACTIVE_STATUSES,
            due_date__gte=today,
            due_date__lte=today + dt.timedelta(days=DUE_SOON_DAYS),
        )
    if filters.meeting:
        commitments = commitments.filter(meeting_id=filters.meeting)
    if filters.due_from:
        commitments = commitments.filter(due_date__gte=filters.due_from)
    if filters.due_to:
        commitments = commitments.filter(due_date__lte=filters.due_to)
    if filters.query:
        commitments = commitments.filter(text__icontains=filters.query)
    mine = mine_q(user)
    if filters.mine:
        commitments = commitments.filter(mine)
    if permissions.is_member(user) and user.organization_id is not None:
        is_mine = ExpressionWrapper(mine, output_field=BooleanField())
    else:
        is_mine = Value(False)
    return (
        commitments.annotate(is_mine=is_mine)
        .select_related("meeting", "agreement", "agreement__parent", "recipient")
        .prefetch_related("responsible")
        .order_by("-is_mine", F("due_date").asc(nulls_last=True), "pk")
    )


def followup_summary(user, *, today: dt.date | None = None) -> dict:
    """Counts for the home page: the Network's commitments for the secretariat, the user's organization's for
    everyone else (one aggregate query), and the organization's next deadlines."""
    today = today or timezone.localdate()
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    visible = commitments_for_user(user)
    mine = visible.filter(mine_q(user))
    scope = "network" if permissions.is_secretariat(user) else "mine"
    # Each commitment is one row here (the visibility filter follows a foreign key): no DISTINCT needed.
    counts = (visible if scope == "network" else mine).aggregate(
        active=Count("pk", filter=Q(status__in=ACTIVE_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=ACTIVE_STATUSES, due_date__lt=today)),
        due_soon=Count("pk", filter=Q(status__in=ACTIVE_STATUSES, due_date__gte=today, due_date__lte=soon)),
        done=Count("pk", filter=Q(status=CommitmentStatus.DONE)),
    )
    upcoming = (
        mine.filter(status__in=ACTIVE_STATUSES, due_date__isnull=False)
        .select_related("meeting", "agreement", "agreement__parent")
        .order_by("due_date")[:5]
    )
    return {"scope": scope, "counts": counts, "upcoming": list(upcoming), "today": today}


def calendar_commitments(user) -> QuerySet:
    """Deadlines for a person's calendar feed: their organization's active commitments with a date."""
    return (
        commitments_for_user(user)
        .filter(mine_q(user), status__in=ACTIVE_STATUSES, due_date__isnull=False)
        .select_related("meeting", "agreement", "agreement__parent")
        .distinct()
        .order_by("due_date")
    )
