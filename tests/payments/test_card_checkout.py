"""Paying by card at checkout: the pay page creates a PaymentIntent in localstripe (official SDK, minor units,
idempotency key, order number in the metadata), the buyer pays, comes back and sees the real state; the order is
paid and confirmed once; unpaid card orders give their stock back; money that arrives too late is refunded."""

import json
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from djmoney.money import Money

from fulfillment.models import Stock, Warehouse
from payments.models import Payment, PaymentStatus, Refund
from payments.providers.stripe.intents import stripe_intent_for
from shop.models import Order, OrderEvent, OrderStatus
from shop.services.orders import cancel_unpaid_orders
from tests import factories as f
from tests.payments.test_stripe_webhooks import SECRET, event, post
from tests.shop.checkout_helpers import buy, make_cart
from tests.shop.test_checkout_flow import go_to_review, place, shop  # noqa: F401  (shop is a fixture)

pytestmark = pytest.mark.django_db(transaction=True)  # commits as in production: on_commit work runs at once


@pytest.fixture
def stripe_on(settings, localstripe_url):
    settings.STRIPE_SECRET_KEY = "sk_test_caravan"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_caravan"
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    return settings


def pay_page(client, order, **params):
    return client.get(f"/de/checkout/pay/{order.number}/", params)


def confirm(client, client_secret, card="4242 4242 4242 4242"):
    """What the Stripe.js stand-in posts when the buyer presses "Pay"."""
    return client.post("/payments/localstripe/confirm/", json.dumps({"client_secret": client_secret, "card_number": card}),
                       content_type="application/json")


def place_card_order(client, shop, capture):  # noqa: F811
    review = go_to_review(client, shop)
    assert 'value="stripe"' in review.content.decode()
    with capture(execute=True):
        response = place(client, review, payment_method="stripe")
    order = Order.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == f"/de/checkout/pay/{order.number}/"
    return order


def test_card_is_offered_only_when_stripe_is_configured_and_the_market_offers_it(client, shop, settings):  # noqa: F811
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    review = go_to_review(client, shop)
    assert 'value="stripe"' not in review.content.decode() and 'value="bank_transfer"' in review.content.decode()
    # A forged post of a method that is not offered is refused with the form's error, and nothing is placed.
    response = place(client, review, payment_method="stripe")
    assert response.status_code == 400 and not Order.objects.exists()

    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_x", "pk_test_x"
    assert 'value="stripe"' in client.get("/de/checkout/review/").content.decode()
    shop["markets"]["eu"].payment_methods = ["bank_transfer"]
    shop["markets"]["eu"].save()
    html = client.get("/de/checkout/review/").content.decode()
    assert 'value="stripe"' not in html and 'value="cash_on_delivery"' not in html


def test_a_card_payment_from_pay_page_to_paid_order(client, shop, stripe_on, stripe_client, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    assert order.status == OrderStatus.AWAITING_PAYMENT and order.payment_method == "stripe"
    payment = Payment.objects.get(order=order)
    assert payment.provider == "stripe" and payment.status == PaymentStatus.PENDING and payment.amount == order.total_gross
    assert mail.outbox == []  # a card order is confirmed once it is paid
    assert Stock.objects.get(variant=shop["a"]).quantity_allocated == 2  # the goods are held while the buyer pays

    page = pay_page(client, order)
    assert page.status_code == 200 and page.context["state"] == "pay"
    payment.refresh_from_db()
    intent = stripe_client.v1.payment_intents.retrieve(payment.provider_reference)
    assert intent.amount == 8496 and intent.currency == "eur" and intent.metadata["order_number"] == order.number
    html = page.content.decode()
    assert intent.client_secret in html and "pk_test_caravan" in html and "https://js.stripe.com/v3/" in html
    assert "sk_test_caravan" not in html
    # Opening the page again (reload, second tab) reuses the same PaymentIntent.
    assert pay_page(client, order).context["client_secret"] == intent.client_secret
    assert Payment.objects.filter(order=order).count() == 1

    assert confirm(client, intent.client_secret).json()["status"] == "succeeded"
    with django_capture_on_commit_callbacks(execute=True):
        back = pay_page(client, order, payment_intent=intent.id, redirect_status="succeeded")
    assert back.status_code == 302 and back["Location"] == f"/de/checkout/done/{order.number}/"
    order.refresh_from_db()
    payment.refresh_from_db()
    assert order.status == OrderStatus.PAID and payment.status == PaymentStatus.CAPTURED and payment.amount_captured == Decimal("84.96")
    done = client.get(back["Location"]).content.decode()
    assert 'data-state="paid"' in done and "84,96" in done
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject
    assert mail.outbox[0].attachments and mail.outbox[0].attachments[0][0].endswith(".pdf")

    # Stripe's webhook arrives afterwards: nothing changes and no second e-mail goes out.
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, event("evt_late", "payment_intent.succeeded", intent.to_dict()))
    assert response.status_code == 200 and response.json()["outcome"].startswith("no change")
    assert len(mail.outbox) == 1 and OrderEvent.objects.filter(order=order, kind="payment").count() == 1


def test_a_declined_card_shows_the_error_and_a_retry_pays(client, shop, stripe_on, stripe_client, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    secret = pay_page(client, order).context["client_secret"]
    declined = confirm(client, secret, card="4000000000000341")
    assert declined.status_code == 402 and declined.json()["error"]["message"]
    payment = Payment.objects.get(order=order)
    # Coming back from a failed redirect payment: the page asks Stripe and shows the failure with the form again.
    page = pay_page(client, order, payment_intent=payment.provider_reference, redirect_status="failed")
    assert page.status_code == 200 and page.context["failed"] and page.context["state"] == "pay"
    assert "Ihre Zahlung wurde nicht durchgeführt" in page.content.decode()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.FAILED
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT

    # The retry on the same PaymentIntent succeeds at Stripe (localstripe cannot re-confirm a declined intent, so
    # Stripe's event for it is signed here) and the buyer comes back to a paid order.
    paid = {**stripe_client.v1.payment_intents.retrieve(payment.provider_reference).to_dict(), "status": "succeeded",
            "amount_received": 8496, "last_payment_error": None}
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, event("evt_retry_ok", "payment_intent.succeeded", paid)).json()["outcome"] == "now captured"
    back = pay_page(client, order, payment_intent=payment.provider_reference, redirect_status="succeeded")
    assert back.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and len(mail.outbox) == 1


def test_the_webhook_alone_pays_and_confirms_a_card_order(client, shop, stripe_on, stripe_client, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    secret = pay_page(client, order).context["client_secret"]
    confirm(client, secret)
    intent = stripe_client.v1.payment_intents.retrieve(secret.split("_secret_")[0])
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, event("evt_ok", "payment_intent.succeeded", intent.to_dict())).json()["outcome"] == "now captured"
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and len(mail.outbox) == 1
    # The buyer's browser comes back after the webhook: the page shows the paid order.
    assert pay_page(client, order, payment_intent=intent.id)["Location"] == f"/de/checkout/done/{order.number}/"


def test_a_payment_processing_at_the_bank_keeps_its_order_past_the_deadline(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    # localstripe settles SEPA debits at once, so Stripe's "processing" event for one is signed here.
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    pay_page(client, order)
    payment = Payment.objects.get(order=order)
    obj = {"id": payment.provider_reference, "object": "payment_intent", "amount": 8496, "currency": "eur", "status": "processing"}
    assert post(client, event("evt_proc", "payment_intent.processing", obj)).json()["outcome"] == "now processing"
    _age(order, 24 * 60)
    assert cancel_unpaid_orders() == []
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT and Stock.objects.get(variant=shop["a"]).quantity_allocated == 2


def test_pay_page_belongs_to_the_buyer_and_survives_stripe_being_down(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    from django.test import Client

    assert Client().get(f"/de/checkout/pay/{order.number}/").status_code == 404
    stripe_on.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    page = pay_page(client, order)
    assert page.status_code == 503 and page.context["state"] == "unavailable"
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT


@pytest.mark.parametrize("currency_market, country, price, expected_minor", [("jp", "JP", Decimal("8000"), 8800), ("eu", "DE", Decimal("10.05"), None)])
def test_intents_are_in_minor_units_with_an_idempotency_key(markets, stripe_on, stripe_client, currency_market, country, price, expected_minor):
    warehouse = Warehouse.objects.get(code="jp" if country == "JP" else "de")
    f.shipping_for(warehouse, (20000, Decimal("0"), "JPY" if country == "JP" else "EUR"), code="free")
    variant = f.ProductVariantFactory(base_price=Money(price, "JPY" if country == "JP" else "EUR"))
    f.StockFactory(variant=variant, warehouse=warehouse, quantity=3)
    order = buy(make_cart(markets[currency_market], [(variant, 1)], country=country), payment_method="stripe")
    payment = Payment.objects.get(order=order)
    stripe_intent_for(payment.pk, order_number=order.number)
    payment.refresh_from_db()
    intent = stripe_client.v1.payment_intents.retrieve(payment.provider_reference)
    minor = int(order.total_gross * (1 if order.currency == "JPY" else 100))
    assert intent.amount == minor and intent.currency == order.currency.lower()
    if expected_minor:
        assert intent.amount == expected_minor  # ¥8000 + 10 % = ¥8800: whole yen, not 880000
    # Opened again, the page gets the same intent; the payment's idempotency key is what Stripe would deduplicate by.
    assert stripe_intent_for(payment.pk, order_number=order.number).client_secret == intent.client_secret
    assert payment.idempotency_key == f"order-{order.pk}-stripe"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel requests need PostgreSQL")
def test_pay_pages_opened_at_once_all_get_the_one_intent_the_payment_stores(markets, stripe_on, stripe_client):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=3)
    order = buy(make_cart(markets["eu"], [(variant, 1)]), payment_method="stripe")
    payment = Payment.objects.get(order=order)
    barrier, secrets = threading.Barrier(6), []

    def open_page():
        try:
            barrier.wait()
            secrets.append(stripe_intent_for(payment.pk, order_number=order.number).client_secret)
        finally:
            connection.close()

    threads = [threading.Thread(target=open_page) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    payment.refresh_from_db()
    assert len(secrets) == 6 and {secret.split("_secret_")[0] for secret in secrets} == {payment.provider_reference}


def _age(order, minutes):
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))


def test_unpaid_card_orders_are_cancelled_sooner_and_their_intent_too(client, shop, stripe_on, stripe_client, django_capture_on_commit_callbacks):  # noqa: F811
    stripe_on.CARAVAN_UNPAID_ONLINE_ORDER_MINUTES = 60
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    pay_page(client, order)
    payment = Payment.objects.get(order=order)
    _age(order, 30)
    assert cancel_unpaid_orders() == []
    _age(order, 61)
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_unpaid_orders() == [order.number]
    order.refresh_from_db()
    payment.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED and payment.status == PaymentStatus.CANCELLED
    assert stripe_client.v1.payment_intents.retrieve(payment.provider_reference).status == "canceled"
    assert Stock.objects.get(variant=shop["a"]).quantity_allocated == 0
    assert pay_page(client, order).context["state"] == "cancelled"


def test_a_card_order_whose_payment_is_processing_or_paid_at_stripe_is_not_cancelled(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    confirm(client, pay_page(client, order).context["client_secret"])  # paid at Stripe; webhook and return both lost
    _age(order, 120)
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_unpaid_orders() == []
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID  # the sweep asked Stripe, found the money and applied it
    assert Stock.objects.get(variant=shop["a"]).quantity_allocated == 2


def test_staff_cancelling_a_card_order_cancels_its_payment_intent(client, shop, stripe_on, stripe_client, django_capture_on_commit_callbacks):  # noqa: F811
    from shop.services.orders import cancel_order

    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    secret = pay_page(client, order).context["client_secret"]
    cancel_order(order.pk, reason="Customer asked")
    assert stripe_client.v1.payment_intents.retrieve(secret.split("_secret_")[0]).status == "canceled"
    assert confirm(client, secret).status_code == 400  # a tab left open can no longer pay
    assert Payment.objects.get(order=order).status == PaymentStatus.CANCELLED and mail.outbox[-1].to == [order.email]


def test_money_arriving_for_a_cancelled_order_is_refunded(client, shop, stripe_on, stripe_client, django_capture_on_commit_callbacks):  # noqa: F811
    from shop.services.orders import cancel_order

    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    secret = pay_page(client, order).context["client_secret"]
    confirm(client, secret)  # the buyer pays at Stripe; the webhook and the return have not arrived yet
    cancel_order(order.pk, reason="Out of stock")  # staff cancel at that moment
    payment = Payment.objects.get(order=order)
    # Cancelling at Stripe found the money taken: it is recorded and given back in full.
    assert payment.status == PaymentStatus.REFUNDED and payment.amount_refunded == order.total_gross
    refund = Refund.objects.get(payment=payment)
    assert refund.amount == order.total_gross and refund.provider_reference.startswith("re_")
    assert OrderEvent.objects.filter(order=order, message__contains="refunded in full").exists()
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    # Stripe's own succeeded event arriving later changes nothing.
    intent = stripe_client.v1.payment_intents.retrieve(payment.provider_reference)
    assert post(client, event("evt_late_money", "payment_intent.succeeded", intent.to_dict())).json()["outcome"].startswith("no change")
    assert Refund.objects.filter(payment=payment).count() == 1


def test_staff_cannot_mark_a_card_order_paid_by_hand(admin_client, client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    response = admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]}, follow=True)
    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert "paid online" in response.content.decode()


def test_the_stripe_js_stand_in_endpoint_exists_only_against_localstripe(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    secret = pay_page(client, order).context["client_secret"]
    assert confirm(client, secret[:-2] + "xx").status_code == 404  # someone else's intent, or a guessed secret
    assert confirm(client, secret, card="4111 1111 1111 1112").status_code == 402  # only Stripe's test cards
    assert client.post("/payments/localstripe/confirm/", "{", content_type="application/json").status_code == 400
    stripe_on.STRIPE_API_BASE = ""  # talking to Stripe itself
    assert confirm(client, secret).status_code == 404
    assert Order.objects.get().status == OrderStatus.AWAITING_PAYMENT


def _change_form_data(response):
    """The admin change form's current values, as the browser would post them back."""
    def values(form, data):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else [str(v) for v in value] if isinstance(value, list | tuple) else str(value)

    data = {}
    values(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets", []):  # e.g. the market's return rules
        formset = inline.formset
        values(formset.management_form, data)
        for form in formset.initial_forms:
            values(form, data)
    return data


def test_merchant_chooses_a_markets_payment_methods_in_admin(admin_client, markets):
    url = f"/admin/shop/market/{markets['jp'].pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200 and 'type="checkbox" name="payment_methods" value="stripe"' in page.content.decode()
    data = _change_form_data(page)
    assert sorted(data["payment_methods"]) == ["bank_transfer", "cash_on_delivery", "stripe"]

    response = admin_client.post(url, {**data, "payment_methods": ["stripe", "cash_on_delivery"]})
    assert response.status_code == 302, response.context["adminform"].form.errors
    markets["jp"].refresh_from_db()
    assert markets["jp"].payment_methods == ["stripe", "cash_on_delivery"]

    response = admin_client.post(url, {**data, "payment_methods": []})
    assert response.status_code == 200 and "payment_methods" in response.context["adminform"].form.errors
    response = admin_client.post(url, {**data, "payment_methods": ["paypal"]})
    assert response.status_code == 200 and "payment_methods" in response.context["adminform"].form.errors
    markets["jp"].refresh_from_db()
    assert markets["jp"].payment_methods == ["stripe", "cash_on_delivery"]


@pytest.mark.parametrize("approve, paid", [(True, True), (False, False)])
def test_3d_secure_offline_challenge_then_the_real_state(client, shop, stripe_on, django_capture_on_commit_callbacks, approve, paid):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    secret = pay_page(client, order).context["client_secret"]
    assert confirm(client, secret, card="4000 0025 0000 3155").json()["status"] == "requires_action"
    answered = client.post("/payments/localstripe/confirm/", json.dumps({"client_secret": secret, "authenticate": approve}),
                           content_type="application/json")
    assert answered.json()["status"] == ("succeeded" if approve else "requires_payment_method")
    back = pay_page(client, order, payment_intent=secret.split("_secret_")[0])
    order.refresh_from_db()
    if paid:
        assert back.status_code == 302 and order.status == OrderStatus.PAID and len(mail.outbox) == 1
    else:
        # The bank's challenge failed: the buyer sees the form again and can pay with another card.
        assert back.status_code == 200 and back.context["state"] == "pay" and order.status == OrderStatus.AWAITING_PAYMENT
        assert confirm(client, secret).json()["status"] == "succeeded"
        assert pay_page(client, order, payment_intent=secret.split("_secret_")[0]).status_code == 302
        order.refresh_from_db()
        assert order.status == OrderStatus.PAID


def test_a_signed_in_buyer_finds_the_pay_page_from_the_account(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("karla", "erika@example.com", "pw-karla-1234")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    assert order.user == user
    page = client.get(f"/de/account/orders/{order.number}/").content.decode()
    assert f'href="/de/checkout/pay/{order.number}/"' in page
    # From another browser, signed in as the same buyer, the pay page opens too.
    from django.test import Client

    other = Client()
    other.force_login(user)
    assert other.get(f"/de/checkout/pay/{order.number}/").context["state"] == "pay"


def test_pay_page_query_budget(client, shop, stripe_on, django_capture_on_commit_callbacks, django_assert_max_num_queries):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(5):  # first visit: creates the PaymentIntent and stores its id
        pay_page(client, order)
    with django_assert_max_num_queries(4):  # session, order, payment, payment (the intent is fetched from Stripe)
        assert pay_page(client, order).context["state"] == "pay"


def test_a_capture_short_of_the_total_or_in_another_currency_does_not_pay_the_order(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    pay_page(client, order)
    payment = Payment.objects.get(order=order)
    obj = {"id": payment.provider_reference, "object": "payment_intent", "amount": 8496, "amount_received": 8496, "currency": "usd",
           "status": "succeeded"}
    assert post(client, event("evt_usd", "payment_intent.succeeded", obj)).json()["outcome"].startswith("ignored: the event is in USD")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    short = {**obj, "currency": "eur", "amount_received": 5000}
    assert post(client, event("evt_short", "payment_intent.succeeded", short)).json()["outcome"] == "now captured"
    order.refresh_from_db()
    payment.refresh_from_db()
    assert payment.amount_captured == Decimal("50.00") and order.status == OrderStatus.AWAITING_PAYMENT and mail.outbox == []
    assert OrderEvent.objects.filter(order=order, message__startswith="Only 50.00").exists()
