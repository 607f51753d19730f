"""A person's deadlines as an iCalendar feed, at a secret URL that calendar apps can poll without logging in.

The token is the person's id and the version of their address, signed with a salt of its own, so it cannot be
forged or reused for anything else. Resetting the address (a new version) stops the old one; so does
deactivating the account. Version 0 (nobody reset yet) signs the id alone, as the first addresses did.
"""

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from icalendar import Alarm, Calendar, Event

from enlace import permissions
from enlace.followup import selectors
from enlace.followup.models import CalendarFeed

CALENDAR_SALT = "enlace.followup.calendar-feed"
# What a calendar title calls each body (the full name is in the event's description).
BODY_SHORT_NAMES = {
    "NETWORK": pgettext_lazy("short name of the Liaison Officer Network", "Network"),
    "GRCM": "GRCM",
    "CRM": "CRM",
    "WORKSHOP": pgettext_lazy("short name of a meeting", "Workshop"),
}
REMINDER_DAYS_BEFORE = 3


def _signer() -> signing.Signer:
    return signing.Signer(salt=CALENDAR_SALT)


def _version(user) -> int:
    feed = CalendarFeed.objects.filter(user=user).only("version").first()
    return feed.version if feed else 0


def calendar_token_for(user) -> str:
    version = _version(user)
    return _signer().sign(f"{user.pk}.{version}" if version else str(user.pk))


def user_for_calendar_token(token: str):
    """The active member the token was made for, or None (bad signature, an address that was reset, unknown or
    deactivated person)."""
    try:
        pk_text, _dot, version_text = _signer().unsign(token).partition(".")
        pk, version = int(pk_text), int(version_text or 0)
    except (signing.BadSignature, ValueError):
        return None
    user = get_user_model().objects.select_related("organization").filter(pk=pk, is_active=True).first()
    if user is None or not permissions.is_member(user) or _version(user) != version:
        return None
    return user


def site_domain() -> str:
    """The host of SITE_URL: event UIDs are unique on it, as RFC 5545 recommends."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


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


def short_meeting_name(meeting) -> str:
    """ "Red · Tegucigalpa 2016": the body's short name, the place and the year, what a calendar title has
    room for."""
    place = meeting.place.split(",")[0].strip()
    parts = [str(BODY_SHORT_NAMES.get(meeting.body, meeting.get_body_display())), place]
    return " · ".join(part for part in parts if part) + f" {meeting.start_date.year}"


def _event(commitment, now) -> Event:
    summary = _("%(reference)s %(meeting)s: %(text)s") % {
        "reference": commitment.agreement.reference,
        "meeting": short_meeting_name(commitment.meeting),
        "text": Truncator(" ".join(commitment.text.split())).chars(40),
    }
    link = commitment_url(commitment)
    lines = [commitment.text, commitment.meeting.title]
    if commitment.deadline_phrase:
        lines.append(_('Deadline as written: "%(phrase)s"') % {"phrase": commitment.deadline_phrase})
    lines.append(_("Status: %(status)s") % {"status": commitment.get_status_display()})
    lines.append(link)
    event = Event()
    event.add("uid", f"commitment-{commitment.pk}@{site_domain()}")
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
