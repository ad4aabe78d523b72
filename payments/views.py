"""Stripe's webhook endpoint: verify the signature, hand the event to the service, answer fast."""

import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .services import handle_stripe_event

logger = logging.getLogger(__name__)


@csrf_exempt  # authenticated by Stripe's signature instead
@require_POST
def stripe_webhook(request):
    signature = request.headers.get("Stripe-Signature", "")
    if not settings.STRIPE_WEBHOOK_SECRET:
        logger.error("stripe webhook refused: STRIPE_WEBHOOK_SECRET is not set")
        return HttpResponse("webhook secret not configured", status=400, content_type="text/plain")
    try:
        event = stripe.Webhook.construct_event(request.body.decode("utf-8"), signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, UnicodeDecodeError):
        logger.warning("stripe webhook refused: the body is not a Stripe event")
        return HttpResponse("invalid payload", status=400, content_type="text/plain")
    except stripe.SignatureVerificationError as exc:
        logger.warning("stripe webhook refused: %s", exc)
        return HttpResponse("invalid signature", status=400, content_type="text/plain")
    outcome = handle_stripe_event(event.to_dict())
    return JsonResponse({"received": True, "outcome": outcome})
