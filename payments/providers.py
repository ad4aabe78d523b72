"""The payment providers behind one small interface (DESIGN §5).

Each provider says whether it can be offered now (`is_available`: Stripe needs its keys), whether the buyer pays
online after placing the order (`pays_online`: the shop then sends the buyer to its pay page and confirms the order
once the payment is captured) and how to stop a payment whose order is cancelled (`stop`). Every provider starts
an order's payment the same way, inside the placing transaction and without a network call:
`services.start_payment`. Markets choose which providers they offer (`shop.Market.payment_methods`, in admin)."""

from dataclasses import dataclass

from django.conf import settings

from .models import Provider


@dataclass(frozen=True)
class PaymentProvider:
    code: str
    pays_online: bool = False

    def is_available(self) -> bool:
        return True

    def stop(self, payment_id: int) -> bool:
        """Make sure the buyer can no longer pay `payment_id` (its order is being cancelled). False when the provider
        says the money is already on its way; nothing to do for offline payments."""
        return True


@dataclass(frozen=True)
class StripeProvider(PaymentProvider):
    code: str = Provider.STRIPE
    pays_online: bool = True

    def is_available(self) -> bool:
        return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)

    def stop(self, payment_id: int) -> bool:
        from .services import cancel_stripe_payment

        return cancel_stripe_payment(payment_id)


PROVIDERS: dict[str, PaymentProvider] = {
    Provider.STRIPE: StripeProvider(),
    Provider.BANK_TRANSFER: PaymentProvider(Provider.BANK_TRANSFER),
    Provider.CASH_ON_DELIVERY: PaymentProvider(Provider.CASH_ON_DELIVERY),
}


def get_provider(code: str) -> PaymentProvider:
    try:
        return PROVIDERS[code]
    except KeyError:
        raise ValueError(f"unknown payment provider {code!r}") from None


def online_providers() -> list[str]:
    return [code for code, provider in PROVIDERS.items() if provider.pays_online]


def available_providers(codes) -> list[str]:
    """The providers of `codes` that can be offered now, in the order given (unknown codes are skipped)."""
    return [code for code in codes if code in PROVIDERS and PROVIDERS[code].is_available()]
