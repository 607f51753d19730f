"""The address a request comes from, trusting X-Forwarded-For only as far as the configured proxies go.

With ENLACE_TRUSTED_PROXY_COUNT = 0 (the default) the header is ignored and REMOTE_ADDR is the client: anyone can
write X-Forwarded-For, so believing it would let an attacker pick a new address for every request. With N trusted
proxies in front of Enlace, each appends the address it saw, so the N-th entry from the right is the one the
first trusted proxy saw; everything to its left was written by the client. The rule is DRF's NUM_PROXIES rule
(REST_FRAMEWORK["NUM_PROXIES"] is set to the same count), so throttles and lockouts agree on who is who.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.ENLACE_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if proxies <= 0 or not forwarded:
        return remote_addr
    hops = forwarded.split(",")
    candidate = hops[-min(proxies, len(hops))].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a proxy that passes garbage on: the address we can vouch for
        return remote_addr
