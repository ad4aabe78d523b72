"""Stripe PaymentIntents: created for the pay page, cancelled with their order, synced on every visit of the pay page
and by reconciliation (so a lost or late webhook never leaves a payment behind). Network calls: never inside a
transaction."""

import logging
from dataclasses import dataclass

import stripe

from ...models import Payment, PaymentStatus, Provider
from ...money import to_minor_units
from .client import get_client
from .events import sync_intent

logger = logging.getLogger(__name__)


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
    payment = Payment.objects.get(pk=payment_id, provider=Provider.STRIPE)
    client = get_client()
    if payment.provider_reference:
        intent = client.v1.payment_intents.retrieve(payment.provider_reference).to_dict()
        sync_intent(payment, intent)  # what Stripe says now counts, whether or not its webhook has arrived
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


def cancel_stripe_payment(payment: Payment) -> bool:
    """Cancel the payment's PaymentIntent at Stripe, so the buyer can no longer pay it. False (and the intent's real
    state applied instead) when Stripe will not cancel it because it is processing or has succeeded."""
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
    sync_intent(payment, intent)
    return intent.get("status") == "canceled"


def reconcile_stripe_payments(since) -> list[str]:
    """Ask Stripe for the PaymentIntent of every Stripe payment created since `since` that is not final, and apply
    what a missed webhook would have said. Returns a line per payment changed (or that Stripe could not check)."""
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
        outcome = sync_intent(payment, intent)
        if outcome and outcome.startswith("now"):
            changes.append(f"payment {payment.pk} ({payment.provider_reference}): {before} → {outcome[4:]}")
    return changes
