"""Paying by card in a real browser (Playwright driving Debian's Chromium, headless) against localstripe: a German
guest places a card order and lands on the pay page; a declined card shows Stripe's error there and leaves the order
unpaid; a second order paid with Stripe's test card comes back to the confirmation page as paid, with the payment
captured and the confirmation e-mail sent once.

The browser has no internet: Stripe.js (https://js.stripe.com/v3/) is answered with the offline stand-in
static/payments/stripe-local.js, which finishes the PaymentIntent in localstripe through the app's
/payments/localstripe/confirm/. Everything on the server side (PaymentIntent, return page, order state) is real."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail

from payments.models import Payment, PaymentStatus
from shop.models import Order, OrderStatus
from shop.money import format_money
from tests.e2e.test_checkout import (  # noqa: F401  (eu_shop is a fixture)
    TIMEOUT_MS,
    VIEWPORT,
    _add_to_cart,
    _fill_german_address,
    _go_to_checkout,
    _shot,
    _submit_step,
    eu_shop,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STRIPE_JS_URL = "https://js.stripe.com/v3/"
STRIPE_JS_STAND_IN = (Path(__file__).resolve().parents[2] / "static" / "payments" / "stripe-local.js").read_text()
DECLINED_CARD = "4000 0000 0000 0341"
GOOD_CARD = "4242 4242 4242 4242"
EMAIL = "erika@example.com"


@pytest.fixture(autouse=True)
def _short_timeouts(page):
    page.set_default_timeout(TIMEOUT_MS)
    page.set_default_navigation_timeout(TIMEOUT_MS)


@pytest.fixture
def stripe_on(settings, localstripe_url):
    settings.STRIPE_SECRET_KEY = "sk_test_caravan"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_caravan"
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_WEBHOOK_SECRET = "whsec_caravan_e2e"
    assert settings.STRIPE_JS_URL == STRIPE_JS_URL  # the pay page asks for the real Stripe.js; the route answers it
    return settings


@pytest.fixture
def stripe_js(page):
    """Answer Stripe.js with the offline stand-in, and note every request that leaves this machine."""
    served, outside = [], []

    def fulfil(route):
        served.append(route.request.url)
        route.fulfill(status=200, content_type="application/javascript", body=STRIPE_JS_STAND_IN)

    def note(request):
        if urlsplit(request.url).hostname not in ("127.0.0.1", "localhost", None):
            outside.append(request.url)

    page.route("https://js.stripe.com/v3/**", fulfil)
    page.on("request", note)
    return {"served": served, "outside": outside}


def _place_card_order(page, base, variant):
    """One product into the cart, checkout as a German guest with DHL, card on the review page; returns the order
    once the browser is on its pay page."""
    assert _add_to_cart(page, f"{base}/de/p/{variant.product.slug}/") == 1
    _go_to_checkout(page, "de")
    _fill_german_address(page, EMAIL)
    _submit_step(page)
    page.wait_for_url("**/de/checkout/shipping/")
    page.locator("label.option", has_text="DHL").locator('input[name="shipping_method"]').check()
    _submit_step(page)
    page.wait_for_url("**/de/checkout/billing/")
    assert page.locator("#id_same_as_shipping").is_checked()
    _submit_step(page)
    page.wait_for_url("**/de/checkout/review/")

    review_total = page.locator("#review-total").inner_text()
    page.locator('input[name="payment_method"][value="stripe"]').check()
    page.locator("#id_accept_terms").check()
    page.locator("#place-order").click()
    page.wait_for_url(re.compile(r"/de/checkout/pay/[^/]+/$"))
    number = re.search(r"/de/checkout/pay/([^/]+)/$", page.url).group(1)
    order = Order.objects.get(number=number)
    assert order.payment_method == "stripe" and order.status == OrderStatus.AWAITING_PAYMENT
    assert format_money(order.total_gross, order.currency, "de") == review_total

    # The pay page: the amount, and the (stand-in) Payment Element mounted by pay.js with a test card number.
    assert order.number in page.locator(".order-number").inner_text()
    assert review_total in page.locator(".order-number").inner_text()
    assert review_total in page.locator("#pay-button").inner_text()
    page.locator("#localstripe-card-number").wait_for(state="visible")
    assert page.locator("#payment-message").is_hidden()
    return order


@pytest.mark.browser_context_args(locale="de-DE", viewport=VIEWPORT)
def test_guest_pays_by_card_after_a_declined_card(page, live_server, eu_shop, stripe_on, stripe_js):  # noqa: F811
    base = live_server.url

    # First order: the card is declined. The error shows on the pay page; the buyer stays there, the order unpaid.
    declined = _place_card_order(page, base, eu_shop["a"])
    assert stripe_js["served"], "the pay page did not load Stripe.js"
    page.fill("#localstripe-card-number", DECLINED_CARD)
    page.locator("#pay-button").click()
    message = page.locator("#payment-message")
    message.wait_for(state="visible")
    assert message.inner_text().strip(), "the decline message is empty"
    assert page.locator("#pay-button").is_enabled()  # the buyer can try again
    assert page.url.endswith(f"/de/checkout/pay/{declined.number}/")
    _shot(page, "checkout-de-eu-card-declined.png")
    declined.refresh_from_db()
    assert declined.status == OrderStatus.AWAITING_PAYMENT and declined.paid_at is None
    assert not Payment.objects.filter(order=declined, status=PaymentStatus.CAPTURED).exists()
    assert mail.outbox == []  # a card order is confirmed once it is paid

    # Second order (localstripe cannot confirm a declined PaymentIntent again), paid with Stripe's test card.
    order = _place_card_order(page, base, eu_shop["a"])
    assert order.pk != declined.pk
    assert page.input_value("#localstripe-card-number") == GOOD_CARD
    assert page.locator(f'script[src="{STRIPE_JS_URL}"]').count() == 1
    _shot(page, "checkout-de-eu-card-pay.png")
    page.locator("#pay-button").click()

    # Back from "Stripe", the pay page asks localstripe for the real state and sends the buyer on to the confirmation.
    page.wait_for_url(re.compile(rf"/de/checkout/done/{re.escape(order.number)}/$"))
    paid_note = page.locator('[data-state="paid"]')
    assert paid_note.is_visible()
    total = format_money(order.total_gross, order.currency, "de")
    assert total in paid_note.inner_text()
    assert order.number in page.locator(".order-number").inner_text()
    assert page.locator("#mini-cart-count").inner_text() == "0"
    _shot(page, "checkout-de-eu-card-done.png")

    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and order.paid_at is not None
    payment = Payment.objects.get(order=order)
    assert payment.provider == "stripe" and payment.status == PaymentStatus.CAPTURED
    assert payment.amount_captured == order.total_gross and payment.provider_reference.startswith("pi_")

    # The first order is untouched by the second one's payment.
    declined.refresh_from_db()
    assert declined.status == OrderStatus.AWAITING_PAYMENT

    # Exactly one e-mail: the paid order's confirmation, to the buyer.
    assert len(mail.outbox) == 1, [(m.to, m.subject) for m in mail.outbox]
    assert mail.outbox[0].to == [EMAIL] and order.number in mail.outbox[0].subject

    # Only Stripe.js was asked for outside this machine, and the route answered it.
    assert stripe_js["outside"] and all(url.startswith(STRIPE_JS_URL) for url in stripe_js["outside"]), stripe_js["outside"]
