"""The unpaid-order sweep (a periodic task): orders nobody paid or confirmed in time are cancelled."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from payments.models import PaymentStatus
from payments.providers import online_providers
from payments.services import (
    stop_payments,
)

from ...models import Order, OrderStatus, PaymentMethod
from .errors import OrderError
from .status import change_status

logger = logging.getLogger(__name__)


def cancel_unpaid_orders(now=None) -> list[str]:
    """Cancel unpaid orders, releasing their stock: bank transfers after CARAVAN_UNPAID_ORDER_HOURS, online payments
    (Stripe) after CARAVAN_UNPAID_ONLINE_ORDER_MINUTES, cash-on-delivery orders that needed confirmation and got none
    after CARAVAN_COD_CONFIRM_HOURS. An online payment still processing (a SEPA debit, a bank
    redirect) keeps its order; open payments are stopped at their provider first (Stripe: the PaymentIntent is
    cancelled), so the buyer cannot pay a cancelled order. Each order in its own transaction; one paid (or
    confirmed) meanwhile is skipped (the status check runs under the row lock)."""
    now = now or timezone.now()
    unpaid = Order.objects.filter(status=OrderStatus.AWAITING_PAYMENT)
    offline = unpaid.filter(payment_method=PaymentMethod.BANK_TRANSFER, created_at__lt=now - timedelta(hours=settings.CARAVAN_UNPAID_ORDER_HOURS))
    online = unpaid.filter(payment_method__in=online_providers(),
                           created_at__lt=now - timedelta(minutes=settings.CARAVAN_UNPAID_ONLINE_ORDER_MINUTES))
    online = online.exclude(payments__status__in=[PaymentStatus.PROCESSING, PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED])
    unconfirmed = unpaid.filter(payment_method=PaymentMethod.CASH_ON_DELIVERY, needs_confirmation=True, confirmed_at__isnull=True,
                                created_at__lt=now - timedelta(hours=settings.CARAVAN_COD_CONFIRM_HOURS))
    cancelled = []
    for order_id in list(offline.values_list("pk", flat=True)) + list(online.values_list("pk", flat=True)):
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
    for order_id in unconfirmed.values_list("pk", flat=True):
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
