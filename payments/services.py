"""Every write to payments that is not one provider's own: starting an order's payment, refunds (locked, limited and
recorded here; made at the provider through its `refund`), offline captures, stopping and cancelling payments, and
reconciliation. Each asks the payment's provider (`payments.providers`) and never branches on a provider's code;
what one provider does with its events lives in its module (Stripe: `payments.providers.stripe`)."""

import logging
from decimal import Decimal

from django.db import transaction

from .ledger import move_forward, record_capture, record_refunded
from .models import Payment, PaymentStatus, Refund, RefundStatus
from .money import exponent, minor_unit, plain_amount
from .providers import RefundError, get_provider, offline_providers, registered_providers

logger = logging.getLogger(__name__)

__all__ = [
    "RefundError", "cancel_open_payments", "capture_offline_payment", "reconcile_payments", "refund_payment",
    "refundable", "start_payment", "stop_payments",
]


# --- Refunds -------------------------------------------------------------------------------------------------------


def refundable(payment: Payment) -> Decimal:
    """What can still be refunded: captured − refunded − refunds still pending at the provider."""
    pending = sum((r.amount for r in payment.refunds.filter(status=RefundStatus.PENDING)), Decimal(0))
    return payment.amount_captured - payment.amount_refunded - pending


def refund_payment(payment_id: int, amount, reason: str = "", idempotency_key: str | None = None, user=None) -> Refund:
    """Refund part or all of a captured payment. Checked under the payment's row lock (two refunds at once can never
    exceed what was captured; the database constraint is the second guard), then made at the provider
    (`PaymentProvider.refund`, with the refund's idempotency key): done at once (offline: the merchant paid it back by
    hand), or pending until the provider confirms it (Stripe's webhook). `user`: the staff member who asked for it
    (kept on the refund and the order's log). Raises RefundError, and nothing is recorded then."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if idempotency_key and (done := Refund.objects.filter(payment=payment, idempotency_key=idempotency_key).first()):
            return done  # the same request again (a double submit, a retried call): nothing more is refunded
        try:
            amount = Decimal(str(amount))
        except ArithmeticError:
            raise RefundError("Enter an amount.") from None
        if not amount.is_finite() or amount <= 0:
            raise RefundError("The amount must be more than zero.")
        if amount != amount.quantize(minor_unit(payment.currency)):
            raise RefundError(f"{payment.currency} amounts have at most {exponent(payment.currency)} decimals.")
        amount = amount.quantize(minor_unit(payment.currency))
        if payment.status not in (PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED):
            raise RefundError(f"Only captured payments can be refunded (this one is {payment.get_status_display()}).")
        available = refundable(payment)
        if amount > available:
            raise RefundError(f"At most {plain_amount(available, payment.currency)} {payment.currency} can be refunded.")
        key = idempotency_key or f"refund-{payment.pk}-{payment.refunds.count() + 1}-{amount}"
        refund = Refund.objects.create(payment=payment, amount=amount, reason=reason[:200], idempotency_key=key,
                                       created_by=user if user is not None and user.is_authenticated else None)
        made = get_provider(payment.provider).refund(payment, refund)
        refund.provider_reference = made.reference
        if not made.completed:
            refund.save(update_fields=["provider_reference", "updated_at"])
            return refund  # the provider confirms it later (Stripe: the charge.refunded webhook)
        refund.status = RefundStatus.SUCCEEDED
        refund.save(update_fields=["provider_reference", "status", "updated_at"])
        record_refunded(payment, amount, refund)
    return refund


# --- Starting, capturing and stopping payments ---------------------------------------------------------------------


def start_payment(order_id: int, provider: str, amount: Decimal, currency: str) -> Payment:
    """The pending payment of a new order, for any provider (inside the placing transaction: no network call; an
    online provider reaches its service from the pay page). The provider may add to the new row (`start`). Offline
    payments are confirmed by staff when the money is in; online ones by the provider's events."""
    payment_provider = get_provider(provider)  # refuses an unknown provider
    payment, created = Payment.objects.get_or_create(
        idempotency_key=f"order-{order_id}-{provider}",
        defaults={"order_id": order_id, "provider": provider, "amount": amount, "currency": currency},
    )
    if created:
        payment_provider.start(payment)
    return payment


def capture_offline_payment(order_id: int) -> Payment | None:
    """Staff received the transfer or the carrier collected the cash: the order's open offline payment is captured
    in full (None when the order has none, e.g. older orders, or it is captured already). An offline payment has no
    provider id: what staff note about it (a bank statement line) belongs on the order's event log, not in the
    unique `provider_reference` (a note used twice must never fail the second payment)."""
    with transaction.atomic():
        payment = (
            Payment.objects.select_for_update()
            .filter(order_id=order_id, provider__in=offline_providers(), status__in=[PaymentStatus.PENDING, PaymentStatus.PROCESSING])
            .first()
        )
        if payment is None:
            return None
        record_capture(payment, payment.amount)
    return payment


def stop_payments(order_id: int, statuses) -> bool:
    """Stop the order's payments in `statuses` at their provider (the order is being cancelled), so the buyer can no
    longer pay them. False when one is already on its way (its real state is then applied) or the provider cannot be
    reached now (logged); call outside a transaction: providers are asked over the network."""
    stopped = True
    for payment in Payment.objects.filter(order_id=order_id, status__in=statuses):
        try:
            stopped = get_provider(payment.provider).cancel(payment) and stopped
        except Exception:
            logger.exception("order %s: payment %s could not be stopped at its provider now", order_id, payment.pk)
            stopped = False
    return stopped


def cancel_open_payments(order_id: int) -> int:
    """The order was cancelled: its payments that never completed are cancelled too (captured ones stay, to be refunded)."""
    cancelled = 0
    for payment in Payment.objects.select_for_update().filter(order_id=order_id).order_by("pk"):
        if move_forward(payment, PaymentStatus.CANCELLED):
            payment.save(update_fields=["status", "updated_at"])
            cancelled += 1
    return cancelled


def reconcile_payments(since) -> list[str]:
    """Ask every registered provider to apply what its missed notifications would have said for payments created
    since `since` (`PaymentProvider.reconcile`); a line per payment changed or not checkable. Raises
    ProviderUnavailable when a provider that reconciles is not configured."""
    changes = []
    for provider in registered_providers().values():
        changes += provider.reconcile(since)
    return changes
