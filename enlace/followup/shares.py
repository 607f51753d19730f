"""Commitments that several member states answer for are followed per state: each expected state has a share
(CommitmentShare) whose status its officers report; the commitment's own status follows its shares until the
secretariat closes or drops it.

The shares are made when the commitment is recorded or its responsible change (the signal handlers below, so
meetings, which records commitments, does not know about the follow-up); a state that stops being responsible
keeps its share, no longer expected, with its history."""

from django.db.models.signals import m2m_changed, post_save

from enlace.directory.models import Organization, OrganizationKind
from enlace.followup.models import CommitmentShare
from enlace.meetings.models import ACTIVE_STATUSES, Commitment, CommitmentStatus


def responsible_states(commitment: Commitment) -> list[int]:
    """The ids of the member states a commitment names, all of them for "the member states"; [] when fewer
    than two states answer for it (a single state's commitment has no shares)."""
    if commitment.all_member_states:
        states = Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE, is_active=True)
        return list(states.values_list("pk", flat=True))
    states = [org.pk for org in commitment.responsible.all() if org.kind == OrganizationKind.MEMBER_STATE]
    return states if len(states) >= 2 else []


def shares_sync(commitment: Commitment) -> None:
    """Makes a share for each responsible state that has none; a state no longer responsible keeps its share,
    not expected. A share the secretariat set aside (expected=False) stays so while the state is responsible."""
    wanted = set(responsible_states(commitment))
    existing = {share.state_id: share for share in CommitmentShare.objects.filter(commitment=commitment)}
    for state_id in wanted - set(existing):
        share = CommitmentShare(commitment=commitment, state_id=state_id)
        share._history_user = getattr(commitment, "_history_user", None)
        share.save()
    for state_id, share in existing.items():
        if state_id not in wanted and share.expected:
            share.expected = False
            share._history_user = getattr(commitment, "_history_user", None)
            share.save(update_fields=["expected", "updated_at"])


def status_from_shares(commitment: Commitment) -> str:
    """Done when every expected share is done; in progress once any has moved; open otherwise."""
    statuses = list(
        CommitmentShare.objects.filter(commitment=commitment, expected=True).values_list("status", flat=True)
    )
    live = [status for status in statuses if status != CommitmentStatus.DROPPED]
    if live and all(status == CommitmentStatus.DONE for status in live):
        return CommitmentStatus.DONE
    if any(status in (CommitmentStatus.IN_PROGRESS, CommitmentStatus.DONE) for status in live):
        return CommitmentStatus.IN_PROGRESS
    return CommitmentStatus.OPEN


def follow_shares(commitment: Commitment, actor) -> None:
    """After a share changed: the commitment takes the status its shares give, while it is active (a commitment
    the secretariat closed or dropped stays so)."""
    if commitment.status not in ACTIVE_STATUSES:
        return
    status = status_from_shares(commitment)
    if status != commitment.status:
        commitment.status = status
        commitment._history_user = actor
        commitment.save()


def _on_commitment_saved(sender, instance, created=False, raw=False, **kwargs):
    # A new commitment's named states arrive with its responsible (m2m_changed, below).
    if raw or (created and not instance.all_member_states):
        return
    shares_sync(instance)


def _on_responsible_changed(sender, instance, action, reverse=False, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        shares_sync(instance)


def connect() -> None:
    post_save.connect(_on_commitment_saved, sender=Commitment, dispatch_uid="followup-shares-saved")
    m2m_changed.connect(
        _on_responsible_changed, sender=Commitment.responsible.through, dispatch_uid="followup-shares-m2m"
    )
