"""What every list's FilterSet shares: filters whose schema type is a plain value (the schema's texts must not
follow the caller's language, the labels do), and the one way a page or an export reads its FilterSet."""

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from enlace.core.inputs import DateField


@extend_schema_field(OpenApiTypes.STR)
class CodeChoiceFilter(django_filters.ChoiceFilter):
    pass


@extend_schema_field(OpenApiTypes.INT)
class IntegerChoiceFilter(django_filters.TypedChoiceFilter):
    pass


@extend_schema_field(OpenApiTypes.DATE)
class StrictDateFilter(django_filters.DateFilter):
    field_class = DateField  # the sane date range of every Enlace date


@extend_schema_field(OpenApiTypes.BOOL)
class CheckboxFilter(django_filters.BooleanFilter):
    field_class = forms.BooleanField


def filter_rows(filterset_class, request, queryset, **kwargs):
    """(filterset, rows) for a page or an export: the valid filters of the query string apply, a bad one is left
    out and its form says why (the API's DjangoFilterBackend answers 400 instead). Unbound without filters, so an
    empty query string shows the whole list and no error."""
    data = request.GET if any(key in request.GET for key in filterset_class.base_filters) else None
    filterset = filterset_class(data, queryset=queryset, request=request, **kwargs)
    return filterset, filterset.qs


@extend_schema_field(OpenApiTypes.INT)
class WholeNumberFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField  # a year or a count: 2016.5 is not one
