"""The official Stripe SDK client, configured from the environment (STRIPE_API_BASE points it at localstripe)."""

import stripe
from django.conf import settings


class PaymentsNotConfigured(RuntimeError):
    pass


def get_client() -> stripe.StripeClient:
    if not settings.STRIPE_SECRET_KEY:
        raise PaymentsNotConfigured("STRIPE_SECRET_KEY is not set")
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else {}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, base_addresses=base, max_network_retries=2)


def to_minor_units(amount, currency: str) -> int:
    """A Decimal amount as the integer Stripe expects (JPY 1320 → 1320, EUR 12.34 → 1234, KWD 1.234 → 1234);
    refuses amounts finer than the currency's minor unit rather than rounding money silently."""
    from decimal import Decimal

    from moneyed import get_currency

    scaled = Decimal(amount) * get_currency(currency.upper()).sub_unit
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount} {currency} is not a whole number of minor units")
    return int(scaled)
