"""How API requests authenticate. No request may carry more rights than the web session would: a person who
needs a second factor (enlace.permissions.needs_second_factor) is served only by a verified session or by a
token that was issued with a current code."""

from django.utils.translation import gettext_lazy as _
from knox.auth import TokenAuthentication
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

from enlace import permissions
from enlace.accounts import services

SECOND_FACTOR_NEEDED = _("Two-step verification is needed: enter the code from your authenticator app.")


class VerifiedSessionAuthentication(SessionAuthentication):
    """The web session, refused while its second factor is pending (as every page is)."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and permissions.second_factor_pending(result[0]):
            raise exceptions.PermissionDenied(SECOND_FACTOR_NEEDED)
        return result


class ApiTokenAuthentication(TokenAuthentication):
    """django-rest-knox tokens (`Authorization: Token <token>`), hashed and ending, and refused when the password
    changed since they were issued or when their holder now needs a second factor they were issued without."""

    def authenticate_credentials(self, token):
        try:
            token.decode("utf-8")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        return super().authenticate_credentials(token)

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        if token.password_fingerprint != services.password_fingerprint(user):
            services.api_token_revoke(token=token)
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.with_second_factor and permissions.needs_second_factor(user):
            raise exceptions.AuthenticationFailed(
                _(
                    "This token was issued without two-step verification, which this account now needs: get a new one."
                )
            )
        services.api_token_touch(token=token)
        return user, token
