from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "enlace.accounts"
    label = "accounts"

    def ready(self):
        from enlace import permissions
        from enlace.accounts import login_limits  # noqa: F401  (connects its signal receiver)
        from enlace.accounts.models import User
        from enlace.core.history import register_history

        register_history(
            "person",
            User,
            lambda user, record: (
                permissions.can_manage_people(user) or (user.is_authenticated and user.pk == record.pk)
            ),
        )
