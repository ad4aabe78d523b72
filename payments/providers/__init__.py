"""Payment providers behind one interface (`base.PaymentProvider`), registered from settings (`registry`).

Callers import from here: `get_provider(code)`, `available_providers(codes)`, `online_providers()`, … Each provider
lives in its own module (`stripe/`, `offline.py`); see docs/architecture.md §4 ("Add a payment provider")."""

from .base import PaymentProvider, PayPage, ProviderRefund, ProviderUnavailable, RefundError
from .registry import (
    UnknownProvider,
    available_providers,
    get_provider,
    is_registered,
    offline_providers,
    online_providers,
    provider_choices,
    registered_providers,
)

__all__ = [
    "PayPage", "PaymentProvider", "ProviderRefund", "ProviderUnavailable", "RefundError", "UnknownProvider",
    "available_providers", "get_provider", "is_registered", "offline_providers", "online_providers", "provider_choices",
    "registered_providers",
]
