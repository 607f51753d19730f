from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render


@login_required
def meeting_list(request):
    return render(request, "core/module_placeholder.html", {})


def _todo(request, *args, **kwargs):
    raise Http404


meeting_create = meeting_detail = meeting_edit = meeting_report = _todo
