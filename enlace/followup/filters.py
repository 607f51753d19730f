"""The filters of the follow-up: one FilterSet read by the page, its exports and the commitments API, so the three
read a query string the same way. A bad value is a form error on the page (the valid filters still apply) and a
400 naming the field on the API (DjangoFilterBackend raises)."""

import datetime as dt

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enlace import permissions
from enlace.core.filters import (
    CheckboxFilter,
    CodeChoiceFilter,
    IntegerChoiceFilter,
    StrictDateFilter,
    filter_rows,
)
from enlace.core.widgets import DateInput
from enlace.directory.models import MEMBER_STATES, Organization
from enlace.followup import selectors
from enlace.meetings.models import ACTIVE_STATUSES, DUE_SOON_DAYS, CommitmentStatus, Meeting

STATUS_FILTERS = [
    ("", _("Any status")),
    ("active", _("Open or in progress")),
    ("overdue", _("Overdue")),
    ("due_soon", _("Due in the next 30 days")),
    *CommitmentStatus.choices,
]


class FollowupFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        due_from, due_to = cleaned.get("due_from"), cleaned.get("due_to")
        if due_from and due_to and due_from > due_to:
            self.add_error("due_to", _("The end of the period is before its start."))
        return cleaned


class CommitmentFilter(django_filters.FilterSet):
    """Needs the request (its user): the meetings and organizations offered, and "only mine"."""

    q = django_filters.CharFilter(
        label=_("Search"), method="search", max_length=200, widget=forms.SearchInput
    )
    organization = CodeChoiceFilter(label=_("Responsible"), method="by_organization", empty_label=None)
    status = CodeChoiceFilter(label=_("Status"), method="by_status", choices=STATUS_FILTERS, empty_label=None)
    meeting = IntegerChoiceFilter(label=_("Meeting"), field_name="meeting_id", coerce=int, empty_value=None)
    due_from = StrictDateFilter(
        label=_("Deadline from"), field_name="due_date", lookup_expr="gte", widget=DateInput
    )
    due_to = StrictDateFilter(
        label=_("Deadline to"), field_name="due_date", lookup_expr="lte", widget=DateInput
    )
    mine = CheckboxFilter(label=_("Only my organization"), method="only_mine", required=False)

    class Meta:
        form = FollowupFilterForm
        fields: list[str] = []

    def __init__(self, data=None, *args, request, today=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        self.today = today or timezone.localdate()
        user = request.user
        states, others = [], []
        for org in Organization.objects.filter(is_active=True).only(
            "code", "kind", "name_es", "name_en", "acronym_es", "acronym_en"
        ):
            (states if org.is_member_state else others).append((org.code, org.short_name))
        self.filters["organization"].extra["choices"] = [
            ("", _("Anyone")),
            (MEMBER_STATES, _("The member states")),
            (_("Member states"), sorted(states, key=lambda choice: choice[1])),
            (_("Organizations"), sorted(others, key=lambda choice: choice[1])),
        ]
        meetings = (
            Meeting.objects.filter(permissions.visible_q(user))
            .order_by("-start_date", "-pk")
            .values_list("pk", "title", "start_date")
        )
        self.filters["meeting"].extra["choices"] = [("", _("Any meeting"))] + [
            (pk, f"{title} ({start:%Y-%m-%d})") for pk, title, start in meetings
        ]
        if not (permissions.is_member(user) and user.organization_id):
            del self.filters["mine"]

    def search(self, queryset, name, value):
        return queryset.filter(text__icontains=value) if value else queryset

    def by_organization(self, queryset, name, value):
        if not value:
            return queryset
        if value == MEMBER_STATES:
            return queryset.filter(all_member_states=True)
        organization = Organization.objects.filter(code=value).first()
        return queryset.filter(selectors.responsible_q(organization))

    def by_status(self, queryset, name, value):
        today = self.today
        if value in CommitmentStatus.values:
            return queryset.filter(status=value)
        if value == "active":
            return queryset.filter(status__in=ACTIVE_STATUSES)
        if value == "overdue":
            return queryset.filter(status__in=ACTIVE_STATUSES, due_date__lt=today)
        if value == "due_soon":
            soon = today + dt.timedelta(days=DUE_SOON_DAYS)
            return queryset.filter(status__in=ACTIVE_STATUSES, due_date__gte=today, due_date__lte=soon)
        return queryset

    def only_mine(self, queryset, name, value):
        return queryset.filter(selectors.owes_q(self.request.user)) if value else queryset


def filtered_commitments(request, *, today=None):
    """The follow-up's rows for the page and its exports: the commitments the user may see, in the follow-up's
    order, narrowed by the valid filters of the query string. Returns (filterset, queryset)."""
    return filter_rows(CommitmentFilter, request, selectors.followup(request.user), today=today)
