"""The client's IP address, for every per-client limit (admin lockouts by django-axes, sign-in limits by allauth,
checkout limits by django-ratelimit): one function, so all of them count the same client.

Behind N trusted proxies (DJANGO_TRUSTED_PROXY_COUNT=N, e.g. 1 behind the TLS proxy) each proxy appends the address it
saw to X-Forwarded-For, so the client is the N-th entry from the right; anything left of it was written by the
client and is ignored. With N = 0 (the default: no proxy) X-Forwarded-For is not trusted at all and the socket's
address (REMOTE_ADDR) counts.
"""

import ipaddress

from django.conf import settings


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 203.0.113.7:51234
        value = value.split(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR") or ""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        entries = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
        if len(entries) >= count:
            forwarded = _clean(entries[-count])
            if forwarded:
                return forwarded
    # Not through the expected proxies (or a malformed header): the socket's address.
    return _clean(remote) or remote or "0.0.0.0"
