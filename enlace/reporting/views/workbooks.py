"""The offline round trip of a country's report: download the Excel form, upload it filled in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from enlace import permissions
from enlace.core.exports import XLSX_CONTENT_TYPE, attachment
from enlace.reporting import selectors, workbook
from enlace.reporting.services import submissions as services
from enlace.reporting.views.submissions import _answers, _context


@require_safe
def form_download(request, pk):
    submission = selectors.get_submission_for_user(request.user, pk)
    indicators = list(submission.cycle.framework.indicators.all())
    content = workbook.form_workbook(submission, indicators, _answers(submission))
    name = f"report-{submission.owner.code}-{submission.cycle.pk}.xlsx"
    return attachment(HttpResponse(content, content_type=XLSX_CONTENT_TYPE), name)


@require_POST
@login_required
def form_upload(request, pk):
    submission = selectors.get_submission_for_user(request.user, pk)
    if not permissions.can_fill_submission(request.user, submission):
        raise Http404
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose the filled-in Excel form to upload."))
        return redirect("reporting:submission", submission.pk)
    indicators = list(submission.cycle.framework.indicators.all())
    problems = []
    try:
        entries = workbook.read_form(upload, submission, indicators)
        saved = services.answers_save(
            actor=request.user,
            submission=submission,
            entries=entries,
            indicators={i.code: i for i in indicators},
        )
    except workbook.WorkbookRefused as refused:
        problems = [str(error) for error in refused.errors]
    except services.SaveRefused as refused:
        problems = [f"{code}: {' '.join(texts)}" for code, texts in refused.errors.items()]
        problems += [
            _("%(code)s was changed in Enlace after the form was downloaded; the newer answer is kept.")
            % {"code": conflict.indicator.code}
            for conflict in refused.conflicts
        ]
    if problems:
        context = _context(request, submission)
        context["upload_problems"] = problems
        return render(request, "reporting/submission.html", context, status=400)
    messages.success(
        request,
        _("The form was read: %(count)d answers changed, nothing else.") % {"count": len(saved.changed)},
    )
    return redirect("reporting:submission", submission.pk)
