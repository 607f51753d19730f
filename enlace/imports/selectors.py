"""Reads of report imports."""

from django.db.models import QuerySet
from django.http import Http404

from enlace import permissions
from enlace.imports.models import ReportImport


def get_report_import_for_user(user, pk: int) -> ReportImport:
    """An import, for the secretariat that imports reports; 404 for everyone else."""
    found = ReportImport.objects.filter(pk=pk).first() if permissions.can_manage_meetings(user) else None
    if found is None:
        raise Http404
    return found


def pending_imports(user) -> QuerySet:
    if not permissions.can_manage_meetings(user):
        return ReportImport.objects.none()
    # The draft and the source text of a long report weigh hundreds of kilobytes: lists need neither.
    return (
        ReportImport.objects.filter(status__in=ReportImport.OPEN_STATUSES)
        .select_related("uploaded_by")
        .defer("draft", "source_text")
    )
