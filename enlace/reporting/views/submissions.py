"""A country's report: the form its officers fill in (autosaved, a section per pillar, rules checked as they
type), submitting it, and the review by the secretariat and the technical partners."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from enlace import permissions
from enlace.reporting import form as report_form
from enlace.reporting import rules, selectors
from enlace.reporting.form_html import editable_rows
from enlace.reporting.forms import CommentForm, ReasonForm
from enlace.reporting.services import submissions as services


def _framework_parts(submission):
    framework = submission.cycle.framework
    indicators = list(framework.indicators.all())
    return indicators, {i.code: i for i in indicators}, list(framework.rules.all())


def _comments(submission) -> dict:
    by_indicator = {}
    for comment in submission.comments.select_related("author", "organization"):
        by_indicator.setdefault(comment.indicator_id, []).append(comment)
    return by_indicator


def _answers(submission) -> dict:
    return {a.indicator.code: a for a in submission.answers.select_related("indicator", "updated_by")}


def _broken(rules_, answers: dict, justifications: dict):
    """The rules the stored answers break, each with the justification written for it so far."""
    outcomes = rules.broken_rules(rules_, {code: (a.value, a.parts) for code, a in answers.items()})
    return [{"outcome": o, "justification": justifications.get(o.rule.code, "")} for o in outcomes]


def _posted_justifications(request, submission) -> dict:
    posted = {key[2:]: value for key, value in request.POST.items() if key.startswith("j-")}
    return {**(submission.justifications or {}), **posted}


def _context(
    request, submission, *, posted=None, errors=None, conflicts=(), problems=(), justifications=None
):
    user = request.user
    indicators, _by_code, rules_ = _framework_parts(submission)
    answers = _answers(submission)
    comments = _comments(submission)
    can_fill = permissions.can_fill_submission(user, submission)
    form_sections = report_form.sections(
        indicators, answers, posted=posted, errors=errors, comments=comments, conflicts=conflicts
    )
    if can_fill:
        for section in form_sections:
            section.html = editable_rows(section.rows)
    return {
        "submission": submission,
        "cycle": submission.cycle,
        "sections": form_sections,
        "broken": _broken(rules_, answers, justifications or submission.justifications or {}),
        "conflicts": conflicts,
        "errors": errors or {},
        "problems": problems,
        "can_fill": can_fill,
        "can_review": permissions.can_manage_reporting(user),
        "can_comment": permissions.can_comment_submission(user, submission),
        "comment_form": CommentForm(indicators=indicators)
        if permissions.can_comment_submission(user, submission)
        else None,
        "reason_form": ReasonForm(),
        "events": submission.events.select_related("actor"),
        "evidence": submission.evidence.select_related("document"),
        "timeliness": selectors.timeliness(submission, submission.cycle),
        "answered": sum(1 for a in answers.values() if a.value is not None),
        "total": len(indicators),
    }


@require_safe
def submission_detail(request, pk):
    submission = selectors.get_submission_for_user(request.user, pk)
    return render(request, "reporting/submission.html", _context(request, submission))


def _save(request, submission, parts=None):
    """(Saved, None) or (None, SaveRefused). parts: _framework_parts(submission), when the caller has them."""
    indicators, by_code, _rules = parts or _framework_parts(submission)
    entries = report_form.entries_from_post(request.POST, indicators)
    try:
        return services.answers_save(
            actor=request.user, submission=submission, entries=entries, indicators=by_code
        ), None
    except services.SaveRefused as refused:
        return None, (entries, refused)


@require_POST
@login_required
def submission_save(request, pk):
    """Saves the answers that changed; from htmx (autosave) it answers with the status line, the new revisions
    and the rules' messages; without JavaScript it shows the page again."""
    submission = selectors.get_submission_for_user(request.user, pk)
    if not permissions.can_fill_submission(request.user, submission):
        raise Http404
    parts = _framework_parts(submission)
    saved, refused = _save(request, submission, parts)
    if request.htmx:
        rules_ = parts[2]
        context = {"submission": submission, "now": timezone.localtime()}
        if refused is None:
            context.update(
                saved=saved,
                broken=_broken(rules_, saved.answers, _posted_justifications(request, submission)),
            )
        else:
            entries, error = refused
            context.update(refused=error, errors=error.errors, conflicts=error.conflicts)
            context["broken"] = _broken(
                rules_, _answers(submission), _posted_justifications(request, submission)
            )
        context["changed_rows"] = _changed_rows(saved)
        return render(request, "reporting/_save_result.html", context)
    if refused is not None:
        entries, error = refused
        messages.error(request, _("Nothing was saved: correct the answers marked below."))
        context = _context(
            request, submission, posted=entries, errors=error.errors, conflicts=error.conflicts
        )
        return render(request, "reporting/submission.html", context, status=200)
    messages.success(request, _("Saved."))
    return redirect("reporting:submission", submission.pk)


def _changed_rows(saved) -> str:
    """The new revision and fingerprint of each answer saved, as out-of-band inputs (made here: a full form
    saves 150 of them, too many for a template loop)."""
    if saved is None:
        return ""
    from enlace.reporting.answers import fingerprint_of
    from enlace.reporting.form_html import escape

    inputs = []
    for code in saved.changed:
        answer, code = saved.answers[code], escape(code)
        inputs.append(
            f'<input type="hidden" name="r-{code}" id="r-{code}" value="{answer.revision}" hx-swap-oob="true">'
            f'<input type="hidden" name="b-{code}" id="b-{code}" value="{fingerprint_of(answer)}" hx-swap-oob="true">'
        )
    return mark_safe("".join(inputs))  # noqa: S308 (codes escaped, the rest numbers and hex)


@require_POST
@login_required
def submission_submit(request, pk):
    submission = selectors.get_submission_for_user(request.user, pk)
    if not permissions.can_fill_submission(request.user, submission):
        raise Http404
    saved, refused = _save(request, submission)
    if refused is not None:
        entries, error = refused
        messages.error(request, _("Nothing was saved: correct the answers marked below."))
        return render(
            request,
            "reporting/submission.html",
            _context(request, submission, posted=entries, errors=error.errors, conflicts=error.conflicts),
        )
    justifications = _posted_justifications(request, submission)
    try:
        services.submission_submit(actor=request.user, submission=submission, justifications=justifications)
    except ValidationError as error:
        messages.error(request, _("The report was saved, not submitted yet."))
        return render(
            request, "reporting/submission.html", _context(request, submission, problems=error.messages)
        )
    messages.success(request, _("Submitted. The secretariat will validate it or return it to you."))
    return redirect("reporting:submission", submission.pk)


@require_POST
@login_required
def submission_review(request, pk):
    """The secretariat returns (with comments per indicator), validates or reopens a report."""
    submission = selectors.get_submission_for_user(request.user, pk)
    if not permissions.can_manage_reporting(request.user):
        raise Http404
    action = request.POST.get("action")
    _indicators, by_code, _rules = _framework_parts(submission)
    try:
        if action == "return":
            comments = {
                by_code[key[2:]]: value
                for key, value in request.POST.items()
                if key.startswith("c-") and key[2:] in by_code
            }
            services.submission_return(
                actor=request.user,
                submission=submission,
                comments=comments,
                reason=request.POST.get("reason", ""),
            )
            messages.success(request, _("Returned to the country with your comments."))
        elif action == "validate":
            services.submission_validate(actor=request.user, submission=submission)
            messages.success(request, _("Validated. The report is locked and the Network sees it."))
        elif action == "reopen":
            services.submission_reopen(
                actor=request.user, submission=submission, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("Reopened: the country can change the report again."))
        else:
            raise Http404
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("reporting:submission", submission.pk)


@require_POST
@login_required
def submission_comment(request, pk):
    submission = selectors.get_submission_for_user(request.user, pk)
    if not permissions.can_comment_submission(request.user, submission):
        raise Http404
    indicators, by_code, _rules = _framework_parts(submission)
    form = CommentForm(request.POST, indicators=indicators)
    if form.is_valid():
        try:
            services.indicator_comment_add(
                actor=request.user,
                submission=submission,
                indicator=by_code[form.cleaned_data["indicator"]],
                text=form.cleaned_data["text"],
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Comment added."))
    else:
        messages.error(request, _("Choose an indicator and write the comment."))
    return redirect("reporting:submission", submission.pk)


@require_POST
@login_required
def evidence_upload(request, pk):
    submission = selectors.get_submission_for_user(request.user, pk)
    if not permissions.can_fill_submission(request.user, submission):
        raise Http404
    try:
        services.evidence_add(
            actor=request.user,
            submission=submission,
            title=request.POST.get("title", ""),
            file=request.FILES.get("file"),
            url=request.POST.get("url", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Evidence added."))
    return redirect("reporting:submission", submission.pk)


@require_safe
def evidence_download(request, pk, evidence_pk):
    from enlace.core.files import attachment_response

    submission = selectors.get_submission_for_user(request.user, pk)
    item = submission.evidence.select_related("document").filter(pk=evidence_pk).first()
    if item is None:
        raise Http404
    return attachment_response(item.document)
