"""Report imports: an uploaded report read by the worker, reviewed by the secretariat, then confirmed into a
meeting (the import keeps the link to the meeting it created)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    # The file's SHA-256, so that uploading the same report again is noticed before it is recorded twice.
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True, db_index=True)
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
    # The meeting this import created: empty until the secretariat confirms it.
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imports",
        verbose_name=_("meeting created"),
    )
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
