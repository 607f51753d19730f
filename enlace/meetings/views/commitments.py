from django.http import Http404


def commitment_detail(request, pk):
    raise Http404
