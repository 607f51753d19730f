"""Who takes part in the Network: organizations (member states, secretariat, partners) and the yearly presidency."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Where an organization code is expected (filters, drafts, forms): the member states as a group.
MEMBER_STATES = "STATES"


class OrganizationKind(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member state")
    SECRETARIAT = "secretariat", _("Technical Secretariat")
    TECHNICAL_PARTNER = "technical_partner", _("Technical partner")
    REGIONAL_PARTNER = "regional_partner", _("Regional partner")
    COOPERATION_PARTNER = "cooperation_partner", _("Cooperation partner")
    PARTNER_NETWORK = "partner_network", _("Partner network")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class Organization(models.Model):
    """A member state (code = ISO 3166-1 alpha-2) or an organization (code from the domain reference: ST, IOM...)."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices)
    name_es = models.CharField(_("name (Spanish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    acronym_es = models.CharField(_("acronym (Spanish)"), max_length=40, blank=True)
    acronym_en = models.CharField(_("acronym (English)"), max_length=40, blank=True)
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name_es"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_es

    @property
    def acronym(self) -> str:
        acronym = self.acronym_en if get_language() == "en" else self.acronym_es
        return acronym or self.code

    @property
    def short_name(self) -> str:
        """Countries by name, organizations by acronym: how the Network's reports refer to them."""
        return self.name if self.is_member_state else self.acronym

    @property
    def is_member_state(self) -> bool:
        return self.kind == OrganizationKind.MEMBER_STATE


class ProTemporePresidency(models.Model):
    """The member state that chairs the Conference for a year."""

    year = models.PositiveIntegerField(_("year"), unique=True)
    state = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": OrganizationKind.MEMBER_STATE},
        verbose_name=_("member state"),
        related_name="presidencies",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Pro Tempore Presidency")
        verbose_name_plural = _("Pro Tempore Presidencies")

    def __str__(self):
        return f"{self.year}: {self.state}"
