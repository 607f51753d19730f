"""How the OpenAPI schema describes Enlace's own authentication classes."""

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme


class VerifiedSessionScheme(SessionScheme):
    target_class = "enlace.api.authentication.VerifiedSessionAuthentication"


class ApiTokenScheme(KnoxTokenScheme):
    target_class = "enlace.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"
