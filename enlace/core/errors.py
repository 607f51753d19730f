"""Error answers outside the views: a page for people, JSON ({"detail": ...}) under /api/ for programs, so an API
client never has to read an HTML error page (unknown /api/ addresses, refused query strings, server errors)."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render

API_PREFIX = "/api/"


def is_api_request(request) -> bool:
    return request.path.startswith(API_PREFIX)


def error_response(request, status: int, template: str, detail: str) -> HttpResponse:
    if is_api_request(request):
        return JsonResponse({"detail": str(detail)}, status=status)
    return render(request, template, status=status)
