"""The pay page of an order paid online (Stripe's Payment Element).

The buyer lands here right after placing the order, and Stripe sends them back here after 3-D Secure or a bank's
page (`?payment_intent=…`). Every visit asks Stripe for the payment's real state (never the redirect's query string)
and applies it: paid (→ the confirmation page), processing, failed with a retry, or the payment form."""

import logging

import stripe
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from payments.providers import get_provider
from payments.services import start_payment, stripe_intent_for
from payments.stripe_client import PaymentsNotConfigured

from .checkout_views import buyers_order
from .models import OrderStatus

logger = logging.getLogger(__name__)

# Stripe.js locales for our languages (Stripe's codes; it falls back to English for others).
STRIPE_LOCALES = {"de": "de", "fr": "fr", "es": "es", "ja": "ja", "zh-hans": "zh", "en": "en"}


@never_cache
@require_GET
def pay(request, number):
    order = buyers_order(request, number)
    if not get_provider(order.payment_method).pays_online:
        return redirect("shop:checkout-done", number=order.number)
    payment = start_payment(order.pk, order.payment_method, order.total_gross, order.currency)  # the order's, made when placed
    context = {"order": order, "state": "pay"}
    intent = None
    try:
        if order.status == OrderStatus.AWAITING_PAYMENT:
            intent = stripe_intent_for(payment.pk, order_number=order.number)  # also applies what Stripe says now
            order.refresh_from_db(fields=["status"])
    except (stripe.StripeError, PaymentsNotConfigured):  # Stripe unreachable or misconfigured: the order stays; try again
        logger.exception("order %s: the pay page could not reach Stripe", order.number)
        context["state"] = "unavailable"
        return render(request, "shop/checkout/pay.html", context, status=503)
    if order.status == OrderStatus.CANCELLED:
        context["state"] = "cancelled"
    elif order.status != OrderStatus.AWAITING_PAYMENT:
        return redirect("shop:checkout-done", number=order.number)
    elif intent.status in ("processing", "succeeded", "requires_capture"):
        context["state"] = "processing"  # the bank is still confirming (or the capture fell short: staff look at it)
    else:
        returned = bool(payment.provider_reference) and request.GET.get("payment_intent") == payment.provider_reference
        context.update(
            client_secret=intent.client_secret, failed=intent.failed or (returned and intent.status == "requires_action"),
            stripe_js_url=settings.STRIPE_JS_URL, publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
            stripe_locale=STRIPE_LOCALES.get(get_language(), "auto"),
            return_url=request.build_absolute_uri(reverse("shop:checkout-pay", kwargs={"number": order.number})),
        )
    return render(request, "shop/checkout/pay.html", context)
