"""The unpaid-order sweep (a periodic task): orders nobody paid or confirmed in time are cancelled."""

import logging

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from payments.models import PaymentStatus
from payments.providers import registered_providers
from payments.services import (
    stop_payments,
)
from shop.models import Order, OrderStatus
from shop.services.orders.errors import OrderError
from shop.services.orders.status import change_status

logger = logging.getLogger(__name__)


def cancel_unpaid_orders(now=None) -> list[str]:
    """Cancel unpaid orders, releasing their stock, after their payment provider's deadline
    (`PaymentProvider.unpaid_order_timeout`: bank transfers after CARAVAN_UNPAID_ORDER_HOURS, Stripe after
    CARAVAN_UNPAID_ONLINE_ORDER_MINUTES), and orders that needed the buyer's confirmation and got none
    (`unconfirmed_order_timeout`: cash on delivery after CARAVAN_COD_CONFIRM_HOURS). An online payment still
    processing (a SEPA debit, a bank redirect) keeps its order; open payments are stopped at their provider first
    (Stripe: the PaymentIntent is cancelled), so the buyer cannot pay a cancelled order. Each order in its own
    transaction; one paid (or confirmed) meanwhile is skipped (the status check runs under the row lock)."""
    now = now or timezone.now()
    unpaid = Order.objects.filter(status=OrderStatus.AWAITING_PAYMENT)
    overdue, unconfirmed = Q(pk__in=[]), Q(pk__in=[])
    for code, provider in registered_providers().items():
        if (timeout := provider.unpaid_order_timeout()) is not None:
            late = Q(payment_method=code, created_at__lt=now - timeout)
            if provider.pays_online:  # money on its way at the provider keeps the order
                late &= ~Q(payments__status__in=[PaymentStatus.PROCESSING, PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED])
            overdue |= late
        if (timeout := provider.unconfirmed_order_timeout()) is not None:
            unconfirmed |= Q(payment_method=code, created_at__lt=now - timeout)
    unconfirmed_ids = unpaid.filter(unconfirmed, needs_confirmation=True, confirmed_at__isnull=True).values_list("pk", flat=True)
    cancelled = []
    for order_id in unpaid.filter(overdue).order_by("pk").values_list("pk", flat=True):
        try:
            if not stop_payments(order_id, [PaymentStatus.PENDING, PaymentStatus.FAILED]):
                continue  # paid or processing at the provider after all, or it cannot be reached: the next sweep looks again
            order = change_status(order_id, OrderStatus.CANCELLED, message="Cancelled: no payment received in time",
                                  only_from={OrderStatus.AWAITING_PAYMENT})
            cancelled.append(order.number)
        except OrderError:
            logger.info("order %s changed before the unpaid sweep reached it", order_id)
        except DatabaseError:
            logger.exception("order %s: could not be cancelled now; the next sweep retries", order_id)
    for order_id in unconfirmed_ids:
        try:
            with transaction.atomic():
                confirmed = Order.objects.select_for_update().filter(pk=order_id, confirmed_at__isnull=False).exists()
                if confirmed:
                    continue  # confirmed a moment ago
                order = change_status(order_id, OrderStatus.CANCELLED, message="Cancelled: cash-on-delivery order not confirmed in time",
                                      only_from={OrderStatus.AWAITING_PAYMENT})
            cancelled.append(order.number)
        except OrderError:
            logger.info("order %s changed before the unpaid sweep reached it", order_id)
        except DatabaseError:
            logger.exception("order %s: could not be cancelled now; the next sweep retries", order_id)
    return cancelled
