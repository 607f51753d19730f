"""Meeting pages: the list, one meeting with its points and commitments, recording and editing, the report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enlace import permissions
from enlace.core.files import attachment_response
from enlace.core.inputs import page_number
from enlace.core.models import Visibility
from enlace.meetings import selectors, services
from enlace.meetings.documents import meeting_add_document
from enlace.meetings.filters import filtered_meetings
from enlace.meetings.forms import CommitmentCreateForm, MeetingDocumentForm, MeetingEditForm
from enlace.meetings.presenters import prepare_commitments
from enlace.meetings.report_data import meeting_report_draft, organization_names
from enlace.meetings.review import review_forms


def meeting_list(request):
    """Members see what they may; visitors see the published meetings."""
    filterset, meetings = filtered_meetings(request, selectors.meetings_for_user(request.user))
    page = Paginator(meetings, 25).get_page(page_number(request.GET.get("page")))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page": page,
            "form": filterset.form,
            "filtered": filterset.is_bound,
            "can_manage": permissions.can_manage_meetings(request.user),
        },
    )


def meeting_detail(request, pk):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    points = selectors.meeting_agreements(meeting)
    prepare_commitments(
        [
            c
            for point in points
            for agreement in (point, *point.children)
            for c in agreement.commitments.all()
        ],
        timezone.localdate(),
    )
    can_manage = permissions.can_manage_meetings(request.user)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "points": points,
            "delegations": list(meeting.delegations.all()),
            "absent": selectors.absent_states(meeting),
            "participants": list(meeting.participants.all()),
            # The meeting's documents are seen by whoever sees the meeting.
            "documents": meeting.documents.all(),
            "can_manage": can_manage,
            "document_form": MeetingDocumentForm() if can_manage else None,
        },
    )


@login_required
def meeting_create(request):
    """Record a meeting by hand, with the same form as the review of an imported report."""
    if not permissions.can_manage_meetings(request.user):
        raise Http404
    duplicates = []
    if request.method == "POST":
        forms = review_forms(data=request.POST)
        if forms.is_valid():
            try:
                meeting = services.meeting_create_manually(
                    draft=forms.to_draft(),
                    actor=request.user,
                    visibility=forms.header.cleaned_data["visibility"],
                    allow_duplicate=request.POST.get("record_anyway") == "1",
                )
            except services.DuplicateMeeting as duplicate:
                duplicates = duplicate.meetings
                forms.errors.extend(duplicate.messages)
            except ValidationError as error:
                forms.errors.extend(error.messages)
            else:
                messages.success(request, _("The meeting was recorded."))
                return redirect("meetings:detail", meeting.pk)
    else:
        forms = review_forms(visibility=Visibility.NETWORK)
    return render(request, "meetings/meeting_create.html", {"forms": forms, "duplicates": duplicates})


@login_required
def meeting_edit(request, pk):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    if not permissions.can_manage_meetings(request.user):
        raise Http404
    form = MeetingEditForm(request.POST or None, meeting=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                meeting=meeting,
                actor=request.user,
                data=form.meeting_data(),
                delegations=form.cleaned_data["delegations"],
                participants=form.cleaned_data["participants"],
                point_texts=form.point_texts(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/meeting_edit.html", {"meeting": meeting, "form": form})


def meeting_report(request, pk, fmt):
    """The meeting's report as .docx or .pdf, in the report's language or the other one (?lang=en)."""
    if fmt not in ("docx", "pdf"):
        raise Http404
    meeting = selectors.get_meeting_for_user(request.user, pk)
    language = request.GET.get("lang", meeting.language)
    if language not in ("es", "en"):
        language = meeting.language
    from enlace.meetings.reports import render_docx, render_pdf, report_filename

    draft = meeting_report_draft(meeting, language)
    names = organization_names(language)
    if fmt == "docx":
        content = render_docx(draft, language=language, names=names)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        content = render_pdf(draft, language=language, names=names)
        content_type = "application/pdf"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{report_filename(draft, language, fmt)}"'
    if meeting.visibility != Visibility.PUBLIC:
        # Not for shared caches or the disk cache of a shared computer: the report is for members only.
        response["Cache-Control"] = "private, no-store"
    return response


def meeting_document(request, pk, document_pk):
    """A document of the meeting, for whoever may see the meeting."""
    meeting = selectors.get_meeting_for_user(request.user, pk)
    document = meeting.documents.filter(pk=document_pk).first()
    if document is None:
        raise Http404
    if document.url and not document.file:
        return redirect(document.url)
    return attachment_response(document)


@login_required
@require_POST
def meeting_document_add(request, pk):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    if not permissions.can_manage_meetings(request.user):
        raise Http404
    form = MeetingDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            meeting_add_document(meeting=meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The document was added."))
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, message)
    return redirect("meetings:detail", meeting.pk)


@login_required
def commitment_create(request, pk):
    """The secretariat adds a commitment under one of the meeting's points."""
    meeting = selectors.get_meeting_for_user(request.user, pk)
    if not permissions.can_manage_meetings(request.user):
        raise Http404
    form = CommitmentCreateForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            commitment = services.commitment_create(
                agreement=data["agreement"],
                actor=request.user,
                text=data["text"],
                responsible=list(data["responsible"]),
                all_member_states=data["all_member_states"],
                recipient=data["recipient"],
                due_date=data["due_date"],
                deadline_phrase=data["deadline_phrase"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The commitment was added."))
            return redirect("followup:commitment", commitment.pk)
    return render(request, "meetings/commitment_create.html", {"meeting": meeting, "form": form})


@login_required
@require_POST
def meeting_delete(request, pk):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    if not permissions.can_manage_meetings(request.user):
        raise Http404
    title = meeting.title
    services.meeting_delete(meeting=meeting, actor=request.user)
    messages.success(
        request, _("“%(title)s” was deleted. Its history keeps what it held.") % {"title": title}
    )
    return redirect("meetings:list")
