"""The checkout through its pages: guest in German/EUR by bank transfer, step validation, double submit."""

from decimal import Decimal

import pytest
from django.core import mail
from djmoney.money import Money

from fulfillment.models import Allocation, Reservation, Stock, Warehouse
from shop.models import Cart, Order, OrderStatus
from tests import factories as f

pytestmark = pytest.mark.django_db

ADDRESS = {
    "email": "Erika@Example.com", "full_name": "Erika Mustermann", "line1": "Hauptstraße 5", "postcode": "10115",
    "city": "Berlin", "country": "DE",
}


@pytest.fixture
def shop(markets):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl", name="Standard", carrier="DHL", min_days=2, max_days=4)
    f.shipping_for(de, (5000, Decimal("12.00"), "EUR"), code="express", name="Express", carrier="UPS", min_days=1, max_days=1)
    a = f.ProductVariantFactory(product__name_de="Leinenhemd", base_price=Money(Decimal("25.20"), "EUR"), weight_grams=300)
    b = f.ProductVariantFactory(product__name_de="Wollschal", base_price=Money(Decimal("16.80"), "EUR"), weight_grams=200)
    f.StockFactory(variant=a, warehouse=de, quantity=5)
    f.StockFactory(variant=b, warehouse=de, quantity=5)
    return {"a": a, "b": b, "de": de, "markets": markets}


def add(client, variant, quantity=1, lang="de"):
    response = client.post(f"/{lang}/cart/add/", {"variant": variant.pk, "quantity": quantity})
    assert response.status_code == 302


def go_to_review(client, shop, address=None, billing=None):
    client.get("/de/?market=eu")
    add(client, shop["a"], 2)
    add(client, shop["b"], 1)
    assert client.get("/de/checkout/").status_code == 200
    response = client.post("/de/checkout/", address or ADDRESS)
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.get("/de/checkout/shipping/")
    assert response.status_code == 200
    method = response.context["quote"].shipping_options[0].method_id
    assert client.post("/de/checkout/shipping/", {"shipping_method": method}).status_code == 302
    response = client.post("/de/checkout/billing/", billing or {"same_as_shipping": "on"})
    assert response.status_code == 302, response.content.decode()[:3000]
    return client.get("/de/checkout/review/")


def place(client, review, **overrides):
    data = {"cart": str(review.context["cart"].token), "payment_method": "bank_transfer",
            "expected_total": str(review.context["quote"].total_gross), "accept_terms": "on", **overrides}
    return client.post("/de/checkout/place/", data)


def test_guest_buys_two_products_in_german_by_bank_transfer(client, shop, django_capture_on_commit_callbacks):
    review = go_to_review(client, shop)
    assert review.status_code == 200
    html = review.content.decode()
    quote = review.context["quote"]
    # 25.20 net → 29.988 gross → .99 rule → 29.99; 16.80 → 19.992 → 19.99; shipping 4.20 → 4.998 → 4.99
    assert [line.unit.gross for line in quote.lines] == [Decimal("29.99"), Decimal("19.99")]
    assert quote.shipping.price.gross == Decimal("4.99")
    assert quote.total_gross == Decimal("29.99") * 2 + Decimal("19.99") + Decimal("4.99")
    assert "84,96\xa0€" in html
    # Stock is held while the buyer checks out.
    cart = review.context["cart"]
    assert Reservation.objects.filter(reference=cart.reservation_reference).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = place(client, review)
    assert response.status_code == 302
    order = Order.objects.get()
    assert response["Location"].endswith(f"/de/checkout/done/{order.number}/")
    assert order.number.startswith("CR-") and order.number.endswith("-000001")
    assert order.email == "erika@example.com" and order.language == "de" and order.currency == "EUR"
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert order.total_gross == Decimal("84.96")
    assert order.total_net + order.total_tax == order.total_gross
    assert sum(line.total_gross for line in order.lines.all()) + order.shipping_gross == order.total_gross
    assert {line.product_name for line in order.lines.all()} == {"Leinenhemd", "Wollschal"}
    # Reservations became allocations in the Berlin warehouse; the cart is gone.
    assert not Reservation.objects.exists()
    assert sum(a.quantity for a in Allocation.objects.all()) == 3
    assert Stock.objects.get(variant=shop["a"]).quantity_allocated == 2
    assert not Cart.objects.filter(pk=cart.pk).exists()
    assert order.events.filter(kind="placed").exists()

    done = client.get(response["Location"])
    assert done.status_code == 200
    text = done.content.decode()
    assert order.number in text and "DE89370400440532013000" in text and "Überweisung" in text
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject
    assert "Vielen Dank" in text


def test_double_submit_gives_the_same_order(client, shop):
    review = go_to_review(client, shop)
    first = place(client, review)
    second = place(client, review)
    assert Order.objects.count() == 1
    assert second.status_code == 302 and second["Location"] == first["Location"]


def test_tampered_expected_total_places_nothing(client, shop):
    review = go_to_review(client, shop)
    response = place(client, review, expected_total="0.01")
    assert response.status_code == 302 and response["Location"].endswith("/de/checkout/review/")
    assert not Order.objects.exists()
    page = client.get(response["Location"])
    assert "Die Preise haben sich während Ihres Bestellvorgangs geändert." in page.content.decode()


def test_address_outside_market_and_bad_postcode_keep_what_was_typed(client, shop):
    client.get("/de/?market=eu")
    add(client, shop["a"])
    response = client.post("/de/checkout/", {**ADDRESS, "country": "US", "postcode": "10001"})
    assert response.status_code == 400
    response = client.post("/de/checkout/", {**ADDRESS, "postcode": "1011"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Hauptstraße 5" in html and "Erika Mustermann" in html and 'value="1011"' in html
    assert '<option value="DE" selected>Deutschland</option>' in html and 'value="US"' not in html  # market countries only
    assert Cart.objects.get().shipping_address is None


def test_steps_cannot_be_skipped(client, shop):
    client.get("/de/?market=eu")
    add(client, shop["a"])
    assert client.get("/de/checkout/review/")["Location"].endswith("/checkout/billing/")
    assert client.get("/de/checkout/billing/")["Location"].endswith("/checkout/shipping/")
    assert client.get("/de/checkout/shipping/")["Location"].endswith("/checkout/")
    assert client.get("/de/checkout/done/CR-2026-000001/").status_code == 404


def test_empty_cart_goes_back_to_cart(client, shop):
    assert client.get("/de/checkout/")["Location"].endswith("/de/cart/")
    assert client.post("/de/checkout/place/", {"cart": "nonsense"})["Location"].endswith("/de/cart/")


def test_signed_in_buyer_uses_and_fills_the_address_book(client, shop):
    from django.contrib.auth import get_user_model

    from shop.models import Address

    user = get_user_model().objects.create_user("anna", "anna@example.com", "pw-long-enough-1")
    home = Address.objects.create(user=user, full_name="Anna Home", line1="Hausweg 1", postcode="80331", city="München",
                                  country="DE", is_default=True)
    office = Address.objects.create(user=user, full_name="Anna Office", line1="Büroplatz 2", postcode="75001", city="Paris",
                                    country="FR")
    Address.objects.create(user=user, full_name="Anna US", line1="1 Main St", postcode="10001", city="New York", country="US")
    client.force_login(user)
    client.get("/de/?market=eu")
    add(client, shop["a"])
    page = client.get("/de/checkout/")
    html = page.content.decode()
    assert 'value="Hausweg 1"' in html  # the default address is filled in
    assert "Anna Office" in html and "Anna US" not in html  # only addresses the EU market delivers to
    assert 'value="Büroplatz 2"' in client.get(f"/de/checkout/?use={office.pk}").content.decode()
    assert client.get("/de/checkout/?use=not-a-number").status_code == 200
    other = Address.objects.create(user=get_user_model().objects.create_user("x", "x@example.com", "pw-long-enough-2"),
                                   full_name="Someone Else", line1="Geheim 3", postcode="10115", city="Berlin", country="DE")
    assert "Geheim 3" not in client.get(f"/de/checkout/?use={other.pk}").content.decode()
    new = {**ADDRESS, "full_name": "Anna Neu", "line1": "Neuer Weg 9", "save_address": "on"}
    assert client.post("/de/checkout/", new).status_code == 302
    assert client.post("/de/checkout/", new).status_code == 302  # the same address twice is saved once
    assert Address.objects.filter(user=user, line1="Neuer Weg 9").count() == 1
    assert Address.objects.get(pk=home.pk).is_default


def test_guests_have_no_address_book_checkbox(client, shop):
    client.get("/de/?market=eu")
    add(client, shop["a"])
    assert "save_address" not in client.get("/de/checkout/").content.decode()


def test_mail_server_down_still_confirms_the_order_and_a_resubmit_finds_it(client, shop, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.shop.failing_mail.EmailBackend"
    review = go_to_review(client, shop)
    with django_capture_on_commit_callbacks(execute=True):
        first = place(client, review)
    order = Order.objects.get()
    assert first.status_code == 302 and first["Location"].endswith(f"/done/{order.number}/")
    assert order.events.filter(kind="note").exists() and not mail.outbox
    assert client.get("/de/cart/").status_code == 200 and Cart.objects.count() == 0  # looking creates no cart
    second = place(client, review)
    assert second["Location"] == first["Location"] and Order.objects.count() == 1
