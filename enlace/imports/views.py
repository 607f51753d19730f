"""Import a meeting report: upload (answered at once), follow the reading, review the draft beside the source text,
confirm. The reading itself runs in the worker (`tasks.read_report_import`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from enlace import permissions
from enlace.core import limits as file_limits
from enlace.core.models import Visibility
from enlace.imports import importing, selectors
from enlace.imports.forms import UploadReportForm
from enlace.imports.models import ReportImport
from enlace.meetings.review import review_forms
from enlace.meetings.services import DuplicateMeeting

POLL_SECONDS = 2


def _require_secretariat(user):
    if not permissions.can_manage_meetings(user):
        raise Http404


def _declared_size(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@login_required
def import_upload(request):
    _require_secretariat(request.user)
    limit = importing.max_report_bytes()
    if request.method == "POST" and _declared_size(request) > limit + 1024 * 1024:
        # Refused before the body is read: a huge upload never reaches the disk.
        form = UploadReportForm(data={}, files={})
        form.full_clean()
        form.errors["file"] = form.error_class([str(file_limits.too_large(limit))])
    else:
        form = UploadReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_bound and form.is_valid():
        try:
            report_import = importing.report_import_create(
                uploaded_file=form.cleaned_data["file"], actor=request.user
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("imports:review", report_import.pk)
    pending = selectors.pending_imports(request.user)
    return render(request, "imports/import_upload.html", {"form": form, "pending": pending})


def _progress(request, report_import):
    """The page of an import that is not ready for review: queued, reading, refused or failed. htmx polls its
    status block; without JavaScript the page refreshes itself while the reading goes on."""
    context = {
        "report_import": report_import,
        "refusal": report_import.refusal_message(get_language() or "es"),
        "poll_seconds": POLL_SECONDS,
    }
    if request.htmx:
        if not report_import.in_progress:  # read, refused or stalled: the whole page changes
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render(request, "imports/_import_status.html", context)
    return render(request, "imports/import_progress.html", context)


@login_required
def import_review(request, pk):
    _require_secretariat(request.user)
    report_import = selectors.get_report_import_for_user(request.user, pk)
    action = request.POST.get("action", "")
    if report_import.status in (ReportImport.Status.CONFIRMED, ReportImport.Status.DISCARDED):
        meeting = report_import.meeting
        if meeting is not None:
            return redirect("meetings:detail", meeting.pk)
        raise Http404
    if request.method == "POST" and action in ("discard", "retry"):
        try:
            if action == "retry":
                importing.report_import_retry(report_import=report_import, actor=request.user)
                messages.success(request, _("The report was queued to be read again."))
                return redirect("imports:review", report_import.pk)
            importing.report_import_discard(report_import=report_import, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("imports:review", report_import.pk)
        messages.success(request, _("The import was discarded; nothing was recorded."))
        return redirect("imports:upload")
    if report_import.status != ReportImport.Status.PENDING:
        return _progress(request, report_import)
    if request.htmx and request.method == "GET" and request.htmx.trigger == "import-status":
        response = HttpResponse(status=204)  # a poll that arrives once the draft is ready
        response["HX-Refresh"] = "true"
        return response
    source = importing.report_import_draft(report_import)
    duplicates = []
    if request.method == "POST":
        forms = review_forms(data=request.POST)
        if forms.is_valid():
            draft = forms.to_draft(source)
            if action == "confirm":
                try:
                    meeting = importing.report_import_confirm(
                        report_import=report_import,
                        draft=draft,
                        actor=request.user,
                        visibility=forms.header.cleaned_data["visibility"],
                        allow_duplicate=request.POST.get("record_anyway") == "1",
                    )
                except DuplicateMeeting as duplicate:
                    duplicates = duplicate.meetings
                    forms.errors.extend(duplicate.messages)
                except ValidationError as error:
                    forms.errors.extend(error.messages)
                else:
                    messages.success(request, _("The meeting was recorded with its points and commitments."))
                    return redirect("meetings:detail", meeting.pk)
            else:
                importing.report_import_save_draft(report_import=report_import, draft=draft)
                messages.success(
                    request, _("Your corrections were kept. Nothing is recorded until you confirm.")
                )
                return redirect("imports:review", report_import.pk)
    else:
        forms = review_forms(source, visibility=Visibility.NETWORK)
        duplicates = importing.possible_duplicates(report_import, source)
    return render(
        request,
        "imports/import_review.html",
        {
            "report_import": report_import,
            "source": source,
            "forms": forms,
            "duplicates": duplicates,
        },
    )
