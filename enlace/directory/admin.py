"""Organizations and presidencies in the back office. A reference organization keeps its code and kind (meetings,
imports and roles find it by them) and is never deleted."""

from django.contrib import admin

from enlace.core.back_office import HistoryAdmin, back_office
from enlace.directory.models import Organization, ProTemporePresidency
from enlace.directory.services import is_reference_code


@admin.register(Organization, site=back_office)
class OrganizationAdmin(HistoryAdmin):
    allow_add = True
    allow_delete = True
    list_display = ["code", "name_es", "name_en", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name_es", "name_en", "acronym_es", "acronym_en"]
    fields = ["code", "kind", "name_es", "name_en", "acronym_es", "acronym_en", "iso3", "is_active"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and is_reference_code(obj.code):
            return ["code", "kind"]
        return []

    def can_delete_record(self, obj) -> bool:
        return not is_reference_code(obj.code)


@admin.register(ProTemporePresidency, site=back_office)
class ProTemporePresidencyAdmin(HistoryAdmin):
    allow_add = True
    allow_delete = True
    list_display = ["year", "state"]
    list_select_related = ["state"]
    fields = ["year", "state"]
