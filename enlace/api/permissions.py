from rest_framework.permissions import BasePermission

from enlace import permissions


class IsNetworkMember(BasePermission):
    """Signed-in, active people with a role in the Network."""

    def has_permission(self, request, view):
        return permissions.is_member(request.user)
