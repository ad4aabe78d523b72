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


# --- Listing prices (category pages, search, home) are the product page's -------------------------------------------

def card_price(html, slug):
    """The price on the listing card linking to the product."""
    match = re.search(rf'href="[^"]*/p/{re.escape(slug)}/".*?<span class="price">(?:<span class="from">[^<]*</span> )?([^<]+)</span>',
                      html, re.S)
    return match.group(1).strip() if match else None


def listed(product):
    from shop.services.pricing import refresh_market_prices

    refresh_market_prices([product.pk])  # on_commit hooks do not fire inside a test transaction


def test_uk_listing_price_of_a_jacket_over_135_pounds_is_its_product_page_and_cart_price(client, berlin):
    jacket = variant(berlin, "175.00")  # £148.75 net → over £135: an import priced without VAT
    listed(jacket.product)
    client.get("/en/?market=uk")
    page = money_in(client.get(f"/en/p/{jacket.product.slug}/").content.decode(), "price")
    category = client.get(f"/en/c/{jacket.product.category.slug}/").content.decode()
    client.post("/en/cart/add/", {"variant": jacket.pk, "quantity": 1})
    line = client.get("/en/cart/").context["cart"]["lines"][0]
    assert card_price(category, jacket.product.slug) == page == line.unit_display
    assert "without VAT" in client.get(f"/en/p/{jacket.product.slug}/").content.decode()
    # Filters and sorting use that price too: the VAT-inclusive £178.99 would be above £160.
    filtered = client.get(f"/en/c/{jacket.product.category.slug}/?max_price=160").content.decode()
    assert card_price(filtered, jacket.product.slug) == page


def test_eu_listing_price_of_an_item_from_outside_the_eu_is_its_product_page_and_cart_price(client, markets):
    zurich = Warehouse.objects.create(code="ch-zh", name="Zürich", country="CH", countries_served=["DE", "FR", "CH"],
                                      priority=5)
    f.shipping_for(zurich, code="post-ch", name="Swiss Post", carrier="Post CH")
    coat = variant(zurich, "240.00")  # €240 net from Switzerland to Germany: over €150, priced without VAT (€285.99 / 1.19)
    cheap = variant(zurich, "50.00")  # within €150: EU VAT collected at checkout (IOSS)
    listed(coat.product)
    listed(cheap.product)
    client.get("/en/?market=eu")
    for item, expected in ((coat, "€240.33"), (cheap, "€59.99")):
        page = money_in(client.get(f"/en/p/{item.product.slug}/").content.decode(), "price")
        category = client.get(f"/en/c/{item.product.category.slug}/").content.decode()
        assert card_price(category, item.product.slug) == page == expected
    client.post("/en/cart/add/", {"variant": coat.pk, "quantity": 1})
    assert client.get("/en/cart/").context["cart"]["lines"][0].unit_display == "€240.33"


def test_adding_stock_elsewhere_refreshes_the_listing_price(berlin, django_capture_on_commit_callbacks):
    from shop.models import ProductMarketPrice

    jacket = f.ProductVariantFactory(base_price=Money(Decimal("175.00"), "EUR"), weight_grams=300)
    listed(jacket.product)
    uk = ProductMarketPrice.objects.get(product=jacket.product, market__code="uk")
    assert uk.price_min == Decimal("149.16")  # no stock yet: priced from Berlin all the same (its only warehouse)
    london = Warehouse.objects.create(code="gb-lon", name="London", country="GB", countries_served=["GB"], priority=1)
    with django_capture_on_commit_callbacks(execute=True):
        f.StockFactory(variant=jacket, warehouse=london, quantity=3)
    uk.refresh_from_db()
    assert uk.price_min == Decimal("178.99")  # ships from London: UK VAT included


def test_eu_business_importing_from_outside_the_eu_is_told_the_real_reason_not_the_limit(client, markets, vies_confirms):
    zurich = Warehouse.objects.create(code="ch-zh", name="Zürich", country="CH", countries_served=["DE", "FR", "CH"],
                                      priority=5)
    f.shipping_for(zurich, code="post-ch", name="Swiss Post", carrier="Post CH")
    mug = variant(zurich, "20.00")  # €20: far below €150
    client.get("/en/?market=eu")
    client.post("/en/cart/add/", {"variant": mug.pk, "quantity": 1})
    address = {"email": "a@example.com", "full_name": "Jean Dupont", "line1": "1 rue de Rivoli", "postcode": "75001",
               "city": "Paris", "country": "FR"}
    assert client.post("/en/checkout/", address).status_code == 302
    method = client.get("/en/checkout/shipping/").context["quote"].shipping_options[0].method_id
    client.post("/en/checkout/shipping/", {"shipping_method": method})
    assert client.post("/en/checkout/billing/", {"same_as_shipping": "on", "vat_number": "FR40303265045"}).status_code == 302
    cart = client.get("/en/cart/")
    html = cart.content.decode()
    assert "worth more than" not in html
    assert cart.context["cart"]["notes"] == [
        "Your items shipping from outside the EU are imported by your business: they are priced without VAT, and your "
        "business pays import VAT and duties on delivery."]
    assert "Prices without VAT." in html


def test_buying_the_last_unit_in_london_reprices_the_listing_from_berlin(berlin, django_capture_on_commit_callbacks):
    from shop.models import ProductMarketPrice

    from .checkout_helpers import buy, make_cart

    london = Warehouse.objects.create(code="gb-lon", name="London", country="GB", countries_served=["GB"], priority=1)
    f.shipping_for(london, code="royal-mail", name="Royal Mail", carrier="Royal Mail")
    jacket = variant(berlin, "175.00")
    f.StockFactory(variant=jacket, warehouse=london, quantity=1)
    listed(jacket.product)
    uk = ProductMarketPrice.objects.get(product=jacket.product, market__code="uk")
    assert uk.price_min == Decimal("178.99")  # ships from London, UK VAT included
    with django_capture_on_commit_callbacks(execute=True):
        buy(make_cart(uk.market, [(jacket, 1)], country="GB"))
    uk.refresh_from_db()
    assert uk.price_min == Decimal("149.16")  # now from Berlin: an import over £135, without VAT, as its page says
