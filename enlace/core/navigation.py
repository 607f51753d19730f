"""The modules of Enlace as the navigation shows them; a module not built yet shows what will be there."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Module:
    key: str
    title: Promise
    url_name: str
    summary: Promise
    built: bool = True
    public: bool = False


MODULES = [
    Module(
        "directory",
        _("Directory"),
        "directory:organizations",
        _("Member states, the Technical Secretariat, partners and the people who represent them."),
    ),
    Module(
        "meetings",
        _("Meetings"),
        "meetings:list",
        _("Meetings of the Network, their reports and the agreements reached."),
        public=True,
    ),
    Module(
        "followup",
        _("Follow-up"),
        "followup:page",
        _("Every commitment with its responsible, deadline, status and evidence."),
    ),
    Module(
        "reporting",
        _("Country reports"),
        "reporting:list",
        public=True,
        summary=_(
            "Reporting cycles on the Palermo Protocol indicators: each country fills in its report, "
            "the secretariat reviews and validates it."
        ),
    ),
    Module(
        "legislation",
        _("Legislation"),
        "core:module",
        built=False,
        summary=_(
            "The comparative matrix of national legislation against the Trafficking and Smuggling "
            "Protocols, each cell citing the provision."
        ),
    ),
    Module(
        "analysis",
        _("Bottlenecks"),
        "core:module",
        built=False,
        summary=_("Gaps found in the data and legislation, and the key bottlenecks they reveal."),
    ),
    Module(
        "workplans",
        _("Work plans"),
        "core:module",
        built=False,
        summary=_(
            "Work plans with their axes and activities, each tied to the bottleneck or agreement it answers."
        ),
    ),
    Module(
        "practices",
        _("Good practices"),
        "core:module",
        built=False,
        summary=_("Good practices, exchange offers and requests, and the observations of civil society."),
    ),
    Module(
        "statistics",
        _("Statistics"),
        "core:module",
        built=False,
        public=True,
        summary=_("Published figures on trafficking and smuggling, with disclosure control, for download."),
    ),
]
MODULES_BY_KEY = {module.key: module for module in MODULES}


def module_url(module: Module) -> str:
    if module.built:
        return reverse(module.url_name)
    return reverse("core:module", args=[module.key])


def navigation_for(request):
    """The modules that exist: signed-in members see each of them, visitors what the Network publishes. A module
    not built yet stays out of the navigation (its page, core:module, still says what it will hold)."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    items = [
        {"key": module.key, "title": module.title, "url": module_url(module), "current": False}
        for module in MODULES
        if module.built and (signed_in or module.public)
    ]
    # The module whose address is the longest prefix of this page is the current one (/meetings/import/ is
    # Meetings, /follow-up/commitments/1/ is Follow-up).
    matches = [item for item in items if request.path.startswith(item["url"])]
    if matches:
        max(matches, key=lambda item: len(item["url"]))["current"] = True
    return items
