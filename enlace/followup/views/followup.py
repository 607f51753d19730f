"""The follow-up of commitments: the filtered table (htmx updates only the results), its exports and the
person's calendar feed."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from enlace import permissions
from enlace.core.inputs import page_number
from enlace.followup import calendar, exports, selectors, services
from enlace.followup.filters import filtered_commitments
from enlace.meetings.presenters import prepare_commitments

PAGE_SIZE = 50
RESULTS_ID = "followup-results"
EXPORTERS = {
    "csv": exports.csv_response,
    "semicolon.csv": exports.semicolon_csv_response,
    "xlsx": exports.xlsx_response,
}


# Not shown on the page: left out of the rows read for it.
UNUSED_FIELDS = (
    "secretariat_note",
    "meeting__opening",
    "agreement__text",
    "agreement__translation",
    "agreement__parent__text",
    "agreement__parent__translation",
)


def _page(commitments, number):
    """Sorts and counts narrow rows (ids only), then reads the page's rows in full: sorting thousands of rows
    with their long texts is what makes a follow-up page slow. The responsible organizations are read in
    prepare_commitments, for the page only."""
    commitments = commitments.prefetch_related(None)
    page = Paginator(commitments.values_list("pk", flat=True), PAGE_SIZE).get_page(page_number(number))
    ids = list(page.object_list)
    position = {pk: index for index, pk in enumerate(ids)}
    rows = commitments.filter(pk__in=ids).order_by().defer(*UNUSED_FIELDS) if ids else []
    return page, sorted(rows, key=lambda commitment: position[commitment.pk])


@login_required
@require_safe
def followup(request):
    user = request.user
    today = timezone.localdate()
    filterset, commitments = filtered_commitments(request, today=today)
    page, rows = _page(commitments, request.GET.get("page"))
    prepare_commitments(rows, today, summary_length=220)
    query = request.GET.copy()
    query.pop("page", None)
    has_any = bool(rows) or selectors.commitments_for_user(user).exists()
    context = {
        "form": filterset.form,
        "page": page,
        "rows": rows,
        "today": today,
        "has_any": has_any,
        "export_query": query.urlencode(),
        "results_id": RESULTS_ID,
        "calendar_url": calendar.calendar_url_for(user) if permissions.is_member(user) else "",
    }
    partial = request.htmx and request.htmx.target == RESULTS_ID and not request.htmx.history_restore_request
    template = "followup/followup_results.html" if partial else "followup/followup.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


@login_required
@require_safe
def followup_export(request, fmt):
    """The same rows as the page with the same filters (never more than the user may see), as CSV or XLSX."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise Http404
    today = timezone.localdate()
    commitments = filtered_commitments(request, today=today)[1]
    return exporter(commitments, today=today)


@require_safe
def calendar_feed(request, token):
    """No login: calendar apps cannot log in, the signed token in the URL stands for the person."""
    user = calendar.user_for_calendar_token(token)
    if user is None:
        raise Http404
    with translation.override(user.language or settings.LANGUAGE_CODE):
        body = calendar.build_calendar(user)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="enlace.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def calendar_reset(request):
    """A new calendar address for the person; every copy of the old one stops working."""
    services.calendar_feed_reset(actor=request.user)
    messages.success(
        request,
        _("Your calendar address was reset: the old one no longer works. Subscribe again with the new one."),
    )
    return redirect(f"{reverse('followup:page')}#calendar-heading")
