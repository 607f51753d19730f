"""Reads of report imports."""

from django.db.models import QuerySet

from enlace import permissions
from enlace.imports.models import ReportImport


def pending_imports(user) -> QuerySet:
    if not permissions.can_manage_meetings(user):
        return ReportImport.objects.none()
    # The draft and the source text of a long report weigh hundreds of kilobytes: lists need neither.
    return (
        ReportImport.objects.filter(status__in=ReportImport.OPEN_STATUSES)
        .select_related("uploaded_by")
        .defer("draft", "source_text")
    )
