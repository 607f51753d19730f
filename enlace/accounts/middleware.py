from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils import translation


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
    """Secretariat administrators must pass a TOTP second factor before anything else."""

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/health", "/i18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.is_secretariat_admin
            and not user.is_verified()
            and not request.path.startswith(self.ALLOWED_PREFIXES)
        ):
            return redirect_to_login(request.get_full_path(), reverse("accounts:second_factor"))
        return self.get_response(request)
