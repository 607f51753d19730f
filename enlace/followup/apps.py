from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _followup_panel(user) -> dict:
    from enlace import permissions
    from enlace.followup.selectors import followup_summary

    return {"is_secretariat": permissions.is_secretariat(user), "followup": followup_summary(user)}


def _evidence_documents(sender, meeting, **kwargs):
    """The evidence of a meeting's commitments, deleted with the meeting (enlace.meetings.signals)."""
    from enlace.followup.models import Evidence

    return Evidence.objects.filter(commitment__meeting=meeting).values("document_id")


class FollowupConfig(AppConfig):
    name = "enlace.followup"
    label = "followup"
    verbose_name = _("Follow-up")  # as the back office names it

    def ready(self):
        from enlace.core.registry import register_demo_loader, register_home_panel
        from enlace.followup import shares
        from enlace.followup.demo import load_progress
        from enlace.meetings.signals import meeting_documents

        register_home_panel(
            "followup", template="followup/_home_panel.html", context=_followup_panel, order=10
        )
        register_demo_loader("followup", load_progress, order=20)
        meeting_documents.connect(_evidence_documents, dispatch_uid="followup-evidence-documents")
        shares.connect()
