"""What the landing page and each role's home page show."""

from enlace import permissions
from enlace.directory.models import Organization, OrganizationKind
from enlace.meetings import selectors as meeting_selectors


def landing_context() -> dict:
    return {
        "public_meetings": meeting_selectors.public_meetings()[:5],
        # In the reader's language and alphabet order ("Estados Unidos" in Spanish, "United States" in English).
        "member_states": sorted(
            Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE, is_active=True),
            key=lambda org: org.name,
        ),
    }


def home_context(user) -> dict:
    return {
        "is_secretariat": permissions.is_secretariat(user),
        "is_admin": permissions.is_secretariat_admin(user),
        "followup": meeting_selectors.followup_summary(user),
        "recent_meetings": meeting_selectors.meetings_for_user(user)[:5],
        "pending_imports": meeting_selectors.pending_imports(user),
    }
