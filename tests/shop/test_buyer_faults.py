"""Small buyer-facing faults (issue 9, item 15): demo pictures without English captions, quantity 0, the market
message once, refunds e-mailed and shown with their amount, the staff user in the admin's event log."""

import io
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from djmoney.money import Money
from PIL import Image

from fulfillment.models import Warehouse
from payments.models import Payment, PaymentStatus
from shop.demo import images
from shop.models import OrderStatus
from shop.money import format_money
from shop.services.orders import cancel_order
from tests import factories as f
from tests.shop.checkout_helpers import buy, make_cart
from tests.shop.test_checkout_flow import go_to_review, place


def _caption_band_spread(jpeg: bytes) -> int:
    """How far the band where a caption would sit (under the floor shadow) strays from its own background."""
    picture = Image.open(io.BytesIO(jpeg)).convert("L")
    band = picture.crop((images.SIZE // 4, images.SIZE - 32, images.SIZE * 3 // 4, images.SIZE - 6))
    low, high = band.getextrema()
    return high - low


@pytest.mark.parametrize("shape, colour", [("cardholder", "#c8a27a"), ("mug", "#1d2430"), ("tshirt", "#f4f1ea")])
def test_demo_pictures_carry_no_caption(shape, colour):
    """A caption ("Card Holder") would be English in every language: the band below the product is plain."""
    assert _caption_band_spread(images.encoded(shape, colour)) < 12


def test_seeded_demo_pictures_are_plain(tmp_path):
    cache = images.ImageCache(tmp_path)
    relative = cache.path("cardholder", "tan", "#c8a27a")
    assert _caption_band_spread((tmp_path / relative).read_bytes()) < 12


# --- Quantity 0 ------------------------------------------------------------------------------------------------------

def _url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def variant(catalog):
    _, products = catalog
    return products[0].variants.order_by("pk").first()


@pytest.mark.django_db
def test_adding_zero_asks_for_at_least_one(client, variant):
    """0 is a whole number: the message says what is wrong with it (htmx fragment and plain form alike)."""
    fragment = client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "0"}, HTTP_HX_REQUEST="true")
    assert "Enter at least 1." in fragment.content.decode()
    assert "whole number" not in fragment.content.decode()
    page = client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "0"})
    assert page.status_code == 409 and "Enter at least 1." in page.content.decode()
    assert "Enter a whole number of items." in client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "x"},
                                                           HTTP_HX_REQUEST="true").content.decode()


@pytest.mark.django_db
def test_zero_in_the_cart_removes_the_line(client, variant):
    client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "2"})
    response = client.post(_url("shop:cart-update", variant_id=variant.pk), {"quantity": "0"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "whole number" not in body
    assert response.context["cart"]["count"] == 0 and "Your cart is empty." in body


# --- The market-switch message once ----------------------------------------------------------------------------------

@pytest.fixture
def checkout_shop(markets):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl", name="Standard", carrier="DHL", min_days=2, max_days=4)
    a = f.ProductVariantFactory(base_price=Money(Decimal("25.20"), "EUR"), weight_grams=300)
    b = f.ProductVariantFactory(base_price=Money(Decimal("16.80"), "EUR"), weight_grams=200)
    f.StockFactory(variant=a, warehouse=de, quantity=5)
    f.StockFactory(variant=b, warehouse=de, quantity=5)
    return {"a": a, "b": b}


@pytest.mark.django_db
def test_switching_market_before_placing_says_so_once(client, checkout_shop):
    """Placing the order after switching to a market the address is outside of: one message, not two (place_order's
    error used to be queued, then the review step queued the same one again on the way back to the address)."""
    review = go_to_review(client, checkout_shop)
    client.get("/de/?market=ch")
    response = place(client, review)
    page = client.get(response["Location"])
    while page.status_code == 302:
        page = client.get(page["Location"])
    assert page.request["PATH_INFO"] == "/de/checkout/"
    texts = [str(m) for m in page.context["messages"]]
    assert len(texts) == 1 and "Switzerland" in texts[0], texts  # the address-outside-market message, once
    assert page.content.decode().count('class="msg error"') == 1


# --- Refunds outside a cancellation: e-mailed, shown with their amount, and the staff user in the admin's log -------

@pytest.fixture
def stripe_settings(settings, localstripe_url):
    settings.STRIPE_SECRET_KEY = "sk_test_caravan"
    settings.STRIPE_API_BASE = localstripe_url
    return settings


@pytest.fixture
def paid_card_order(markets, stripe_settings, stripe_client, django_user_model):
    """A German buyer's order paid by card (a real PaymentIntent in localstripe, captured)."""
    buyer = django_user_model.objects.create_user("erika", "erika@example.com", "x")
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=5)
    order = buy(make_cart(markets["eu"], [(variant, 2)], email=buyer.email, user=buyer), language="de")
    intent = stripe_client.payment_intents.create(params={"amount": 4990, "currency": "eur", "payment_method": "pm_card_visa"})
    stripe_client.payment_intents.confirm(intent.id)
    payment = Payment.objects.create(order=order, provider="stripe", currency="EUR", amount=Decimal("49.90"),
                                     amount_captured=Decimal("49.90"), status=PaymentStatus.CAPTURED,
                                     provider_reference=intent.id, idempotency_key=f"{order.number}-stripe")
    return order, payment, buyer


@pytest.mark.django_db
def test_staff_refund_in_admin_is_emailed_shown_with_its_amount_and_signed(admin_client, admin_user, client, paid_card_order,
                                                                           django_capture_on_commit_callbacks):
    order, payment, buyer = paid_card_order
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:payments_refund_add"), {
            "payment": payment.pk, "amount": "12.00", "reason": "Scratched buckle", "request_key": "admin-test-1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    payment.refresh_from_db()
    assert payment.amount_refunded == Decimal("12.00") and payment.status == PaymentStatus.PARTIALLY_REFUNDED

    # The buyer is told, once, in German money format, with the amount and the reason.
    [message] = [m for m in mail.outbox if buyer.email in m.to]
    assert order.number in message.subject
    assert "12,00\xa0€" in message.body and "Scratched buckle" in message.body and "49,90\xa0€" in message.body
    assert "12,00\xa0€" in message.alternatives[0][0]

    # The admin's event log names who refunded.
    event = order.events.get(kind="payment", data__refund_amount="12.00")
    assert event.user == admin_user
    log = admin_client.get(reverse("admin:shop_order_change", args=[order.pk])).content.decode()
    row = log[log.index("this refund: 12.00 EUR"):]
    row = row[:row.index("</tr>")]
    assert admin_user.username in row

    # The buyer's order page: "Refund 12,00 €", not a second "Payment" without an amount.
    client.force_login(buyer)
    page = client.get(f"/de/account/orders/{order.number}/").content.decode()
    history = page[page.index('class="order-events"'):]
    history = history[:history.index("</ol>")]
    assert 'class="event-refund"' in history and "12,00\xa0€" in history
    assert 'class="event-payment"' not in history


@pytest.mark.django_db
def test_refund_of_a_cancelled_order_sends_only_the_cancellation(paid_card_order, django_capture_on_commit_callbacks):
    order, payment, buyer = paid_card_order
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_order(order.pk)
    sent = [m.subject for m in mail.outbox if buyer.email in m.to]
    assert len(sent) == 1 and "Refund" not in sent[0], sent
    assert order.events.filter(kind="payment", data__refund_amount="49.90").exists()


@pytest.mark.django_db
def test_staff_status_changes_are_signed_in_the_admin_log(admin_client, admin_user, markets):
    order = f.OrderFactory(market=markets["eu"], status=OrderStatus.AWAITING_PAYMENT)
    admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]})
    admin_client.post("/admin/shop/order/", {"action": "mark_shipped", "_selected_action": [order.pk]})
    staff_events = order.events.filter(kind__in=["status", "payment"])
    assert staff_events.count() >= 3 and all(e.user == admin_user for e in staff_events), [(e.message, e.user) for e in staff_events]


# --- The variant's picture -------------------------------------------------------------------------------------------

@pytest.fixture
def two_colour_product(markets):
    de = Warehouse.objects.get(code="de")
    product = f.ProductFactory()
    beige = f.ProductImageFactory(product=product, image="products/demo/cardholder-beige-plain.jpg", position=0)
    black = f.ProductImageFactory(product=product, image="products/demo/cardholder-black-plain.jpg", position=1)
    a = f.ProductVariantFactory(product=product, image=beige, base_price=Money(Decimal("20"), "EUR"))
    b = f.ProductVariantFactory(product=product, image=black, base_price=Money(Decimal("20"), "EUR"))
    for variant in (a, b):
        f.StockFactory(variant=variant, warehouse=de, quantity=5)
    return product, a, b


def _main_picture(html: str) -> str:
    tag = html[html.index('id="gallery-main"'):]
    return tag[tag.index('src="') + 5:tag.index('"', tag.index('src="') + 5)]


@pytest.mark.django_db
def test_the_chosen_variant_shows_its_picture(client, two_colour_product):
    product, a, b = two_colour_product
    url = f"/en/p/{product.slug}/"
    assert _main_picture(client.get(url).content.decode()).endswith("cardholder-beige-plain.jpg")
    html = client.get(f"{url}?variant={b.pk}").content.decode()
    assert _main_picture(html).endswith("cardholder-black-plain.jpg")  # without JavaScript: the form's ?variant=
    assert f'value="{b.pk}" data-price' in html and 'data-image="/media/products/demo/cardholder-black-plain.jpg"' in html
    assert html.count('class="thumb"') == 2  # one large picture, the others as thumbnails


def test_a_variant_without_a_picture_shows_the_products_first_one(client, two_colour_product):
    """Choosing a colour with no picture kept the previously chosen colour's picture on screen."""
    product, a, b = two_colour_product
    navy = f.ProductVariantFactory(product=product, base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=navy, warehouse=Warehouse.objects.get(code="de"), quantity=5)
    html = client.get(f"/en/p/{product.slug}/?variant={b.pk}").content.decode()
    option = html[html.index(f'value="{navy.pk}" data-price'):]
    option = option[:option.index(">")]
    assert 'data-image="/media/products/demo/cardholder-beige-plain.jpg"' in option


@pytest.mark.django_db
def test_offline_payment_shows_in_the_buyers_history_with_its_amount(admin_client, client, markets, django_user_model):
    """Marking a bank transfer received showed the buyer a bare 'Payment' next to 'Status changed: Paid'."""
    buyer = django_user_model.objects.create_user("max", "max@example.com", "x")
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=5)
    order = buy(make_cart(markets["eu"], [(variant, 2)], email=buyer.email, user=buyer), language="de")
    admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]})
    order.refresh_from_db()
    client.force_login(buyer)
    page = client.get(f"/de/account/orders/{order.number}/").content.decode()
    history = page[page.index('class="order-events"'):]
    history = history[:history.index("</ol>")]
    payments = re.findall(r'class="event-payment"[^>]*>(.*?)</li>', history, re.S)
    total = format_money(order.total_gross, "EUR", "de")
    assert len(payments) == 1 and total in payments[0], payments
