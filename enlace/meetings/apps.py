from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "enlace.meetings"
    label = "meetings"
    verbose_name = _("Meetings")  # as the back office names it

    def ready(self):
        from enlace import permissions
        from enlace.core.history import register_history
        from enlace.core.registry import register_home_panel
        from enlace.meetings import selectors
        from enlace.meetings.models import Agreement, Commitment, Meeting

        register_history("meeting", Meeting, permissions.can_view)
        register_history(
            "agreement",
            Agreement,
            lambda user, record: permissions.can_view(user, record.meeting),
            title=lambda record: f"{record.meeting.title} — {record.reference}",
        )
        register_history(
            "commitment", Commitment, lambda user, record: permissions.can_view(user, record.meeting)
        )
        register_home_panel(
            "published_meetings",
            template="meetings/_landing_panel.html",
            context=lambda user: {"public_meetings": selectors.public_meetings()[:5]},
            order=10,
            page="landing",
        )
        register_home_panel(
            "recent_meetings",
            template="meetings/_home_panel.html",
            context=lambda user: {"recent_meetings": selectors.meetings_for_user(user)[:5]},
            order=40,
        )
