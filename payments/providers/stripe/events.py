"""Stripe's events applied to payments: stored once by their id (a replay is a no-op) and applied to the payment they
name (by PaymentIntent id), moving its state only forward, so an old `processing` arriving after `succeeded` changes
nothing. Signals go out once the transaction has committed."""

import logging

from django.db import transaction

from ...ledger import move_forward, record_capture, record_refunded, store_event
from ...models import Payment, PaymentStatus, Provider, Refund, RefundStatus
from ...money import from_minor_units
from ...signals import payment_disputed

logger = logging.getLogger(__name__)

STRIPE_INTENT_STATES = {
    "payment_intent.succeeded": PaymentStatus.CAPTURED,
    "payment_intent.processing": PaymentStatus.PROCESSING,
    "payment_intent.payment_failed": PaymentStatus.FAILED,
    "payment_intent.canceled": PaymentStatus.CANCELLED,
    "payment_intent.amount_capturable_updated": PaymentStatus.AUTHORIZED,
}

# What a PaymentIntent's status says, as the webhook event that would have said it.
INTENT_STATUS = {
    "succeeded": "payment_intent.succeeded",
    "processing": "payment_intent.processing",
    "canceled": "payment_intent.canceled",
    "requires_capture": "payment_intent.amount_capturable_updated",
}


def _without_client_secret(payload: dict) -> dict:
    """The event as stored: a PaymentIntent's client secret (it lets its holder pay and read the intent) is dropped."""
    obj = (payload.get("data") or {}).get("object")
    if isinstance(obj, dict) and "client_secret" in obj:
        return {**payload, "data": {**payload["data"], "object": {k: v for k, v in obj.items() if k != "client_secret"}}}
    return payload


@transaction.atomic
def handle_stripe_event(event: dict) -> str:
    """Apply a verified Stripe event. Returns what happened, for the log and the event row."""
    stored = store_event(Provider.STRIPE, event["id"], event["type"], _without_client_secret(event))
    if stored is None:
        return "replay: already processed"
    obj = event.get("data", {}).get("object", {}) or {}
    intent_id = obj.get("id") if event["type"].startswith("payment_intent.") else obj.get("payment_intent")
    if isinstance(intent_id, dict):  # an expanded object (localstripe expands some references)
        intent_id = intent_id.get("id")
    payment = Payment.objects.select_for_update().filter(provider=Provider.STRIPE, provider_reference=intent_id or "").first()
    currency = str(obj.get("currency") or (payment.currency if payment else "")).upper()
    if payment is None:
        outcome = "ignored: no payment for this PaymentIntent" if intent_id else f"ignored: {event['type']}"
    elif currency != payment.currency:  # amounts in another currency say nothing about this payment
        logger.error("payment %s: Stripe reports %s, the payment is in %s", payment.pk, currency, payment.currency)
        outcome = f"ignored: the event is in {currency}, the payment in {payment.currency}"
    elif event["type"] in STRIPE_INTENT_STATES:
        outcome = _apply_intent(payment, event["type"], obj)
    elif event["type"] == "charge.refunded":
        outcome = _apply_refunded(payment, obj)
    elif event["type"] == "charge.dispute.created":
        payment.is_disputed = True
        payment.save(update_fields=["is_disputed", "updated_at"])
        transaction.on_commit(lambda: payment_disputed.send_robust(sender=Payment, payment=payment))
        outcome = "dispute opened"
    else:
        outcome = f"ignored: {event['type']}"
    stored.payment = payment
    stored.outcome = outcome[:200]
    stored.save(update_fields=["payment", "outcome"])
    logger.info("stripe event %s (%s): %s", event["id"], event["type"], outcome)
    return outcome


def _apply_intent(payment: Payment, event_type: str, intent: dict) -> str:
    status = STRIPE_INTENT_STATES[event_type]
    if status == PaymentStatus.CAPTURED:
        received = intent.get("amount_received", intent.get("amount"))
        captured = from_minor_units(received, payment.currency) if received is not None else payment.amount
        moved = record_capture(payment, captured)
    else:
        moved = move_forward(payment, status)
        if moved:
            payment.save(update_fields=["status", "updated_at"])
    return f"now {status}" if moved else f"no change: {payment.status} does not go back to {status}"


def _apply_refunded(payment: Payment, charge: dict) -> str:
    refunded = from_minor_units(charge.get("amount_refunded", 0), payment.currency)
    refunded = min(refunded, payment.amount_captured)
    if refunded <= payment.amount_refunded:
        return "no change: refunds already recorded"
    pending = Refund.objects.filter(payment=payment, status=RefundStatus.PENDING)
    refund = pending.first() if len(pending) == 1 else None  # the one refund this completes (who asked for it)
    pending.update(status=RefundStatus.SUCCEEDED)
    record_refunded(payment, refunded - payment.amount_refunded, refund)
    return f"refunded {refunded} {payment.currency}"


def sync_intent(payment: Payment, intent: dict) -> str | None:
    """Apply what a PaymentIntent says now, as the webhook event that would have said it (stored under a synthetic
    id, so the late real webhook then changes nothing). None when there is nothing to apply."""
    status = intent.get("status")
    error = intent.get("last_payment_error") or {}
    event_type = INTENT_STATUS.get(status) or ("payment_intent.payment_failed" if status == "requires_payment_method" and error else None)
    if event_type is None or STRIPE_INTENT_STATES[event_type] == payment.status:
        return None
    charge = error.get("charge") or intent.get("latest_charge") or ""
    charge = charge.get("id", "") if isinstance(charge, dict) else charge
    return handle_stripe_event({"id": f"sync:{payment.provider_reference}:{status}:{charge}", "type": event_type,
                                "data": {"object": intent}})
