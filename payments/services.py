"""Every write to payments: provider events stored once, payment states moved forward only, under a row lock.

Stripe webhooks: `handle_stripe_event` stores the event by its id (a replay is a no-op) and applies it to the
payment it names (by PaymentIntent id). A state only moves along PAYMENT_TRANSITIONS, so an old `processing`
arriving after `succeeded` changes nothing. Signals go out once the transaction has committed."""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction

from .models import PAYMENT_TRANSITIONS, Payment, PaymentStatus, Provider, ProviderEvent, Refund, RefundStatus
from .money import exponent, from_minor_units, minor_unit, plain_amount, to_minor_units
from .providers import get_provider
from .signals import payment_captured, payment_disputed, payment_refunded

logger = logging.getLogger(__name__)

STRIPE_INTENT_STATES = {
    "payment_intent.succeeded": PaymentStatus.CAPTURED,
    "payment_intent.processing": PaymentStatus.PROCESSING,
    "payment_intent.payment_failed": PaymentStatus.FAILED,
    "payment_intent.canceled": PaymentStatus.CANCELLED,
    "payment_intent.amount_capturable_updated": PaymentStatus.AUTHORIZED,
}


def _without_client_secret(payload: dict) -> dict:
    """The event as stored: a PaymentIntent's client secret (it lets its holder pay and read the intent) is dropped."""
    obj = (payload.get("data") or {}).get("object")
    if isinstance(obj, dict) and "client_secret" in obj:
        return {**payload, "data": {**payload["data"], "object": {k: v for k, v in obj.items() if k != "client_secret"}}}
    return payload


def _store_event(provider: str, event_id: str, event_type: str, payload: dict) -> ProviderEvent | None:
    """The new event row, or None when this event id was stored before (a replay)."""
    payload = _without_client_secret(payload)
    try:
        with transaction.atomic():
            return ProviderEvent.objects.create(provider=provider, event_id=event_id, type=event_type, payload=payload)
    except IntegrityError:
        return None


def _move(payment: Payment, status: str) -> bool:
    """Move a locked payment forward to `status`; False (and nothing written) when that would be a step back."""
    if status == payment.status or status not in PAYMENT_TRANSITIONS[PaymentStatus(payment.status)]:
        return False
    payment.status = status
    return True


@transaction.atomic
def handle_stripe_event(event: dict) -> str:
    """Apply a verified Stripe event. Returns what happened, for the log and the event row."""
    stored = _store_event(Provider.STRIPE, event["id"], event["type"], event)
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
    if not _move(payment, status):
        return f"no change: {payment.status} does not go back to {status}"
    fields = ["status", "updated_at"]
    if status == PaymentStatus.CAPTURED:
        received = intent.get("amount_received", intent.get("amount"))
        captured = from_minor_units(received, payment.currency) if received is not None else payment.amount
        payment.amount_captured = min(captured, payment.amount)
        fields.append("amount_captured")
        transaction.on_commit(lambda: payment_captured.send_robust(sender=Payment, payment=payment))
    payment.save(update_fields=fields)
    return f"now {status}"


def _apply_refunded(payment: Payment, charge: dict) -> str:
    refunded = from_minor_units(charge.get("amount_refunded", 0), payment.currency)
    refunded = min(refunded, payment.amount_captured)
    if refunded <= payment.amount_refunded:
        return "no change: refunds already recorded"
    amount = refunded - payment.amount_refunded
    payment.amount_refunded = refunded
    status = PaymentStatus.REFUNDED if refunded >= payment.amount_captured else PaymentStatus.PARTIALLY_REFUNDED
    _move(payment, status)
    payment.save(update_fields=["amount_refunded", "status", "updated_at"])
    pending = Refund.objects.filter(payment=payment, status=RefundStatus.PENDING)
    refund = pending.first() if len(pending) == 1 else None  # the one refund this completes (who asked for it)
    pending.update(status=RefundStatus.SUCCEEDED)
    transaction.on_commit(lambda: payment_refunded.send_robust(sender=Payment, payment=payment, amount=amount, refund=refund))
    return f"refunded {refunded} {payment.currency}"


# --- Refunds -------------------------------------------------------------------------------------------------------


class RefundError(ValueError):
    """A refund that cannot be made; the message is for the merchant."""


def refundable(payment: Payment) -> Decimal:
    """What can still be refunded: captured − refunded − refunds still pending at the provider."""
    pending = sum((r.amount for r in payment.refunds.filter(status=RefundStatus.PENDING)), Decimal(0))
    return payment.amount_captured - payment.amount_refunded - pending


def refund_payment(payment_id: int, amount, reason: str = "", idempotency_key: str | None = None, user=None) -> Refund:
    """Refund part or all of a captured payment. Checked under the payment's row lock (two refunds at once can never
    exceed what was captured; the database constraint is the second guard). Stripe refunds are created with an
    idempotency key; their final state follows the webhooks. Offline payments are refunded by the merchant by hand
    and recorded as done. `user`: the staff member who asked for it (kept on the refund and the order's log)."""
    from .stripe_client import get_client

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
        if payment.provider == Provider.STRIPE:
            try:
                minor = to_minor_units(amount, payment.currency)
            except ValueError as exc:
                raise RefundError(str(exc)) from None
            try:
                result = get_client().v1.refunds.create(
                    params={"payment_intent": payment.provider_reference, "amount": minor,
                            "metadata": {"order_id": str(payment.order_id), "refund": str(refund.pk)}},
                    options={"idempotency_key": key},
                )
            except Exception as exc:  # stripe.StripeError and network errors: nothing is recorded
                raise RefundError(f"Stripe refused the refund: {exc}") from exc
            refund.provider_reference = result.id
            if result.status != "succeeded":
                refund.save(update_fields=["provider_reference", "updated_at"])
                return refund  # the charge.refunded webhook completes it
        refund.status = RefundStatus.SUCCEEDED
        refund.save(update_fields=["provider_reference", "status", "updated_at"])
        payment.amount_refunded += amount
        _move(payment, PaymentStatus.REFUNDED if payment.amount_refunded >= payment.amount_captured else PaymentStatus.PARTIALLY_REFUNDED)
        payment.save(update_fields=["amount_refunded", "status", "updated_at"])
        transaction.on_commit(lambda: payment_refunded.send_robust(sender=Payment, payment=payment, amount=amount, refund=refund))
    return refund


# --- Stripe PaymentIntents: created for the pay page, synced on return and by reconciliation ----------------------

# What a PaymentIntent's status says, as the webhook event that would have said it.
INTENT_STATUS = {
    "succeeded": "payment_intent.succeeded",
    "processing": "payment_intent.processing",
    "canceled": "payment_intent.canceled",
    "requires_capture": "payment_intent.amount_capturable_updated",
}


@dataclass(frozen=True)
class IntentState:
    """What the pay page needs from Stripe: the PaymentIntent's status, its client secret (for Stripe.js; never
    stored or logged) and whether its last attempt failed."""

    status: str
    client_secret: str
    failed: bool = False


def _intent_state(intent: dict) -> IntentState:
    return IntentState(status=intent["status"], client_secret=intent.get("client_secret", ""),
                       failed=intent["status"] == "requires_payment_method" and bool(intent.get("last_payment_error")))


def stripe_intent_for(payment_id: int, *, order_number: str) -> IntentState:
    """The PaymentIntent behind a Stripe payment: created on first use (amount in minor units, the payment's
    idempotency key, the order number in the metadata), fetched afterwards and its state applied to the payment (a
    lost or late webhook never leaves the buyer waiting). A network call, so never inside a transaction; two
    requests at once end with the one intent the payment stores."""
    from .stripe_client import get_client

    payment = Payment.objects.get(pk=payment_id, provider=Provider.STRIPE)
    client = get_client()
    if payment.provider_reference:
        intent = client.v1.payment_intents.retrieve(payment.provider_reference).to_dict()
        _sync_intent(payment, intent)  # what Stripe says now counts, whether or not its webhook has arrived
        return _intent_state(intent)
    # Automatic payment methods (cards, iDEAL, Bancontact, SEPA debit, …) are on by default for the API version the
    # SDK pins, so the parameter is left out (localstripe refuses it).
    intent = client.v1.payment_intents.create(
        params={"amount": to_minor_units(payment.amount, payment.currency), "currency": payment.currency.lower(),
                "metadata": {"order_number": order_number, "order_id": str(payment.order_id), "payment_id": str(payment.pk)}},
        options={"idempotency_key": payment.idempotency_key},
    ).to_dict()
    if Payment.objects.filter(pk=payment.pk, provider_reference="").update(provider_reference=intent["id"]):
        return _intent_state(intent)
    # Another request stored its intent first. Stripe's idempotency key makes that the same intent; if it is not
    # (a fake without idempotency), ours is cancelled so the buyer can only ever pay the one the payment knows.
    stored = Payment.objects.values_list("provider_reference", flat=True).get(pk=payment.pk)
    if stored != intent["id"]:
        client.v1.payment_intents.cancel(intent["id"])
    return _intent_state(client.v1.payment_intents.retrieve(stored).to_dict())


def _sync_intent(payment: Payment, intent: dict) -> str | None:
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


def cancel_stripe_payment(payment_id: int) -> bool:
    """Cancel the payment's PaymentIntent at Stripe, so the buyer can no longer pay it. False (and the intent's real
    state applied instead) when Stripe will not cancel it because it is processing or has succeeded."""
    import stripe

    from .stripe_client import get_client

    payment = Payment.objects.get(pk=payment_id, provider=Provider.STRIPE)
    if not payment.provider_reference:
        return True  # the buyer never opened the pay page: there is nothing at Stripe to pay
    client = get_client()
    try:
        intent = client.v1.payment_intents.cancel(payment.provider_reference).to_dict()
    except stripe.InvalidRequestError as refused:
        if refused.http_status == 404:  # unknown to this Stripe account (keys changed): nothing can pay it
            logger.warning("payment %s: Stripe does not know %s; treated as cancelled", payment.pk, payment.provider_reference)
            return True
        intent = client.v1.payment_intents.retrieve(payment.provider_reference).to_dict()
    _sync_intent(payment, intent)
    return intent.get("status") == "canceled"


def reconcile_stripe_payments(since) -> list[str]:
    """Ask Stripe for the PaymentIntent of every Stripe payment created since `since` that is not final, and apply
    what a missed webhook would have said. Returns a line per payment changed (or that Stripe could not check)."""
    import stripe

    from .stripe_client import get_client

    client = get_client()
    open_states = [PaymentStatus.PENDING, PaymentStatus.PROCESSING, PaymentStatus.AUTHORIZED, PaymentStatus.FAILED]
    changes = []
    payments = Payment.objects.filter(provider=Provider.STRIPE, created_at__gte=since, status__in=open_states).exclude(provider_reference="")
    for payment in payments.order_by("pk"):
        before = payment.status
        try:
            intent = client.v1.payment_intents.retrieve(payment.provider_reference).to_dict()
        except stripe.StripeError as exc:  # one intent Stripe cannot give back does not stop the others
            changes.append(f"payment {payment.pk} ({payment.provider_reference}): not checked, Stripe says: {exc.user_message or exc}")
            continue
        outcome = _sync_intent(payment, intent)
        if outcome and outcome.startswith("now"):
            changes.append(f"payment {payment.pk} ({payment.provider_reference}): {before} → {outcome[4:]}")
    return changes


# --- Starting and stopping payments; offline payments (bank transfer, cash on delivery) --------------------------


def start_payment(order_id: int, provider: str, amount: Decimal, currency: str) -> Payment:
    """The pending payment of a new order, for any provider (inside the placing transaction: no network call; Stripe's
    PaymentIntent is made when the buyer opens the pay page). Offline payments are confirmed by staff when the
    money is in; online ones by the provider's events."""
    get_provider(provider)  # refuses an unknown provider
    payment, _created = Payment.objects.get_or_create(
        idempotency_key=f"order-{order_id}-{provider}",
        defaults={"order_id": order_id, "provider": provider, "amount": amount, "currency": currency},
    )
    return payment


def capture_offline_payment(order_id: int) -> Payment | None:
    """Staff received the transfer or the carrier collected the cash: the order's open offline payment is captured
    in full (None when the order has none, e.g. older orders, or it is captured already). An offline payment has no
    provider id: what staff note about it (a bank statement line) belongs on the order's event log, not in the
    unique `provider_reference` (a note used twice must never fail the second payment)."""
    with transaction.atomic():
        payment = (
            Payment.objects.select_for_update()
            .filter(order_id=order_id, provider__in=[Provider.BANK_TRANSFER, Provider.CASH_ON_DELIVERY],
                    status__in=[PaymentStatus.PENDING, PaymentStatus.PROCESSING])
            .first()
        )
        if payment is None:
            return None
        _move(payment, PaymentStatus.CAPTURED)
        payment.amount_captured = payment.amount
        payment.save(update_fields=["status", "amount_captured", "updated_at"])
        transaction.on_commit(lambda: payment_captured.send_robust(sender=Payment, payment=payment))
    return payment


def stop_payments(order_id: int, statuses) -> bool:
    """Stop the order's payments in `statuses` at their provider (the order is being cancelled), so the buyer can no
    longer pay them. False when one is already on its way (its real state is then applied) or the provider cannot be
    reached now (logged); call outside a transaction: providers are asked over the network."""
    stopped = True
    for payment_id, provider in Payment.objects.filter(order_id=order_id, status__in=statuses).values_list("pk", "provider"):
        try:
            stopped = get_provider(provider).stop(payment_id) and stopped
        except Exception:
            logger.exception("order %s: payment %s could not be stopped at its provider now", order_id, payment_id)
            stopped = False
    return stopped


def cancel_open_payments(order_id: int) -> int:
    """The order was cancelled: its payments that never completed are cancelled too (captured ones stay, to be refunded)."""
    cancelled = 0
    for payment in Payment.objects.select_for_update().filter(order_id=order_id).order_by("pk"):
        if _move(payment, PaymentStatus.CANCELLED):
            payment.save(update_fields=["status", "updated_at"])
            cancelled += 1
    return cancelled
