"""Reads of meetings and commitments, filtered by what the user may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.http import Http404
from django.utils import timezone

from enlace import permissions
from enlace.accounts.models import Role
from enlace.core.models import Visibility
from enlace.directory.models import Organization, OrganizationKind
from enlace.meetings.models import (
    ACTIVE_STATUSES,
    DUE_SOON_DAYS,
    Agreement,
    Commitment,
    CommitmentStatus,
    Meeting,
    ReportImport,
)


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


def pending_imports(user) -> QuerySet:
    if not permissions.can_manage_meetings(user):
        return ReportImport.objects.none()
    # The draft and the source text of a long report weigh hundreds of kilobytes: lists need neither.
    return (
        ReportImport.objects.filter(status__in=ReportImport.OPEN_STATUSES)
        .select_related("uploaded_by")
        .defer("draft", "source_text")
    )


# --- commitments ------------------------------------------------------------------------------------------------


def commitments_for_user(user) -> QuerySet:
    return Commitment.objects.filter(permissions.visible_q(user, prefix="meeting__"))


def _mine_q(user) -> Q:
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
    mine = _mine_q(user)
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
    mine = visible.filter(_mine_q(user))
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


def calendar_commitments(user) -> QuerySet:
    """Deadlines for a person's calendar feed: their organization's active commitments with a date."""
    return (
        commitments_for_user(user)
        .filter(_mine_q(user), status__in=ACTIVE_STATUSES, due_date__isnull=False)
        .select_related("meeting", "agreement", "agreement__parent")
        .distinct()
        .order_by("due_date")
    )
