"""The order status machine (ORDER_TRANSITIONS): one locked move at a time, with what a move brings along —
a cancel gives back the voucher use, the stock and the money (refunds.py) and cancels its consignments; paying
releases its consignments to the warehouses; shipping invoices an unpaid order."""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.services import cancel_consignments, deallocate_stock, release_consignments
from payments.models import PaymentStatus
from payments.providers import get_provider
from payments.services import (
    cancel_open_payments,
    stop_payments,
)
from shop.models import Order, OrderEvent, OrderStatus, Voucher, VoucherRedemption
from shop.models.orders import ORDER_TRANSITIONS
from shop.services.invoices import issue_invoice
from shop.services.orders.errors import OrderError
from shop.services.orders.refunds import _give_back_payments
from shop.signals import order_status_changed

logger = logging.getLogger(__name__)


SHIPPING_STATUSES = (OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED)


def allocation_reference(order: Order) -> str:
    return f"order:{order.pk}"

def change_status(order_id: int, new_status: str, *, user=None, message: str = "", only_from=None) -> Order:
    """Move an order along ORDER_TRANSITIONS (locked; a move that is not allowed, or from a status outside
    `only_from`, raises OrderError)."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        old = order.status
        if only_from is not None and old not in only_from:
            raise OrderError(_("This order changed meanwhile; reload it."))
        if new_status == old:
            return order
        if new_status not in ORDER_TRANSITIONS[OrderStatus(old)]:
            raise OrderError(
                _("An order that is %(old)s cannot become %(new)s.")
                % {"old": OrderStatus(old).label, "new": OrderStatus(new_status).label}
            )
        if old == OrderStatus.AWAITING_PAYMENT and new_status in SHIPPING_STATUSES and get_provider(order.payment_method).pays_online:
            raise OrderError(_("This order is paid online and is not paid yet: it ships once the payment is in."))
        order.status = new_status
        fields = ["status", "updated_at"]
        if new_status == OrderStatus.PAID:
            order.paid_at = timezone.now()
            fields.append("paid_at")
        if new_status == OrderStatus.CANCELLED:
            order.cancelled_at = timezone.now()
            fields.append("cancelled_at")
            # Voucher row before stock rows, the order placing takes them in (no deadlock between the two).
            _give_back_voucher(order)
            deallocate_stock(allocation_reference(order))
            cancel_consignments(order.pk)
            cancel_open_payments(order.pk)
        if new_status in SHIPPING_STATUSES and order.needs_confirmation and order.confirmed_at is None:
            order.confirmed_at = timezone.now()  # staff shipping it is their confirmation
            fields.append("confirmed_at")
        order.save(update_fields=fields)
        if new_status == OrderStatus.PAID or new_status in SHIPPING_STATUSES:
            release_consignments(order.pk)  # paid (or shipped by staff, which confirms it): the warehouses may pick
        if new_status in SHIPPING_STATUSES:
            issue_invoice(order)  # shipped before it was paid (cash on delivery): invoiced now (a no-op if it is)
        OrderEvent.objects.create(
            order=order, kind=OrderEvent.Kind.STATUS, user=user if user is not None and user.is_authenticated else None,
            message=message or f"{OrderStatus(old).label} → {OrderStatus(new_status).label}",
            data={"from": old, "to": new_status},
        )
    transaction.on_commit(lambda: _after_status_change(order, old), robust=True)
    return order


def _after_status_change(order: Order, old_status: str) -> None:
    """After the change is committed: give back what a cancelled order holds at its payment provider, then tell
    listeners (receivers.py e-mails the buyer)."""
    if order.status == OrderStatus.CANCELLED:
        stop_payments(order.pk, [PaymentStatus.CANCELLED])  # a pay page left open can no longer take money
        _give_back_payments(order)
    order_status_changed.send_robust(sender=Order, order=order, old_status=old_status)


def status_email_kind(order: Order, old_status: str) -> str | None:
    """Which e-mail a status change sends the buyer: "paid", "cancelled", "invoice" (shipped unpaid, cash on
    delivery: its invoice, issued now) or None."""
    kind = {OrderStatus.PAID: "paid", OrderStatus.CANCELLED: "cancelled"}.get(order.status)
    if kind is None and order.status in SHIPPING_STATUSES and old_status == OrderStatus.AWAITING_PAYMENT:
        kind = "invoice"
    return kind


def _give_back_voucher(order: Order) -> None:
    redemption = VoucherRedemption.objects.filter(order=order).first()
    if redemption is not None:
        Voucher.objects.filter(pk=redemption.voucher_id, times_used__gt=0).update(times_used=F("times_used") - 1)

def cancel_order(order_id: int, *, user=None, reason: str = "") -> Order:
    return change_status(order_id, OrderStatus.CANCELLED, user=user, message=str(reason) or "Cancelled")
