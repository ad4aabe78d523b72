"""The buyer's confirmation of a cash-on-delivery order (the signed link in the order e-mail opens a page with a
"Confirm my order" button), and the page shown when a client places orders or starts checkouts faster than the shop
allows."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from shop.formatting import address_lines
from shop.services.orders import OrderError, confirm_cod_order_by_token, order_for_cod_confirmation


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_order(request, token):
    """The signed link in the order e-mail. GET shows the order and a "Confirm my order" button and changes nothing
    (mail scanners and link prefetchers open links); the button's POST (CSRF-protected) confirms. Idempotent: a
    second POST says it is confirmed already; a forged or expired link, or an order cancelled meanwhile, says so
    (400), never a 500."""
    try:
        if request.method == "POST":
            order, changed = confirm_cod_order_by_token(token)
        else:
            order, changed = order_for_cod_confirmation(token), False
    except OrderError as exc:
        return render(request, "shop/order_confirm.html", {"error": str(exc)}, status=400)
    context = {
        "order": order,
        "token": token,
        "confirmed": order.confirmed_at is not None or not order.needs_confirmation,
        "just_confirmed": changed,
        "lines": order.lines.all(),
        "shipping_lines": address_lines(order.shipping_address),
    }
    return render(request, "shop/order_confirm.html", context)


def rate_limited(request, *, retry_after_seconds: int = 3600):
    """429 in the buyer's language: nothing was lost (the cart and what they typed stay), try again later."""
    response = render(request, "shop/rate_limited.html", status=429)
    response["Retry-After"] = str(retry_after_seconds)
    return response
