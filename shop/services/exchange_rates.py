"""Loading exchange rates. `FileExchangeBackend` reads them from a JSON file (`CARAVAN_FX_RATES_FILE`) so
`manage.py update_rates` works without the internet; merchants can also edit rates in admin. Storing new rates
reprices the shop's listings (services/pricing.py)."""

import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from djmoney.contrib.exchange.backends.base import BaseExchangeBackend

from shop.fx import MissingRateError
from shop.services.pricing import prices_inputs_changed


class FileExchangeBackend(BaseExchangeBackend):
    name = "caravan"

    def __init__(self, path: str | None = None):
        self.path = Path(path or settings.CARAVAN_FX_RATES_FILE)

    def update_rates(self, base_currency=None, **kwargs):
        """Store the file's rates (djmoney's bulk upsert sends no model signals), then reprice the shop."""
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
