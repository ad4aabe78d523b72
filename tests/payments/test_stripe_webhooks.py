"""Stripe webhooks, signed with Stripe's real scheme: verification, replay, order of delivery, refunds, disputes."""

import hashlib
import hmac
import json
import time
from decimal import Decimal

import pytest
from django.core import mail
from djmoney.money import Money

from fulfillment.models import Warehouse
from payments.models import Payment, PaymentStatus, ProviderEvent
from shop.models import Order, OrderStatus
from tests import factories as f
from tests.shop.checkout_helpers import buy, make_cart

pytestmark = pytest.mark.django_db
SECRET = "whsec_test_caravan"
URL = "/payments/stripe/webhook/"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET


@pytest.fixture
def payment(markets, settings):
    """The Stripe payment of a card order whose pay page made PaymentIntent pi_123."""
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_caravan", "pk_test_caravan"
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=5)
    order = buy(make_cart(markets["eu"], [(variant, 1)], email="card@example.com"), language="de", payment_method="stripe")
    assert mail.outbox == []  # card orders are confirmed when paid
    payment = Payment.objects.get(order=order, provider="stripe")
    Payment.objects.filter(pk=payment.pk).update(provider_reference="pi_123")
    payment.refresh_from_db()
    return payment


def signed(payload: dict, secret=SECRET, timestamp=None):
    body = json.dumps(payload)
    t = int(timestamp if timestamp is not None else time.time())
    signature = hmac.new(secret.encode(), f"{t}.{body}".encode(), hashlib.sha256).hexdigest()
    return body, f"t={t},v1={signature}"


def event(event_id, event_type, obj):
    return {"id": event_id, "object": "event", "type": event_type, "data": {"object": obj}, "api_version": "2024-06-20",
            "created": int(time.time()), "livemode": False}


def post(client, payload, **kwargs):
    body, header = signed(payload, **kwargs)
    return client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


def intent(payment, status="succeeded"):
    minor = int(payment.amount * 100)
    return {"id": "pi_123", "object": "payment_intent", "amount": minor, "amount_received": minor if status == "succeeded" else 0,
            "currency": "eur", "status": status, "metadata": {"order": payment.order.number}}


def test_succeeded_captures_pays_the_order_once_and_a_replay_changes_nothing(client, payment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, event("evt_1", "payment_intent.succeeded", intent(payment)))
    assert response.status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CAPTURED and payment.amount_captured == payment.amount
    order = Order.objects.get()
    assert order.status == OrderStatus.PAID and len(mail.outbox) == 1  # "payment received", in German
    with django_capture_on_commit_callbacks(execute=True):
        again = post(client, event("evt_1", "payment_intent.succeeded", intent(payment)))
    assert again.status_code == 200 and "replay" in again.json()["outcome"]
    assert ProviderEvent.objects.count() == 1 and len(mail.outbox) == 1
    assert order.number in mail.outbox[0].subject and mail.outbox[0].attachments  # the confirmation, with the invoice
    assert order.events.filter(kind="payment").count() == 1


def test_an_old_processing_after_succeeded_changes_nothing(client, payment):
    post(client, event("evt_1", "payment_intent.succeeded", intent(payment)))
    response = post(client, event("evt_0", "payment_intent.processing", intent(payment, "processing")))
    assert response.status_code == 200 and "no change" in response.json()["outcome"]
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CAPTURED


@pytest.mark.parametrize(
    "tamper",
    ["body", "secret", "stale", "missing", "garbage"],
)
def test_bad_signatures_are_refused_and_change_nothing(client, payment, tamper):
    payload = event("evt_9", "payment_intent.succeeded", intent(payment))
    if tamper == "body":
        body, header = signed(payload)
        body = body.replace('"pi_123"', '"pi_124"')
    elif tamper == "secret":
        body, header = signed(payload, secret="whsec_other")
    elif tamper == "stale":
        body, header = signed(payload, timestamp=time.time() - 600)
    elif tamper == "missing":
        body, header = json.dumps(payload), ""
    else:
        body, header = "not json at all", signed(payload)[1]
    response = client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)
    assert response.status_code == 400
    assert not ProviderEvent.objects.exists()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING


def test_unknown_event_types_are_stored_and_ignored(client, payment):
    response = post(client, event("evt_x", "customer.created", {"id": "cus_1", "object": "customer"}))
    assert response.status_code == 200 and "ignored" in response.json()["outcome"]
    assert ProviderEvent.objects.get().type == "customer.created"


def test_refunds_and_disputes_follow_the_webhooks(client, payment, django_capture_on_commit_callbacks):
    post(client, event("evt_1", "payment_intent.succeeded", intent(payment)))
    minor = int(payment.amount * 100)
    charge = {"id": "ch_1", "object": "charge", "payment_intent": "pi_123", "currency": "eur", "amount": minor,
              "amount_refunded": 500}
    post(client, event("evt_2", "charge.refunded", charge))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PARTIALLY_REFUNDED and payment.amount_refunded == Decimal("5.00")
    post(client, event("evt_3", "charge.refunded", {**charge, "amount_refunded": minor}))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED and payment.amount_refunded == payment.amount_captured
    with django_capture_on_commit_callbacks(execute=True):
        post(client, event("evt_4", "charge.dispute.created", {"id": "dp_1", "object": "dispute", "payment_intent": "pi_123", "charge": "ch_1"}))
    payment.refresh_from_db()
    assert payment.is_disputed and Order.objects.get().events.filter(message__icontains="disputed").exists()


def test_without_a_configured_secret_everything_is_refused(client, payment, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    assert post(client, event("evt_1", "payment_intent.succeeded", intent(payment))).status_code == 400


@pytest.mark.skipif(__import__("django.db", fromlist=["connection"]).connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_same_event_delivered_twenty_times_at_once_pays_once(payment):
    import threading

    from django.db import connection

    from payments.providers.stripe.events import handle_stripe_event

    payload = event("evt_parallel", "payment_intent.succeeded", intent(payment))
    outcomes, errors = [], []
    barrier = threading.Barrier(20)

    def deliver():
        try:
            barrier.wait()
            outcomes.append(handle_stripe_event(payload))
        except Exception as exc:  # reported below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sum(1 for o in outcomes if o.startswith("now captured")) == 1 and len(outcomes) == 20
    order = Order.objects.get()
    assert order.status == OrderStatus.PAID and order.events.filter(kind="payment").count() == 1
    assert ProviderEvent.objects.count() == 1 and len(mail.outbox) == 1
    assert order.number in mail.outbox[0].subject and mail.outbox[0].attachments  # the confirmation, with the invoice
