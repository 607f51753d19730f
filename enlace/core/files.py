"""Serving stored files: only through views that checked permission, always as a download."""

from pathlib import PurePosixPath

from django.http import FileResponse, Http404


def attachment_response(document) -> FileResponse:
    """The document's file as an attachment that the browser must not sniff or cache."""
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=PurePosixPath(document.file.name).name,
        content_type=document.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
