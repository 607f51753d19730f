"""People who sign in to Enlace: each belongs to one organization and has one role there."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken
from knox.settings import CONSTANTS
from simple_history.models import HistoricalRecords

from enlace.core.models import Language


class Role(models.TextChoices):
    LIAISON_OFFICER = "liaison_officer", _("Liaison officer")
    SECRETARIAT = "secretariat", _("Secretariat")
    SECRETARIAT_ADMIN = "secretariat_admin", _("Secretariat administrator")
    TECHNICAL_PARTNER = "technical_partner", _("Technical partner")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


SECRETARIAT_ROLES = frozenset({Role.SECRETARIAT, Role.SECRETARIAT_ADMIN})


class ReminderEmails(models.TextChoices):
    """How a person wants the follow-up's deadline reminders (enlace/followup/reminders.py)."""

    DAILY = "daily", _("One e-mail a day with every reminder due")
    WEEKLY = "weekly", _("One e-mail a week, on Mondays, with every reminder due that week or late")
    OFF = "off", _("No reminder e-mails")


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
    reminder_emails = models.CharField(
        _("reminder e-mails"), max_length=8, choices=ReminderEmails.choices, default=ReminderEmails.DAILY
    )
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


class ApiToken(AbstractAuthToken):
    """An API token, named by the client that holds it (one per client). django-rest-knox stores only its hash
    and its expiry; the rest records what the token may carry."""

    NAME_MAX_LENGTH = 64

    id = models.BigAutoField(primary_key=True)  # for revoke links: the digest stays out of pages
    digest = models.CharField(max_length=CONSTANTS.DIGEST_LENGTH, unique=True)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    # Issued after a current code from the person's authenticator: only such tokens serve someone who needs one.
    with_second_factor = models.BooleanField(default=False)
    # Ties the token to the password it was issued under: any later password change ends it.
    password_fingerprint = models.CharField(max_length=64)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="one_api_token_per_client_name")]

    def __str__(self):
        return self.name
