"""The one question checkout, the product pages, orders and documents ask: how is this consignment taxed?

`tax_consignment` answers it for what one warehouse sends to one destination; the answer carries the treatment
code (kept on order lines and, as `tax_notes`, on the order), whether the goods are zero-rated, the price as it
is charged, and the notes that go with it (notes.py)."""

from dataclasses import dataclass
from decimal import Decimal

from shop.tax.notes import origin_note
from shop.tax.treatments import ZERO_RATED, Treatment, consignment_treatment, zero_rated


@dataclass(frozen=True)
class ConsignmentTax:
    treatment: str

    @property
    def zero_rated(self) -> bool:
        """The buyer pays no VAT to the shop (reverse charge, or import VAT paid on delivery)."""
        return self.treatment in ZERO_RATED

    def charge(self, price):
        """`price` (shop.pricing.Price at the destination's rate) as this consignment charges it."""
        return zero_rated(price) if self.zero_rated else price

    def note(self, origin_country: str) -> str:
        """Where it ships from and what that means for VAT and duties (product page, cart)."""
        return origin_note(origin_country, self.treatment)


DOMESTIC = ConsignmentTax(Treatment.DOMESTIC)


def tax_consignment(origin_country: str, destination_country: str, value: Decimal, currency: str, rates, *,
                    eu_business: bool = False) -> ConsignmentTax:
    """How goods worth `value` (net, as charged, in `currency`; `rates`: exchange rates for the import limits)
    shipped from `origin_country` to `destination_country` are taxed. `eu_business`: the buyer is an EU business
    with a confirmed VAT number (vat_numbers.qualifies_for_reverse_charge)."""
    return ConsignmentTax(consignment_treatment(origin_country, destination_country, value, currency, rates, eu_business))
