"""Services of the report import: upload and read a report, keep the draft for review, confirm or discard it.

No meeting, point or commitment exists until the secretariat confirms; a file that can't be read leaves nothing.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from enlace import permissions
from enlace.core.models import Document
from enlace.meetings.draft import ReportDraft
from enlace.meetings.models import Meeting, ReportImport
from enlace.meetings.services import meeting_create_from_draft

MAX_REPORT_BYTES = 20 * 1024 * 1024


def read_report(*, data: bytes, filename: str) -> ReportDraft:
    """The importer, with its refusals turned into a ValidationError in the user's language."""
    from enlace.meetings.importer import ReportFileError, import_report_file

    if len(data) > MAX_REPORT_BYTES:
        raise ValidationError(_("The file is larger than 20 MB."))
    try:
        return import_report_file(data, filename)
    except ReportFileError as error:
        raise ValidationError(str(error.message)) from None


def report_import_create(*, uploaded_file, user) -> ReportImport:
    if not permissions.can_manage_meetings(user):
        raise ValidationError(_("Only the secretariat can import reports."))
    if uploaded_file.size > MAX_REPORT_BYTES:
        raise ValidationError(_("The file is larger than 20 MB."))
    data = uploaded_file.read()
    name = get_valid_filename(uploaded_file.name)[:200] or "report"
    draft = read_report(data=data, filename=name)
    with transaction.atomic():
        report_import = ReportImport(
            original_name=name,
            size=len(data),
            draft=draft.to_dict(),
            source_text=draft.source_text,
            uploaded_by=user,
        )
        report_import.file.save(name, ContentFile(data), save=False)
        report_import.save()
    return report_import


def report_import_draft(report_import: ReportImport) -> ReportDraft:
    draft = ReportDraft.from_dict(report_import.draft)
    draft.source_text = report_import.source_text
    return draft


def report_import_save_draft(*, report_import: ReportImport, draft: ReportDraft) -> ReportImport:
    report_import.draft = draft.to_dict()
    report_import.save(update_fields=["draft"])
    return report_import


@transaction.atomic
def report_import_confirm(
    *, report_import: ReportImport, draft: ReportDraft, user, visibility: str
) -> Meeting:
    """Creates the meeting from the corrected draft and keeps the uploaded file as its source document."""
    if not permissions.can_manage_meetings(user):
        raise ValidationError(_("Only the secretariat can import reports."))
    locked = ReportImport.objects.select_for_update().get(pk=report_import.pk)
    if locked.status != ReportImport.Status.PENDING:
        raise ValidationError(_("This report was already confirmed or discarded."))
    if not permissions.can_publish(user) and visibility == "public":
        raise ValidationError(_("Only the secretariat can publish."))
    meeting = meeting_create_from_draft(
        draft=draft, created_by=user, source_import=locked, visibility=visibility
    )
    document = Document(
        owner=meeting.owner,
        visibility=visibility,
        title=locked.original_name,
        content_type="",
        size=locked.size,
        uploaded_by=user,
    )
    document.file.name = locked.file.name
    document._history_user = user
    document.save()
    meeting.documents.add(document)
    locked.draft = draft.to_dict()
    locked.status = ReportImport.Status.CONFIRMED
    locked.save(update_fields=["draft", "status"])
    return meeting


def report_import_discard(*, report_import: ReportImport, user) -> None:
    if not permissions.can_manage_meetings(user):
        raise ValidationError(_("Only the secretariat can import reports."))
    if report_import.status != ReportImport.Status.PENDING:
        raise ValidationError(_("This report was already confirmed or discarded."))
    report_import.file.delete(save=False)
    report_import.status = ReportImport.Status.DISCARDED
    report_import.source_text = ""
    report_import.save(update_fields=["file", "status", "source_text"])


def meeting_create_manually(*, draft: ReportDraft, user, visibility: str) -> Meeting:
    if not permissions.can_manage_meetings(user):
        raise ValidationError(_("Only the secretariat can record meetings."))
    return meeting_create_from_draft(draft=draft, created_by=user, visibility=visibility)
