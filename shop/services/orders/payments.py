"""An order's payment: staff confirming an offline payment, a provider's capture settling its order, refunds and
disputes noted on the order (payments' signals, see shop/signals.py)."""

import logging
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from payments.models import Payment
from payments.money import plain_amount
from payments.providers import get_provider
from payments.services import (
    capture_offline_payment,
)
from shop.models import Order, OrderEvent, OrderStatus
from shop.services.invoices import issue_invoice
from shop.services.orders.errors import OrderError
from shop.services.orders.refunds import _payment_event, refund_payment_of_cancelled_order
from shop.services.orders.status import SHIPPING_STATUSES, change_status
from shop.signals import order_refunded

logger = logging.getLogger(__name__)


def mark_paid(order_id: int, *, user=None, reference: str = "") -> Order:
    """Staff confirm an offline payment (bank transfer received, cash collected). Orders paid online are confirmed by
    their provider's events (`settle_captured_payment`), never by hand."""
    method = Order.objects.values_list("payment_method", flat=True).get(pk=order_id)
    if get_provider(method).pays_online:
        raise OrderError(_("This order is paid online: the payment provider confirms its payment, not staff."))
    return _record_payment(order_id, user=user, reference=str(reference), capture_offline=True, refuse_if_paid=True)


def settle_captured_payment(payment: Payment) -> None:
    """A payment was captured (payments' `payment_captured` signal): it pays its unpaid order, once, if it covers the
    order's payment in full (a short capture is noted instead). Money for an order already cancelled (paid in a tab
    left open) goes back. The status is read under the order's row lock, so a cancel at the same moment is seen."""
    with transaction.atomic():
        status = Order.objects.select_for_update().values_list("status", flat=True).get(pk=payment.order_id)
        if status == OrderStatus.AWAITING_PAYMENT and payment.amount_captured >= payment.amount:
            _record_payment(payment.order_id, reference=f"{payment.provider} {payment.provider_reference}".strip(), capture_offline=False)
        elif status == OrderStatus.AWAITING_PAYMENT:
            _payment_event(payment.order_id, payment, f"Only {plain_amount(payment.amount_captured, payment.currency)} of "
                                                      f"{plain_amount(payment.amount, payment.currency)} {payment.currency} captured: not marked paid")
    if status == OrderStatus.CANCELLED:
        refund_payment_of_cancelled_order(payment.order_id, payment.pk)  # outside the lock: the provider is asked over the network


# Refunds made for a credit note (shop.services.returns.payback) carry keys starting with this.
CREDIT_NOTE_REFUND_PREFIX = "credit-note-"


def note_refund(payment: Payment, amount: Decimal | None = None, refund=None) -> None:
    """Refunds show on the order with their amount and who made them (its status stays; the returns flow decides
    what a refund means for the goods), and the buyer is told by e-mail — unless the order is cancelled, whose
    e-mail already says the payment is refunded. `amount`: what this refund gave back (None from an older sender:
    the refunded total stands in); `refund`: the payments Refund row, when known."""
    amount = payment.amount_refunded if amount is None else amount
    user = getattr(refund, "created_by", None)
    OrderEvent.objects.create(
        order_id=payment.order_id, kind=OrderEvent.Kind.PAYMENT, user=user,
        message=(f"Refunded {plain_amount(payment.amount_refunded, payment.currency)} of "
                 f"{plain_amount(payment.amount_captured, payment.currency)} {payment.currency} in total ({payment.status}); "
                 f"this refund: {plain_amount(amount, payment.currency)} {payment.currency}"
                 + (f" ({refund.reason})" if refund is not None and refund.reason else ""))[:300],
        data={"payment": payment.pk, "reference": payment.provider_reference, "refunded": str(payment.amount_refunded),
              "refund_amount": str(amount), **({"refund": refund.pk} if refund is not None else {})},
    )
    if Order.objects.filter(pk=payment.order_id, status=OrderStatus.CANCELLED).exists():
        return
    if refund is not None and refund.idempotency_key.startswith(CREDIT_NOTE_REFUND_PREFIX):
        return  # a credit note's refund: its own e-mail (with the PDF) tells the buyer
    order_refunded.send_robust(sender=Order, order_id=payment.order_id, amount=amount, key=f"{payment.pk}-{payment.amount_refunded}",
                               reason=refund.reason if refund is not None else "")


def note_dispute(payment: Payment) -> None:
    _payment_event(payment.order_id, payment, "Payment disputed by the buyer's bank")


def _record_payment(order_id: int, *, reference: str, capture_offline: bool, user=None, refuse_if_paid: bool = False) -> Order:
    """The order's payment is in: an unpaid order becomes paid; one shipped before it was paid (cash on delivery)
    keeps its status and gets its payment date. The order is invoiced now if it was not yet (offline orders are
    invoiced when paid or shipped, never when placed). With `refuse_if_paid` (staff recording an offline payment),
    an order whose payment is recorded already raises OrderError and nothing changes."""
    message = "Payment received" + (f": {reference}" if reference else "")
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        if refuse_if_paid and order.paid_at is not None:
            raise OrderError(_("Its payment was already recorded; nothing changed."))
        if order.paid_at is None and order.status in SHIPPING_STATUSES:
            order.paid_at = timezone.now()
            order.save(update_fields=["paid_at", "updated_at"])
        else:
            order = change_status(order_id, OrderStatus.PAID, user=user, message=message)
        if capture_offline:
            capture_offline_payment(order_id)
        issue_invoice(order)
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PAYMENT, message=message, user=user if user is not None
                                  and user.is_authenticated else None, data={"method": order.payment_method, "reference": reference,
                                                                          "amount": str(order.total_gross)})
    return order
