"""Reminder e-mails about commitment deadlines, sent by the background worker in each person's language.

Three kinds, for every active commitment with a deadline:
- BEFORE: N days before the deadline (settings.ENLACE_REMINDER_DAYS_BEFORE, 7 by default);
- ON_DAY: on the day of the deadline;
- OVERDUE: every 7 days after it (day 7, 14, ... 49) while the commitment is open or in progress;
- LONG_OVERDUE: once it is eight weeks late, no more weekly e-mails to those who answer for it: once a month,
  the secretariat gets it in its digest instead.
Each person gets one e-mail a day at most (a digest of every reminder due for them), unless they chose a weekly
one in their profile (User.reminder_emails: on Mondays, when every reminder due that week is still in its period:
a deadline in the next seven days, a weekly overdue mark, the month's long-overdue digest) or none.
If the worker did not run on the exact day, the reminder goes out at the next run within its period (a BEFORE
reminder up to the day before the deadline, an OVERDUE one up to the next weekly mark), never twice for the
same period: each e-mail sent is recorded in ReminderSent, whose unique constraint also guards two workers
running at once.

ReminderSent is an outbox. A row is committed as pending before the e-mail goes out and marked sent after it,
so a worker that dies, or loses the database, after the SMTP server took the e-mail does not send it again:
- recording "sent" is retried through a database restart (a few seconds) before giving up;
- a pending row whose attempt is recent is left alone (another worker may be sending it);
- a pending row older than the lease (settings.ENLACE_TASK_LEASE_SECONDS) is sent again: its worker died
  before it could say how the send went. The e-mail carries the same Message-ID each time, so a mail system
  that keeps Message-IDs shows it once even in that case.
"""

import contextlib
import datetime as dt
import logging
import time
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from enlace import permissions
from enlace.accounts.models import ReminderEmails, Role
from enlace.directory.models import OrganizationKind
from enlace.followup.calendar import commitment_url, short_meeting_name, site_domain
from enlace.followup.models import ReminderKind, ReminderSent, ReminderState
from enlace.followup.selectors import settled_shares
from enlace.meetings.models import ACTIVE_STATUSES, Commitment
from enlace.meetings.responsible import responsible_by_commitment, responsible_text

logger = logging.getLogger("enlace.followup.reminders")

OVERDUE_EVERY_DAYS = 7
WEEKLY_DAY = 0  # Monday: the day of the weekly digest
OVERDUE_WEEKS = 8  # weekly overdue reminders stop after this; the secretariat's monthly digest takes over


RECORD_RETRY_DELAYS = (0.5, 1, 2, 4, 8, 15)  # about half a minute: a database restart takes a few seconds


def days_before() -> int:
    return int(getattr(settings, "ENLACE_REMINDER_DAYS_BEFORE", 7))


def lease() -> dt.timedelta:
    """How long a pending reminder belongs to the worker that is sending it."""
    return dt.timedelta(seconds=int(getattr(settings, "ENLACE_TASK_LEASE_SECONDS", 600)))


def _period(commitment, today: dt.date) -> tuple[str, dt.date] | None:
    """The kind of reminder due today for this commitment and the first day of its period, or None."""
    due = commitment.due_date
    if today == due:
        return ReminderKind.ON_DAY, due
    if today < due:
        start = due - dt.timedelta(days=days_before())
        return (ReminderKind.BEFORE, start) if start <= today else None
    late = (today - due).days
    if late < OVERDUE_EVERY_DAYS:
        return None
    if late >= OVERDUE_WEEKS * OVERDUE_EVERY_DAYS:
        return ReminderKind.LONG_OVERDUE, today.replace(day=1)
    return ReminderKind.OVERDUE, due + dt.timedelta(days=late - late % OVERDUE_EVERY_DAYS)


def _recipients_by_organization(commitments) -> tuple[dict, list]:
    """Active people with a role and an e-mail address, by organization, and the liaison officers of the
    member states (for commitments of "the member states"); one query."""
    organization_ids = {org.pk for c in commitments for org in c.responsible_list}
    wants_states = any(c.all_member_states for c in commitments)
    who = Q(organization_id__in=organization_ids)
    if wants_states:
        who |= Q(role=Role.LIAISON_OFFICER, organization__kind=OrganizationKind.MEMBER_STATE)
    people = (
        get_user_model()
        .objects.filter(who, is_active=True, organization__isnull=False)
        .exclude(role="")
        .exclude(email="")
        .select_related("organization")
        .order_by("pk")
    )
    by_organization, state_officers = defaultdict(list), []
    for person in people:
        by_organization[person.organization_id].append(person)
        if person.role == Role.LIAISON_OFFICER and person.organization.kind == OrganizationKind.MEMBER_STATE:
            state_officers.append(person)
    return by_organization, state_officers


def reminders_due(today: dt.date) -> list[tuple[Commitment, object, str]]:
    """(commitment, person, kind) for every reminder to send today that was not sent yet in its period."""
    return _reminders_due(today)[0]


def _reminders_due(today: dt.date) -> tuple[list[tuple[Commitment, object, str]], list[dt.datetime]]:
    """The reminders due, and when each reminder another worker is sending (or died sending) may be taken up."""
    latest_before = today + dt.timedelta(days=days_before())
    active = Commitment.objects.filter(status__in=ACTIVE_STATUSES, due_date__lte=latest_before)
    candidates = []
    responsible = responsible_by_commitment(active.values("pk"))  # by subquery: no long list of ids
    for commitment in active.select_related(
        "meeting", "agreement", "agreement__parent", "recipient"
    ).order_by("due_date", "pk"):
        period = _period(commitment, today)
        if period is not None:
            commitment.responsible_list = responsible.get(commitment.pk, [])
            candidates.append((commitment, *period))
    if not candidates:
        return [], []
    by_organization, state_officers = _recipients_by_organization([c for c, _, _ in candidates])
    secretariat = (
        _secretariat_people() if any(k == ReminderKind.LONG_OVERDUE for _, k, _ in candidates) else []
    )
    settled = settled_shares(active.values("pk"))
    # Periods start at most a week or N days back, so this reads only the last days' records.
    # A row counts once sent, or while its sending is recent; a pending row past its lease is due again.
    stale_before = timezone.now() - lease()
    rows = (
        ReminderSent.objects.filter(
            commitment_id__in=active.values("pk"), sent_on__gte=min(start for _, _, start in candidates)
        )
        .filter(Q(state=ReminderState.SENT) | Q(attempted_at__gt=stale_before))
        .values_list("commitment_id", "user_id", "kind", "sent_on", "state", "attempted_at")
    )
    sent, busy = defaultdict(list), defaultdict(list)
    for commitment_id, user_id, kind, sent_on, state, attempted_at in rows:
        if state == ReminderState.SENT:
            sent[(commitment_id, user_id, kind)].append(sent_on)
        else:
            busy[(commitment_id, user_id, kind)].append((sent_on, attempted_at + lease()))
    due, waiting = [], []
    for commitment, kind, start in candidates:
        if kind == ReminderKind.LONG_OVERDUE:
            people = {p.pk: p for p in secretariat}
        else:
            people = {p.pk: p for org in commitment.responsible_list for p in by_organization.get(org.pk, [])}
            if commitment.all_member_states:
                people.update({p.pk: p for p in state_officers})
        for person in sorted(people.values(), key=lambda p: p.pk):
            if person.reminder_emails == ReminderEmails.OFF:
                continue  # the person chose no reminder e-mails in their profile
            if person.reminder_emails == ReminderEmails.WEEKLY and today.weekday() != WEEKLY_DAY:
                continue
            if kind != ReminderKind.LONG_OVERDUE and (commitment.pk, person.organization_id) in settled:
                continue  # the person's country has reported its part, or is not expected to
            key = (commitment.pk, person.pk, kind)
            if any(day >= start for day in sent[key]):
                continue
            if not permissions.can_view(person, commitment.meeting):
                continue  # the meeting is restricted: the person could not open the link
            in_lease = [until for day, until in busy[key] if day >= start]
            if in_lease:
                waiting.append(min(in_lease))
                continue
            due.append((commitment, person, kind))
    return due, waiting


def _secretariat_people() -> list:
    return list(
        get_user_model()
        .objects.filter(role__in=(Role.SECRETARIAT, Role.SECRETARIAT_ADMIN), is_active=True)
        .exclude(email="")
        .select_related("organization")
        .order_by("pk")
    )


def _responsible(commitment) -> list:
    listed = getattr(commitment, "responsible_list", None)
    return listed if listed is not None else list(commitment.responsible.all())


def _item(commitment, kind: str, today: dt.date) -> dict:
    return {
        "commitment": commitment,
        "kind": kind,
        "reference": commitment.agreement.reference,
        "meeting": short_meeting_name(commitment.meeting),
        "responsible": responsible_text(commitment.all_member_states, _responsible(commitment)),
        "days_left": (commitment.due_date - today).days,
        "days_late": (today - commitment.due_date).days,
        "url": commitment_url(commitment),
    }


def render_digest(user, reminders, today: dt.date) -> tuple[str, str, str]:
    """Subject, plain text and HTML of a person's reminders of the day, in their own language. reminders:
    (commitment, kind) pairs, most urgent first."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "items": [_item(commitment, kind, today) for commitment, kind in reminders],
            "followup_url": settings.SITE_URL + reverse("followup:page"),
            "profile_url": settings.SITE_URL + reverse("accounts:profile"),
        }
        context["first"] = context["items"][0]
        subject = render_to_string("followup/email/reminder_subject.txt", context)
        text = render_to_string("followup/email/reminder_body.txt", context)
        html = render_to_string("followup/email/reminder_body.html", context)
    return " ".join(subject.split()), text, html


def _claim(commitment, user, kind: str, today: dt.date) -> ReminderSent | None:
    """Records the reminder as pending, committed before the e-mail goes out; None when it was sent already or
    another worker is sending it now."""
    start = _period(commitment, today)[1]
    now = timezone.now()
    with transaction.atomic():
        row = (
            ReminderSent.objects.select_for_update()
            .filter(commitment=commitment, user=user, kind=kind, sent_on__gte=start)
            .order_by("-sent_on")
            .first()
        )
        if row is None:
            try:
                with transaction.atomic():
                    return ReminderSent.objects.create(
                        commitment=commitment,
                        user=user,
                        kind=kind,
                        sent_on=today,
                        state=ReminderState.PENDING,
                        attempted_at=now,
                        attempts=1,
                    )
            except IntegrityError:
                return None  # another worker recorded it a moment ago
        if row.state == ReminderState.SENT or (row.attempted_at and row.attempted_at > now - lease()):
            return None
        row.attempted_at, row.attempts = now, row.attempts + 1
        row.save(update_fields=["attempted_at", "attempts"])
        logger.warning("reminder_resent_after_lease", extra={"reminder": row.pk, "attempts": row.attempts})
        return row


def _record_sent(row: ReminderSent) -> None:
    ReminderSent.objects.filter(pk=row.pk).update(state=ReminderState.SENT)


def _record_sent_through_outage(row: ReminderSent) -> None:
    """The e-mail went out: say so, riding out a database restart rather than leaving the row pending."""
    for delay in (*RECORD_RETRY_DELAYS, None):
        try:
            _record_sent(row)
            return
        except (OperationalError, InterfaceError):
            if delay is None:
                raise  # the task fails; the row stays pending and is sent again after its lease
            logger.warning("reminder_record_retry", extra={"reminder": row.pk, "in_seconds": delay})
            if not connection.in_atomic_block:
                connection.close()  # the next try opens a fresh connection
            time.sleep(delay)


def _forget_unsent(row: ReminderSent) -> None:
    """The SMTP server refused it: nothing went out, so the next run may try at once."""
    with contextlib.suppress(OperationalError, InterfaceError):  # else it stays pending, sent after its lease
        ReminderSent.objects.filter(pk=row.pk, state=ReminderState.PENDING).delete()


def send_reminders(today: dt.date | None = None) -> int:
    """Sends every reminder due today, one e-mail per (person, commitment, kind); returns how many were sent.
    Safe to run twice the same day, by two workers at once, or again after a worker died mid-way."""
    return send_reminders_and_say_when_to_retry(today)[0]


def send_reminders_and_say_when_to_retry(today: dt.date | None = None) -> tuple[int, dt.datetime | None]:
    """send_reminders, and when to run again for the reminders another worker held (busy, or dead mid-send):
    None when there were none."""
    today = today or timezone.localdate()
    count = 0
    due, waiting = _reminders_due(today)
    by_person = defaultdict(list)
    for commitment, user, kind in due:
        by_person[user.pk].append((commitment, user, kind))
    for items in by_person.values():
        user = items[0][1]
        claimed = [
            (commitment, kind, row)
            for commitment, _user, kind in items
            if (row := _claim(commitment, user, kind, today)) is not None
        ]
        if not claimed:
            continue
        subject, text, html = render_digest(user, [(c, k) for c, k, _row in claimed], today)
        first_row = min(row.pk for _c, _k, row in claimed)
        message = EmailMultiAlternatives(
            subject,
            text,
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
            headers={
                # The same on every attempt of the same reminders, on the site's own domain.
                "Message-ID": f"<reminders-{user.pk}-{first_row}@{site_domain()}>",
                "Auto-Submitted": "auto-generated",
                "List-Unsubscribe": f"<{settings.SITE_URL}{reverse('accounts:profile')}>",
            },
        )
        message.attach_alternative(html, "text/html")
        try:
            message.send()
        except Exception:
            logger.exception("reminder_failed", extra={"user": user.pk, "reminders": len(claimed)})
            for _c, _k, row in claimed:
                _forget_unsent(row)
            continue
        for _c, _k, row in claimed:
            _record_sent_through_outage(row)
        count += len(claimed)
    logger.info("reminders_sent", extra={"count": count, "day": today.isoformat(), "held": len(waiting)})
    return count, (max(min(waiting), timezone.now()) if waiting else None)
