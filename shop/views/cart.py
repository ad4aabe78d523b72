"""The cart page and its writes (add, change, remove), as full pages or htmx fragments."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from shop.formatting import active_language
from shop.plumbing import cart_count
from shop.plumbing.cart_count import CART_SESSION_KEY
from shop.plumbing.commit import relaxed_commit
from shop.services import cart as cart_services


def current_cart(request, create: bool):
    token = request.session.get(CART_SESSION_KEY)
    if not create and not token and not request.user.is_authenticated:
        return None
    if create:
        cart = cart_services.get_or_create_cart(market_id=request.market.id, token=token, user=request.user)
    else:  # looking does not create: e.g. after the cart became an order, the token still finds that order
        cart = cart_services.find_cart(market_id=request.market.id, token=token, user=request.user)
        if cart is None:
            return None
    if cart.user_id is None and request.session.get(CART_SESSION_KEY) != str(cart.token):
        request.session[CART_SESSION_KEY] = str(cart.token)
    return cart


def _cart_response(request, cart, message="", status=200):
    language = active_language()
    summary = cart_services.cart_summary(cart, request.pricing, language) if cart else None
    _remember_count(request, summary["count"] if summary else 0)
    template = "shop/_cart.html" if request.htmx else "shop/cart.html"
    return render(request, template, {"cart": summary, "message": message}, status=status)


def _capped_message(change) -> str:
    if not change.capped:
        return ""
    quantity = change.quantity if hasattr(change, "quantity") else change.line.quantity
    return _("Only %(count)s available: your cart holds all of them.") % {"count": quantity}


def _remember_count(request, count: int) -> None:
    cart_count.remember(request, count)


@require_GET
def cart_detail(request):
    return _cart_response(request, current_cart(request, create=False))


def _cross_site(request) -> bool:
    """A POST another site made the browser send: browsers say so in Sec-Fetch-Site, older ones in Origin."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin not in ("null", f"{request.scheme}://{request.get_host()}")


# Adding to a cart needs no CSRF token, so product pages stay token-free (and cheap) for anonymous browsing.
# It is still safe: the session cookie is SameSite=Lax, so a cross-site POST arrives without it, and such a POST
# is refused outright (it would otherwise answer with a new session cookie and push the buyer's session out).
# Changing or removing lines, and everything after, keeps CSRF protection.
@csrf_exempt
@require_POST
def cart_add(request):
    if _cross_site(request):
        return HttpResponse(_("Adding to the cart works from this shop's pages only."), status=403, content_type="text/plain; charset=utf-8")
    try:
        with transaction.atomic():  # a new guest's cart and its first line: one commit
            relaxed_commit()
            cart = current_cart(request, create=True)
            change = cart_services.add_to_cart(cart, request.POST.get("variant"), request.POST.get("quantity", "1"), request.pricing)
    except cart_services.CartError as exc:
        if request.htmx:
            return render(request, "shop/_added.html", {"message": str(exc), "count": cart_count.current(request)})
        return _cart_response(request, cart, str(exc), status=409)
    message = _capped_message(change) or _("Added to your cart.")
    count = change.count
    _remember_count(request, count)
    if not request.htmx:
        messages.info(request, message)
        return redirect("shop:cart")
    return render(request, "shop/_added.html", {"message": message, "count": count})


@require_POST
def cart_update(request, variant_id):
    cart = current_cart(request, create=True)
    message = ""
    try:
        change = cart_services.set_line_quantity(cart, variant_id, request.POST.get("quantity", "0"), request.pricing)
        message = _capped_message(change)
    except cart_services.CartError as exc:
        message = str(exc)
    if not request.htmx:
        _remember_count(request, cart_services.item_count(cart))
        if message:
            messages.info(request, message)
        return redirect("shop:cart")
    return _cart_response(request, cart, message)
