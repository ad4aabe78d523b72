"""The merchant back-office for shop, by area: catalogue and markets, orders (and vouchers, shipping, address
books), legal pages, the returns desk. Django's admin autodiscovery imports this package, which registers every area."""

from shop.admin import catalogue, credit_notes, orders, pages, returns, returns_desk  # noqa: F401 (registers the ModelAdmins)
