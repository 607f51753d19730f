"""Evidence of a commitment: a file (checked by extension and content) or an https link, kept as a Document."""

from django.utils.translation import gettext as _

from enlace import permissions
from enlace.core.uploads import (
    document_create,
    max_upload_bytes,
    safe_filename,
    validate_link,
    validate_upload,
)
from enlace.followup.models import Evidence
from enlace.followup.services import share_for
from enlace.meetings.models import Commitment

# The names this module has always offered, for the forms and tests that use them.
validate_evidence_file = validate_upload
validate_evidence_url = validate_link
__all__ = [
    "commitment_add_evidence",
    "max_upload_bytes",
    "safe_filename",
    "validate_evidence_file",
    "validate_evidence_url",
]


def commitment_add_evidence(
    *, commitment: Commitment, actor, title: str, file=None, url: str = ""
) -> Evidence:
    """Adds a file or a link as evidence: a Document owned by the user's organization, seen like the meeting,
    and the Evidence row, in one transaction."""
    permissions.require(
        actor,
        lambda person: permissions.can_update_commitment(person, commitment),
        _("You cannot update this commitment."),
    )
    share = share_for(actor, commitment)  # a state's officer adds evidence of their state's part
    created = []

    def attach(document):
        evidence = Evidence(commitment=commitment, share=share, document=document, added_by=actor)
        evidence._history_user = actor
        evidence.save()
        created.append(evidence)

    meeting = commitment.meeting
    document_create(
        owner_id=actor.organization_id or meeting.owner_id,
        visibility=meeting.visibility,
        title=title,
        user=actor,
        file=file,
        url=url,
        attach=attach,
    )
    return created[0]
