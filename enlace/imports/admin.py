"""Report imports in the back office, read-only: they are uploaded, reviewed and confirmed on the import pages."""

from django.contrib import admin

from enlace.core.back_office import ReadOnlyAdmin, back_office
from enlace.imports.models import ReportImport


@admin.register(ReportImport, site=back_office)
class ReportImportAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "status", "uploaded_by", "created_at"]
    list_filter = ["status"]
    list_select_related = ["uploaded_by"]
    search_fields = ["original_name"]
    fields = ["original_name", "size", "status", "meeting", "uploaded_by", "created_at"]
