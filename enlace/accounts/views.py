import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from enlace.accounts import selectors, services
from enlace.accounts.forms import AuthenticatorSetupForm, LoginForm, ProfileForm, TokenForm
from enlace.core.client_address import client_ip


def _safe_next(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return fallback


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@require_POST
def set_language(request):
    """Switch the interface language; a signed-in person keeps the choice on their profile."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    response = redirect(_safe_next(request, "/"))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            services.user_update_profile(user=user, **form.cleaned_data)
            translation.activate(user.language)
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(
            initial={
                "first_name": user.first_name,
                "last_name": user.last_name,
                "position": user.position,
                "phone": user.phone,
                "language": user.language,
                "reminder_emails": user.reminder_emails,
            }
        )
    has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    context = {
        "form": form,
        "has_device": has_device,
        "api_tokens": selectors.api_tokens_for_user(user),
        "api_token_ttl_hours": settings.API_TOKEN_TTL_HOURS,
    }
    return render(request, "accounts/profile.html", context)


@login_required
def second_factor(request):
    """Ask for the code of a person who has an authenticator; send the others to set one up."""
    user = request.user
    next_url = _safe_next(request, reverse("home:home"))
    if user.is_verified():
        return redirect(next_url)
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect_to_login(next_url, reverse("accounts:second_factor_setup"))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url)
        form.add_error("token", _("That code is not valid. Check the time on your phone and try again."))
    return render(request, "accounts/second_factor.html", {"form": form, "next": next_url})


@login_required
def second_factor_setup(request):
    """Enrol an authenticator app: scan the code, type one code to prove it works. Replacing a confirmed
    authenticator needs a verified session and a current code from it (a lost one is reset by an administrator)."""
    user = request.user
    next_url = _safe_next(request, reverse("home:home"))
    replacing = user_has_device(user, confirmed=True)
    if replacing and not user.is_verified():
        return redirect_to_login(request.get_full_path(), reverse("accounts:second_factor"))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or request.method == "GET":
        device = services.totp_device_start(user=user)
    form = AuthenticatorSetupForm(request.POST or None, replacing=replacing)
    if request.method == "POST" and form.is_valid():
        try:
            services.totp_device_confirm(device=device, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            otp_login(request, device)
            messages.success(request, _("Two-step verification is on."))
            return redirect(next_url)
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1d2730")
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "config_url": device.config_url,
            "secret": readable_secret(device.bin_key),
            "replacing": replacing,
            "next": next_url,
        },
    )


def readable_secret(key: bytes) -> str:
    """The key as authenticator apps take it when typed: base32, in groups of four."""
    letters = base64.b32encode(key).decode("ascii").rstrip("=")
    return " ".join(letters[i : i + 4] for i in range(0, len(letters), 4))


@require_POST
@login_required
def api_token_revoke(request, pk):
    token = selectors.get_api_token_for_user(request.user, pk)
    services.api_token_revoke(token=token)
    messages.success(request, _("The API token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:profile")


class InviteAcceptView(auth_views.PasswordResetConfirmView):
    """The invited person chooses a password through the signed link they received."""

    template_name = "accounts/invite_accept.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.api_tokens_revoke_all(user=form.user)
        messages.success(self.request, _("Your password is set. You can log in now."))
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password ends every API token issued under the old one."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.api_tokens_revoke_all(user=form.user)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Sends the link, at most RESET_LIMIT times an hour for one address and RESET_LIMIT_PER_CLIENT for one
    client address, so the form can't be used to flood someone's inbox. The page says the same either way."""

    RESET_LIMIT = 3
    RESET_LIMIT_PER_CLIENT = 20

    def form_valid(self, form):
        email = form.cleaned_data["email"].lower()
        client = client_ip(self.request)
        if _over_limit(f"password-reset:{email}", self.RESET_LIMIT) | _over_limit(
            f"password-reset-client:{client}", self.RESET_LIMIT_PER_CLIENT
        ):
            return redirect(self.get_success_url())
        return super().form_valid(form)


def _over_limit(key: str, limit: int) -> bool:
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        return False


password_reset = PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
