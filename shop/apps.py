from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Shop")

    def ready(self):
        from . import accounts, signals, storage  # noqa: F401  (guest cart merge at login; cache invalidation receivers; checks)
