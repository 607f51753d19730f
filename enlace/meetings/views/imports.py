from django.http import Http404


def import_upload(request):
    raise Http404


def import_review(request, pk):
    raise Http404
