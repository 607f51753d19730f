from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "enlace.core"
    label = "core"
    verbose_name = _("Documents")  # as the back office names it
