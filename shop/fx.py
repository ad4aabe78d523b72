"""Exchange rates, stored with `djmoney.contrib.exchange` (models ExchangeBackend and Rate).

`FileExchangeBackend` loads rates from a JSON file (`CARAVAN_FX_RATES_FILE`) so `manage.py update_rates` works
without the internet; merchants can also edit rates in admin. Conversions use the stored rates of the backend
named by `settings.CARAVAN_FX_BACKEND` and never call out to the internet.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from djmoney.contrib.exchange.backends.base import BaseExchangeBackend


class MissingRateError(LookupError):
    pass


class FileExchangeBackend(BaseExchangeBackend):
    name = "caravan"

    def __init__(self, path: str | None = None):
        self.path = Path(path or settings.CARAVAN_FX_RATES_FILE)

    def update_rates(self, base_currency=None, **kwargs):
        """Store the file's rates (djmoney's bulk upsert sends no model signals), then reprice the shop."""
        from shop.services.pricing import prices_inputs_changed

        super().update_rates(base_currency=base_currency or settings.BASE_CURRENCY, **kwargs)
        prices_inputs_changed()

    def get_rates(self, **params):
        data = json.loads(self.path.read_text(encoding="utf-8"), parse_float=Decimal)
        base = params.get("base_currency") or data["base"]
        rates = {code: Decimal(str(value)) for code, value in data["rates"].items()}
        if base != data["base"]:
            if base not in rates:
                raise MissingRateError(f"{self.path} has no rate for {base}")
            pivot = rates[base]
            rates = {code: (value / pivot).quantize(Decimal("0.000001")) for code, value in rates.items()}
        rates[base] = Decimal(1)
        return rates


def convert(amount: Decimal, source: str, target: str, rates: dict[str, Decimal]) -> Decimal:
    """Convert with stored rates (each rate = units of that currency per one unit of the base). Unrounded."""
    if source == target:
        return amount
    try:
        return amount * rates[target] / rates[source]
    except KeyError as exc:
        raise MissingRateError(f"no exchange rate for {exc.args[0]}") from exc
