from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "enlace.directory"
    label = "directory"

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
