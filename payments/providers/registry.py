"""The registered payment providers: one instance of each class named in `settings.CARAVAN_PAYMENT_PROVIDERS` (dotted
paths), in that order. Markets choose which of them they offer (`shop.Market.payment_methods`, in admin)."""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import PaymentProvider


class UnknownProvider(ValueError):
    """No registered provider has this code."""


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> dict[str, PaymentProvider]:
    providers: dict[str, PaymentProvider] = {}
    for path in paths:
        provider = import_string(path)()
        if not isinstance(provider, PaymentProvider) or not provider.code or not provider.label:
            raise ImproperlyConfigured(f"CARAVAN_PAYMENT_PROVIDERS: {path} is not a PaymentProvider with a code and a label")
        if provider.code in providers:
            raise ImproperlyConfigured(f"CARAVAN_PAYMENT_PROVIDERS: two providers have the code {provider.code!r}")
        if len(provider.code) > 32:  # the width of the provider and payment-method columns
            raise ImproperlyConfigured(f"CARAVAN_PAYMENT_PROVIDERS: the code {provider.code!r} is longer than 32 characters")
        providers[provider.code] = provider
    return providers


def registered_providers() -> dict[str, PaymentProvider]:
    """Every registered provider by code, in the settings' order (read per call: tests may override the setting)."""
    return _load(tuple(settings.CARAVAN_PAYMENT_PROVIDERS))


def get_provider(code: str) -> PaymentProvider:
    try:
        return registered_providers()[code]
    except KeyError:
        raise UnknownProvider(f"unknown payment provider {code!r}") from None


def is_registered(code) -> bool:
    return isinstance(code, str) and code in registered_providers()


def provider_choices() -> list[tuple[str, str]]:
    """(code, label) of every registered provider, for forms."""
    return [(code, provider.label) for code, provider in registered_providers().items()]


def online_providers() -> list[str]:
    return [code for code, provider in registered_providers().items() if provider.pays_online]


def offline_providers() -> list[str]:
    return [code for code, provider in registered_providers().items() if not provider.pays_online]


def available_providers(codes) -> list[str]:
    """The providers of `codes` that can be offered now, in the order given (unknown codes are skipped)."""
    providers = registered_providers()
    return [code for code in codes if code in providers and providers[code].is_available()]
