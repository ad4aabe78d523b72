"""The one pricing code path: "price, tax and availability of this variant here".

A `PricingPolicy` is built per request for the buyer's market (and, later, shipping country). Templates, the
listing price table, search, the API and checkout all ask it, so a price never differs between two pages.

Order of operations for a variant without a fixed price in the market's currency:
1. convert the net base price with the stored rate (full precision, no rounding yet);
2. add the destination's tax when the market shows prices with tax;
3. apply the market's rounding rule to that shown price;
4. derive the other side (net from gross, or gross from net), rounded half up to the currency's minor unit.
A fixed price is the shown price as the merchant typed it (only quantized to the currency).
"""

from dataclasses import dataclass
from decimal import Decimal

from fulfillment.selectors import available_by_warehouse, available_quantities
from shop.fx import convert
from shop.money import apply_rounding_rule, format_money, quantize
from shop.plumbing.storefront_config import MarketInfo, StorefrontConfig
from shop.tax import destination_rate, tax_consignment

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Price:
    net: Decimal
    gross: Decimal
    currency: str
    tax_rate: Decimal  # percent
    includes_tax: bool
    is_fixed: bool = False

    @property
    def display(self) -> Decimal:
        return self.gross if self.includes_tax else self.net

    @property
    def tax(self) -> Decimal:
        return self.gross - self.net


@dataclass(frozen=True, slots=True)
class Offer:
    """A variant as a buyer here can get it: the price as it will be charged (import treatment included), the
    units available, the country of the warehouse it ships from and the tax treatment that follows."""

    price: Price
    available: int
    origin: str
    treatment: str


class PricingPolicy:
    def __init__(self, market: MarketInfo, config: StorefrontConfig, country: str | None = None):
        self.market = market
        self.config = config
        self.currency = market.currency
        self.country = country or market.default_country

    def tax_rate(self, tax_class: str) -> Decimal:
        return destination_rate(self.config.tax_rates, self.country, tax_class)

    def price(self, base_amount: Decimal, base_currency: str, tax_class: str, fixed: Decimal | None = None) -> Price:
        rate = self.tax_rate(tax_class)
        factor = 1 + rate / HUNDRED
        include = self.market.prices_include_tax
        if fixed is not None:
            shown = quantize(fixed, self.currency)
        else:
            net = convert(base_amount, base_currency, self.currency, self.config.rates)
            shown = apply_rounding_rule(net * factor if include else net, self.currency, self.market.rounding_rule)
        if include:
            return Price(quantize(shown / factor, self.currency), shown, self.currency, rate, True, fixed is not None)
        return Price(shown, quantize(shown * factor, self.currency), self.currency, rate, False, fixed is not None)

    def variant_price(self, variant, fixed_prices: dict | None = None, tax_class: str | None = None) -> Price:
        """Price of a ProductVariant; `fixed_prices` maps currency -> amount (else read from the prefetch)."""
        if fixed_prices is None:
            fixed_prices = {fp.price_currency: fp.price.amount for fp in variant.fixed_prices.all()}
        return self.price(
            variant.base_price.amount,
            str(variant.base_price.currency),
            tax_class or variant.product.tax_class,
            fixed_prices.get(self.currency),
        )

    def format(self, amount: Decimal, language: str) -> str:
        return format_money(amount, self.currency, language)

    def offers(self, prices: dict[int, Price]) -> dict[int, Offer]:
        """Price, stock and origin of variants ({id: price from `price()`}) for one unit sent to this policy's
        country, from the first warehouse (in the market's order) that serves it and has the variant in stock — as
        checkout will plan it. An import whose VAT cannot be collected at checkout (a UK consignment over £135, an
        EU one over €150) is priced without VAT, as the order will be. One query."""
        serving = self.config.warehouses_for(self.market, self.country)
        warehouse_ids = list(dict.fromkeys([*serving, *self.market.warehouse_ids]))
        stock = available_by_warehouse(prices, warehouse_ids)
        offers = {}
        for variant_id, price in prices.items():
            origin_id = next((w for w in serving if stock.get((variant_id, w), 0) > 0), serving[0] if serving else None)
            origin = self.config.warehouses.get(origin_id, ("", frozenset()))[0] if origin_id else ""
            taxed = tax_consignment(origin, self.country, price.net, self.currency, self.config.rates) if origin else None
            offers[variant_id] = Offer(
                taxed.charge(price) if taxed else price,
                sum(stock.get((variant_id, w), 0) for w in self.market.warehouse_ids),
                origin,
                taxed.treatment if taxed else "",
            )
        return offers

    def availability(self, variant_ids) -> dict[int, int]:
        return available_quantities(variant_ids, self.market.warehouse_ids)
