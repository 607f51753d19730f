"""Reminders people can live with (issue 8, point 6): one e-mail a day per person with every reminder due, weekly
overdue reminders for eight weeks and then a monthly digest to the secretariat instead, a choice in the profile
(daily or none), plain text and HTML, Auto-Submitted, List-Unsubscribe to the profile, a Message-ID on the site's
domain."""

import datetime as dt

import pytest
from django.core import mail

from enlace.accounts.models import ReminderEmails
from enlace.followup.models import ReminderKind
from enlace.followup.reminders import reminders_due, send_reminders
from tests.conftest import client_for
from tests.factories.followup import commitment, meeting_with

pytestmark = pytest.mark.django_db
DUE = dt.date(2026, 8, 8)


@pytest.fixture(autouse=True)
def locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://enlace.example.org"


@pytest.fixture
def iom_commitments(organizations):
    return meeting_with(
        commitment("3.a", "Analizar los nudos claves", ["IOM"], due=DUE),
        commitment("3.b", "Ofrecer capacidad técnica", ["IOM"], due=DUE),
        commitment("4.a", "Presentar un informe", ["IOM"], due=DUE + dt.timedelta(days=3)),
    )


def test_one_e_mail_a_day_with_every_reminder_due(iom_analyst, iom_commitments):
    assert send_reminders(DUE) == 3  # two due today, one in three days
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["iom.analyst@example.org"]
    assert message.subject == "Enlace: 3 commitments to follow up, the first of Network · Tegucigalpa 2026"
    assert all(
        text in message.body for text in ("Analizar los nudos", "Ofrecer capacidad", "Presentar un informe")
    )
    html = message.alternatives[0]
    html_body, html_type = (html.content, html.mimetype) if hasattr(html, "content") else html
    assert (
        html_type == "text/html" and '<a href="https://enlace.example.org/follow-up/commitments/' in html_body
    )
    headers = message.extra_headers
    assert headers["Auto-Submitted"] == "auto-generated"
    assert headers["List-Unsubscribe"] == "<https://enlace.example.org/accounts/profile/>"
    assert headers["Message-ID"].endswith("@enlace.example.org>")
    assert send_reminders(DUE) == 0 and len(mail.outbox) == 1  # never twice the same day


def test_overdue_weekly_for_eight_weeks_then_monthly_to_the_secretariat(
    iom_analyst, secretariat_staff, organizations
):
    meeting_with(commitment("3.a", "Analizar los nudos claves", ["IOM"], due=DUE))
    weekly = [DUE + dt.timedelta(days=7 * week) for week in range(1, 8)]
    for day in weekly:
        assert [(user.username, kind) for _c, user, kind in reminders_due(day)] == [
            ("iom.analyst", "overdue")
        ]
    late = DUE + dt.timedelta(days=56)  # eight weeks: the responsible are no longer written to
    assert [(user.username, kind) for _c, user, kind in reminders_due(late)] == [
        ("st.staff", ReminderKind.LONG_OVERDUE)
    ]
    assert send_reminders(late) == 1 and mail.outbox[0].to == ["st.staff@example.org"]
    assert send_reminders(late + dt.timedelta(days=7)) == 0  # once a month
    next_month = (late.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    assert send_reminders(next_month) == 1


def test_a_person_can_stop_reminder_e_mails_in_the_profile(iom_analyst, iom_commitments):
    client = client_for(iom_analyst)
    page = client.get("/accounts/profile/").content.decode()
    assert 'name="reminder_emails"' in page
    response = client.post(
        "/accounts/profile/",
        {"first_name": "Iom", "last_name": "Test", "language": "en", "reminder_emails": ReminderEmails.OFF},
    )
    assert response.status_code == 302
    iom_analyst.refresh_from_db()
    assert iom_analyst.reminder_emails == ReminderEmails.OFF
    assert iom_analyst.history.first().reminder_emails == ReminderEmails.OFF  # the change is in the history
    assert send_reminders(DUE) == 0 and mail.outbox == []


def test_a_bad_preference_is_a_form_error(iom_analyst):
    response = client_for(iom_analyst).post(
        "/accounts/profile/",
        {"first_name": "Iom", "last_name": "Test", "language": "en", "reminder_emails": "hourly"},
    )
    assert response.status_code == 200 and "reminder_emails" in response.context["form"].errors


def test_a_weekly_digest_goes_out_on_mondays_only(iom_analyst, iom_commitments):
    iom_analyst.reminder_emails = ReminderEmails.WEEKLY
    iom_analyst.save()
    week = [dt.date(2026, 8, 1) + dt.timedelta(days=n) for n in range(7)]  # Saturday to Friday
    sent = {day: send_reminders(day) for day in week}
    monday = dt.date(2026, 8, 3)
    assert monday.weekday() == 0
    assert {day: count for day, count in sent.items() if count} == {monday: 2}  # 3.a and 3.b, due on the 8th
    assert len(mail.outbox) == 1
    assert send_reminders(dt.date(2026, 8, 10)) == 1  # the next Monday: 4.a, due the day after
    assert len(mail.outbox) == 2 and "Presentar un informe" in mail.outbox[1].body


def test_the_profile_offers_the_weekly_digest(iom_analyst):
    response = client_for(iom_analyst).post(
        "/accounts/profile/",
        {
            "first_name": "Iom",
            "last_name": "Test",
            "language": "en",
            "reminder_emails": ReminderEmails.WEEKLY,
        },
    )
    assert response.status_code == 302
    iom_analyst.refresh_from_db()
    assert iom_analyst.reminder_emails == ReminderEmails.WEEKLY
