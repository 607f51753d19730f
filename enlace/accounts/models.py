"""People who sign in to Enlace: each belongs to one organization and has one role there."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enlace.core.models import Language


class Role(models.TextChoices):
    LIAISON_OFFICER = "liaison_officer", _("Liaison officer")
    SECRETARIAT = "secretariat", _("Secretariat")
    SECRETARIAT_ADMIN = "secretariat_admin", _("Secretariat administrator")
    TECHNICAL_PARTNER = "technical_partner", _("Technical partner")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


SECRETARIAT_ROLES = frozenset({Role.SECRETARIAT, Role.SECRETARIAT_ADMIN})


class User(AbstractUser):
    email = models.EmailField(_("e-mail address"), unique=True)
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices, default=Language.ES)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_secretariat(self) -> bool:
        return self.is_active and self.role in SECRETARIAT_ROLES

    @property
    def is_secretariat_admin(self) -> bool:
        return self.is_active and self.role == Role.SECRETARIAT_ADMIN
