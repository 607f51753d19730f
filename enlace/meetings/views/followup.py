from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render


@login_required
def followup(request):
    return render(request, "core/module_placeholder.html", {})


def followup_export(request, fmt):
    raise Http404


def calendar_feed(request, token):
    raise Http404
