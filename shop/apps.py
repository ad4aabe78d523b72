from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Shop")

    def ready(self):
        from shop import accounts, receivers, storage  # noqa: F401  (allauth adapter; signal handlers; system checks)
