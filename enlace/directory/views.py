import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enlace import permissions
from enlace.accounts import services as account_services
from enlace.accounts.forms import InviteForm, RoleForm
from enlace.accounts.selectors import locked_out_usernames
from enlace.core import exports
from enlace.core.inputs import page_number
from enlace.directory import selectors, services
from enlace.directory.filters import filtered_people
from enlace.directory.forms import OrganizationForm, PresidencyForm
from enlace.directory.models import ProTemporePresidency

User = get_user_model()


def _require(check, user):
    if not check(user):
        raise Http404


@login_required
def organizations(request):
    _require(permissions.can_view_directory, request.user)
    return render(
        request,
        "directory/organizations.html",
        {
            "organizations": selectors.organization_list(
                include_inactive=permissions.can_manage_directory(request.user)
            ),
            "presidency": selectors.current_presidency(dt.date.today().year),
            "can_manage_people": permissions.can_manage_people(request.user),
            "can_manage_directory": permissions.can_manage_directory(request.user),
        },
    )


@login_required
def organization(request, code):
    _require(permissions.can_view_directory, request.user)
    org = selectors.get_organization_for_user(request.user, code)
    return render(
        request,
        "directory/organization.html",
        {
            "organization": org,
            "presidencies": org.presidencies.all() if org.is_member_state else [],
            "can_manage": permissions.can_manage_directory(request.user),
        },
    )


@login_required
def people(request):
    _require(permissions.can_view_directory, request.user)
    can_manage = permissions.can_manage_people(request.user)
    filterset, people = filtered_people(request)
    page = Paginator(people, 50).get_page(page_number(request.GET.get("page")))
    return render(
        request,
        "directory/people.html",
        {
            "page": page,
            "form": filterset.form,
            "can_manage": can_manage,
            "locked_out": locked_out_usernames(p.username for p in page) if can_manage else set(),
        },
    )


@login_required
def person_invite(request):
    _require(permissions.can_manage_people, request.user)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = account_services.user_invite(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": person.email})
        return redirect("directory:people")
    return render(request, "directory/person_invite.html", {"form": form})


@login_required
def person_edit(request, pk):
    _require(permissions.can_manage_people, request.user)
    person = selectors.get_person_for_user(request.user, pk, action="manage")
    form = RoleForm(request.POST or None, initial={"organization": person.organization, "role": person.role})
    if request.method == "POST" and form.is_valid():
        try:
            account_services.user_update_role(actor=request.user, user=person, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("role", error)
        else:
            messages.success(request, _("The role of %(name)s was saved.") % {"name": person})
            return redirect("directory:people")
    return render(request, "directory/person_edit.html", {"form": form, "person": person})


@login_required
@require_POST
def person_set_active(request, pk):
    _require(permissions.can_manage_people, request.user)
    person = selectors.get_person_for_user(request.user, pk, action="manage")
    active = request.POST.get("active") == "1"
    if person.pk == request.user.pk and not active:
        messages.error(request, _("You cannot deactivate your own account."))
        return redirect("directory:people")
    try:
        account_services.user_set_active(actor=request.user, user=person, active=active)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("directory:people")
    if active:
        messages.success(request, _("%(name)s can log in again.") % {"name": person})
    else:
        messages.success(request, _("%(name)s can no longer log in.") % {"name": person})
    return redirect("directory:people")


@login_required
@require_POST
def person_reset_second_factor(request, pk):
    _require(permissions.can_manage_people, request.user)
    person = selectors.get_person_for_user(request.user, pk, action="manage")
    account_services.user_reset_second_factor(actor=request.user, user=person)
    messages.success(
        request, _("%(name)s will set up two-step verification again at the next log-in.") % {"name": person}
    )
    return redirect("directory:people")


@login_required
@require_POST
def person_unlock(request, pk):
    _require(permissions.can_manage_people, request.user)
    person = selectors.get_person_for_user(request.user, pk, action="manage")
    account_services.user_unlock(actor=request.user, user=person)
    messages.success(request, _("The log-in of %(name)s is unlocked.") % {"name": person})
    return redirect("directory:people")


@login_required
@require_POST
def person_resend_invitation(request, pk):
    _require(permissions.can_manage_people, request.user)
    person = selectors.get_person_for_user(request.user, pk, action="manage")
    if not person.is_active:
        raise Http404
    account_services.send_invitation(user=person, actor=request.user)
    messages.success(request, _("Invitation sent to %(email)s.") % {"email": person.email})
    return redirect("directory:people")


@login_required
def presidencies(request):
    _require(permissions.can_view_directory, request.user)
    can_manage = permissions.can_manage_directory(request.user)
    form = PresidencyForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        _require(permissions.can_manage_directory, request.user)
        if form.is_valid():
            services.presidency_set(actor=request.user, **form.cleaned_data)
            messages.success(request, _("The Pro Tempore Presidency was saved."))
            return redirect("directory:presidencies")
    return render(
        request,
        "directory/presidencies.html",
        {
            "presidencies": ProTemporePresidency.objects.select_related("state"),
            "form": form,
        },
    )


@login_required
def people_export(request, fmt):
    """The contact list, with the filters of the people page, as CSV or Excel."""
    _require(permissions.can_view_directory, request.user)
    writer = exports.TABLE_WRITERS.get(fmt)
    if writer is None:
        raise Http404
    people = filtered_people(request)[1]
    table = exports.Table(
        title=_("People"),
        headers=[
            _("Name"),
            _("Organization"),
            _("Role"),
            _("Position"),
            _("E-mail address"),
            _("Phone"),
            _("Active"),
        ],
        rows=(
            [
                person.get_full_name() or person.username,
                person.organization.name if person.organization else "",
                person.get_role_display(),
                person.position,
                person.email,
                person.phone,
                _("yes") if person.is_active else _("no"),
            ]
            for person in people.iterator(chunk_size=500)
        ),
        widths=(30, 40, 24, 30, 34, 18, 8),
    )
    extension = fmt.rpartition(".")[2]
    return writer(table, f"enlace-{_('people')}-{dt.date.today().isoformat()}.{extension}")


@login_required
def organization_edit(request, code=None):
    """The secretariat adds an organization or corrects one (names, acronyms, whether it is active)."""
    _require(permissions.can_manage_directory, request.user)
    organization = selectors.get_organization_for_user(request.user, code, action="manage") if code else None
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.organization_save(form=form, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s was saved.") % {"name": saved.name})
            return redirect("directory:organization", saved.code)
    return render(request, "directory/organization_edit.html", {"form": form, "organization": organization})
