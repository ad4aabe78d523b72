"""Tax treatments: how a consignment is taxed, from where it ships from, where it goes, what it is worth and who
buys it. The rules per destination are data (`IMPORT_RULES`), one entry per customs area; adding a market's rule
is adding an entry here (see docs/architecture.md §4, "Add a market's tax rule").

* Shipped and delivered inside one area (the EU's member states, the UK): the destination's VAT (`domestic`).
* Imported into an area from outside it: VAT collected at checkout up to the area's limit (EU IOSS €150, UK £135),
  above it the goods are sold without VAT and import VAT and duties are due on delivery.
* An EU business buyer with a confirmed VAT number (`eu_business`, see vat_numbers.py): goods crossing a border
  inside the EU are an intra-Community supply (reverse charge); goods from outside the EU are imported by the
  business itself (IOSS is for consumers only), whatever they are worth.
"""

from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils.translation import gettext_noop

from fulfillment.territories import EU_CUSTOMS_UNION
from shop.fx import convert

# The 27 member states: one list for VAT and customs (fulfillment's customs union; shop may read fulfillment).
EU_MEMBER_STATES = EU_CUSTOMS_UNION


class Treatment:
    """Codes of the tax treatments (the values of models.TaxTreatment)."""

    DOMESTIC = "domestic"
    IOSS = "ioss"
    UK_LOW_VALUE = "uk_low_value"
    IMPORT_ON_DELIVERY = "import_on_delivery"
    REVERSE_CHARGE = "reverse_charge"


ZERO_RATED = frozenset({Treatment.REVERSE_CHARGE, Treatment.IMPORT_ON_DELIVERY})  # the buyer pays no VAT to the shop


@dataclass(frozen=True)
class ImportRule:
    """How goods are taxed when they arrive in `area` (a set of countries) from outside it."""

    area_name: str  # "Your items shipping from outside <area_name> ..." (translated where it is printed)
    area: frozenset[str]
    limit: Decimal  # consignments worth up to this (as charged, converted) have VAT collected at checkout ...
    limit_currency: str
    within_limit: str  # ... under this treatment; above it: import VAT and duties due on delivery
    business_reverse_charge: bool = False  # a confirmed business VAT number of the area changes the rules (EU)

    def covers(self, country: str) -> bool:
        return country in self.area


IMPORT_RULES: tuple[ImportRule, ...] = (
    ImportRule(gettext_noop("the EU"), EU_MEMBER_STATES, Decimal(150), "EUR", Treatment.IOSS, business_reverse_charge=True),
    ImportRule(gettext_noop("the UK"), frozenset({"GB"}), Decimal(135), "GBP", Treatment.UK_LOW_VALUE),
)


def import_rule(country: str) -> ImportRule | None:
    """The rule for goods delivered to `country` (None: no import rule, the destination's rate applies)."""
    return next((rule for rule in IMPORT_RULES if rule.covers(country)), None)


def import_limit(country: str) -> tuple[Decimal, str] | None:
    """The consignment value up to which import VAT is collected at checkout for `country` (None: no such rule)."""
    rule = import_rule(country)
    return (rule.limit, rule.limit_currency) if rule is not None else None


def consignment_treatment(warehouse_country: str, country: str, net_value: Decimal, currency: str, rates,
                          eu_business: bool) -> str:
    """How a consignment from `warehouse_country` to `country` worth `net_value` (as charged) is taxed."""
    rule = import_rule(country)
    if rule is None:
        return Treatment.DOMESTIC
    if eu_business and rule.business_reverse_charge:
        if rule.covers(warehouse_country) and warehouse_country != country:
            return Treatment.REVERSE_CHARGE  # intra-Community supply: the goods cross a border inside the area
        if not rule.covers(warehouse_country):
            return Treatment.IMPORT_ON_DELIVERY  # a business imports and pays import VAT itself (IOSS is B2C only)
        return Treatment.DOMESTIC  # dispatched and delivered in the same member state
    if rule.covers(warehouse_country):
        return Treatment.DOMESTIC
    within = convert(net_value, currency, rule.limit_currency, rates) <= rule.limit
    return rule.within_limit if within else Treatment.IMPORT_ON_DELIVERY


def recorded_ioss_number(treatments, seller_ioss_number: str) -> str:
    """The IOSS number an order records and its documents print: the seller's, when goods of it are taxed under IOSS."""
    return seller_ioss_number if Treatment.IOSS in set(treatments) else ""


def zero_rated(price):
    """The price without tax (reverse charge, import VAT paid on delivery): the buyer pays the net."""
    return replace(price, gross=price.net, tax_rate=Decimal(0))
