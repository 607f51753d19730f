from django.contrib.auth import authenticate, get_user_model
from django.utils.translation import gettext_lazy as _
from django_otp import match_token, user_has_device
from rest_framework import serializers

from enlace import permissions
from enlace.accounts.models import ApiToken

User = get_user_model()


class TokenRequestSerializer(serializers.Serializer):
    """Credentials for a token. `otp` is needed, and checked, for accounts with two-step verification."""

    username = serializers.CharField(max_length=User._meta.get_field("username").max_length)
    password = serializers.CharField(max_length=4096, trim_whitespace=False, style={"input_type": "password"})
    otp = serializers.RegexField(
        r"^\d{6,8}$",
        required=False,
        allow_blank=True,
        help_text=_(
            "Current code from the authenticator app; required when the account uses two-step verification."
        ),
        error_messages={"invalid": _("The code has digits only.")},
    )
    name = serializers.CharField(
        max_length=ApiToken.NAME_MAX_LENGTH,
        help_text=_(
            "Name of the client that will hold the token; a new token for the same name replaces the old one."
        ),
    )

    def validate(self, attrs):
        request = self.context["request"]
        user = authenticate(request=request, username=attrs["username"], password=attrs["password"])
        if user is None:
            raise serializers.ValidationError(
                _("Unable to log in with provided credentials."), code="authorization"
            )
        attrs["user"], attrs["with_second_factor"] = user, False
        if permissions.needs_second_factor(user):
            if not user_has_device(user, confirmed=True):
                raise serializers.ValidationError(
                    {"otp": _("This account must use two-step verification: set it up on the web first.")}
                )
            if not attrs.get("otp"):
                raise serializers.ValidationError(
                    {"otp": _("This account uses two-step verification: give a current code from your app.")}
                )
            if match_token(user, attrs["otp"]) is None:
                raise serializers.ValidationError(
                    {"otp": _("That code is not valid. Check the time on your phone and try again.")}
                )
            attrs["with_second_factor"] = True
        return attrs


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField(
        help_text=_("Send it as `Authorization: Token <token>`. It is shown only once.")
    )
    expiry = serializers.DateTimeField(allow_null=True, help_text=_("When the token stops working."))
