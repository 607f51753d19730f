"""The filters of the meetings list: one FilterSet for the page and GET /api/v1/meetings/, so both read the query
string the same way (a bad value: a form error on the page, a 400 naming the field on the API)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enlace.core.filters import CodeChoiceFilter, WholeNumberFilter, filter_rows
from enlace.core.inputs import DATE_MAX, DATE_MIN
from enlace.meetings.models import Body


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", max_length=100, widget=forms.SearchInput
    )
    body = CodeChoiceFilter(label=_("Body"), choices=Body.choices, empty_label=_("All"))
    year = WholeNumberFilter(
        label=_("Year"),
        field_name="start_date",
        lookup_expr="year",
        min_value=DATE_MIN.year,
        max_value=DATE_MAX.year,
    )

    class Meta:
        fields: list[str] = []

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(title__icontains=value) | Q(place__icontains=value)) if value else queryset


def filtered_meetings(request, queryset):
    """(filterset, rows) of the meetings page."""
    return filter_rows(MeetingFilter, request, queryset)
