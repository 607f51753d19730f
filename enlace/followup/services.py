"""Writes of the follow-up: a commitment's status and its progress notes. Every write keeps its author in the
history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from enlace import permissions
from enlace.followup.models import NOTE_MAX_LENGTH, CalendarFeed, ProgressNote
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


@transaction.atomic
def commitment_update_status(*, commitment: Commitment, actor, status: str, note: str = "") -> Commitment:
    """Moves a commitment to a new status. "Done" needs evidence, or a note from the secretariat that vouches for
    it, so that progress can't be inflated."""
    if status not in CommitmentStatus.values:
        raise ValidationError(_("Choose a valid status."))
    permissions.require(
        actor,
        lambda person: permissions.can_update_commitment(person, commitment),
        _("You cannot update this commitment."),
    )
    note = note.strip()
    _check_note_length(note)
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
    if note or status != previous:
        _save(
            ProgressNote(
                commitment=commitment,
                author=actor,
                organization_id=actor.organization_id,
                text=note,
                status_from=previous if status != previous else "",
                status_to=status if status != previous else "",
            ),
            actor,
        )
    return commitment


@transaction.atomic
def commitment_add_note(*, commitment: Commitment, actor, text: str) -> ProgressNote:
    permissions.require(
        actor,
        lambda person: permissions.can_update_commitment(person, commitment),
        _("You cannot update this commitment."),
    )
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the note first."))
    _check_note_length(text)
    return _save(
        ProgressNote(commitment=commitment, author=actor, organization_id=actor.organization_id, text=text),
        actor,
    )


@transaction.atomic
def calendar_feed_reset(*, actor) -> CalendarFeed:
    """A new calendar address for the actor (each person resets their own): the old one stops working."""
    permissions.require(
        actor, permissions.is_member, _("Only members of the Network have a calendar address.")
    )
    feed = CalendarFeed.objects.select_for_update().filter(user=actor).first() or CalendarFeed(user=actor)
    feed.version += 1
    return _save(feed, actor)
