"""An order's life: place, pay, cancel, move through the status machine — the one place that orchestrates orders
across fulfillment and payments (see docs/architecture.md §3). placing.py (the cart becomes an order), status.py (the
status machine), payments.py and refunds.py (payments' events, money given back), cod.py (cash-on-delivery
confirmation), sweep.py (unpaid orders cancelled). The names the views, receivers and tests use are importable
from here."""

from shop.services.orders.cod import (
    cod_confirmation_token,
    confirm_cod_order,
    confirm_cod_order_by_token,
    order_for_cod_confirmation,
)
from shop.services.orders.errors import OrderError, PriceChangedError, StockShortError
from shop.services.orders.payments import mark_paid, note_dispute, note_refund, settle_captured_payment
from shop.services.orders.placing import email_is_verified, place_order
from shop.services.orders.refunds import refund_payment_of_cancelled_order
from shop.services.orders.status import SHIPPING_STATUSES, allocation_reference, cancel_order, change_status
from shop.services.orders.sweep import cancel_unpaid_orders

__all__ = [
    "SHIPPING_STATUSES", "OrderError", "PriceChangedError", "StockShortError", "allocation_reference", "cancel_order",
    "cancel_unpaid_orders", "change_status", "cod_confirmation_token", "confirm_cod_order", "confirm_cod_order_by_token",
    "email_is_verified", "mark_paid", "note_dispute", "note_refund", "order_for_cod_confirmation", "place_order",
    "refund_payment_of_cancelled_order", "settle_captured_payment",
]
