"""What Enlace answers while its database is down or restarting: 503 with Retry-After, never a 500.

The answer is built without the database: no session, no user, no context processors. The page is rendered by a
bare template engine in the language the browser asks for (language cookie or Accept-Language).
"""

import logging
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import Context, Engine
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger("enlace.outage")

RETRY_AFTER_SECONDS = 5
LOG_EVERY_SECONDS = 30.0  # one warning per process per outage (then one every 30 s while it lasts)

try:  # the driver's own errors, in case one escapes Django's wrapping
    import psycopg

    _DRIVER_ERRORS: tuple = (psycopg.OperationalError, psycopg.InterfaceError)
except ImportError:  # pragma: no cover - SQLite-only installations
    _DRIVER_ERRORS = ()

DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError, *_DRIVER_ERRORS)

_engine = None
_log_lock = threading.Lock()
_last_logged = 0.0
_suppressed = 0


def is_database_outage(error: BaseException | None) -> bool:
    """True when the error, or one it was raised from, says the database cannot be reached."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DATABASE_OUTAGE_ERRORS):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _log_once(request, error: BaseException) -> None:
    global _last_logged, _suppressed
    with _log_lock:
        now = time.monotonic()
        if now - _last_logged < LOG_EVERY_SECONDS:
            _suppressed += 1
            return
        suppressed, _suppressed, _last_logged = _suppressed, 0, now
    logger.warning(
        "database_unavailable",
        extra={"path": request.path, "error": str(error).strip()[:200], "since_last_warning": suppressed},
    )


def _template_engine() -> Engine:
    global _engine
    if _engine is None:
        _engine = Engine(
            dirs=[str(settings.BASE_DIR / "templates")],
            libraries={"i18n": "django.templatetags.i18n", "static": "django.templatetags.static"},
        )
    return _engine


def page(language: str) -> str:
    """The 503 page in the given language, from templates/503.html, with no request and no database."""
    with translation.override(language):
        template = _template_engine().get_template("503.html")
        return template.render(Context({"LANG": translation.get_language()}))


def response(request, error: BaseException) -> HttpResponse:
    _log_once(request, error)
    language = translation.get_language_from_request(request)  # cookie and header only: no database
    if request.path.startswith("/api/"):
        with translation.override(language):
            detail = _("The database is not available right now. Please try again in a few seconds.")
        answer = JsonResponse({"detail": detail}, status=503)
    else:
        answer = HttpResponse(page(language), status=503, content_type="text/html; charset=utf-8")
    answer["Retry-After"] = str(RETRY_AFTER_SECONDS)
    answer["Cache-Control"] = "no-store"
    answer["Content-Language"] = language
    answer._has_been_logged = True  # Django's request log would add a traceback per request
    return answer
