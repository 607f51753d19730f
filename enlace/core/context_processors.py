from enlace.core.navigation import navigation_for


def navigation(request):
    return {"nav_modules": navigation_for(request)}
