"""Meetings of the Network, the agreements they reach and the commitments that follow from them."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enlace.core.inputs import validate_date_in_range
from enlace.core.models import Language, OwnedRecord


class Body(models.TextChoices):
    NETWORK = "NETWORK", _("Liaison Officer Network")
    GRCM = "GRCM", _("Regional Consultation Group on Migration")
    CRM = "CRM", _("Vice-ministerial meeting of the Conference")
    WORKSHOP = "WORKSHOP", _("Workshop")
    OTHER = "OTHER", _("Other")


# A reading still "in progress" this long after its time limit lost its worker; it is shown as retryable.
STALE_MARGIN_SECONDS = 60


class ReportImport(models.Model):
    """An uploaded report: queued for the worker, read under limits in a child process, then waiting for the
    secretariat's review; confirming it creates the meeting. A refused or failed reading can be retried."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        READING = "reading", _("Reading")
        PENDING = "pending", _("Ready for review")
        REFUSED = "refused", _("Refused")
        FAILED = "failed", _("Failed")
        CONFIRMED = "confirmed", _("Confirmed")
        DISCARDED = "discarded", _("Discarded")

    # Imports still on the secretariat's desk: being read, to review, or to retry or discard.
    OPEN_STATUSES = (Status.QUEUED, Status.READING, Status.PENDING, Status.REFUSED, Status.FAILED)

    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    draft = models.JSONField(_("draft"), default=dict)
    source_text = models.TextField(_("source text"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    # Why a reading was refused, in each language ({"es": ..., "en": ...}), and which limit ("pages", ...).
    refusal = models.JSONField(_("reason for refusal"), default=dict, blank=True)
    refusal_code = models.CharField(_("limit reached"), max_length=32, blank=True)
    language = models.CharField(_("language of the uploader"), max_length=8, default="es")
    attempt = models.PositiveIntegerField(_("attempt"), default=0)
    reading_started_at = models.DateTimeField(_("reading started"), null=True, blank=True)
    read_at = models.DateTimeField(_("reading finished"), null=True, blank=True)
    # What the last reading cost: peak memory, CPU and wall seconds of the child process.
    read_figures = models.JSONField(_("reading figures"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report import")
        verbose_name_plural = _("report imports")

    def __str__(self):
        return self.original_name

    @property
    def is_stale(self) -> bool:
        """A reading that outlived the time limit by a margin: its worker was killed or restarted."""
        if self.status != self.Status.READING or self.reading_started_at is None:
            return False
        allowed = dt.timedelta(seconds=settings.ENLACE_IMPORT_WALL_SECONDS + STALE_MARGIN_SECONDS)
        return timezone.now() - self.reading_started_at > allowed

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.READING) and not self.is_stale

    @property
    def can_retry(self) -> bool:
        return self.status in (self.Status.REFUSED, self.Status.FAILED) or self.is_stale

    def refusal_message(self, language: str) -> str:
        return self.refusal.get(language) or self.refusal.get("en") or next(iter(self.refusal.values()), "")


class Meeting(OwnedRecord):
    body = models.CharField(_("body"), max_length=16, choices=Body.choices, default=Body.NETWORK)
    title = models.CharField(_("title"), max_length=400)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("host country"),
    )
    start_date = models.DateField(_("start date"), validators=[validate_date_in_range])
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_date_in_range])
    language = models.CharField(
        _("language of the report"), max_length=2, choices=Language.choices, default="es"
    )
    opening = models.TextField(_("opening paragraph"), blank=True)
    delegations = models.ManyToManyField(
        "directory.Organization",
        related_name="meetings_attended",
        blank=True,
        verbose_name=_("delegations present"),
    )
    participants = models.ManyToManyField(
        "directory.Organization",
        related_name="meetings_participated",
        blank=True,
        verbose_name=_("other participants"),
    )
    documents = models.ManyToManyField(
        "core.Document", related_name="meetings", blank=True, verbose_name=_("documents")
    )
    source_import = models.ForeignKey(
        ReportImport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("imported from"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[delegations, participants])

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.title} ({self.start_date:%Y-%m-%d})"


class Agreement(models.Model):
    """A numbered point of a report, or one of its lettered sub-points (parent set)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("meeting")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subpoints",
        verbose_name=_("point"),
    )
    label = models.CharField(_("number or letter"), max_length=12)
    position = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))
    translation = models.TextField(
        _("translation"), blank=True, help_text=_("The text in the other language of the Network.")
    )
    organizations = models.ManyToManyField(
        "directory.Organization", related_name="+", blank=True, verbose_name=_("organizations named")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        """ "2" for a point, "2.a" for a sub-point; uses the parent already loaded where possible."""
        if self.parent_id is None:
            return self.label
        return f"{self.parent.label}.{self.label}"

    def text_in(self, language: str) -> str:
        if language != self.meeting.language and self.translation:
            return self.translation
        return self.text


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


ACTIVE_STATUSES = (CommitmentStatus.OPEN, CommitmentStatus.IN_PROGRESS)
DUE_SOON_DAYS = 30


class Commitment(models.Model):
    """Something an organization undertook in an agreement, followed up to its deadline."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("meeting")
    )
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("agreement")
    )
    text = models.TextField(_("what is to be done"))
    responsible = models.ManyToManyField(
        "directory.Organization", related_name="commitments", blank=True, verbose_name=_("responsible")
    )
    all_member_states = models.BooleanField(
        _("the member states"), default=False, help_text=_("Every member state answers for it.")
    )
    recipient = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    due_date = models.DateField(_("deadline"), null=True, blank=True, validators=[validate_date_in_range])
    deadline_phrase = models.CharField(_("deadline as written"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    secretariat_note = models.TextField(_("secretariat note"), blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[responsible])

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["status", "due_date"])]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.text[:80]

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_active and self.due_date is not None and self.due_date < today

    def is_due_soon(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.is_active
            and self.due_date is not None
            and today <= self.due_date <= today + dt.timedelta(days=DUE_SOON_DAYS)
        )


# The longest progress note, the same on the page, in the API and in the service.
NOTE_MAX_LENGTH = 5000


class ProgressNote(models.Model):
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="notes", verbose_name=_("commitment")
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


class ReminderState(models.TextChoices):
    PENDING = "pending", _("Being sent")
    SENT = "sent", _("Sent")


class ReminderSent(models.Model):
    """The outbox of reminder e-mails: a row is committed as pending before the e-mail goes out and marked sent
    after, so a worker that dies in between never leads to a second e-mail (see enlace/meetings/reminders.py)."""

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
