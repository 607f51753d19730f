from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from enlace.accounts import services as account_services
from enlace.api.serializers import TokenRequestSerializer, TokenResponseSerializer

User = get_user_model()


@extend_schema(
    tags=["auth"],
    summary="Get an API token",
    description=(
        "POST the user name, the password, a name for the client and, for accounts with two-step verification "
        "(required for secretariat administrators), a current code from the authenticator app as `otp`. Answers "
        "the token, for the `Authorization: Token <token>` header, and when it expires. A new token for the same "
        "client name replaces the old one; tokens end at their expiry, on a password change or reset and on "
        "deactivation, and each person can revoke theirs on the profile page."
    ),
    request={"application/json": TokenRequestSerializer},
    responses={
        200: TokenResponseSerializer,
        400: OpenApiResponse(description="Wrong credentials, a missing or wrong code, or too many tokens."),
        429: OpenApiResponse(
            description="Too many requests, or too many failed log-ins: try again after Retry-After seconds."
        ),
    },
    auth=[],
)
class TokenView(APIView):
    """POST {username, password, otp?, name}; answers {token, expiry} for the Authorization: Token header."""

    authentication_classes = []  # credentials are in the body; a session cookie must not matter here
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"

    def post(self, request):
        credentials = TokenRequestSerializer(data=request.data, context={"request": request})
        credentials.is_valid(raise_exception=True)
        try:
            token, secret = account_services.api_token_issue(
                user=credentials.validated_data["user"],
                name=credentials.validated_data["name"],
                with_second_factor=credentials.validated_data["with_second_factor"],
            )
        except DjangoValidationError as error:
            raise ValidationError({"name": error.messages}) from None
        return Response(TokenResponseSerializer({"token": secret, "expiry": token.expiry}).data)
