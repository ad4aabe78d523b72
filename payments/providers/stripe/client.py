"""The official Stripe SDK client, configured from the environment (STRIPE_API_BASE points it at localstripe)."""

import stripe
from django.conf import settings

from ..base import ProviderUnavailable


class StripeNotConfigured(ProviderUnavailable):
    """STRIPE_SECRET_KEY is not set."""


def get_client() -> stripe.StripeClient:
    if not settings.STRIPE_SECRET_KEY:
        raise StripeNotConfigured("STRIPE_SECRET_KEY is not set")
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else {}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, base_addresses=base, max_network_retries=2)
