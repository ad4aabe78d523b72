"""The database refuses impossible payments: more captured than the amount, more refunded than captured, a
provider reference twice, an event stored twice."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from payments.models import PAYMENT_TRANSITIONS, Payment, PaymentStatus, ProviderEvent, Refund
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(markets):
    order = f.OrderFactory(market=markets["eu"])
    return Payment.objects.create(order=order, provider="stripe", currency="EUR", amount=Decimal("24.99"),
                                  amount_captured=Decimal("24.99"), provider_reference="pi_1", idempotency_key="order-1-pay-1")


@pytest.mark.parametrize("field, value", [("amount_refunded", Decimal("25.00")), ("amount_captured", Decimal("25.00")),
                                          ("amount", Decimal("-1"))])
def test_impossible_amounts_are_refused_by_the_database(payment, field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.filter(pk=payment.pk).update(**{field: value})
    Payment.objects.filter(pk=payment.pk).update(amount_refunded=Decimal("24.99"))  # all of it: fine


def test_references_and_events_are_unique(payment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.create(order=payment.order, provider="stripe", currency="EUR", amount=1, provider_reference="pi_1",
                               idempotency_key="order-1-pay-2")
    Payment.objects.create(order=payment.order, provider="bank_transfer", currency="EUR", amount=1, idempotency_key="order-1-pay-3")
    Payment.objects.create(order=payment.order, provider="bank_transfer", currency="EUR", amount=1, idempotency_key="order-1-pay-4")
    ProviderEvent.objects.create(provider="stripe", event_id="evt_1", type="payment_intent.succeeded", payload={})
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderEvent.objects.create(provider="stripe", event_id="evt_1", type="payment_intent.succeeded", payload={})
    with pytest.raises(IntegrityError), transaction.atomic():
        Refund.objects.create(payment=payment, amount=Decimal("0"), idempotency_key="refund-0")


def test_status_moves_only_forward():
    assert PaymentStatus.PENDING not in PAYMENT_TRANSITIONS[PaymentStatus.CAPTURED]
    assert PaymentStatus.PROCESSING not in PAYMENT_TRANSITIONS[PaymentStatus.CAPTURED]
    assert PAYMENT_TRANSITIONS[PaymentStatus.REFUNDED] == set()
    assert set(PAYMENT_TRANSITIONS) == set(PaymentStatus)
