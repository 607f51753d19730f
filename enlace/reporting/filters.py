"""The filters of the country reports list (API): one FilterSet, refusing bad values with a 400 naming the field."""

import django_filters
from django.utils.translation import gettext_lazy as _

from enlace.core.filters import CodeChoiceFilter, filter_rows
from enlace.reporting.models import SubmissionStatus


class SubmissionFilter(django_filters.FilterSet):
    cycle = django_filters.NumberFilter(
        label=_("Cycle"), field_name="cycle_id", min_value=1, max_value=2**31 - 1
    )
    status = CodeChoiceFilter(label=_("Status"), choices=SubmissionStatus.choices, empty_label=_("All"))
    country = django_filters.CharFilter(label=_("Country"), field_name="owner__code", max_length=8)

    class Meta:
        fields: list[str] = []


def filtered_submissions(request, queryset):
    return filter_rows(SubmissionFilter, request, queryset)
