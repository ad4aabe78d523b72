"""The shop's allauth adapter: sign-in limits count the real client, allauth's e-mails name the shop. (The guest's
cart follows the buyer at sign-in: see receivers.py.)"""

from urllib.parse import urlparse

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from config.client_ip import client_ip


class ShopSite:
    """What allauth's e-mails call the site ("Hello from …"): the shop's name and public host, not the request's
    host name (django.contrib.sites is not installed)."""

    def __init__(self):
        self.name = settings.CARAVAN_SHOP_NAME
        self.domain = urlparse(settings.CARAVAN_SITE_URL).netloc or settings.CARAVAN_SITE_URL


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        """Rate limits count the real client behind the proxy, the same address axes and django-ratelimit use."""
        return client_ip(request)

    def send_mail(self, template_prefix, email, context):
        return super().send_mail(template_prefix, email, {**context, "current_site": ShopSite()})
