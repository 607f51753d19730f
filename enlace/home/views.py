from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from enlace.home import selectors


def landing(request):
    """The public face of the Network: what it publishes, and the way in for members."""
    if request.user.is_authenticated:
        return redirect("home:home")
    return render(request, "home/landing.html", selectors.landing_context(request.user))


@login_required
def home(request):
    return render(request, "home/home.html", selectors.home_context(request.user))
