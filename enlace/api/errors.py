from rest_framework.exceptions import ParseError
from rest_framework.views import exception_handler as drf_exception_handler

from enlace.core import outage


def exception_handler(exc, context):
    """DRF's handler, with every error answered as JSON (never an HTML 500 page for bad input).

    A view that names DRF's own JSON parser (not enlace.api.parsers) lets a deeply nested body reach Python's
    json module, which gives up with RecursionError: that is bad input too."""
    if isinstance(exc, RecursionError):
        exc = ParseError()
    if outage.is_database_outage(exc):
        return outage.response(context["request"], exc)
    return drf_exception_handler(exc, context)
