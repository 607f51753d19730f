"""Pages of indicator frameworks: the list, one version with its indicators and rules, editing an indicator
(a new version when a cycle uses this one), and the .xlsx round trip."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from enlace import permissions
from enlace.core.exports import XLSX_CONTENT_TYPE, attachment
from enlace.reporting import framework_workbook, selectors
from enlace.reporting.forms import IndicatorForm, UploadForm
from enlace.reporting.models import Indicator, Pillar
from enlace.reporting.services import frameworks as services
from enlace.reporting.workbook import WorkbookRefused


@login_required
@require_safe
def framework_list(request):
    return render(
        request,
        "reporting/framework_list.html",
        {
            "frameworks": selectors.frameworks_for_user(request.user),
            "can_manage": permissions.can_manage_reporting(request.user),
            "upload_form": UploadForm(),
        },
    )


@login_required
@require_safe
def framework_detail(request, pk):
    framework = selectors.get_framework_for_user(request.user, pk)
    indicators = list(framework.indicators.all())
    sections = [(label, [i for i in indicators if i.pillar == code]) for code, label in Pillar.choices]
    return render(
        request,
        "reporting/framework_detail.html",
        {
            "framework": framework,
            "sections": [(label, rows) for label, rows in sections if rows],
            "rules": framework.rules.all(),
            "in_use": services.framework_in_use(framework),
            "can_manage": permissions.can_manage_reporting(request.user),
        },
    )


@login_required
@require_safe
def framework_export(request, pk):
    framework = selectors.get_framework_for_user(request.user, pk)
    content = framework_workbook.framework_xlsx(framework)
    return attachment(
        HttpResponse(content, content_type=XLSX_CONTENT_TYPE),
        f"framework-{framework.code}-v{framework.version}.xlsx",
    )


@require_POST
@login_required
def framework_import(request):
    if not permissions.can_manage_reporting(request.user):
        raise Http404
    form = UploadForm(request.POST, request.FILES)
    problems = []
    if not form.is_valid():
        problems = [_("Choose the framework's .xlsx file.")]
    else:
        try:
            fields, indicators, rules_ = framework_workbook.read_framework(form.cleaned_data["file"])
            fields["version"] = services.next_version(fields["code"])
            previous = selectors.frameworks_for_user(request.user).filter(code=fields["code"]).first()
            framework = services.framework_create(
                actor=request.user, fields=fields, indicators=indicators, rules_=rules_, previous=previous
            )
        except WorkbookRefused as refused:
            problems = [str(error) for error in refused.errors]
        except ValidationError as error:
            problems = error.messages
    if problems:
        context = {
            "frameworks": selectors.frameworks_for_user(request.user),
            "can_manage": True,
            "upload_form": form,
            "problems": problems,
        }
        return render(request, "reporting/framework_list.html", context, status=400)
    messages.success(
        request, _("Version %(version)d was made from the file.") % {"version": framework.version}
    )
    return redirect("reporting:framework", framework.pk)


@login_required
def indicator_edit(request, pk):
    if not permissions.can_manage_reporting(request.user):
        raise Http404
    indicator = Indicator.objects.select_related("framework").filter(pk=pk).first()
    if indicator is None:
        raise Http404
    initial = {name: getattr(indicator, name) for name in services.EDITABLE_INDICATOR_FIELDS}
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = {name: value for name, value in form.cleaned_data.items() if value != initial[name]}
        if changed:
            try:
                edited = services.indicator_update(actor=request.user, indicator=indicator, **changed)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                if edited.framework_id != indicator.framework_id:
                    messages.success(
                        request,
                        _("Version %(version)d was made: cycles already opened keep version %(old)d.")
                        % {"version": edited.framework.version, "old": indicator.framework.version},
                    )
                else:
                    messages.success(request, _("Saved."))
                return redirect("reporting:framework", edited.framework_id)
        else:
            return redirect("reporting:framework", indicator.framework_id)
    return render(request, "reporting/indicator_form.html", {"form": form, "indicator": indicator})
