"""Stripe's webhook: verify the signature with the endpoint secret, hand the event to `handle_stripe_event`, answer
fast. Served at /payments/stripe/webhook/ (payments.views.provider_webhook dispatches to the provider)."""

import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, JsonResponse

from .events import handle_stripe_event

logger = logging.getLogger(__name__)


def stripe_webhook_response(request) -> HttpResponse:
    signature = request.headers.get("Stripe-Signature", "")
    if not settings.STRIPE_WEBHOOK_SECRET:
        logger.error("stripe webhook refused: STRIPE_WEBHOOK_SECRET is not set")
        return HttpResponse("webhook secret not configured", status=400, content_type="text/plain")
    try:
        event = stripe.Webhook.construct_event(request.body.decode("utf-8"), signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, UnicodeDecodeError, AttributeError, TypeError):  # not JSON, or JSON that is not an object
        logger.warning("stripe webhook refused: the body is not a Stripe event")
        return HttpResponse("invalid payload", status=400, content_type="text/plain")
    except stripe.SignatureVerificationError as exc:
        logger.warning("stripe webhook refused: %s", exc)
        return HttpResponse("invalid signature", status=400, content_type="text/plain")
    event = event.to_dict()
    if not _is_well_formed(event):
        logger.warning("stripe webhook refused: a signed body that is not a well-formed event")
        return HttpResponse("malformed event", status=400, content_type="text/plain")
    outcome = handle_stripe_event(event)
    return JsonResponse({"received": True, "outcome": outcome})


def _is_well_formed(event) -> bool:
    """An event id and type that fit their columns, and an object in `data.object`."""
    return (
        isinstance(event, dict)
        and isinstance(event.get("id"), str) and 0 < len(event["id"]) <= 255
        and isinstance(event.get("type"), str) and 0 < len(event["type"]) <= 100
        and isinstance(event.get("data"), dict) and isinstance(event["data"].get("object"), dict)
    )
