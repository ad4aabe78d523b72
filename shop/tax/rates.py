"""Which tax rate applies: the destination's rate for a product's tax class.

The rates themselves are data (`TaxRate` rows, read once into the configuration snapshot as
``config.tax_rates[(country, tax_class)]``); this is the one place that asks the question, so pricing, shipping
and checkout cannot disagree about it. A country or class without a row is taxed at zero (say, no sales tax
registered there)."""

from collections.abc import Mapping
from decimal import Decimal

STANDARD = "standard"  # the tax class shipping is taxed at


def destination_rate(tax_rates: Mapping[tuple[str, str], Decimal], country: str, tax_class: str) -> Decimal:
    """The rate (percent) of `tax_class` goods delivered to `country`."""
    return tax_rates.get((country, tax_class), Decimal(0))
