from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _imports_panel(user) -> dict | None:
    from enlace import permissions
    from enlace.imports.selectors import pending_imports

    if not permissions.is_secretariat(user):
        return None
    return {"pending_imports": pending_imports(user)}


class ImportsConfig(AppConfig):
    name = "enlace.imports"
    label = "imports"
    verbose_name = _("Report imports")  # as the back office names it

    def ready(self):
        from enlace.core.registry import register_demo_loader, register_home_panel
        from enlace.imports.demo import load_meetings

        register_home_panel("imports", template="imports/_home_panel.html", context=_imports_panel, order=20)
        register_demo_loader("meetings", load_meetings, order=10)
