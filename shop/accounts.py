"""Signing in carries the guest's cart over: the session's guest cart merges into the account's cart (quantities
add up, capped by what the buyer's current market can sell) and the session points at the account's cart."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from config.client_ip import client_ip

from . import cart_count
from .services import accounts as account_services
from .services.cart import item_count
from .views import CART_SESSION_KEY


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
        cart_count.remember(request, 0)
        return
    session[CART_SESSION_KEY] = str(cart.token)
    cart_count.remember(request, item_count(cart))


@receiver(user_logged_out, dispatch_uid="shop.accounts.forget_cart_count")
def forget_cart_count(sender, request, user, **kwargs):
    """Signed out: the session (and with it the account's cart) is gone from this browser."""
    if request is not None:
        cart_count.remember(request, 0)


class ShopSite:
    """What allauth's e-mails call the site ("Hello from …"): the shop's name and public host, not the request's
    host name (django.contrib.sites is not installed)."""

    def __init__(self):
        from urllib.parse import urlparse

        from django.conf import settings

        self.name = settings.CARAVAN_SHOP_NAME
        self.domain = urlparse(settings.CARAVAN_SITE_URL).netloc or settings.CARAVAN_SITE_URL


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        """Rate limits count the real client behind the proxy, the same address axes and django-ratelimit use."""
        return client_ip(request)

    def send_mail(self, template_prefix, email, context):
        return super().send_mail(template_prefix, email, {**context, "current_site": ShopSite()})
