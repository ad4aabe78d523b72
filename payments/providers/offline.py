"""Offline payment providers: the buyer pays outside the shop and staff mark the order paid (Orders → "Mark paid")
when the money is in. Refunds are paid back by the merchant by hand and recorded (Payments → Refunds)."""

from datetime import timedelta

from django.conf import settings

from ..models import Provider
from .base import PaymentProvider


class BankTransferProvider(PaymentProvider):
    """The buyer transfers the total to the seller's account (CARAVAN_SELLER's bank details, the order number as the
    reference); unpaid orders are cancelled after CARAVAN_UNPAID_ORDER_HOURS."""

    code = Provider.BANK_TRANSFER.value
    label = Provider.BANK_TRANSFER.label
    awaits_transfer = True

    def unpaid_order_timeout(self) -> timedelta:
        return timedelta(hours=settings.CARAVAN_UNPAID_ORDER_HOURS)


class CashOnDeliveryProvider(PaymentProvider):
    """The buyer pays the carrier on delivery. An order from an e-mail that is not verified waits for the buyer's
    confirmation (link in the e-mail) or staff's, and is cancelled after CARAVAN_COD_CONFIRM_HOURS without it."""

    code = Provider.CASH_ON_DELIVERY.value
    label = Provider.CASH_ON_DELIVERY.label
    collects_on_delivery = True

    def unconfirmed_order_timeout(self) -> timedelta:
        return timedelta(hours=settings.CARAVAN_COD_CONFIRM_HOURS)
