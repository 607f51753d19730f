from django.urls import reverse

from enlace import permissions
from enlace.core.navigation import navigation_for


def navigation(request):
    user = getattr(request, "user", None)
    return {
        "nav_modules": navigation_for(request),
        # The back office is linked for the secretariat administrator alone (it still asks for the second factor).
        "back_office_url": reverse("admin:index") if permissions.is_secretariat_admin(user) else "",
    }
