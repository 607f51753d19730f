"""A person's deadlines as an iCalendar feed, at a secret URL that calendar apps can poll without logging in.

The token is the person's id signed with a salt of its own, so it cannot be forged or reused for anything
else; a deactivated account's feed stops working.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from enlace import permissions
from enlace.followup import selectors

CALENDAR_SALT = "enlace.followup.calendar-feed"
REMINDER_DAYS_BEFORE = 3


def _signer() -> signing.Signer:
    return signing.Signer(salt=CALENDAR_SALT)


def calendar_token_for(user) -> str:
    return _signer().sign(str(user.pk))


def user_for_calendar_token(token: str):
    """The active member the token was made for, or None (bad signature, unknown or deactivated person)."""
    try:
        pk = int(_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    user = get_user_model().objects.select_related("organization").filter(pk=pk, is_active=True).first()
    if user is None or not permissions.is_member(user):
        return None
    return user


def calendar_url_for(user) -> str:
    return settings.SITE_URL + reverse("followup:calendar", args=[calendar_token_for(user)])


def commitment_url(commitment) -> str:
    return settings.SITE_URL + reverse("followup:commitment", args=[commitment.pk])


def build_calendar(user) -> bytes:
    """One all-day event per active commitment of the person's organization that has a deadline.
    Texts come out in the active language: call it inside translation.override(user.language)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Enlace//Follow-up of commitments//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Enlace: deadlines of %(organization)s") % {"organization": _org(user)})
    calendar.add("x-published-ttl", "PT6H")
    now = timezone.now()
    for commitment in selectors.calendar_commitments(user):
        calendar.add_component(_event(commitment, now))
    return calendar.to_ical()


def _org(user) -> str:
    return user.organization.short_name if user.organization_id else "Enlace"


def _event(commitment, now) -> Event:
    reference = commitment.agreement.reference
    summary = _("Deadline: %(text)s (%(reference)s, %(meeting)s)") % {
        "text": Truncator(" ".join(commitment.text.split())).chars(80),
        "reference": reference,
        "meeting": commitment.meeting.title,
    }
    link = commitment_url(commitment)
    lines = [commitment.text]
    if commitment.deadline_phrase:
        lines.append(_('Deadline as written: "%(phrase)s"') % {"phrase": commitment.deadline_phrase})
    lines.append(_("Status: %(status)s") % {"status": commitment.get_status_display()})
    lines.append(link)
    event = Event()
    event.add("uid", f"commitment-{commitment.pk}@enlace")
    event.add("dtstamp", now)
    event.add("last-modified", commitment.updated_at)
    event.add("dtstart", commitment.due_date)
    # A deadline recorded before dates were limited may be the last day a date can hold: no day after it.
    if commitment.due_date < dt.date.max:
        event.add("dtend", commitment.due_date + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", "\n\n".join(lines))
    event.add("url", link)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(days=-REMINDER_DAYS_BEFORE))
    alarm.add("description", summary)
    event.add_component(alarm)
    return event
