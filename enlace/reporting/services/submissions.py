"""A country's report: its answers saved without lost updates, submitted past the validation rules, reviewed by
the secretariat (returned with comments per indicator, validated, reopened with a reason) and commented on by
the technical partners. Every answer keeps its history."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from enlace import permissions
from enlace.core.models import Visibility
from enlace.reporting import rules
from enlace.reporting.answers import Entry, clean_entry, fingerprint, fingerprint_of
from enlace.reporting.models import (
    Answer,
    CommentKind,
    EventKind,
    IndicatorComment,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)

JUSTIFICATION_MAX_LENGTH = 2000


@dataclass
class Conflict:
    """An indicator someone else saved after this client loaded it: their answer is kept and shown."""

    indicator: object
    current: Answer


@dataclass
class Saved:
    answers: dict = field(default_factory=dict)  # code -> Answer as now stored (changed or not)
    changed: list = field(default_factory=list)  # codes saved by this call


class SaveRefused(Exception):
    """Nothing was saved: errors by indicator code, and conflicts with newer answers."""

    def __init__(self, errors: dict, conflicts: list[Conflict]):
        super().__init__(errors, conflicts)
        self.errors, self.conflicts = errors, conflicts


def _event(submission, kind, actor, reason=""):
    SubmissionEvent.objects.create(submission=submission, kind=kind, actor=actor, reason=reason)


def _save(instance, actor):
    instance._history_user = actor
    instance.save()
    return instance


def _locked(submission: Submission) -> Submission:
    """The submission row locked for this transaction (PostgreSQL), so two saves of one report queue up."""
    return Submission.objects.select_for_update().get(pk=submission.pk)


def _require_editable(submission) -> None:
    if not submission.editable:
        raise PermissionDenied(
            _("This report is %(status)s: it cannot be changed.")
            % {"status": submission.get_status_display().lower()}
        )


@transaction.atomic
def submission_start(*, actor, cycle, country_id: int) -> Submission:
    """The country's report in the cycle, made as a draft when an officer first opens it."""
    permissions.require(
        actor,
        lambda person: permissions.can_report_for(person, country_id),
        _("Only the country's officers report."),
        system_allowed=True,
    )
    if not cycle.expected.filter(pk=country_id).exists():
        raise PermissionDenied(_("Your country is not expected to report in this cycle."))
    submission, created = Submission.objects.get_or_create(
        cycle=cycle, owner_id=country_id, defaults={"created_by": actor, "visibility": Visibility.RESTRICTED}
    )
    return submission


@transaction.atomic
def answers_save(*, actor, submission: Submission, entries: dict[str, Entry], indicators: dict) -> Saved:
    """Saves the answers that changed, all or none. entries: indicator code -> Entry; indicators: code ->
    Indicator of the submission's framework. An answer changed both here and, since the client loaded it, by
    someone else is a conflict: nothing is saved, and the newer answer is returned to be shown."""
    submission = _locked(submission)
    permissions.require(
        actor,
        lambda person: permissions.can_fill_submission(person, submission),
        _("This report cannot be changed."),
        system_allowed=True,
    )
    _require_editable(submission)
    current = {a.indicator.code: a for a in submission.answers.select_related("indicator")}
    errors, conflicts, to_write = {}, [], []
    for code, entry in entries.items():
        indicator = indicators.get(code)
        if indicator is None:
            errors[code] = [_("This indicator is not in the report's framework.")]
            continue
        clean, messages = clean_entry(indicator, entry)
        if messages:
            errors[code] = messages
            continue
        answer = current.get(code)
        new = fingerprint(clean.value, clean.parts, clean.article, clean.data_source)
        if new == fingerprint_of(answer):
            continue
        if entry.base is not None and new == entry.base:
            continue  # this client did not touch it; someone else may have
        revision = answer.revision if answer else 0
        if entry.revision is not None and entry.revision != revision:
            conflicts.append(Conflict(indicator, answer))
            continue
        to_write.append((indicator, answer, clean))
    if errors or conflicts:
        raise SaveRefused(errors, conflicts)
    saved = Saved(answers=current)
    _write_answers(submission, to_write, actor, saved)
    if saved.changed:
        submission._history_user = actor
        submission.save(update_fields=["updated_at"])
    return saved


ANSWER_FIELDS = ["value", "parts", "article", "data_source", "revision", "updated_by", "updated_at"]


def _write_answers(submission, to_write, actor, saved: Saved) -> None:
    """The changed answers in a few statements (a form of 150 figures is one save), each with its history row."""
    now = timezone.now()
    created, updated = [], []
    for indicator, answer, clean in to_write:
        if answer is None:
            answer = Answer(submission=submission, indicator=indicator)
            created.append(answer)
        else:
            updated.append(answer)
        answer.value, answer.parts = clean.value, clean.parts
        answer.article, answer.data_source = clean.article, clean.data_source
        answer.revision += 1
        answer.updated_by, answer.updated_at = actor, now
        saved.answers[indicator.code] = answer
        saved.changed.append(indicator.code)
    if created:
        bulk_create_with_history(created, Answer, batch_size=500, default_user=actor, default_date=now)
    if updated:
        _update_rows(updated)
        Answer.history.bulk_history_create(updated, update=True, default_user=actor, default_date=now)


def _update_rows(answers) -> None:
    """One UPDATE statement run for every row (executemany), each value prepared by its field as the ORM does:
    Django's bulk_update builds a CASE per field and row, and one update() per answer costs a query build each."""
    fields = [Answer._meta.get_field(name) for name in ANSWER_FIELDS]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {quote(Answer._meta.db_table)} SET {assignments} WHERE {quote('id')} = %s"  # noqa: S608
    rows = [
        [field.get_db_prep_save(getattr(answer, field.attname), connection) for field in fields] + [answer.pk]
        for answer in answers
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def answers_by_code(submission) -> dict:
    """{code: (value, parts)} for the rules."""
    return {a.indicator.code: (a.value, a.parts) for a in submission.answers.select_related("indicator")}


def missing_required(submission, indicators) -> list:
    answered = {
        code for code, (value, _parts) in answers_by_code(submission).items() if value not in (None, "", [])
    }
    return [indicator for indicator in indicators if indicator.required and indicator.code not in answered]


@transaction.atomic
def submission_submit(*, actor, submission: Submission, justifications: dict | None = None) -> Submission:
    """Submits the report: every required answer given, no broken error rule, each broken warning justified."""
    submission = _locked(submission)
    permissions.require(
        actor,
        lambda person: permissions.can_fill_submission(person, submission),
        _("This report cannot be submitted."),
        system_allowed=True,
    )
    _require_editable(submission)
    framework = submission.cycle.framework
    indicators = list(framework.indicators.all())
    problems = []
    missing = missing_required(submission, indicators)
    if missing:
        problems.append(
            _("%(count)d required indicators have no answer: %(codes)s.")
            % {"count": len(missing), "codes": ", ".join(i.code for i in missing[:12])}
        )
    broken = rules.broken_rules(list(framework.rules.all()), answers_by_code(submission))
    problems += [outcome.rule.message for outcome in broken if outcome.is_error]
    kept = {}
    for outcome in broken:
        if not outcome.is_error:
            text = ((justifications or {}).get(outcome.rule.code) or "").strip()[:JUSTIFICATION_MAX_LENGTH]
            if not text:
                problems.append(_("Justify: %(message)s") % {"message": outcome.rule.message})
            kept[outcome.rule.code] = text
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = now
    submission.first_submitted_at = submission.first_submitted_at or now
    submission.justifications = kept
    _save(submission, actor)
    _event(submission, EventKind.SUBMITTED, actor)
    commitment = submission.cycle.commitment
    if commitment is not None:
        from enlace.followup.country_reports import share_report_submitted

        share_report_submitted(
            commitment=commitment,
            state_id=submission.owner_id,
            actor=actor,
            title=_("Country report: %(cycle)s") % {"cycle": submission.cycle.title},
            path=reverse("reporting:submission", args=[submission.pk]),
        )
    return submission


def _require_review(actor, submission, allowed_from):
    permissions.require(actor, permissions.can_manage_reporting, _("Only the secretariat reviews reports."))
    if submission.status not in allowed_from:
        raise ValidationError(
            _("This report is %(status)s.") % {"status": submission.get_status_display().lower()}
        )


@transaction.atomic
def submission_return(*, actor, submission: Submission, comments: dict, reason: str = "") -> Submission:
    """Back to the country, with a comment on each indicator to correct (comments: indicator -> text)."""
    submission = _locked(submission)
    _require_review(actor, submission, {SubmissionStatus.SUBMITTED})
    comments = {indicator: text.strip() for indicator, text in comments.items() if text and text.strip()}
    if not comments:
        raise ValidationError(_("Say which indicator to correct, and why."))
    for indicator, text in comments.items():
        _save(
            IndicatorComment(
                submission=submission,
                indicator=indicator,
                kind=CommentKind.RETURN,
                text=text[:3000],
                author=actor,
                organization_id=actor.organization_id,
            ),
            actor,
        )
    submission.status = SubmissionStatus.RETURNED
    _save(submission, actor)
    _event(submission, EventKind.RETURNED, actor, reason.strip()[:3000])
    if submission.cycle.commitment is not None:
        from enlace.followup.country_reports import share_report_returned

        share_report_returned(
            commitment=submission.cycle.commitment, state_id=submission.owner_id, actor=actor
        )
    return submission


@transaction.atomic
def submission_validate(*, actor, submission: Submission) -> Submission:
    """Validated: locked, seen by the Network (by the public too when the cycle is published)."""
    submission = _locked(submission)
    _require_review(actor, submission, {SubmissionStatus.SUBMITTED})
    submission.status = SubmissionStatus.VALIDATED
    submission.validated_at = timezone.now()
    submission.visibility = Visibility.PUBLIC if submission.cycle.published else Visibility.NETWORK
    _save(submission, actor)
    for comment in submission.comments.filter(kind=CommentKind.RETURN, resolved=False):
        comment.resolved = True
        _save(comment, actor)
    _event(submission, EventKind.VALIDATED, actor)
    return submission


@transaction.atomic
def submission_reopen(*, actor, submission: Submission, reason: str) -> Submission:
    """A validated report opened again for the country, with the reason kept in its timeline."""
    submission = _locked(submission)
    _require_review(actor, submission, {SubmissionStatus.VALIDATED})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the validated report is reopened."))
    submission.status = SubmissionStatus.RETURNED
    submission.visibility = Visibility.RESTRICTED
    _save(submission, actor)
    _event(submission, EventKind.REOPENED, actor, reason[:3000])
    return submission


@transaction.atomic
def indicator_comment_add(*, actor, submission: Submission, indicator, text: str) -> IndicatorComment:
    permissions.require(
        actor,
        lambda person: permissions.can_comment_submission(person, submission),
        _("You cannot comment on this report."),
    )
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the comment."))
    if len(text) > 3000:
        raise ValidationError(_("A comment has at most 3000 characters."))
    return _save(
        IndicatorComment(
            submission=submission,
            indicator=indicator,
            text=text,
            author=actor,
            organization_id=actor.organization_id,
        ),
        actor,
    )


def evidence_add(*, actor, submission: Submission, title: str, file=None, url: str = ""):
    """A file (checked by type, size and content) or an https link attached to the report, while it is open."""
    from enlace.core.uploads import document_create
    from enlace.reporting.models import SubmissionEvidence

    permissions.require(
        actor,
        lambda person: permissions.can_fill_submission(person, submission),
        _("This report cannot be changed."),
    )
    added = []

    def attach(document):
        added.append(
            _save(SubmissionEvidence(submission=submission, document=document, added_by=actor), actor)
        )

    document_create(
        owner_id=submission.owner_id, visibility=Visibility.RESTRICTED, title=title, user=actor, file=file, url=url,
        attach=attach,
    )  # fmt: skip
    return added[0]
