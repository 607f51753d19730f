"""The back office: django.contrib.admin for the rare fix no page offers, open only to a secretariat administrator
who passed the second factor (enlace.permissions.can_use_back_office). Django's is_staff, is_superuser and model
permissions play no part. Each app registers its models in its own admin.py on `back_office`, through
HistoryAdmin (every change kept, with the acting user) or ReadOnlyAdmin (records that are only looked at)."""

import re
from functools import update_wrapper

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from enlace import permissions

DATE_DRILLDOWN = re.compile(r"__(year|month|day)$")


class BackOfficeSite(admin.AdminSite):
    site_header = _("Enlace back office")
    site_title = _("Enlace back office")
    index_title = _("Rare fixes; every change is kept in the record's history")
    site_url = reverse_lazy("home:home")
    enable_nav_sidebar = False  # the index lists every model; the sidebar would repeat it on every page

    def has_permission(self, request):
        return permissions.can_use_back_office(request.user)

    def admin_view(self, view, cacheable=False):
        """Visitors go to Enlace's own log-in (then the second factor); anyone signed in who may not use the back
        office is refused, not sent to a log-in they already passed (that would loop)."""
        guarded = super().admin_view(view, cacheable)

        def inner(request, *args, **kwargs):
            refusal = self._refusal(request)
            if refusal is not None:
                return refusal
            if _odd_date_drilldown(request):
                # Django's admin turns a year such as 99999999999999999999 into a C long and fails with a 500;
                # "?e=1" is its own answer to a lookup it cannot use.
                return HttpResponseRedirect(f"{request.path}?e=1")
            return guarded(request, *args, **kwargs)

        return update_wrapper(inner, guarded)

    def login(self, request, extra_context=None):
        """No second log-in form (it would skip the second factor and the log-in limits): Enlace's own."""
        refusal = self._refusal(request)
        if refusal is not None:
            return refusal
        index = reverse("admin:index", current_app=self.name)
        if self.has_permission(request):
            return HttpResponseRedirect(index)
        wanted = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
            wanted = index
        return redirect_to_login(wanted, reverse("accounts:login"))

    def _refusal(self, request):
        user = request.user
        if not user.is_authenticated or self.has_permission(request):
            return None
        if permissions.second_factor_pending(user):
            return redirect_to_login(request.get_full_path(), reverse("accounts:second_factor"))
        raise PermissionDenied


back_office = BackOfficeSite(name="admin")
# Deleting by the page of one record only: a bulk delete would skip each model's own refusals.
back_office.disable_action("delete_selected")


class BackOfficeAdmin(admin.ModelAdmin):
    """Whoever may use the back office may do what the model's admin allows (allow_add, allow_change,
    allow_delete, can_delete_record); nothing comes from Django's per-model permissions. An admin that does not
    allow changes lists its `fields`."""

    allow_add = False
    allow_change = True
    allow_delete = False
    list_per_page = 50

    def _allowed(self, request) -> bool:
        return self.admin_site.has_permission(request)

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request):
        return self.allow_add and self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self.allow_change and self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return self.allow_delete and self._allowed(request) and (obj is None or self.can_delete_record(obj))

    def can_delete_record(self, obj) -> bool:
        return True

    def get_readonly_fields(self, request, obj=None):
        if not self.allow_change:  # the version pages of simple-history ask here, not the view-only switch
            return list(self.fields)
        return super().get_readonly_fields(request, obj)


class HistoryAdmin(BackOfficeAdmin, SimpleHistoryAdmin):
    """Every save here is recorded in the record's history with the administrator as its author
    (SimpleHistoryAdmin.save_model). A past version can be looked at, not restored: restoring would write back
    fields the back office keeps read-only (SIMPLE_HISTORY_REVERT_DISABLED)."""

    # Enlace's own history pages: in Spanish too (simple-history has no Spanish), and no inline style (CSP).
    object_history_template = "back_office/history.html"
    object_history_list_template = "back_office/history_list.html"

    def history_view_title(self, request, obj):
        return gettext("History of “%(title)s”") % {"title": obj}

    def history_form_view_title(self, request, obj):
        return gettext("Version of “%(title)s”") % {"title": obj}

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves a POSTed version even when reverting is off; the version page is for reading.
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReadOnlyAdmin(BackOfficeAdmin):
    """Records that are looked at, never changed here (no history of their own to keep the change in)."""

    allow_change = False


def _odd_date_drilldown(request) -> bool:
    """A date-hierarchy parameter that is not a plain year, month or day number."""
    return any(
        DATE_DRILLDOWN.search(name) and not (value.isascii() and value.isdigit() and len(value) <= 4)
        for name, value in request.GET.items()
    )
