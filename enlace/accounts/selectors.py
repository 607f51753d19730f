"""Reads on people's own credentials."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from enlace.accounts.models import ApiToken


def api_tokens_for_user(user) -> QuerySet[ApiToken]:
    """The person's own tokens that still work, newest first."""
    return ApiToken.objects.filter(user=user).filter(Q(expiry__isnull=True) | Q(expiry__gt=timezone.now()))


def get_api_token_for_user(user, pk) -> ApiToken:
    """One of the person's own tokens; anyone else's is a 404."""
    return get_object_or_404(ApiToken, pk=pk, user=user)
