from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _reporting_panel(user) -> dict:
    from enlace import permissions
    from enlace.reporting.selectors import home_summary

    summary = home_summary(user)
    summary["reports"] = permissions.is_member(user) and permissions.can_report_for(
        user, user.organization_id
    )
    return summary


class ReportingConfig(AppConfig):
    name = "enlace.reporting"
    label = "reporting"
    verbose_name = _("Country reports")  # as the back office names it

    def ready(self):
        from enlace import permissions
        from enlace.core.history import register_history
        from enlace.core.registry import register_demo_loader, register_home_panel
        from enlace.reporting.demo import load_reporting
        from enlace.reporting.models import Answer, Cycle, Framework, Indicator, Submission

        register_history("report", Submission, permissions.can_view_submission)
        register_history(
            "answer", Answer, lambda user, answer: permissions.can_view_submission(user, answer.submission)
        )
        register_history("cycle", Cycle, lambda user, cycle: permissions.is_member(user))
        register_history("framework", Framework, lambda user, framework: permissions.is_member(user))
        register_history("indicator", Indicator, lambda user, indicator: permissions.is_member(user))
        register_home_panel(
            "reporting", template="reporting/_home_panel.html", context=_reporting_panel, order=30
        )
        # After the meetings' demo (the cycle of 2016 follows commitment 2.a of the seed).
        register_demo_loader("reporting", load_reporting, order=300)
