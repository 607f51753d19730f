from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "enlace.accounts"
    label = "accounts"
    verbose_name = _("People")  # as the back office names it

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
