"""Reminders of a reporting cycle. Before and after the due date they come from the follow-up's machinery: a
cycle opened from a commitment (seed 2.a) has a share per country, the follow-up's daily digest reminds the
officers of every country whose share is still open, and a submission closes its country's share, which stops
them. On demand, the secretariat reminds the countries still missing now: one e-mail per officer, in their
language, at most once a day per cycle, sent by the worker."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from enlace.accounts.models import ReminderEmails, Role
from enlace.reporting.models import CycleReminder


def missing_countries(cycle) -> list:
    submitted = set(
        cycle.submissions.filter(first_submitted_at__isnull=False).values_list("owner_id", flat=True)
    )
    return [country for country in cycle.expected.order_by("name_es") if country.pk not in submitted]


def officers_to_remind(cycle) -> list:
    """The active liaison officers, with an e-mail and reminders on, of the countries that have not submitted."""
    countries = missing_countries(cycle)
    return list(
        get_user_model()
        .objects.filter(organization__in=countries, role=Role.LIAISON_OFFICER, is_active=True)
        .exclude(email="")
        .exclude(reminder_emails=ReminderEmails.OFF)
        .select_related("organization")
        .order_by("pk")
    )


def _claim(cycle, user, requested_by) -> bool:
    try:
        with transaction.atomic():
            CycleReminder.objects.create(
                cycle=cycle, user=user, sent_on=timezone.localdate(), requested_by=requested_by
            )
    except IntegrityError:
        return False  # reminded today already
    return True


def send_cycle_reminders(cycle, requested_by=None) -> int:
    """Sends the on-demand reminders; returns how many e-mails went out."""
    sent = 0
    for user in officers_to_remind(cycle):
        if not _claim(cycle, user, requested_by):
            continue
        with translation.override(user.language or settings.LANGUAGE_CODE):
            context = {
                "user": user,
                "cycle": cycle,
                "cycle_url": settings.SITE_URL + reverse("reporting:cycle", args=[cycle.pk]),
                "profile_url": settings.SITE_URL + reverse("accounts:profile"),
            }
            subject = " ".join(render_to_string("reporting/email/reminder_subject.txt", context).split())
            text = render_to_string("reporting/email/reminder_body.txt", context)
        message = EmailMultiAlternatives(
            subject,
            text,
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        try:
            message.send()
        except Exception:  # noqa: BLE001 - the next request may try again
            CycleReminder.objects.filter(cycle=cycle, user=user, sent_on=timezone.localdate()).delete()
            continue
        sent += 1
    return sent
