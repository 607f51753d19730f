from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_otp import user_has_device

from enlace import permissions


class RequestLanguageMiddleware:
    """A request's language ends with the request. LocaleMiddleware and UserLanguageMiddleware activate a language
    for the whole thread, which whatever runs next on it (a task in the same worker, the next test) would
    otherwise inherit; placed before them, this restores what the thread had."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        previous = translation.get_language()
        try:
            return self.get_response(request)
        finally:
            if previous:
                translation.activate(previous)
            else:
                translation.deactivate_all()


class UserLanguageMiddleware:
    """A signed-in person sees Enlace in the language kept on their profile."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.language and user.language != translation.get_language():
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class RequireSecondFactorMiddleware:
    """Signed in with the password only, someone who needs a second factor reaches nothing but the way to give
    it: log-in, log-out, the code prompt, first-time set-up (not a replacement of a confirmed authenticator), the
    language switch, the API's token endpoint (which asks for the code itself), static files and /health.
    Pages send them to the code prompt; the API answers 403 in JSON."""

    OPEN_VIEWS = frozenset(
        {
            "accounts:login",
            "accounts:logout",
            "accounts:second_factor",
            "accounts:language",
            "core:health",
            "api-token",
        }
    )
    OPEN_PREFIXES = ("/static/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and permissions.second_factor_pending(user)
            and not self._open(request, user)
        ):
            if request.path_info.startswith("/api/"):
                return JsonResponse(
                    {
                        "detail": _(
                            "Two-step verification is needed: enter the code from your authenticator app."
                        )
                    },
                    status=403,
                )
            return redirect_to_login(request.get_full_path(), reverse("accounts:second_factor"))
        return self.get_response(request)

    def _open(self, request, user) -> bool:
        if request.path_info.startswith(self.OPEN_PREFIXES):
            return True
        try:
            view_name = resolve(request.path_info).view_name
        except Resolver404:
            return False
        if view_name == "accounts:second_factor_setup":
            return not user_has_device(user, confirmed=True)
        return view_name in self.OPEN_VIEWS
