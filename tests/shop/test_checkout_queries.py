"""Query counts of the cart, every checkout step and the confirmation page: within budget and the same for one
line as for eight (no N+1)."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from djmoney.money import Money

from fulfillment.models import Warehouse
from shop.models import Order
from shop.plumbing import storefront_config
from tests import factories as f

from .test_checkout_flow import ADDRESS

pytestmark = pytest.mark.django_db

BUDGETS = {  # page -> most queries on the cold path (configuration snapshot and header built from the database)
    "cart": 15,  # includes planning where the goods ship from (stock, live reservations), as checkout does
    "address": 26,  # includes reserving the stock (lock, read, replace)
    "shipping": 16,
    "billing": 16,
    "review": 18,
    "place": 58,
    "done": 11,  # includes the consignments (shipping per parcel, each at its own rate)
}


def _count(client, method, url, data=None):
    cache.clear()  # count the cold path (no cached configuration, header or catalogue), so counts are deterministic
    storefront_config.clear_local_cache()
    with CaptureQueriesContext(connection) as ctx:
        response = getattr(client, method)(url, data or {})
    assert response.status_code == (302 if method == "post" else 200), (url, response.status_code)
    return len(ctx.captured_queries), response


def _walk(client, n_lines):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code=f"dhl-{n_lines}")
    voucher = f.VoucherFactory(code=f"TEN{n_lines}")
    client.get("/de/?market=eu")
    for i in range(n_lines):
        colour = f.AttributeValueFactory(slug=f"c{i}-{n_lines}", name_en=f"Colour {i}")
        v = f.ProductVariantFactory(base_price=Money(Decimal("10") + i, "EUR"), values=[colour])
        f.StockFactory(variant=v, warehouse=de, quantity=20)
        client.post("/de/cart/add/", {"variant": v.pk, "quantity": 2})
    counts = {}
    counts["cart"], _ = _count(client, "get", "/de/cart/")
    counts["address"], _ = _count(client, "get", "/de/checkout/")
    _count(client, "post", "/de/checkout/", ADDRESS)
    counts["shipping"], response = _count(client, "get", "/de/checkout/shipping/")
    _count(client, "post", "/de/checkout/shipping/", {"shipping_method": response.context["quote"].shipping_options[0].method_id})
    counts["billing"], _ = _count(client, "get", "/de/checkout/billing/")
    _count(client, "post", "/de/checkout/billing/", {"same_as_shipping": "on"})
    _count(client, "post", "/de/checkout/voucher/", {"code": voucher.code})
    counts["review"], response = _count(client, "get", "/de/checkout/review/")
    data = {"cart": str(response.context["cart"].token), "payment_method": "bank_transfer", "accept_terms": "on",
            "expected_total": str(response.context["quote"].total_gross)}
    counts["place"], response = _count(client, "post", "/de/checkout/place/", data)
    assert Order.objects.filter(number=response["Location"].rstrip("/").rsplit("/", 1)[1]).exists()
    counts["done"], _ = _count(client, "get", response["Location"])
    return counts


def test_checkout_query_counts_are_bounded_and_constant_in_lines(markets):
    one = _walk(Client(), 1)
    eight = _walk(Client(), 8)
    for page, budget in BUDGETS.items():
        assert one[page] <= budget, f"{page}: {one[page]} queries (budget {budget})"
        if page != "place":
            assert eight[page] == one[page], f"{page}: {one[page]} queries for 1 line, {eight[page]} for 8"
    # Placing writes one row per line in bulk; allocation reads/writes per stock row are the only growth.
    assert eight["place"] <= one["place"] + 8 * 2, (one["place"], eight["place"])
