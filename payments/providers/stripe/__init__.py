"""Everything Stripe: the provider (`provider.StripeProvider`), the SDK client, PaymentIntents, events and the
webhook, and the offline stand-in for Stripe.js (`localstripe`). Nothing outside this package imports `stripe`."""

from .provider import StripeProvider

__all__ = ["StripeProvider"]
