"""Money of a cancelled order goes back: online payments refunded through their provider, offline ones noted for
staff to pay back."""

import logging

from payments.models import Payment, PaymentStatus
from payments.money import plain_amount
from payments.providers import get_provider
from payments.services import (
    RefundError,
    refund_payment,
    refundable,
)
from shop.models import Order, OrderEvent

logger = logging.getLogger(__name__)


def _payment_event(order_id: int, payment: Payment, message: str, **data) -> None:
    OrderEvent.objects.create(order_id=order_id, kind=OrderEvent.Kind.PAYMENT, message=message[:300],
                              data={"payment": payment.pk, "reference": payment.provider_reference, **data})


def _give_back_payments(order: Order) -> None:
    """A cancelled order keeps no money: what was paid online is refunded in full; an offline payment already
    received is noted on the order for staff to pay back (Payments → Refunds)."""
    received = Payment.objects.filter(order=order, status__in=[PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED])
    for payment in received:
        if get_provider(payment.provider).pays_online:
            refund_payment_of_cancelled_order(order.pk, payment.pk)
        else:
            _payment_event(order.pk, payment, f"Cancelled after {plain_amount(refundable(payment), payment.currency)} {payment.currency} "
                                              f"was received offline: pay it back and record it in Payments → Refunds")

def refund_payment_of_cancelled_order(order_id: int, payment_id: int) -> None:
    """An online payment of a cancelled order (captured before or after the cancel): give back what is left of it,
    and say so on the order. If the refund fails, the order says so, for staff to refund by hand."""
    payment = Payment.objects.get(pk=payment_id)
    left = refundable(payment)
    if left <= 0:
        return  # given back already (the cancel and the late capture both ask)
    try:
        refund = refund_payment(payment_id, left, reason="Order cancelled",
                                idempotency_key=f"cancelled-order-{order_id}-payment-{payment_id}")
        message, data = "Order cancelled: its online payment is refunded in full", {"refund": refund.pk}
    except RefundError as exc:
        logger.error("order %s (cancelled): its online payment could not be refunded: %s", order_id, exc)
        message, data = f"Order cancelled: its online payment could not be refunded automatically, refund it by hand: {exc}", {}
    _payment_event(order_id, payment, message, **data)
