"""Writes of the follow-up: a commitment's status and its progress notes. Every write keeps its author in the
history."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from enlace import permissions
from enlace.followup.models import NOTE_MAX_LENGTH, CalendarFeed, CommitmentShare, ProgressNote
from enlace.followup.shares import follow_shares
from enlace.meetings.models import Commitment, CommitmentStatus


def _save(instance, user):
    instance._history_user = user
    instance.save()
    return instance


def _check_note_length(text: str) -> None:
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            _("A note has at most %(max)d characters; this one has %(count)d.")
            % {"max": NOTE_MAX_LENGTH, "count": len(text)}
        )


def share_for(actor, commitment: Commitment) -> CommitmentShare | None:
    """The share a member state's officer reports on, when the commitment is followed per state; None when it is
    followed as a whole, or for the secretariat and other organizations, who act on the whole. An officer of a
    state that is not expected gets PermissionDenied."""
    if actor is None or permissions.is_secretariat(actor):
        return None
    if actor.organization is None or not actor.organization.is_member_state:
        return None
    shares = list(CommitmentShare.objects.filter(commitment=commitment))
    if not any(share.expected for share in shares):
        return None  # followed as a whole
    share = next((share for share in shares if share.state_id == actor.organization_id), None)
    if share is None or not share.expected:
        raise PermissionDenied(_("Your country is not expected to report on this commitment."))
    return share


def is_followed_per_state(commitment: Commitment) -> bool:
    return CommitmentShare.objects.filter(commitment=commitment, expected=True).exists()


def _require_update(actor, commitment):
    permissions.require(
        actor,
        lambda person: permissions.can_update_commitment(person, commitment),
        _("You cannot update this commitment."),
    )


@transaction.atomic
def commitment_update_status(*, commitment: Commitment, actor, status: str, note: str = "") -> Commitment:
    """Moves a commitment to a new status. "Done" needs evidence, or a note from the secretariat that vouches for
    it, so that progress can't be inflated. On a commitment followed per state, a state's officer moves their
    state's share (and the commitment follows its shares); only the secretariat moves the whole."""
    if status not in CommitmentStatus.values:
        raise ValidationError(_("Choose a valid status."))
    _require_update(actor, commitment)
    note = note.strip()
    _check_note_length(note)
    share = share_for(actor, commitment)
    if share is not None:
        _share_update_status(share, commitment, actor, status, note)
        return commitment
    if is_followed_per_state(commitment) and not permissions.is_secretariat(actor):
        raise PermissionDenied(
            _(
                "This commitment is followed per member state: each country reports its part, the secretariat closes it."
            )
        )
    if status == CommitmentStatus.DONE and status != commitment.status and not commitment.evidence.exists():
        if not permissions.can_confirm_done_without_evidence(actor):
            raise ValidationError(
                _("Add evidence (a file or a link) before marking this commitment as done.")
            )
        if not note:
            raise ValidationError(
                _("Without evidence, write a note that says how the commitment was fulfilled.")
            )
    previous = commitment.status
    if status != previous:
        commitment.status = status
        if status == CommitmentStatus.DONE and note and permissions.is_secretariat(actor):
            commitment.secretariat_note = note
        _save(commitment, actor)
    _record_progress(commitment, actor, note, previous, status)
    return commitment


def _record_progress(commitment, actor, note: str, previous: str, status: str, share=None) -> None:
    """The progress note of a status change (or of a note alone), on the share when a state reports its part."""
    if note or status != previous:
        changed = status != previous
        _save(
            ProgressNote(
                commitment=commitment,
                share=share,
                author=actor,
                organization_id=getattr(actor, "organization_id", None),
                text=note,
                status_from=previous if changed else "",
                status_to=status if changed else "",
            ),
            actor,
        )


def _share_update_status(share, commitment, actor, status: str, note: str) -> None:
    if status == CommitmentStatus.DONE and share.status != status and not share.evidence.exists():
        raise ValidationError(
            _("Add evidence of your country's part (a file or a link) before marking it as done.")
        )
    previous = share.status
    if status != previous:
        share.status = status
        _save(share, actor)
    _record_progress(commitment, actor, note, previous, status, share=share)
    follow_shares(commitment, actor)


@transaction.atomic
def commitment_add_note(*, commitment: Commitment, actor, text: str) -> ProgressNote:
    """A progress note; on a commitment followed per state, a state's officer writes it on their state's share."""
    _require_update(actor, commitment)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the note first."))
    _check_note_length(text)
    return _save(
        ProgressNote(
            commitment=commitment,
            share=share_for(actor, commitment),
            author=actor,
            organization_id=actor.organization_id,
            text=text,
        ),
        actor,
    )


@transaction.atomic
def shares_set_expected(*, commitment: Commitment, actor, state_ids) -> None:
    """The secretariat narrows (or widens back) the states expected to report, e.g. "the countries that had not
    sent the document"; the commitment then follows the expected shares."""
    permissions.require(
        actor, permissions.is_secretariat, _("Only the secretariat chooses the expected states.")
    )
    wanted = {int(pk) for pk in state_ids}
    shares = list(CommitmentShare.objects.select_for_update().filter(commitment=commitment))
    if not wanted or not wanted <= {share.state_id for share in shares}:
        raise ValidationError(_("Choose at least one of the states this commitment names."))
    for share in shares:
        if share.expected != (share.state_id in wanted):
            share.expected = share.state_id in wanted
            _save(share, actor)
    follow_shares(commitment, actor)


@transaction.atomic
def calendar_feed_reset(*, actor) -> CalendarFeed:
    """A new calendar address for the actor (each person resets their own): the old one stops working."""
    permissions.require(
        actor, permissions.is_member, _("Only members of the Network have a calendar address.")
    )
    feed = CalendarFeed.objects.select_for_update().filter(user=actor).first() or CalendarFeed(user=actor)
    feed.version += 1
    return _save(feed, actor)
