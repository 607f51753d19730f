"""Reads of the follow-up: the commitments a user follows, filtered and ordered, their counts and deadlines."""

import datetime as dt

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from enlace import permissions
from enlace.followup.models import CommitmentShare
from enlace.meetings.models import ACTIVE_STATUSES, DUE_SOON_DAYS, CommitmentStatus
from enlace.meetings.selectors import commitments_for_user


def responsible_q(organization) -> Q:
    """Commitments an organization answers for; none for an unknown organization."""
    if organization is None:
        return Q(pk__in=[])
    return permissions.organization_answers_q(organization.pk, is_member_state=organization.is_member_state)


def owes_q(user) -> Q:
    """What the user's organization still has to do: the commitments it answers for, less those followed per
    state whose share for it is settled (done, dropped, or not expected of it)."""
    answers = permissions.answers_for_q(user)
    if getattr(user, "organization_id", None) is None:
        return answers
    settled = _settled(
        CommitmentShare.objects.filter(commitment=OuterRef("pk"), state_id=user.organization_id)
    )
    return answers & ~Exists(settled)


def followup(user) -> QuerySet:
    """Commitments the user may see in the follow-up's order: open ones before done and dropped, the user's own
    organization's first, then by deadline (none last). Filters are the FilterSet's (followup/filters.py)."""
    is_open = ExpressionWrapper(Q(status__in=ACTIVE_STATUSES), output_field=BooleanField())
    if permissions.is_member(user) and user.organization_id is not None:
        is_mine = ExpressionWrapper(owes_q(user), output_field=BooleanField())
    else:
        is_mine = Value(False)
    return (
        commitments_for_user(user)
        .annotate(is_mine=is_mine, is_open=is_open, **shares_counts())
        .select_related("meeting", "agreement", "agreement__parent", "recipient")
        .prefetch_related("responsible")
        .order_by("-is_open", "-is_mine", F("due_date").asc(nulls_last=True), "pk")
    )


def _count_of(shares) -> Coalesce:
    counted = shares.order_by().values("commitment").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def shares_counts() -> dict:
    """Annotations of a commitment followed per state: its expected shares and how many are done (0 and 0 for a
    commitment followed as a whole). Subqueries, so the follow-up's other joins cannot multiply them."""
    expected = CommitmentShare.objects.filter(commitment=OuterRef("pk"), expected=True)
    return {
        "shares_expected": _count_of(expected),
        "shares_done": _count_of(expected.filter(status=CommitmentStatus.DONE)),
    }


def followup_summary(user, *, today: dt.date | None = None) -> dict:
    """Counts for the home page: the Network's commitments for the secretariat, the user's organization's for
    everyone else (one aggregate query), and the organization's next deadlines."""
    today = today or timezone.localdate()
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    visible = commitments_for_user(user)
    mine = visible.filter(permissions.answers_for_q(user))
    scope = "network" if permissions.is_secretariat(user) else "mine"
    # Still to do: for a state, a commitment whose share it has settled is not pending any more.
    to_do = Q(status__in=ACTIVE_STATUSES) & (Q() if scope == "network" else owes_q(user))
    # Each commitment is one row here (the visibility filter follows a foreign key): no DISTINCT needed.
    counts = (visible if scope == "network" else mine).aggregate(
        active=Count("pk", filter=to_do),
        overdue=Count("pk", filter=to_do & Q(due_date__lt=today)),
        due_soon=Count("pk", filter=to_do & Q(due_date__gte=today, due_date__lte=soon)),
        done=Count("pk", filter=Q(status=CommitmentStatus.DONE)),
    )
    upcoming = (
        mine.filter(to_do, due_date__isnull=False)
        .select_related("meeting", "agreement", "agreement__parent")
        .order_by("due_date")[:5]
    )
    return {"scope": scope, "counts": counts, "upcoming": list(upcoming), "today": today}


def _settled(queryset):
    """Shares whose state has nothing more to report: done or dropped, or no longer expected."""
    return queryset.filter(Q(expected=False) | ~Q(status__in=ACTIVE_STATUSES))


def settled_shares(commitments) -> set[tuple[int, int]]:
    """(commitment id, state id) of the settled shares of these commitments (a queryset of their pks)."""
    return set(
        _settled(CommitmentShare.objects.filter(commitment_id__in=commitments)).values_list(
            "commitment_id", "state_id"
        )
    )


def calendar_commitments(user) -> QuerySet:
    """Deadlines for a person's calendar feed: their organization's active commitments with a date, except
    those whose share their country has settled."""
    settled = _settled(CommitmentShare.objects.filter(state_id=user.organization_id)).values("commitment_id")
    return (
        commitments_for_user(user)
        .filter(permissions.answers_for_q(user), status__in=ACTIVE_STATUSES, due_date__isnull=False)
        .exclude(pk__in=settled)
        .select_related("meeting", "agreement", "agreement__parent")
        .distinct()
        .order_by("due_date")
    )


def shares_of(commitment) -> list:
    """The member states' shares of a commitment followed per state (none otherwise), expected ones first, by
    the state's name."""
    shares = list(commitment.shares.select_related("state"))
    shares.sort(key=lambda share: (not share.expected, share.state.short_name.lower()))
    return shares


def shares_progress(shares) -> dict | None:
    """ "4 of 9 done", and who is still missing."""
    expected = [share for share in shares if share.expected]
    if not expected:
        return None
    done = [share for share in expected if share.status == CommitmentStatus.DONE]
    missing = [
        share.state
        for share in expected
        if share.status not in (CommitmentStatus.DONE, CommitmentStatus.DROPPED)
    ]
    return {"done": len(done), "expected": len(expected), "missing": missing}
