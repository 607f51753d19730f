"""Documents in the back office: their title, owner and visibility. The file or link itself is given (and
checked: file content, https only) through the pages, never replaced here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from enlace.core.back_office import HistoryAdmin, back_office
from enlace.core.models import Document


@admin.register(Document, site=back_office)
class DocumentAdmin(HistoryAdmin):
    list_display = ["title", "owner", "visibility", "content_type", "size", "created_at"]
    list_filter = ["visibility", "owner"]
    list_select_related = ["owner"]
    search_fields = ["title", "url"]
    fields = [
        "title",
        "url",
        "owner",
        "visibility",
        "file_name",
        "content_type",
        "size",
        "uploaded_by",
        "created_at",
    ]
    readonly_fields = ["url", "file_name", "content_type", "size", "uploaded_by", "created_at"]

    @admin.display(description=_("file"))
    def file_name(self, document):
        # The name, not a link: files are served by the pages that check who may see them.
        return document.file.name or "—"
