"""Where an item ships from, and what that means for VAT and duties, is said on the product page and in the cart,
and the price there is the price on the order (issue 9, item 11). A UK buyer, goods in Berlin."""

import re
from decimal import Decimal

import pytest
from djmoney.money import Money

from fulfillment.models import Warehouse
from shop.models import Order, TaxTreatment
from tests import factories as f

pytestmark = pytest.mark.django_db

UK_ADDRESS = {"email": "jane@example.com", "full_name": "Jane Doe", "line1": "10 Downing Street", "postcode": "SW1A 2AA",
              "city": "London", "country": "GB"}


@pytest.fixture
def berlin(markets):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl-int", name="International", carrier="DHL")
    return de


def variant(warehouse, base_eur):
    v = f.ProductVariantFactory(base_price=Money(Decimal(base_eur), "EUR"), weight_grams=300)
    f.StockFactory(variant=v, warehouse=warehouse, quantity=10)
    return v


def money_in(html, element_id):
    match = re.search(rf'id="{element_id}"[^>]*>([^<]+)<', html)
    return match.group(1).strip() if match else None


def checkout_to_review(client):
    assert client.post("/en/checkout/", UK_ADDRESS).status_code == 302
    method = client.get("/en/checkout/shipping/").context["quote"].shipping_options[0].method_id
    client.post("/en/checkout/shipping/", {"shipping_method": method})
    client.post("/en/checkout/billing/", {"same_as_shipping": "on"})
    return client.get("/en/checkout/review/")


def place(client, review):
    quote = review.context["quote"]
    response = client.post("/en/checkout/place/", {"cart": str(review.context["cart"].token), "payment_method": "bank_transfer",
                                                   "expected_total": str(quote.total_gross), "accept_terms": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Order.objects.get()


def test_uk_buyer_item_from_germany_within_135_pounds(client, berlin):
    shirt = variant(berlin, "80.00")  # £68.00 net → £81.60 → .99 rule → £81.99 with UK VAT
    client.get("/en/?market=uk")
    page = client.get(f"/en/p/{shirt.product.slug}/").content.decode()
    assert money_in(page, "price") == "£81.99"
    assert "incl. 20% VAT" in page
    assert "Ships from Germany · UK VAT included, no import charges on delivery (orders up to £135)" in page

    client.post("/en/cart/add/", {"variant": shirt.pk, "quantity": 1})
    cart = client.get("/en/cart/")
    line = cart.context["cart"]["lines"][0]
    assert line.unit_display == "£81.99" and line.total_display == "£81.99"
    assert "Ships from Germany · UK VAT included" in cart.content.decode()
    assert cart.context["cart"]["notes"] == []

    review = checkout_to_review(client)
    quote = review.context["quote"]
    assert quote.lines[0].total_gross == Decimal("81.99") and quote.treatments == [TaxTreatment.UK_LOW_VALUE]
    order = place(client, review)
    line = order.lines.get()
    assert line.unit_gross == Decimal("81.99") and line.total_gross == Decimal("81.99") and line.tax_rate == 20
    assert order.total_gross == Decimal("81.99") + order.shipping_gross and order.tax_notes == ["uk_low_value"]


def test_uk_cart_crossing_135_pounds_says_so_before_checkout_and_the_order_matches(client, berlin):
    shirt = variant(berlin, "80.00")
    client.get("/en/?market=uk")
    client.post("/en/cart/add/", {"variant": shirt.pk, "quantity": 2})  # 2 × £68.33 net = £136.66 > £135
    cart = client.get("/en/cart/")
    html = cart.content.decode()
    summary = cart.context["cart"]
    assert "worth more than £135.00 together: VAT cannot be collected at checkout" in html
    assert "Ships from Germany · price without VAT: import VAT and duties may be due on delivery" in html
    assert summary["lines"][0].unit_display == "£68.33" and summary["subtotal_display"] == "£136.66"

    review = checkout_to_review(client)
    quote = review.context["quote"]
    assert quote.subtotal_display == Decimal("136.66") and quote.total_tax == 0
    order = place(client, review)
    assert order.tax_notes == ["import_on_delivery"] and order.total_tax == 0
    assert order.subtotal_gross == Decimal("136.66") and order.lines.get().unit_gross == Decimal("68.33")


def test_uk_single_item_over_135_pounds_priced_without_vat_from_the_product_page_on(client, berlin):
    coat = variant(berlin, "200.00")  # £170 net: an import whose VAT the seller cannot collect
    client.get("/en/?market=uk")
    page = client.get(f"/en/p/{coat.product.slug}/").content.decode()
    assert money_in(page, "price") == "£169.99"
    assert "without VAT" in page and "incl. 20% VAT" not in page
    assert "Ships from Germany · price without VAT: import VAT and duties may be due on delivery" in page

    client.post("/en/cart/add/", {"variant": coat.pk, "quantity": 1})
    cart = client.get("/en/cart/")
    assert cart.context["cart"]["lines"][0].unit_display == "£169.99"
    assert "Prices without VAT." in cart.content.decode()
    order = place(client, checkout_to_review(client))
    assert order.lines.get().unit_gross == Decimal("169.99") and order.tax_notes == ["import_on_delivery"]


def test_eu_buyer_sees_where_it_ships_from(client, berlin):
    shirt = variant(berlin, "25.20")
    client.get("/en/?market=eu")
    page = client.get(f"/en/p/{shirt.product.slug}/").content.decode()
    assert "Ships from Germany" in page and "incl. 19% VAT" in page and money_in(page, "price") == "€29.99"
