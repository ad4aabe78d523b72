"""Tampered or malformed checkout POSTs: a clear answer, no 500, never a second order or a wrong total."""

from decimal import Decimal

import pytest
from django.test import Client
from djmoney.money import Money

from fulfillment.models import Warehouse
from shop.models import Cart, CartLine, Order
from tests import factories as f

from .test_checkout_flow import ADDRESS, add, go_to_review, place

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(markets):
    de, us = Warehouse.objects.get(code="de"), Warehouse.objects.get(code="us")
    f.shipping_for(de, code="dhl")
    f.shipping_for(us, (5000, Decimal("5"), "USD"), code="usps", carrier="USPS")
    a = f.ProductVariantFactory(base_price=Money(Decimal("25.20"), "EUR"), weight_grams=300)
    b = f.ProductVariantFactory(base_price=Money(Decimal("16.80"), "EUR"), weight_grams=200)
    f.StockFactory(variant=a, warehouse=de, quantity=5)
    f.StockFactory(variant=b, warehouse=de, quantity=5)
    return {"a": a, "b": b}


@pytest.mark.parametrize("quantity", ["-1", "1e9", "abc", "", "100", "2.5"])
def test_tampered_quantities_are_refused(client, shop, quantity):
    client.get("/de/?market=eu")
    response = client.post("/de/cart/add/", {"variant": shop["a"].pk, "quantity": quantity})
    assert response.status_code == 409
    assert not CartLine.objects.filter(quantity__gt=5).exists()


def test_quantity_above_stock_is_capped(client, shop):
    client.get("/de/?market=eu")
    add(client, shop["a"], 50)
    assert CartLine.objects.get().quantity == 5


def test_posted_prices_are_ignored(client, shop):
    review = go_to_review(client, shop)
    total = review.context["quote"].total_gross
    response = place(client, review, unit_price="0.01", total="0.01", discount="999", shipping_price="0")
    assert response.status_code == 302
    assert Order.objects.get().total_gross == total


@pytest.mark.parametrize("method", ["999999", "abc", "", "usps"])
def test_shipping_method_not_offered_is_refused(client, shop, method):
    client.get("/de/?market=eu")
    add(client, shop["a"])
    client.post("/de/checkout/", ADDRESS)
    if method == "usps":
        from shop.models import ShippingMethod

        method = str(ShippingMethod.objects.get(code="usps").pk)  # exists, but ships from the US warehouse
    response = client.post("/de/checkout/shipping/", {"shipping_method": method})
    assert response.status_code == 400
    assert Cart.objects.get().shipping_method_id is None


@pytest.mark.parametrize(
    "overrides",
    [{"payment_method": "free"}, {"expected_total": "abc"}, {"expected_total": "NaN"}, {"accept_terms": ""},
     {"expected_total": "1e999999"}],
    ids=["payment", "total-text", "total-nan", "terms", "total-huge"],
)
def test_bad_place_order_posts_place_nothing(client, shop, overrides):
    review = go_to_review(client, shop)
    response = place(client, review, **overrides)
    assert response.status_code == 400  # the review page again, with the error
    assert response.context["form"].errors
    assert not Order.objects.exists()


def test_another_buyers_cart_token_cannot_be_placed(client, shop):
    victim = Client()
    victim_review = go_to_review(victim, shop)
    attacker_review = go_to_review(client, shop)
    data = {"cart": str(victim_review.context["cart"].token), "payment_method": "bank_transfer", "accept_terms": "on",
            "expected_total": str(victim_review.context["quote"].total_gross)}
    response = client.post("/de/checkout/place/", data)
    assert response.status_code == 302 and response["Location"].endswith("/de/cart/")
    assert not Order.objects.exists()
    # and the victim's order page stays private
    place(victim, victim_review)
    order = Order.objects.get()
    assert client.get(f"/de/checkout/done/{order.number}/").status_code == 404
    assert attacker_review.status_code == 200


def test_a_placed_cart_cannot_be_reused_for_another_order(client, shop):
    review = go_to_review(client, shop)
    place(client, review)
    add(client, shop["b"])  # a new cart
    response = place(client, review)  # the old form again
    assert response.status_code == 302
    assert Order.objects.count() == 1


def test_cart_changed_in_another_window(client, shop):
    review = go_to_review(client, shop)
    client.post(f"/de/cart/line/{shop['b'].pk}/", {"quantity": "3"})
    response = place(client, review)
    assert response["Location"].endswith("/de/checkout/review/")
    assert not Order.objects.exists()


@pytest.mark.parametrize("field, value", [("full_name", "x" * 5000), ("email", "not-an-email"), ("country", "ZZ"),
                                          ("postcode", "<script>"), ("line1", "")])
def test_malformed_addresses(client, shop, field, value):
    client.get("/de/?market=eu")
    add(client, shop["a"])
    response = client.post("/de/checkout/", {**ADDRESS, field: value})
    assert response.status_code == 400
    assert "<script>" not in response.content.decode()
    assert Cart.objects.get().shipping_address is None


def test_get_on_post_only_endpoints(client, shop):
    assert client.get("/de/checkout/place/").status_code == 405
    assert client.get("/de/checkout/voucher/").status_code == 405


def test_switching_market_after_the_address_sends_the_buyer_back(client, shop):
    review = go_to_review(client, shop)  # German address in the EU market
    client.get("/de/?market=uk")  # the buyer switches to the UK market
    response = client.get("/de/checkout/review/")
    assert response.status_code == 302 and response["Location"].endswith("/de/checkout/")
    response = place(client, review)
    assert not Order.objects.exists()


@pytest.mark.parametrize("variant", ["99999999999999999999", "²", "-1", "1.5", "0x10", "１２"])
def test_nonsense_variant_ids_are_refused(client, shop, variant):
    client.get("/de/?market=eu")
    response = client.post("/de/cart/add/", {"variant": variant, "quantity": "1"})
    assert response.status_code == 409
    assert not CartLine.objects.exists()


def test_nonsense_saved_address_ids_are_ignored(client, shop, django_user_model):
    from shop.services.accounts import save_address

    user = django_user_model.objects.create_user("z", "z@example.com", "pw-long-enough-3")
    save_address(user, {"full_name": "Zoe Zett", "line1": "Zielweg 1", "postcode": "10115", "city": "Berlin", "country": "DE"})
    client.force_login(user)
    client.get("/de/?market=eu")
    add(client, shop["a"])
    plain = client.get("/de/checkout/").context["form"].initial
    assert plain["full_name"] == "Zoe Zett"  # the saved address is offered
    for value in ("²", "99999999999999999999999", "-1", "abc"):
        response = client.get(f"/de/checkout/?use={value}")
        assert response.status_code == 200
        assert response.context["form"].initial == plain, value  # as if no address had been picked


def test_malformed_vat_number_is_refused_with_a_message(client, shop):
    client.get("/de/?market=eu")
    add(client, shop["a"])
    client.post("/de/checkout/", {**ADDRESS, "country": "FR", "postcode": "75001", "city": "Paris"})
    method = client.get("/de/checkout/shipping/").context["quote"].shipping_options[0].method_id
    client.post("/de/checkout/shipping/", {"shipping_method": method})
    response = client.post("/de/checkout/billing/", {"same_as_shipping": "on", "vat_number": "FR123"})
    assert response.status_code == 400 and 'value="FR123"' in response.content.decode()
    assert Cart.objects.get().billing_address is None
    assert client.post("/de/checkout/billing/", {"same_as_shipping": "on", "vat_number": "FR 40 303 265 045"}).status_code == 302


def test_billing_same_as_shipping_follows_a_changed_shipping_address(client, shop):
    review = go_to_review(client, shop)  # billing "same as shipping" (Berlin)
    client.post("/de/checkout/", {**ADDRESS, "full_name": "Erika Neu", "line1": "Neue Straße 1", "postcode": "80331",
                                  "city": "München"})
    review = client.get("/de/checkout/review/")
    place(client, review)
    order = Order.objects.get()
    assert order.billing_address["city"] == "München" and order.billing_address["full_name"] == "Erika Neu"
