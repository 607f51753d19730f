import sys

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from enlace.core import outage
from enlace.core.errors import error_response
from enlace.core.history import displayed_fields, history_entries, history_kind, record_as_of
from enlace.core.inputs import DATE_MAX, DATE_MIN, parse_date
from enlace.core.navigation import MODULES_BY_KEY


def module(request, key):
    """A module that is not built yet: say what it will hold."""
    module = MODULES_BY_KEY.get(key)
    if module is None or module.built or (not module.public and not request.user.is_authenticated):
        if module is not None and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return render(request, "core/module_placeholder.html", {"module": module})


@login_required
def history(request, kind, pk):
    """Every change to one record: who, when, before and after; ?as_of=YYYY-MM-DD shows it as it stood then."""
    kind_spec = history_kind(kind)
    if kind_spec is None:
        raise Http404
    record = kind_spec.model._default_manager.filter(pk=pk).first()
    if record is None or not kind_spec.can_view(request.user, record):
        raise Http404
    as_of_raw = request.GET.get("as_of", "")
    as_of_date = as_of_record = None
    as_of_error = ""
    if as_of_raw:
        as_of_date = parse_date(as_of_raw)
        if as_of_date is None:
            as_of_error = _("Enter a date as YYYY-MM-DD, between %(first)s and %(last)s.") % {
                "first": DATE_MIN.isoformat(),
                "last": DATE_MAX.isoformat(),
            }
        else:
            as_of_record = record_as_of(record, as_of_date)
    as_of_fields = displayed_fields(as_of_record, kind_spec.model) if as_of_record is not None else []
    return render(
        request,
        "core/history.html",
        {
            "record": record,
            "title": kind_spec.title(record),
            "entries": history_entries(record),
            "as_of": as_of_raw,
            "as_of_date": as_of_date,
            "as_of_fields": as_of_fields,
            "as_of_missing": bool(as_of_date) and as_of_record is None,
            "as_of_error": as_of_error,
        },
    )


@require_GET
@never_cache
def health(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception=None):
    return error_response(request, 404, "404.html", _("Not found."))


def server_error(request):
    """Django's last resort; a database outage gets its own 503 answer, built without the database."""
    error = sys.exc_info()[1]
    if outage.is_database_outage(error):
        return outage.response(request, error)
    return error_response(request, 500, "500.html", _("A server error occurred."))


def bad_request(request, exception=None):
    return error_response(request, 400, "400.html", _("Bad request."))


def permission_denied(request, exception=None):
    return error_response(request, 403, "403.html", _("You do not have permission to perform this action."))
