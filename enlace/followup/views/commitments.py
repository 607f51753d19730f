"""One commitment: what was agreed, its progress and evidence; the forms of those who answer for it."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from enlace import permissions
from enlace.core.files import attachment_response
from enlace.followup import selectors as selectors_followup
from enlace.followup import services
from enlace.followup.evidence import commitment_add_evidence
from enlace.followup.forms import EvidenceForm, ExpectedStatesForm, NoteForm, StatusForm
from enlace.followup.models import Evidence
from enlace.meetings import selectors
from enlace.meetings import services as meeting_services
from enlace.meetings.forms import CommitmentCorrectionForm


def _save(form, save) -> bool:
    """Validates the form and calls the service; a refusal of the service becomes a message on the form."""
    if not form.is_valid():
        return False
    try:
        save(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error.messages)
        return False
    return True


def _change_status(request, commitment):
    form = StatusForm(request.POST, prefix="status")
    saved = _save(
        form,
        lambda data: services.commitment_update_status(
            commitment=commitment, actor=request.user, status=data["status"], note=data["note"]
        ),
    )
    return form, _("The status was saved.") if saved else None


def _add_note(request, commitment):
    form = NoteForm(request.POST, prefix="note")
    saved = _save(
        form,
        lambda data: services.commitment_add_note(
            commitment=commitment, actor=request.user, text=data["text"]
        ),
    )
    return form, _("The note was added.") if saved else None


def _add_evidence(request, commitment):
    form = EvidenceForm(request.POST, request.FILES, prefix="evidence")
    saved = _save(
        form,
        lambda data: commitment_add_evidence(
            commitment=commitment, actor=request.user, title=data["title"], file=data["file"], url=data["url"]
        ),
    )
    return form, _("The evidence was added.") if saved else None


def _correct(request, commitment):
    form = CommitmentCorrectionForm.for_commitment(commitment, request.POST)
    saved = _save(
        form,
        lambda data: meeting_services.commitment_update(
            commitment=commitment,
            actor=request.user,
            data={
                "text": data["text"],
                "all_member_states": data["all_member_states"],
                "recipient": data["recipient"],
                "due_date": data["due_date"],
                "deadline_phrase": data["deadline_phrase"],
            },
            responsible=data["responsible"],
        ),
    )
    return form, _("The commitment was corrected.") if saved else None


def _expected_states(request, commitment):
    form = ExpectedStatesForm(commitment, request.POST, prefix="expected")
    saved = _save(
        form,
        lambda data: services.shares_set_expected(
            commitment=commitment, actor=request.user, state_ids=[share.state_id for share in data["states"]]
        ),
    )
    return form, _("The expected states were saved.") if saved else None


ACTIONS = {
    "status": _change_status,
    "note": _add_note,
    "evidence": _add_evidence,
    "correct": _correct,
    "expected": _expected_states,
}


@dataclass(frozen=True)
class Reporting:
    """What the person may report on this commitment, as the services decide it."""

    can_update: bool  # add notes and evidence
    can_change_status: bool
    own_share: object  # the share of the person's state, on a commitment followed per state


def _reporting(user, commitment, shares) -> Reporting:
    """Whoever may update the commitment adds notes and evidence, except the officers of a state that is not
    expected; on a commitment followed per state, the status is each state's part, or the secretariat's."""
    if not permissions.can_update_commitment(user, commitment):
        return Reporting(False, False, None)
    try:
        own_share = services.share_for(user, commitment)
    except PermissionDenied:
        return Reporting(False, False, None)
    expected = any(share.expected for share in shares)
    can_change_status = not expected or own_share is not None or permissions.is_secretariat(user)
    return Reporting(True, can_change_status, own_share)


def _context(request, commitment, shares, reporting: Reporting, can_correct: bool) -> dict:
    meeting = commitment.meeting
    agreement = commitment.agreement
    agreement.meeting = meeting  # the same meeting: no second query for text_in()
    if agreement.parent_id:
        agreement.parent.meeting = meeting
    language = (get_language() or "es")[:2]
    today = timezone.localdate()
    can_update, own_share = reporting.can_update, reporting.own_share
    return {
        "shares": shares,
        "shares_progress": selectors_followup.shares_progress(shares),
        "own_share": own_share,
        "can_change_status": reporting.can_change_status,
        "expected_form": ExpectedStatesForm(commitment, prefix="expected")
        if shares and permissions.is_secretariat(request.user)
        else None,
        "commitment": commitment,
        "meeting": meeting,
        "agreement": agreement,
        "agreement_text": agreement.text_in(language),
        "point_text": agreement.parent.text_in(language) if agreement.parent_id else "",
        "overdue": commitment.is_overdue(today),
        "due_soon": commitment.is_due_soon(today),
        "notes": commitment.notes.select_related("author", "organization", "share__state"),
        "evidence": commitment.evidence.select_related("document", "added_by", "share__state"),
        "can_update": can_update,
        "can_correct": can_correct,
        "status_form": StatusForm(
            initial={"status": own_share.status if own_share else commitment.status}, prefix="status"
        )
        if can_update
        else None,
        "note_form": NoteForm(prefix="note") if can_update else None,
        "evidence_form": EvidenceForm(prefix="evidence") if can_update else None,
        "correct_form": CommitmentCorrectionForm.for_commitment(commitment) if can_correct else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def commitment_detail(request, pk):
    commitment = selectors.get_commitment_for_user(request.user, pk)
    shares = selectors_followup.shares_of(commitment)
    reporting = _reporting(request.user, commitment, shares)
    can_correct = permissions.can_manage_meetings(request.user)
    if request.method == "GET":
        return render(
            request,
            "followup/commitment_detail.html",
            _context(request, commitment, shares, reporting, can_correct),
        )

    action = request.POST.get("action", "")
    handler = ACTIONS.get(action)
    refused = (
        handler is None
        or not reporting.can_update
        or (action in ("correct", "expected") and not can_correct)
        or (action == "status" and not reporting.can_change_status)
    )
    if refused:
        raise Http404  # the form does not exist for this person
    form, done = handler(request, commitment)
    if done:
        messages.success(request, done)
        return redirect("followup:commitment", pk=commitment.pk)
    # Nothing was saved; read the commitment again, since a refused change may have touched it in memory.
    commitment = selectors.get_commitment_for_user(request.user, pk)
    context = _context(request, commitment, shares, reporting, can_correct)
    context[f"{action}_form"] = form
    context["open_form"] = action
    return render(request, "followup/commitment_detail.html", context)


@login_required
@require_GET
def evidence_download(request, pk):
    """A file of evidence, for whoever may see the commitment; always as an attachment, never rendered inline."""
    evidence = Evidence.objects.select_related("document", "commitment__meeting").filter(pk=pk).first()
    if evidence is None or not permissions.can_view(request.user, evidence.commitment.meeting):
        raise Http404
    return attachment_response(evidence.document)
