"""People in the back office: names and contact details only. Roles, organizations and deactivation keep their
rules on Directory → People (the last administrator stays; a deactivated person's sessions and tokens end);
passwords, API tokens and authenticators are never shown here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from enlace.accounts.models import User
from enlace.core.back_office import HistoryAdmin, back_office


@admin.register(User, site=back_office)
class PersonAdmin(HistoryAdmin):
    list_display = ["username", "last_name", "first_name", "email", "organization", "role", "is_active"]
    list_filter = ["role", "is_active", "organization"]
    list_select_related = ["organization"]
    search_fields = ["username", "email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["username", "first_name", "last_name", "email", "position", "phone", "language"]}),
        (
            _("Set on Directory → People"),
            {"fields": ["organization", "role", "is_active", "last_login", "date_joined"]},
        ),
    ]
    readonly_fields = ["organization", "role", "is_active", "last_login", "date_joined"]
