"""What a list of commitments shows, computed once per row in Python rather than in the template (a page can
carry hundreds of them: the follow-up, a long meeting)."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from enlace.meetings.models import CommitmentStatus
from enlace.meetings.responsible import responsible_by_commitment, responsible_text


def url_maker(name: str):
    """reverse() once, then fill in each pk: the same URL as reverse(name, args=[pk]) without resolving the
    pattern again for every row."""
    sentinel = 987654321
    before, after = reverse(name, args=[sentinel]).split(str(sentinel))
    return lambda pk: f"{before}{pk}{after}"


def shorten(text: str, length: int) -> str:
    """Cut at a word boundary with an ellipsis (Django's truncatechars is far slower over hundreds of rows)."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[length // 2 :] else cut).rstrip(" ,.;:") + "…"


def prepare_commitments(rows, today, *, summary_length: int = 160) -> None:
    """Labels, flags and links of each commitment; the responsible organizations of all rows in one query.
    Rows need their meeting and agreement (with its parent) loaded."""
    statuses = dict(CommitmentStatus.choices)
    agreement = _("Agreement %(reference)s")
    due = _("due %(date)s")
    commitment_url, meeting_url = url_maker("followup:commitment"), url_maker("meetings:detail")
    responsible_of = responsible_by_commitment([c.pk for c in rows]) if rows else {}
    dates: dict = {}

    def when(value):
        if value not in dates:
            dates[value] = date_format(value, "DATE_FORMAT")
        return dates[value]

    for commitment in rows:
        commitment.overdue = commitment.is_overdue(today)
        commitment.due_soon = not commitment.overdue and commitment.is_due_soon(today)
        commitment.status_label = statuses.get(commitment.status, commitment.status)
        names = responsible_text(commitment.all_member_states, responsible_of.get(commitment.pk, ()))
        commitment.responsible_label = names or "—"
        commitment.due_label = when(commitment.due_date) if commitment.due_date else ""
        commitment.due_text = due % {"date": commitment.due_label} if commitment.due_date else ""
        commitment.summary = shorten(commitment.text, summary_length)
        commitment.recipient_label = commitment.recipient.short_name if commitment.recipient_id else ""
        commitment.due_iso = commitment.due_date.isoformat() if commitment.due_date else ""
        commitment.agreement_label = agreement % {"reference": commitment.agreement.reference}
        commitment.meeting_date = when(commitment.meeting.start_date)
        commitment.url = commitment_url(commitment.pk)
        commitment.meeting_url = meeting_url(commitment.meeting_id)
