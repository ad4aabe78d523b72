"""The lowest write layer of payments, shared by the generic services and every provider: a payment's forward moves,
its captured and refunded amounts, and provider events stored once. Callers hold the payment's row lock (and the
transaction); signals go out once that transaction has committed. See docs/architecture.md §3."""

from decimal import Decimal

from django.db import IntegrityError, transaction

from .models import PAYMENT_TRANSITIONS, Payment, PaymentStatus, ProviderEvent, Refund
from .signals import payment_captured, payment_refunded


def move_forward(payment: Payment, status: str) -> bool:
    """Move a locked payment forward to `status` (in memory); False (nothing changed) when that would be a step back."""
    if status == payment.status or status not in PAYMENT_TRANSITIONS[PaymentStatus(payment.status)]:
        return False
    payment.status = status
    return True


def store_event(provider: str, event_id: str, event_type: str, payload: dict) -> ProviderEvent | None:
    """The new event row, or None when this provider's event id was stored before (a replay)."""
    try:
        with transaction.atomic():
            return ProviderEvent.objects.create(provider=provider, event_id=event_id, type=event_type, payload=payload)
    except IntegrityError:
        return None


def record_capture(payment: Payment, amount: Decimal) -> bool:
    """The locked payment is captured with `amount` (at most its amount) and saved; `payment_captured` follows the
    commit. False (nothing written) when the payment cannot move to captured."""
    if not move_forward(payment, PaymentStatus.CAPTURED):
        return False
    payment.amount_captured = min(amount, payment.amount)
    payment.save(update_fields=["status", "amount_captured", "updated_at"])
    transaction.on_commit(lambda: payment_captured.send_robust(sender=Payment, payment=payment))
    return True


def record_refunded(payment: Payment, amount: Decimal, refund: Refund | None) -> None:
    """`amount` more of the locked payment went back to the buyer: its refunded total and status are saved and
    `payment_refunded` follows the commit (`refund`: the Refund row it completes, None when unknown)."""
    payment.amount_refunded += amount
    status = PaymentStatus.REFUNDED if payment.amount_refunded >= payment.amount_captured else PaymentStatus.PARTIALLY_REFUNDED
    move_forward(payment, status)
    payment.save(update_fields=["amount_refunded", "status", "updated_at"])
    transaction.on_commit(lambda: payment_refunded.send_robust(sender=Payment, payment=payment, amount=amount, refund=refund))
