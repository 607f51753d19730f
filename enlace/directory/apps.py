from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "enlace.directory"
    label = "directory"
    verbose_name = _("Directory")  # as the back office names it

    def ready(self):
        from enlace import permissions
        from enlace.core.history import register_history
        from enlace.directory.models import Organization, ProTemporePresidency

        register_history(
            "organization", Organization, lambda user, record: permissions.can_view_directory(user)
        )
        register_history(
            "presidency", ProTemporePresidency, lambda user, record: permissions.can_view_directory(user)
        )
