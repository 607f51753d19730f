import logging
import time

from django.utils.functional import empty
from django.utils.translation import gettext as _

from enlace.core import outage
from enlace.core.errors import error_response
from enlace.core.outage import DATABASE_OUTAGE_ERRORS

logger = logging.getLogger("enlace.request")


class RequestLogMiddleware:
    """Logs one structured line per request: method, path, status, duration and user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        # Only a user already read: logging must not query the database (it may be down).
        user = getattr(request, "user", None)
        if getattr(user, "_wrapped", None) is empty:
            user = None
        logger.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


def _null_refused(request):
    return error_response(
        request, 400, "400.html", _("A null character (NUL) is not allowed in the address or in form values.")
    )


class RejectNullCharactersMiddleware:
    """A NUL character has no place in a form value or query parameter, and PostgreSQL refuses it in text:
    answer 400 instead of letting it reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return _null_refused(request)
        # Multipart bodies (uploads) are left to the view, which may refuse them unread; their text fields go
        # through Django forms, whose CharField already refuses NUL characters.
        form_post = request.method == "POST" and request.content_type == "application/x-www-form-urlencoded"
        if form_post and any("\x00" in value for _key, values in request.POST.lists() for value in values):
            return _null_refused(request)
        return self.get_response(request)


class DatabaseOutageMiddleware:
    """While the database is down or restarting, answer 503 with Retry-After (JSON under /api/, the app's own
    page elsewhere) instead of a 500, without touching the database again. Errors raised by other middleware
    reach the same answer through handler500 (enlace.core.views.server_error)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except DATABASE_OUTAGE_ERRORS as error:  # raised outside Django's per-middleware conversion
            return outage.response(request, error)

    def process_exception(self, request, exception):
        if outage.is_database_outage(exception):
            return outage.response(request, exception)
        return None
