"""The filters of the people list: one FilterSet for the people page, its CSV/Excel export and GET /api/v1/people/
(a bad value: a form error on the page, a 400 naming the field on the API). Deactivated accounts are the
administrator's business: only they get the status filter; everyone else sees active people only."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enlace import permissions
from enlace.accounts.models import Role
from enlace.core.filters import CodeChoiceFilter, filter_rows
from enlace.directory.models import Organization
from enlace.directory.selectors import people_for_user

STATUS_CHOICES = [("active", _("Active")), ("inactive", _("Deactivated")), ("all", _("All"))]
STATUS_ROWS = {"active": Q(is_active=True), "inactive": Q(is_active=False), "all": Q()}


class PersonFilter(django_filters.FilterSet):
    """Needs the request (its user): the status filter is the administrator's."""

    q = django_filters.CharFilter(
        label=_("Search"), method="search", max_length=100, widget=forms.SearchInput
    )
    organization = CodeChoiceFilter(
        label=_("Organization"), field_name="organization__code", empty_label=None
    )
    role = CodeChoiceFilter(label=_("Role"), choices=Role.choices, empty_label=_("All"))
    status = CodeChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, empty_label=None, method="by_status")

    class Meta:
        fields: list[str] = []

    def __init__(self, data=None, *args, request, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        organizations = sorted(
            Organization.objects.only("code", "kind", "name_es", "name_en", "acronym_es", "acronym_en"),
            key=lambda org: (not org.is_member_state, org.short_name.lower()),
        )
        self.filters["organization"].extra["choices"] = [("", _("All"))] + [
            (org.code, org.short_name) for org in organizations
        ]
        if not permissions.can_manage_people(request.user):
            del self.filters["status"]

    @property
    def qs(self):
        # "active" is the default of the status filter, so it holds on an empty query string too.
        rows = super().qs
        status = (self.form.cleaned_data.get("status") if self.is_bound else None) or "active"
        return rows.filter(STATUS_ROWS.get(status, STATUS_ROWS["active"]))

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(first_name__icontains=value)
            | Q(last_name__icontains=value)
            | Q(email__icontains=value)
            | Q(username__icontains=value)
        )

    def by_status(self, queryset, name, value):
        return queryset  # applied in qs, where its default lives


def filtered_people(request):
    """(filterset, rows) of the people page and its export."""
    return filter_rows(PersonFilter, request, people_for_user(request.user))
