"""The follow-up of commitments: member states' shares, progress notes, evidence, calendar addresses and the
reminder outbox."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enlace.meetings.models import Commitment, CommitmentStatus

# The longest progress note, the same on the page, in the API and in the service.
NOTE_MAX_LENGTH = 5000


class CommitmentShare(models.Model):
    """One member state's part of a commitment that several states answer for ("the member states", or two or
    more named ones): its officers report its status, notes and evidence; the commitment is done when every
    expected share is (enlace/followup/shares.py). A share the secretariat no longer expects is kept, marked."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="shares", verbose_name=_("commitment")
    )
    state = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("member state")
    )
    expected = models.BooleanField(_("expected"), default=True)
    status = models.CharField(
        _("status"), max_length=16, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["commitment", "state"], name="one_share_per_state")]
        verbose_name = _("share of a commitment")
        verbose_name_plural = _("shares of commitments")

    def __str__(self):
        return f"{self.state_id}: {self.status}"


class ProgressNote(models.Model):
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="notes", verbose_name=_("commitment")
    )
    share = models.ForeignKey(
        CommitmentShare, on_delete=models.CASCADE, null=True, blank=True, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)
    status_from = models.CharField(max_length=16, choices=CommitmentStatus.choices, blank=True)
    status_to = models.CharField(max_length=16, choices=CommitmentStatus.choices, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self):
        return self.text[:80]


class Evidence(models.Model):
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("commitment")
    )
    share = models.ForeignKey(
        CommitmentShare, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    document = models.ForeignKey(
        "core.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("document")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return str(self.document)


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the deadline")
    ON_DAY = "on_day", _("On the day")
    OVERDUE = "overdue", _("Weekly while overdue")
    LONG_OVERDUE = "long_overdue", _("Monthly to the secretariat, once overdue for eight weeks")


class ReminderState(models.TextChoices):
    PENDING = "pending", _("Being sent")
    SENT = "sent", _("Sent")


class ReminderSent(models.Model):
    """The outbox of reminder e-mails: a row is committed as pending before the e-mail goes out and marked sent
    after, so a worker that dies in between never leads to a second e-mail (see enlace/followup/reminders.py)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=ReminderKind.choices)
    sent_on = models.DateField()
    # Rows written before the outbox existed were all sent.
    state = models.CharField(max_length=8, choices=ReminderState.choices, default=ReminderState.SENT)
    attempted_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "user", "kind", "sent_on"], name="one_reminder_per_day"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.sent_on}"


class CalendarFeed(models.Model):
    """A person's calendar address: the signed token carries this version, so resetting the address (a new
    version) stops every copy of the old one at once. A person without a row has version 0."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    version = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self):
        return f"{self.user} v{self.version}"
