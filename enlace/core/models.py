"""Shared building blocks: visibility of owned records and uploaded documents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Language(models.TextChoices):
    """The Network's two languages, each named in itself (as a language chooser should)."""

    ES = "es", "Español"
    EN = "en", "English"


class Visibility(models.TextChoices):
    RESTRICTED = "restricted", _("Restricted (owner and secretariat)")
    NETWORK = "network", _("Network (every signed-in member)")
    PUBLIC = "public", _("Public")


class OwnedRecord(models.Model):
    """A record that a country or organization owns, seen according to its visibility (see enlace.permissions)."""

    owner = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("owner")
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.RESTRICTED
    )

    class Meta:
        abstract = True


def document_upload_path(instance, filename):
    return f"documents/{instance.owner_id}/{filename}"


class Document(OwnedRecord):
    """A file or link kept in Enlace (meeting documents, evidence of a commitment, ...)."""

    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=document_upload_path, blank=True)
    url = models.URLField(_("link"), blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title
