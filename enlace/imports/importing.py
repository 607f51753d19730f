"""Services of the report import: upload a report, read it in the worker under limits, keep the draft for review,
confirm or discard it.

The upload only stores the file and queues the reading (`tasks.read_report_import`); the worker reads it in a child
process under the limits of `enlace.core.limits` (time, memory, unpacked size, pages, paragraphs) and records the
draft or the refusal in one write. No meeting, point or commitment exists until the secretariat confirms; a file
that can't be read leaves nothing but the import, which says why and can be retried or discarded.
"""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enlace import permissions
from enlace.core import limits as file_limits
from enlace.core.limits import FileLimits
from enlace.core.models import Document
from enlace.core.sandbox import Outcome, run_limited
from enlace.imports.linking import link_to_directory
from enlace.imports.models import ReportImport
from enlace.imports.parser.limited import TARGET, in_every_language
from enlace.meetings.draft import ReportDraft
from enlace.meetings.models import Meeting
from enlace.meetings.services import DuplicateMeeting, meeting_create_from_draft, refuse_duplicates

logger = logging.getLogger("enlace.imports")
Status = ReportImport.Status


def max_report_bytes() -> int:
    return FileLimits.from_settings().max_upload_bytes


class ReportRefused(ValidationError):
    """A report the limited reading refused; `code` names the limit (or "unreadable")."""


def _limit_refusal(limit: str, limits: FileLimits):
    if limit == "time":
        return file_limits.took_too_long(limits.cpu_seconds)
    if limit == "wall":
        return file_limits.took_too_long(limits.wall_seconds)
    return file_limits.needed_too_much_memory(limits.memory_bytes)


def _failed(reason: str) -> dict:
    messages = in_every_language(gettext_lazy("The file is damaged and could not be read."))
    return {"failed": reason, "refused": {"code": "unreadable", "messages": messages}}


def report_read_limited(data, *, filename: str, language: str, limits: FileLimits) -> tuple[dict, Outcome]:
    """The answer of the importer run in a child under the limits: {"draft", "source_text"} or {"refused"}."""
    outcome = run_limited(TARGET, data, {"filename": filename, "language": language}, limits)
    if outcome.answer is not None:
        answer = outcome.answer
    elif outcome.limit:
        error = _limit_refusal(outcome.limit, limits)
        answer = {"refused": {"code": error.code, "messages": in_every_language(error.message)}}
    else:  # the child crashed: a file that breaks the reader
        answer = _failed(outcome.error)
    return answer, outcome


def read_report(
    *, data: bytes, filename: str, language: str | None = None, limits: FileLimits | None = None
) -> ReportDraft:
    """Reads a report synchronously through the same limited child as the worker (the command line and the demo
    use it); a refusal is a ReportRefused in the current language. Warnings come in `language` (by default the
    current one)."""
    limits = limits or FileLimits.from_settings()
    if len(data) > limits.max_upload_bytes:
        raise ReportRefused(str(file_limits.too_large(limits.max_upload_bytes)), code="upload")
    language = language or translation.get_language() or "en"
    answer, _outcome = report_read_limited(data, filename=filename, language=language, limits=limits)
    if "refused" in answer:
        refused = answer["refused"]
        messages = refused["messages"]
        text = messages.get(translation.get_language() or "", "") or messages.get("en", "")
        raise ReportRefused(text, code=refused["code"])
    draft = link_to_directory(ReportDraft.from_dict(answer["draft"]))
    draft.source_text = answer["source_text"]
    return draft


def report_import_create(*, uploaded_file, actor) -> ReportImport:
    """Stores the file and queues its reading; answers at once. The import and its task are written together."""
    from enlace.imports.tasks import read_report_import

    permissions.require(actor, permissions.can_manage_meetings, _("Only the secretariat can import reports."))
    limit = max_report_bytes()
    if uploaded_file.size > limit:
        raise ValidationError(str(file_limits.too_large(limit)))
    if uploaded_file.size == 0:
        raise ValidationError(_("The file is empty."))
    name = get_valid_filename(uploaded_file.name)[:200] or "report"
    report_import = ReportImport(
        original_name=name,
        size=uploaded_file.size,
        uploaded_by=actor,
        status=Status.QUEUED,
        language=translation.get_language() or "es",
        attempt=1,
    )
    digest = hashlib.sha256()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    report_import.sha256 = digest.hexdigest()
    uploaded_file.seek(0)
    report_import.file.save(name, uploaded_file, save=False)
    try:
        with transaction.atomic():
            report_import.save()
            read_report_import.enqueue(report_import_id=report_import.pk, attempt=report_import.attempt)
    except Exception:
        report_import.file.storage.delete(report_import.file.name)  # nothing half-saved
        raise
    return report_import


def report_import_read(*, report_import_id: int, attempt: int) -> str:
    """The worker's part: reads the stored file under the limits and records the draft or the refusal. A task
    of an attempt that was since retried does nothing. Returns the import's status."""
    with transaction.atomic():
        locked = ReportImport.objects.select_for_update().filter(pk=report_import_id).first()
        if locked is None or locked.attempt != attempt:
            return "superseded"
        if locked.status not in (Status.QUEUED, Status.READING):  # read already (a task run twice)
            return locked.status
        locked.status = Status.READING
        locked.reading_started_at = timezone.now()
        locked.save(update_fields=["status", "reading_started_at"])
    limits = FileLimits.from_settings()
    try:
        with locked.file.open("rb") as stored:
            answer, outcome = report_read_limited(
                stored, filename=locked.original_name, language=locked.language, limits=limits
            )
    except OSError:  # the stored file is gone
        logger.exception("report file missing", extra={"report_import": report_import_id})
        answer, outcome = _failed("missing file"), Outcome()
    logger.info(
        "report read",
        extra={
            "report_import": report_import_id,
            "result": answer["refused"]["code"] if "refused" in answer else "read",
            **outcome.figures(),
        },
    )
    with transaction.atomic():
        locked = ReportImport.objects.select_for_update().filter(pk=report_import_id).first()
        if locked is None or locked.attempt != attempt or locked.status != Status.READING:
            return "superseded"
        locked.read_at = timezone.now()
        locked.read_figures = outcome.figures()
        if "refused" in answer:
            locked.status = Status.FAILED if "failed" in answer else Status.REFUSED
            locked.refusal = answer["refused"]["messages"]
            locked.refusal_code = answer["refused"]["code"]
        else:
            locked.status = Status.PENDING
            with translation.override(locked.language):
                locked.draft = link_to_directory(ReportDraft.from_dict(answer["draft"])).to_dict()
            locked.source_text = answer["source_text"]
            locked.refusal, locked.refusal_code = {}, ""
        locked.save()
    return locked.status


def report_import_retry(*, report_import: ReportImport, actor) -> ReportImport:
    """Queues a refused, failed or stalled reading again; the task of the earlier attempt becomes a no-op."""
    from enlace.imports.tasks import read_report_import

    permissions.require(actor, permissions.can_manage_meetings, _("Only the secretariat can import reports."))
    with transaction.atomic():
        locked = ReportImport.objects.select_for_update().get(pk=report_import.pk)
        if not locked.can_retry:
            raise ValidationError(_("This import is not waiting to be retried."))
        locked.status = Status.QUEUED
        locked.attempt += 1
        locked.refusal, locked.refusal_code = {}, ""
        locked.reading_started_at = None
        locked.save()
        read_report_import.enqueue(report_import_id=locked.pk, attempt=locked.attempt)
    return locked


def report_import_draft(report_import: ReportImport) -> ReportDraft:
    draft = ReportDraft.from_dict(report_import.draft)
    draft.source_text = report_import.source_text
    return draft


def report_import_save_draft(*, report_import: ReportImport, draft: ReportDraft) -> ReportImport:
    report_import.draft = draft.to_dict()
    report_import.save(update_fields=["draft"])
    return report_import


def same_file_meetings(report_import: ReportImport) -> list[Meeting]:
    """Meetings recorded from an earlier upload of the very same file."""
    if not report_import.sha256:
        return []
    return list(
        Meeting.objects.filter(
            imports__sha256=report_import.sha256, imports__status=ReportImport.Status.CONFIRMED
        )
        .exclude(imports__pk=report_import.pk)
        .distinct()
    )


def possible_duplicates(report_import: ReportImport, draft: ReportDraft) -> list[Meeting]:
    """What the review warns about before confirming: the same meeting, or the same file, recorded already."""
    try:
        refuse_duplicates(draft, allow_duplicate=False, also=same_file_meetings(report_import))
    except DuplicateMeeting as duplicate:
        return duplicate.meetings
    return []


@transaction.atomic
def report_import_confirm(
    *, report_import: ReportImport, draft: ReportDraft, actor, visibility: str, allow_duplicate: bool = False
) -> Meeting:
    """Creates the meeting from the corrected draft and keeps the uploaded file as its source document. A meeting
    recorded already (DuplicateMeeting) needs allow_duplicate, the secretariat's explicit choice."""
    permissions.require(actor, permissions.can_manage_meetings, _("Only the secretariat can import reports."))
    locked = ReportImport.objects.select_for_update().get(pk=report_import.pk)
    if locked.status != ReportImport.Status.PENDING:
        raise ValidationError(_("This report was already confirmed or discarded."))
    refuse_duplicates(draft, allow_duplicate=allow_duplicate, also=same_file_meetings(locked))
    if visibility == "public":
        permissions.require(actor, permissions.can_publish, _("Only the secretariat can publish."))
    meeting = meeting_create_from_draft(draft=draft, actor=actor, visibility=visibility)
    document = Document(
        owner=meeting.owner,
        visibility=visibility,
        title=locked.original_name,
        content_type="",
        size=locked.size,
        uploaded_by=actor,
    )
    document.file.name = locked.file.name
    document._history_user = actor
    document.save()
    meeting.documents.add(document)
    locked.draft = draft.to_dict()
    locked.status = ReportImport.Status.CONFIRMED
    locked.meeting = meeting
    locked.save(update_fields=["draft", "status", "meeting"])
    return meeting


def report_import_discard(*, report_import: ReportImport, actor) -> None:
    """Drops an import that is ready for review, refused, failed or stalled, and its file. An import the worker
    is reading right now waits for the reading to end (its result would otherwise land on a discarded import)."""
    permissions.require(actor, permissions.can_manage_meetings, _("Only the secretariat can import reports."))
    with transaction.atomic():
        locked = ReportImport.objects.select_for_update().get(pk=report_import.pk)
        if locked.in_progress and locked.status == Status.READING:
            raise ValidationError(_("The report is being read: discard it when the reading has ended."))
        if locked.status not in (Status.PENDING, Status.QUEUED) and not locked.can_retry:
            raise ValidationError(_("This report was already confirmed or discarded."))
        locked.file.delete(save=False)
        locked.status = Status.DISCARDED
        locked.attempt += 1  # a queued task of this import becomes a no-op
        locked.source_text = ""
        locked.save(update_fields=["file", "status", "source_text", "attempt"])
