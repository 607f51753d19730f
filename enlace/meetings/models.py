"""Meetings of the Network, the agreements they reach and the commitments that follow from them (the record and
its status; notes, evidence and reminders are in enlace.followup)."""

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


class Meeting(OwnedRecord):
    body = models.CharField(_("body"), max_length=16, choices=Body.choices, default=Body.NETWORK)
    title = models.CharField(_("title"), max_length=400)
    title_translation = models.CharField(
        _("title in the other language"),
        max_length=400,
        blank=True,
        help_text=_("Used by the report in the Network's other language."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    virtual = models.BooleanField(_("held online"), default=False)
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
