"""The merchant back-office for shop, by area: catalogue and markets, orders (and vouchers, shipping, address
books), legal pages. Django's admin autodiscovery imports this package, which registers every area."""

from shop.admin import catalogue, orders, pages, returns  # noqa: F401 (registers the ModelAdmins)
