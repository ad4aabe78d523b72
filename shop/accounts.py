"""Signing in carries the guest's cart over: the session's guest cart merges into the account's cart (quantities
add up, capped by what the buyer's current market can sell) and the session points at the account's cart."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .services import accounts as account_services
from .services.cart import item_count
from .views import CART_COUNT_KEY, CART_SESSION_KEY


@receiver(user_logged_in, dispatch_uid="shop.accounts.merge_guest_cart")
def merge_guest_cart(sender, request, user, **kwargs):
    # Logins outside the storefront (admin without a market, test clients, scripts) leave carts alone.
    market = getattr(request, "market", None)
    pricing = getattr(request, "pricing", None)
    session = getattr(request, "session", None)
    if market is None or pricing is None or session is None:
        return
    cart = account_services.adopt_guest_cart(user, session.get(CART_SESSION_KEY), market.id, pricing)
    if cart is None:
        session.pop(CART_SESSION_KEY, None)
        session[CART_COUNT_KEY] = 0
        return
    session[CART_SESSION_KEY] = str(cart.token)
    session[CART_COUNT_KEY] = item_count(cart)
