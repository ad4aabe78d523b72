"""Stripe as a payment provider: PaymentIntents with the Payment Element on the pay page, refunds through Stripe's
API, webhooks verified with the endpoint secret, reconciliation of missed webhooks. The PaymentIntent is made when
the buyer opens the pay page, never inside the placing transaction."""

import logging
from datetime import timedelta

import stripe
from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language

from ...models import Payment, Provider, Refund
from ...money import to_minor_units
from ..base import PaymentProvider, PayPage, ProviderRefund, ProviderUnavailable, RefundError
from .client import get_client
from .intents import cancel_stripe_payment, reconcile_stripe_payments, stripe_intent_for
from .webhook import stripe_webhook_response

logger = logging.getLogger(__name__)

# Stripe.js locales for our languages (Stripe's codes; it falls back to English for others).
STRIPE_LOCALES = {"de": "de", "fr": "fr", "es": "es", "ja": "ja", "zh-hans": "zh", "en": "en"}

# PaymentIntent states in which the money is on its way: the pay page has nothing left to pay.
SETTLING_STATES = ("processing", "succeeded", "requires_capture")


class StripeProvider(PaymentProvider):
    code = Provider.STRIPE.value
    label = Provider.STRIPE.label
    pays_online = True

    def is_available(self) -> bool:
        return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)

    def pay_page(self, request, payment: Payment, *, order_number: str, return_url: str) -> PayPage:
        """Stripe's Payment Element for the payment's PaymentIntent (made on the first visit). The redirect back from
        3-D Secure or a bank (`?payment_intent=…`) is not trusted: Stripe is asked for the real state every time."""
        try:
            intent = stripe_intent_for(payment.pk, order_number=order_number)  # also applies what Stripe says now
        except stripe.StripeError as exc:
            raise ProviderUnavailable(f"Stripe: {exc}") from exc
        if intent.status in SETTLING_STATES:
            return PayPage("processing")  # the bank is still confirming (or the capture fell short: staff look at it)
        returned = bool(payment.provider_reference) and request.GET.get("payment_intent") == payment.provider_reference
        return PayPage("pay", "payments/stripe/pay_form.html", {
            "client_secret": intent.client_secret,
            "failed": intent.failed or (returned and intent.status == "requires_action"),
            "stripe_js_url": settings.STRIPE_JS_URL, "publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
            "stripe_locale": STRIPE_LOCALES.get(get_language(), "auto"), "return_url": return_url,
        })

    def refund(self, payment: Payment, refund: Refund) -> ProviderRefund:
        """A Refund at Stripe with the refund's idempotency key; its final state follows the `charge.refunded` webhook
        unless Stripe says it succeeded at once."""
        try:
            minor = to_minor_units(refund.amount, payment.currency)
        except ValueError as exc:
            raise RefundError(str(exc)) from None
        try:
            result = get_client().v1.refunds.create(
                params={"payment_intent": payment.provider_reference, "amount": minor,
                        "metadata": {"order_id": str(payment.order_id), "refund": str(refund.pk)}},
                options={"idempotency_key": refund.idempotency_key},
            )
        except Exception as exc:  # stripe.StripeError, not configured and network errors: nothing is recorded
            raise RefundError(f"Stripe refused the refund: {exc}") from exc
        return ProviderRefund(reference=result.id, completed=result.status == "succeeded")

    def handle_webhook(self, request) -> HttpResponse:
        return stripe_webhook_response(request)

    def cancel(self, payment: Payment) -> bool:
        return cancel_stripe_payment(payment)

    def reconcile(self, since) -> list[str]:
        return reconcile_stripe_payments(since)

    def unpaid_order_timeout(self) -> timedelta:
        return timedelta(minutes=settings.CARAVAN_UNPAID_ONLINE_ORDER_MINUTES)
