"""The buyer's one-click confirmation of a cash-on-delivery order (the signed link in the order e-mail), and the
page shown when a client places orders or starts checkouts faster than the shop allows."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .services.orders import OrderError, confirm_cod_order_by_token


@never_cache
def confirm_order(request, token):
    """Confirm the order the signed link names. Idempotent: opening it again says it is confirmed; a forged or expired
    link, or an order cancelled meanwhile, says so (400), never a 500."""
    try:
        order, _changed = confirm_cod_order_by_token(token)
    except OrderError as exc:
        return render(request, "shop/order_confirm.html", {"error": str(exc)}, status=400)
    return render(request, "shop/order_confirm.html", {"order": order})


def rate_limited(request, *, retry_after_seconds: int = 3600):
    """429 in the buyer's language: nothing was lost (the cart and what they typed stay), try again later."""
    response = render(request, "shop/rate_limited.html", status=429)
    response["Retry-After"] = str(retry_after_seconds)
    return response
