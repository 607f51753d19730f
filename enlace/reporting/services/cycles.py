"""Reporting cycles: opened by the secretariat, on one framework version, optionally from a commitment whose
shares the countries' submissions then close; published when the secretariat decides."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from enlace import permissions
from enlace.core.models import Visibility
from enlace.directory.models import Organization, OrganizationKind
from enlace.reporting.models import Cycle, EventKind, SubmissionEvent, SubmissionStatus


def _require_manage(actor, *, system_allowed=False):
    permissions.require(
        actor,
        permissions.can_manage_reporting,
        _("Only the secretariat opens cycles."),
        system_allowed=system_allowed,
    )


def _states_of(commitment) -> list[int]:
    from enlace.followup.models import CommitmentShare

    return list(
        CommitmentShare.objects.filter(commitment=commitment, expected=True).values_list(
            "state_id", flat=True
        )
    )


@transaction.atomic
def cycle_open(
    *,
    actor,
    framework,
    title: str,
    period_start,
    period_end,
    opens_on,
    due_on,
    expected=None,
    commitment=None,
) -> Cycle:
    """A new cycle. Without expected countries, those of the commitment's shares, or every member state."""
    _require_manage(actor)
    errors = {}
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = _("The period ends before it starts.")
    if opens_on and due_on and due_on < opens_on:
        errors["due_on"] = _("The due date is before the opening date.")
    if errors:
        raise ValidationError(errors)
    ids = [org.pk if hasattr(org, "pk") else org for org in (expected or [])]
    if not ids and commitment is not None:
        ids = _states_of(commitment)
    states = Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE, is_active=True)
    if not ids:
        ids = list(states.values_list("pk", flat=True))
    if states.filter(pk__in=ids).count() != len(set(ids)):
        raise ValidationError({"expected": _("Only member states report in a cycle.")})
    cycle = Cycle(
        framework=framework,
        title=title.strip(),
        period_start=period_start,
        period_end=period_end,
        opens_on=opens_on,
        due_on=due_on,
        commitment=commitment,
        created_by=actor,
    )
    cycle._history_user = actor
    cycle.full_clean()
    cycle.save()
    cycle.expected.set(ids)
    return cycle


@transaction.atomic
def cycle_publish(*, actor, cycle: Cycle) -> int:
    """The validated reports of the cycle become public (and the ones validated later too). Returns how many."""
    _require_manage(actor)
    cycle.published = True
    cycle._history_user = actor
    cycle.save(update_fields=["published"])
    count = 0
    for submission in cycle.submissions.filter(status=SubmissionStatus.VALIDATED).exclude(
        visibility=Visibility.PUBLIC
    ):
        submission.visibility = Visibility.PUBLIC
        submission._history_user = actor
        submission.save(update_fields=["visibility", "updated_at"])
        SubmissionEvent.objects.create(submission=submission, kind=EventKind.PUBLISHED, actor=actor)
        count += 1
    return count
