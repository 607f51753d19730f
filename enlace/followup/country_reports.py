"""A reporting cycle opened from a commitment (e.g. seed 2.a, "send the indicator report within two months")
closes each country's share when the country submits its report, with the report as the evidence, so the
follow-up page shows it without anyone updating it by hand; a report returned for changes puts the share back
in progress. Called by enlace.reporting's services (the follow-up knows nothing of reporting)."""

from django.conf import settings
from django.utils.translation import gettext as _

from enlace.core.models import Document, Visibility
from enlace.followup.models import CommitmentShare, Evidence
from enlace.followup.services import _record_progress, _save
from enlace.followup.shares import follow_shares
from enlace.meetings.models import Commitment, CommitmentStatus


def _share(commitment: Commitment, state_id: int) -> CommitmentShare | None:
    return CommitmentShare.objects.filter(commitment=commitment, state_id=state_id, expected=True).first()


def share_report_submitted(*, commitment: Commitment, state_id: int, actor, title: str, path: str) -> None:
    """The state's share is done, with a link to its report as evidence (once: a resubmission adds no copy)."""
    share = _share(commitment, state_id)
    if share is None:
        return
    url = f"{settings.SITE_URL}{path}"
    if not share.evidence.filter(document__url=url).exists():
        document = _save(
            Document(owner_id=state_id, visibility=Visibility.RESTRICTED, title=title, url=url), actor
        )
        _save(Evidence(commitment=commitment, share=share, document=document, added_by=actor), actor)
    _move(share, commitment, actor, CommitmentStatus.DONE, _("Country report submitted in Enlace."))


def share_report_returned(*, commitment: Commitment, state_id: int, actor) -> None:
    share = _share(commitment, state_id)
    if share is not None and share.status == CommitmentStatus.DONE:
        _move(
            share, commitment, actor, CommitmentStatus.IN_PROGRESS, _("Country report returned for changes.")
        )


def _move(share, commitment, actor, status: str, note: str) -> None:
    previous = share.status
    if previous != status:
        share.status = status
        _save(share, actor)
        _record_progress(commitment, actor, note, previous, status, share=share)
        follow_shares(commitment, actor)
