"""What the landing page and each role's home page show: the panels the apps registered (enlace.core.registry)."""

from dataclasses import dataclass

from enlace.core.registry import home_panels
from enlace.directory.models import Organization, OrganizationKind


@dataclass
class ShownPanel:
    key: str
    template: str
    context: dict


def panels_for(user, page: str) -> list[ShownPanel]:
    """The panels of the page in their order, each with its context; a panel that answers None is not shown."""
    shown = []
    for panel in home_panels(page):
        context = panel.context(user)
        if context is not None:
            shown.append(ShownPanel(key=panel.key, template=panel.template, context=context))
    return shown


def landing_context(user) -> dict:
    return {
        "panels": panels_for(user, "landing"),
        # In the reader's language and alphabet order ("Estados Unidos" in Spanish, "United States" in English).
        "member_states": sorted(
            Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE, is_active=True),
            key=lambda org: org.name,
        ),
    }


def home_context(user) -> dict:
    return {"panels": panels_for(user, "home")}
