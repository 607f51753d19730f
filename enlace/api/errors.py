from rest_framework.views import exception_handler as drf_exception_handler

from enlace.core import outage


def exception_handler(exc, context):
    """DRF's handler, with every error answered as JSON (never an HTML 500 page for bad input)."""
    if outage.is_database_outage(exc):
        return outage.response(context["request"], exc)
    return drf_exception_handler(exc, context)
