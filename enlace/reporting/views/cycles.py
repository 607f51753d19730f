"""Pages of reporting cycles: the list, opening one, its completeness and timeliness, publishing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from enlace import permissions
from enlace.reporting import selectors
from enlace.reporting.forms import CycleForm
from enlace.reporting.models import Cycle, Submission
from enlace.reporting.services.cycles import cycle_open, cycle_publish
from enlace.reporting.services.submissions import submission_start


@require_safe
def cycle_list(request):
    user = request.user
    cycles = list(selectors.cycles_for_user(user))
    own = {}
    if permissions.is_member(user) and user.organization_id:
        own = {
            s.cycle_id: s for s in Submission.objects.filter(owner_id=user.organization_id, cycle__in=cycles)
        }
    expected_ids = set()
    if permissions.is_member(user) and user.organization_id:
        links = Cycle.expected.through.objects.filter(cycle__in=cycles, organization_id=user.organization_id)
        expected_ids = set(links.values_list("cycle_id", flat=True))
    rows = [
        {"cycle": cycle, "own": own.get(cycle.pk), "expected": cycle.pk in expected_ids} for cycle in cycles
    ]
    return render(
        request,
        "reporting/cycle_list.html",
        {
            "rows": rows,
            "today": timezone.localdate(),
            "can_manage": permissions.can_manage_reporting(user),
            "reports_for_country": permissions.can_report_for(user, user.organization_id)
            if permissions.is_member(user)
            else False,
        },
    )


@login_required
def cycle_create(request):
    if not permissions.can_manage_reporting(request.user):
        raise Http404
    form = CycleForm(request.POST or None, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = cycle_open(actor=request.user, **data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, _("The cycle is open."))
            return redirect("reporting:cycle", cycle.pk)
    return render(request, "reporting/cycle_form.html", {"form": form})


def _initial(request):
    from enlace.meetings.models import Commitment

    commitment_id = request.GET.get("commitment", "")
    if not commitment_id.isdigit():
        return {}
    commitment = Commitment.objects.filter(pk=commitment_id).select_related("agreement").first()
    if commitment is None:
        return {}
    return {"commitment": commitment, "due_on": commitment.due_date, "title": commitment.text[:300]}


def _attach(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@require_safe
def cycle_detail(request, pk):
    user = request.user
    cycle = selectors.get_cycle_for_user(user, pk)
    completeness = selectors.completeness(cycle)
    own = None
    if permissions.is_member(user) and user.organization_id:
        own = next((row for row in completeness.rows if row.country.pk == user.organization_id), None)
    return render(
        request,
        "reporting/cycle_detail.html",
        {
            "cycle": cycle,
            "c": completeness,
            "own": own,
            "can_report": own is not None and permissions.can_report_for(user, user.organization_id),
            "can_manage": permissions.can_manage_reporting(user),
            "can_see_reports": permissions.is_member(user),
        },
    )


@require_POST
@login_required
def cycle_start_report(request, pk):
    """An officer opens their country's report (made on first opening)."""
    cycle = selectors.get_cycle_for_user(request.user, pk)
    try:
        submission = submission_start(
            actor=request.user, cycle=cycle, country_id=request.user.organization_id
        )
    except PermissionDenied:
        raise Http404 from None
    return redirect("reporting:submission", submission.pk)


@require_POST
@login_required
def cycle_publish_view(request, pk):
    cycle = selectors.get_cycle_for_user(request.user, pk)
    if not permissions.can_manage_reporting(request.user):
        raise Http404
    count = cycle_publish(actor=request.user, cycle=cycle)
    messages.success(request, _("Published: %(count)d validated reports are public.") % {"count": count})
    return redirect("reporting:cycle", cycle.pk)


@require_POST
@login_required
def cycle_remind(request, pk):
    """The secretariat reminds the countries still missing, now (the worker sends the e-mails)."""
    cycle = selectors.get_cycle_for_user(request.user, pk)
    if not permissions.can_manage_reporting(request.user):
        raise Http404
    from enlace.reporting.reminders import missing_countries
    from enlace.reporting.tasks import remind_missing_countries

    missing = missing_countries(cycle)
    if not missing:
        messages.info(request, _("Every expected country has submitted: nobody to remind."))
    else:
        remind_missing_countries.enqueue(cycle.pk, request.user.pk)
        messages.success(
            request,
            _("Reminders are on their way to the officers of %(countries)s (once a day at most).")
            % {"countries": ", ".join(country.short_name for country in missing)},
        )
    return redirect("reporting:cycle", cycle.pk)
