"""The offline stand-in for what Stripe.js does in the browser (`make run` without keys, browser tests): served at
/payments/localstripe/confirm/ only while the SDK points at a localstripe on this machine."""

import json
import logging
from urllib.parse import urlsplit

import stripe
from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .client import get_client

logger = logging.getLogger(__name__)

# Stripe's public test cards: pays, declined, asks for 3-D Secure, pays (Mastercard).
LOCAL_TEST_CARDS = {"4242424242424242", "4000000000000341", "4000002500003155", "5555555555554444"}


def _talks_to_localstripe() -> bool:
    """Only when the SDK points at a fake Stripe on this machine; never against Stripe itself."""
    host = urlsplit(settings.STRIPE_API_BASE).hostname if settings.STRIPE_API_BASE else None
    return host in ("127.0.0.1", "localhost", "::1")


@csrf_exempt  # the client secret authorises it, as it does at Stripe
@require_POST
def localstripe_confirm(request):
    """What Stripe.js does when the buyer presses "Pay", done server-side against localstripe (which refuses
    publishable-key calls): attach a test card to the PaymentIntent and confirm it; for a 3-D Secure test card, a
    second call answers the bank's challenge (`{"authenticate": true|false}`). Exists only in the offline mode (404
    otherwise) and accepts only Stripe's public test card numbers."""
    if not _talks_to_localstripe():
        raise Http404
    try:
        body = json.loads(request.body)
        client_secret = str(body["client_secret"])
        authenticate = body.get("authenticate")
        number = "" if authenticate is not None else str(body["card_number"]).replace(" ", "")
    except (ValueError, KeyError, TypeError, AttributeError):
        return JsonResponse({"error": {"message": "Malformed request."}}, status=400)
    if authenticate is None and number not in LOCAL_TEST_CARDS:
        return JsonResponse({"error": {"type": "card_error", "message": "Use a Stripe test card, e.g. 4242 4242 4242 4242."}}, status=402)
    client = get_client()
    intent_id = client_secret.split("_secret_")[0]
    try:
        intent = client.v1.payment_intents.retrieve(intent_id)
        if intent.client_secret != client_secret:
            raise Http404
        if authenticate is not None:
            client.raw_request("post", f"/v1/payment_intents/{intent_id}/_authenticate", client_secret=client_secret,
                               success="true" if authenticate is True else "false")
            intent = client.v1.payment_intents.retrieve(intent_id)
        elif intent.status == "requires_payment_method" and intent.to_dict().get("latest_charge"):
            # Stripe lets the buyer retry the same intent; localstripe cannot confirm one whose charge was declined.
            return JsonResponse({"error": {"type": "card_error", "message": "localstripe cannot retry a declined payment. Place a new order to try again."}},
                                status=409)
        else:
            method = client.v1.payment_methods.create(params={"type": "card", "card": {
                "number": number, "exp_month": 12, "exp_year": timezone.now().year + 2, "cvc": "123"}})
            client.v1.payment_intents.update(intent_id, params={"payment_method": method.id})
            intent = client.v1.payment_intents.confirm(intent_id)
    except stripe.CardError as exc:
        return JsonResponse({"error": {"type": "card_error", "message": exc.user_message or str(exc)}}, status=402)
    except stripe.StripeError as exc:
        logger.info("localstripe refused the payment: %s", exc)
        return JsonResponse({"error": {"message": "This payment can no longer be made here. Reload the page."}}, status=400)
    return JsonResponse({"status": intent.status, "id": intent.id})
