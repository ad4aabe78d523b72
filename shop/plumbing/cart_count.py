"""The header's cart item count, kept in a small cookie rather than the session: showing it costs no query, and
adding to the cart no longer rewrites the session row. It is only a display hint — the cart itself (in the
database, found through the session) is the truth, and every cart change sets the cookie again."""

from django.conf import settings

CART_SESSION_KEY = "cart_token"  # the session key holding a guest's cart token
COOKIE = "cart_count"
MAX = 9999


def remember(request, count: int) -> None:
    """The count to show from now on (written to the cookie when the response goes out)."""
    request.cart_count = max(0, min(int(count), MAX))


def current(request) -> int:
    if hasattr(request, "cart_count"):
        return request.cart_count
    raw = request.COOKIES.get(COOKIE, "")
    return min(int(raw), MAX) if raw.isdigit() and len(raw) <= 4 else 0


def apply(request, response) -> None:
    """Called by the market middleware on the way out."""
    if not hasattr(request, "cart_count") or request.COOKIES.get(COOKIE) == str(request.cart_count):
        return
    if request.cart_count == 0 and COOKIE not in request.COOKIES:
        return
    response.set_cookie(
        COOKIE, str(request.cart_count), max_age=settings.SESSION_COOKIE_AGE, secure=settings.SESSION_COOKIE_SECURE,
        httponly=True, samesite="Lax",
    )
