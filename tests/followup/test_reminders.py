"""Reminder e-mails: the right people, the right days, each in their own language, never twice; sent by the
background worker (immediate backend, and the database backend with db_worker)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from enlace.accounts.models import Role, User
from enlace.core.models import Visibility
from enlace.followup import reminders
from enlace.followup.calendar import site_domain
from enlace.followup.models import ReminderKind, ReminderSent, ReminderState
from enlace.followup.reminders import reminders_due, send_reminders
from enlace.followup.tasks import send_commitment_reminders
from enlace.meetings.models import Commitment, CommitmentStatus
from tests.factories.followup import bulk_commitments, by_text, commitment, days, meeting_with

DUE = dt.date(2026, 8, 8)


def day(offset: int) -> dt.date:
    return DUE + dt.timedelta(days=offset)


@pytest.fixture(autouse=True)
def locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://enlace.example.org"


def person(organizations, username, code, role, language="es", **extra):
    return User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        first_name=username.split(".")[0].title(),
        organization=organizations[code],
        role=role,
        language=language,
        **extra,
    )


@pytest.fixture
def iom_spanish(organizations):
    return person(organizations, "oim.analista", "IOM", Role.TECHNICAL_PARTNER, language="es")


@pytest.fixture
def iom_meeting(organizations):
    return meeting_with(commitment("3.a", "Analizar los nudos claves", ["IOM"], due=DUE))


def kinds(due) -> list[tuple[str, str, str]]:
    return sorted((c.text[:8], user.username, kind) for c, user, kind in due)


def test_every_kind_on_its_day(iom_analyst, iom_meeting):
    sent_on = {}
    for offset in range(-12, 30):
        before = len(mail.outbox)
        send_reminders(day(offset))
        if len(mail.outbox) > before:
            sent_on[offset] = [m.subject for m in mail.outbox[before:]]
    assert sorted(sent_on) == [-7, 0, 7, 14, 21, 28]
    assert set(ReminderSent.objects.values_list("kind", "sent_on")) == {
        (ReminderKind.BEFORE, day(-7)),
        (ReminderKind.ON_DAY, day(0)),
        (ReminderKind.OVERDUE, day(7)),
        (ReminderKind.OVERDUE, day(14)),
        (ReminderKind.OVERDUE, day(21)),
        (ReminderKind.OVERDUE, day(28)),
    }
    assert sent_on[-7] == [
        "Enlace reminder: commitment 3.a of Network · Tegucigalpa 2026 is due on August 8, 2026"
    ]
    assert sent_on[0] == ["Enlace: commitment 3.a of Network · Tegucigalpa 2026 is due today, August 8, 2026"]
    assert sent_on[14] == [
        "Enlace: commitment 3.a of Network · Tegucigalpa 2026 is overdue since August 8, 2026"
    ]


def test_reminders_due_names_the_kind(iom_analyst, iom_meeting):
    assert reminders_due(day(-8)) == []
    assert kinds(reminders_due(day(-7))) == [("Analizar", "iom.analyst", "before")]
    assert kinds(reminders_due(day(0))) == [("Analizar", "iom.analyst", "on_day")]
    assert reminders_due(day(6)) == []
    assert kinds(reminders_due(day(7))) == [("Analizar", "iom.analyst", "overdue")]


def test_days_before_comes_from_the_settings(settings, iom_analyst, iom_meeting):
    settings.ENLACE_REMINDER_DAYS_BEFORE = 3
    assert reminders_due(day(-4)) == []
    assert kinds(reminders_due(day(-3))) == [("Analizar", "iom.analyst", "before")]


def test_a_missed_day_is_caught_up_once(iom_analyst, iom_meeting):
    """The worker did not run on day -7: the reminder goes at the next run, and only once."""
    assert send_reminders(day(-5)) == 1
    assert send_reminders(day(-4)) == 0
    assert send_reminders(day(9)) == 1  # the first weekly overdue reminder, two days late
    assert send_reminders(day(13)) == 0
    assert send_reminders(day(14)) == 1


def test_each_person_in_their_own_language(iom_analyst, iom_spanish, iom_meeting):
    assert send_reminders(day(-7)) == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    english = by_recipient["iom.analyst@example.org"]
    spanish = by_recipient["oim.analista@example.org"]
    assert "August 8, 2026" in english.subject
    assert english.subject.startswith("Enlace reminder")
    assert (
        english.subject
        == "Enlace reminder: commitment 3.a of Network · Tegucigalpa 2026 is due on August 8, 2026"
    )
    # Exactly what the Spanish catalog says (English words until the catalog is compiled; the date in Spanish).
    with translation.override("es"):
        expected = gettext("Enlace reminder: commitment %(ref)s of %(meeting)s is due on %(date)s") % {
            "ref": "3.a",
            "meeting": "Red · Tegucigalpa 2026",
            "date": date_format(DUE, "DATE_FORMAT"),
        }
    assert spanish.subject == expected
    assert "8 de agosto de 2026" in spanish.subject
    assert "August" not in spanish.subject
    assert "8 de agosto de 2026" in spanish.body and "8 de junio de 2026" in spanish.body
    assert ": OIM\n" in spanish.body and ": IOM\n" in english.body  # organizations named in each language
    link = f"https://enlace.example.org/follow-up/commitments/{by_text('nudos claves').pk}/"
    for message in (english, spanish):
        assert link in message.body
        assert "Analizar los nudos claves" in message.body
    assert "This commitment is due in 7 days, on August 8, 2026." in english.body


def test_not_sent_twice(iom_analyst, iom_meeting):
    assert send_reminders(day(-7)) == 1
    assert send_reminders(day(-7)) == 0
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.count() == 1


def test_the_unique_constraint_guards_two_workers(monkeypatch, iom_analyst, iom_meeting):
    due = reminders_due(day(0))
    commitment_, user, kind = due[0]
    ReminderSent.objects.create(commitment=commitment_, user=user, kind=kind, sent_on=day(0))
    # As if this worker read what was due before the other one recorded it.
    monkeypatch.setattr(reminders, "reminders_due", lambda today: due)
    assert send_reminders(day(0)) == 0
    assert mail.outbox == []


def test_a_failed_send_is_retried_next_run(monkeypatch, iom_analyst, iom_meeting):
    def broken(self, fail_silently=False):
        raise ConnectionRefusedError("smtp down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", broken)
        assert send_reminders(day(-7)) == 0
    assert not ReminderSent.objects.exists()
    assert send_reminders(day(-6)) == 1


def test_the_member_states_reach_every_liaison_officer(
    organizations, costa_rica_officer, mexico_officer, iom_analyst, secretariat_staff
):
    person(organizations, "gt.inactive", "GT", Role.LIAISON_OFFICER, is_active=False)
    meeting_with(commitment("2.a", "Enviar el documento de indicadores", ["STATES", "IOM"], due=DUE))
    send_reminders(day(0))
    assert sorted(m.to[0] for m in mail.outbox) == [
        "cr.officer@example.org",
        "iom.analyst@example.org",
        "mx.officer@example.org",
    ]


def test_only_active_commitments_of_the_responsible(organizations, iom_analyst, mexico_officer, iom_meeting):
    meeting_with(commitment("1", "Compromiso de México terminado", ["MX"], due=DUE))
    Commitment.objects.filter(text__startswith="Compromiso de México").update(status=CommitmentStatus.DONE)
    Commitment.objects.filter(pk=by_text("nudos claves").pk).update(status=CommitmentStatus.DROPPED)
    assert reminders_due(day(0)) == []


def test_no_reminder_about_a_meeting_the_person_cannot_see(
    organizations, costa_rica_officer, secretariat_staff
):
    meeting_with(
        commitment("1", "Compromiso en una reunión reservada", ["CR", "ST"], due=DUE),
        visibility=Visibility.RESTRICTED,
    )
    assert kinds(reminders_due(day(0))) == [("Compromi", "st.staff", "on_day")]


def test_reminders_due_reads_a_bounded_number_of_queries(organizations, iom_analyst, mexico_officer):
    meeting = meeting_with(commitment("1", "Primero", ["IOM"], due=DUE))
    bulk_commitments(meeting, 9, organizations["IOM"], due=DUE)
    with CaptureQueriesContext(connection) as few:
        some = reminders_due(day(0))
    bulk_commitments(meeting, 300, organizations["MX"], due=DUE)
    meeting_with(commitment("1", "Estados", ["STATES"], due=DUE))
    with CaptureQueriesContext(connection) as many:
        more = reminders_due(day(0))
    assert len(more) > len(some) + 30
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_task_through_the_immediate_backend(settings, iom_analyst, iom_spanish, organizations):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    meeting_with(commitment("3.a", "Analizar los nudos claves", ["IOM"], due=days(7)))
    result = send_commitment_reminders.enqueue()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 2
    assert len(mail.outbox) == 2
    # The cron command queues the same task: nothing more to send today.
    call_command("enqueue_reminders", stdout=None)
    assert len(mail.outbox) == 2


# The worker runs outside any transaction (it closes connections left in one): so does this test.
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_sends_them(settings, restore_signals, iom_analyst, iom_spanish, organizations):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    meeting_with(commitment("3.a", "Analizar los nudos claves", ["IOM"], due=days(0)))
    call_command("enqueue_reminders", stdout=None)
    assert mail.outbox == []  # queued, not sent
    assert DBTaskResult.objects.get().status == "READY"
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)
    task_result = DBTaskResult.objects.get()
    assert task_result.status == "SUCCESSFUL", task_result.traceback
    assert task_result.return_value == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["iom.analyst@example.org", "oim.analista@example.org"]
    with translation.override("es"):
        spanish_date = date_format(days(0), "DATE_FORMAT")
    assert " de " in spanish_date
    assert {m.to[0]: m.subject for m in mail.outbox}["oim.analista@example.org"].endswith(spanish_date)


# --- the outbox: exactly once, whatever dies when ------------------------------------------------------------


class WorkerKilled(BaseException):
    """Stands for SIGKILL: nothing after it runs, no handler catches it."""


def test_reminder_not_sent_twice_when_worker_dies_after_sending(monkeypatch, iom_analyst, iom_meeting):
    real_send = mail.EmailMessage.send

    def send_then_die(self, fail_silently=False):
        real_send(self, fail_silently)
        raise WorkerKilled  # the SMTP server has the e-mail; the worker dies before recording it

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", send_then_die)
        with pytest.raises(WorkerKilled):
            send_reminders(day(-7))
    assert len(mail.outbox) == 1
    # The task is retried (reclaimed from the dead worker) the same day and the next.
    assert send_reminders(day(-7)) == 0
    assert send_reminders(day(-6)) == 0
    assert len(mail.outbox) == 1


def test_reminder_recorded_as_sent_through_a_database_restart(monkeypatch, iom_analyst, iom_meeting):
    monkeypatch.setattr(reminders, "RECORD_RETRY_DELAYS", (0, 0, 0))
    real_record = reminders._record_sent
    failures = iter([OperationalError("terminating connection due to administrator command")] * 2)

    def flaky(row):
        error = next(failures, None)
        if error is not None:
            raise error
        real_record(row)

    monkeypatch.setattr(reminders, "_record_sent", flaky)
    assert send_reminders(day(-7)) == 1
    assert ReminderSent.objects.get().state == ReminderState.SENT
    assert send_reminders(day(-7)) == 0
    assert len(mail.outbox) == 1


def test_reminder_left_pending_by_a_dead_worker_is_sent_after_its_lease(settings, iom_analyst, iom_meeting):
    """The worker died before the SMTP server had it: after the lease the reminder goes out, once."""
    settings.ENLACE_TASK_LEASE_SECONDS = 600
    commitment_, user, kind = reminders_due(day(-7))[0]
    pending = ReminderSent.objects.create(
        commitment=commitment_,
        user=user,
        kind=kind,
        sent_on=day(-7),
        state=ReminderState.PENDING,
        attempted_at=timezone.now() - dt.timedelta(seconds=60),
        attempts=1,
    )
    assert send_reminders(day(-7)) == 0  # its worker may still be sending it
    ReminderSent.objects.filter(pk=pending.pk).update(attempted_at=timezone.now() - dt.timedelta(seconds=601))
    assert send_reminders(day(-6)) == 1
    assert send_reminders(day(-6)) == 0
    pending.refresh_from_db()
    assert (pending.state, pending.attempts) == (ReminderState.SENT, 2)
    assert len(mail.outbox) == 1
    headers = mail.outbox[0].extra_headers
    assert (
        headers["Message-ID"] == f"<reminders-{pending.user_id}-{pending.pk}@{site_domain()}>"
    )  # as the first try


def test_reminder_task_for_a_given_day(settings, iom_analyst, iom_meeting):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    result = send_commitment_reminders.enqueue(day(0).isoformat())
    assert result.return_value == 1
    assert (
        mail.outbox[0].subject
        == "Enlace: commitment 3.a of Network · Tegucigalpa 2026 is due today, August 8, 2026"
    )


def test_reminder_left_pending_by_a_killed_worker_is_taken_up_by_a_follow_up_run(
    settings, iom_analyst, iom_meeting
):
    """The worker was killed while sending; its task ran again at once but the reminder was still in its lease."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.ENLACE_TASK_LEASE_SECONDS = 600
    commitment_, user, kind = reminders_due(day(0))[0]
    attempted = timezone.now() - dt.timedelta(seconds=5)
    ReminderSent.objects.create(
        commitment=commitment_,
        user=user,
        kind=kind,
        sent_on=day(0),
        state=ReminderState.PENDING,
        attempted_at=attempted,
        attempts=1,
    )
    assert send_commitment_reminders.call(day(0).isoformat()) == 0
    follow_up = DBTaskResult.objects.get()
    assert follow_up.status == "READY"
    assert follow_up.args_kwargs["args"] == [day(0).isoformat()]
    assert abs((follow_up.run_after - (attempted + dt.timedelta(seconds=600))).total_seconds()) < 1
