"""Checkout: what the buyer's cart costs delivered to an address — lines, tax treatment, shipping options,
voucher discount, totals — computed from a CheckoutInfo (info.py) by `build_quote`.

Everything is computed from the cart and the market's pricing policy each time; nothing the browser posts is
trusted for a price. Placing an order (services/orders/placing.py) builds the same quote once, under locks, from
what it allocated.

Money rules (explicit, tested in tests/shop/test_checkout_money.py and test_tax_rounding.py):
- unit prices come from the pricing policy for the destination country (rounded per the market's rule);
- a line's shown total (gross where the market shows gross, else net) is unit × quantity less its discount share;
- a voucher discount is taken off the shown goods total, spread over the lines in proportion to their totals
  (largest remainders get the leftover minor units), so nothing goes negative;
- shipping is one parcel per consignment (shipping.py: priced, dated and with a CO2 estimate each), each taxed at
  the destination's standard rate (zero when that consignment's goods are zero-rated);
- tax is rounded once per rate on the summed shown amounts of that rate, goods and shipping together
  (shop/tax/rounding.py); each line's other side carries its share of that tax, so lines and parcels add up
  to the per-rate totals and total = Σ net + Σ tax = Σ shown lines + Σ shown parcels.
- how each consignment is taxed (domestic, IOSS, UK low value, import on delivery, reverse charge) is shop/tax's
  answer (`tax_consignment`), asked per warehouse the goods ship from.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from fulfillment.services import plan_fulfilment
from shop.models import Cart, Voucher
from shop.money import quantize
from shop.plumbing.storefront_config import StorefrontConfig
from shop.pricing import Price
from shop.services.checkout.errors import VoucherError
from shop.services.checkout.info import CheckoutInfo, load_checkout_info
from shop.services.checkout.shipping import ShippingOption, shipping_items, shipping_options, with_sides
from shop.services.checkout.vouchers import check_voucher_for, voucher_discount
from shop.tax import HUNDRED, ZERO_RATED, Treatment, allocate, split_by_rate, tax_consignment, zero_rated


@dataclass
class QuoteLine:
    variant_id: int
    product_name: str
    variant_name: str
    sku: str
    quantity: int
    unit: Price
    weight_grams: int
    treatment: str = Treatment.DOMESTIC
    discount: Decimal = Decimal(0)
    total_net: Decimal = Decimal(0)
    total_gross: Decimal = Decimal(0)

    @property
    def tax_rate(self) -> Decimal:
        return self.unit.tax_rate

    @property
    def undiscounted_display(self) -> Decimal:
        return self.unit.display * self.quantity

    @property
    def total_display(self) -> Decimal:
        return self.total_gross if self.unit.includes_tax else self.total_net


@dataclass
class Quote:
    currency: str
    includes_tax: bool
    country: str
    lines: list[QuoteLine]
    shipping_options: list[ShippingOption] = field(default_factory=list)
    shipping: ShippingOption | None = None
    voucher: Voucher | None = None
    voucher_error: str = ""
    discount: Decimal = Decimal(0)
    subtotal_display: Decimal = Decimal(0)  # goods before discount, as shown
    subtotal_net: Decimal = Decimal(0)  # goods after discount
    subtotal_gross: Decimal = Decimal(0)
    total_net: Decimal = Decimal(0)
    total_gross: Decimal = Decimal(0)
    tax_by_rate: list[tuple[Decimal, Decimal, Decimal]] = field(default_factory=list)  # (rate, net, tax)
    rate_totals: list = field(default_factory=list)  # shop.tax.RateTotal per rate, highest first
    treatments: list[str] = field(default_factory=list)
    shortages: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)  # names of lines no longer for sale
    plan: dict = field(default_factory=dict)  # warehouse id -> {variant id: quantity}
    consignments: dict = field(default_factory=dict)  # where it ships from as priced: the plan, else all from the first warehouse
    consignment_treatments: dict = field(default_factory=dict)  # warehouse id -> how its consignment is taxed
    weight_grams: int = 0
    eu_business: bool = False  # an EU business buyer with a confirmed VAT number (reverse charge, imports itself)

    @property
    def total_tax(self) -> Decimal:
        return self.total_gross - self.total_net

    @property
    def shipping_display(self) -> Decimal:
        if self.shipping is None:
            return Decimal(0)
        return self.shipping.price.display


def split_discount(amounts: list[Decimal], discount: Decimal, currency: str) -> list[Decimal]:
    """Spread `discount` over lines in proportion to `amounts` (shop/tax/rounding.py's allocate: whole minor units, largest
    remainders first); the parts add up to exactly `discount` and no part exceeds its line."""
    return allocate(amounts, discount, currency)


def apply_line_totals(lines: list[QuoteLine], discount: Decimal, currency: str) -> None:
    """Set each line's discount and net/gross totals (see the module's money rules)."""
    parts = split_discount([line.undiscounted_display for line in lines], discount, currency)
    for line, part in zip(lines, parts, strict=True):
        line.discount = part
        factor = 1 + line.unit.tax_rate / HUNDRED
        if line.unit.includes_tax:
            gross = line.unit.gross * line.quantity - part
            net = gross if line.unit.tax_rate == 0 else quantize(gross / factor, currency)
        else:
            net = line.unit.net * line.quantity - part
            gross = quantize(net * factor, currency)
        line.total_net, line.total_gross = net, gross


def summarise(quote: Quote) -> None:
    """Totals and tax per rate from the lines' shown totals and shipping (one item per parcel, each at its own rate),
    rounded once per rate (shop/tax/rounding.py). Sets each line's (and each parcel's) other side to its share of its
    rate's tax, so everything adds up: total = Σ lines + Σ parcels."""
    items = [(line.tax_rate, line.total_display) for line in quote.lines]
    shipping = shipping_items(quote.shipping) if quote.shipping is not None else []
    rate_totals, sides = split_by_rate(items + shipping, quote.includes_tax, quote.currency)
    for line, (net, gross) in zip(quote.lines, sides, strict=False):
        line.total_net, line.total_gross = net, gross
    if quote.shipping is not None:
        quote.shipping = with_sides(quote.shipping, sides[len(items):], quote.currency, quote.includes_tax)
    quote.subtotal_net = sum((line.total_net for line in quote.lines), Decimal(0))
    quote.subtotal_gross = sum((line.total_gross for line in quote.lines), Decimal(0))
    quote.total_net = sum((t.net for t in rate_totals), Decimal(0))
    quote.total_gross = sum((t.gross for t in rate_totals), Decimal(0))
    quote.rate_totals = rate_totals
    quote.tax_by_rate = [(t.rate, t.net, t.tax) for t in rate_totals]


def _consignment_lines(lines: list[QuoteLine], consignments: dict, treatments: dict) -> list[QuoteLine]:
    """One quote line per variant and tax treatment: a variant shipped partly from a warehouse whose consignment is
    taxed differently (say, half from Berlin, half imported from London) becomes two lines, each taxed right."""
    result = []
    for line in lines:
        quantities: dict[str, int] = {}
        for warehouse_id, picks in consignments.items():
            if picks.get(line.variant_id):
                treatment = treatments[warehouse_id]
                quantities[treatment] = quantities.get(treatment, 0) + picks[line.variant_id]
        if sum(quantities.values()) != line.quantity:  # not (fully) planned: short of stock, priced as domestic
            quantities = {Treatment.DOMESTIC: line.quantity}
        for treatment, quantity in quantities.items():
            unit = line.unit
            if treatment in ZERO_RATED:
                unit = zero_rated(unit)
            result.append(QuoteLine(line.variant_id, line.product_name, line.variant_name, line.sku, quantity, unit,
                                    line.weight_grams, treatment))
    return result


def _price_lines(quote: Quote, lines: list[QuoteLine], info: CheckoutInfo) -> None:
    """Set the quote's lines, goods subtotal, voucher discount (or why it does not apply) and line totals."""
    quote.lines = lines
    quote.subtotal_display = sum((q.undiscounted_display for q in lines), Decimal(0))
    quote.discount, quote.voucher, quote.voucher_error = Decimal(0), None, ""
    if info.voucher is not None:
        try:
            quote.voucher = check_voucher_for(info.voucher, info.cart, info.market, quote.subtotal_display, info.config)
            quote.discount = voucher_discount(quote.voucher, quote.subtotal_display, quote.currency, info.config)
        except VoucherError as exc:
            quote.voucher_error = str(exc)
    apply_line_totals(lines, quote.discount, quote.currency)


def _tax_consignments(quote: Quote, consignments: dict, info: CheckoutInfo) -> None:
    """Ask shop/tax how each consignment is taxed, split lines accordingly, apply the voucher. The import thresholds
    (€150 / £135) compare a consignment's value as charged, i.e. after the discount; since the treatment changes
    prices (zero-rated lines) and so the discount, this repeats until the treatments settle (at most three rounds)."""
    base_lines = quote.lines
    net_by_variant = {line.variant_id: line.unit.net for line in base_lines}
    values = {w: sum((net_by_variant[v] * q for v, q in picks.items()), Decimal(0)) for w, picks in consignments.items()}
    origins = {w: info.config.warehouses.get(w, ("", frozenset()))[0] for w in consignments}
    treatments: dict | None = None
    for _round in range(3):
        decided = {
            w: tax_consignment(origins[w], quote.country, values[w], quote.currency, info.config.rates,
                               eu_business=info.eu_business).treatment
            for w in consignments
        }
        if decided == treatments:
            break
        treatments = decided
        _price_lines(quote, _consignment_lines(base_lines, consignments, treatments), info)
        unit_net = {(line.variant_id, line.treatment): line.total_net / line.quantity for line in quote.lines}
        values = {
            w: sum((unit_net.get((v, treatments[w]), net_by_variant[v]) * q for v, q in picks.items()), Decimal(0))
            for w, picks in consignments.items()
        }
    quote.treatments = sorted({line.treatment for line in quote.lines} - {Treatment.DOMESTIC})
    quote.consignment_treatments = dict(treatments or {})


def build_quote(info: CheckoutInfo, *, plan: dict | None = None) -> Quote:
    """Price the checkout for its destination, with names in `info.language`. `plan` ({warehouse id: {variant id:
    quantity}}) is where the goods ship from; by default it is planned from the stock now (placing an order passes
    what it allocated)."""
    market, country, config, language = info.market, info.country, info.config, info.language
    policy = info.policy
    quote = Quote(market.currency, market.prices_include_tax, country, [])
    for variant_id, quantity in info.rows:
        fact = info.facts.get(variant_id)
        if fact is None or not fact.for_sale:
            quote.withdrawn.append(fact.product_name(language) if fact else str(variant_id))
            continue
        unit = policy.price(fact.base_amount, fact.base_currency, fact.tax_class, fact.fixed_prices.get(market.currency))
        quote.lines.append(
            QuoteLine(variant_id, fact.product_name(language), fact.variant_name(language), fact.sku, quantity, unit, fact.weight_grams)
        )
    quote.weight_grams = sum(q.weight_grams * q.quantity for q in quote.lines)
    if not quote.lines:
        return quote

    warehouse_ids = config.warehouses_for(market, country)
    if plan is None:
        plan, quote.shortages = plan_fulfilment({q.variant_id: q.quantity for q in quote.lines}, warehouse_ids,
                                                exclude_reference=info.cart.reservation_reference)
    quote.plan = plan
    consignments = plan or ({warehouse_ids[0]: {q.variant_id: q.quantity for q in quote.lines}} if warehouse_ids else {})
    quote.eu_business = info.eu_business
    _tax_consignments(quote, consignments, info)

    quote.consignments = consignments
    charged = {line.treatment for line in quote.lines}
    zero_rated_warehouses = {w for w, t in quote.consignment_treatments.items() if t in ZERO_RATED and t in charged}
    if all(line.treatment in ZERO_RATED for line in quote.lines):  # not (fully) planned lines are priced as domestic
        zero_rated_warehouses = set(consignments)
    weights = {line.variant_id: line.weight_grams for line in quote.lines}
    quote.shipping_options = shipping_options(policy, config, consignments, weights, zero_rated_warehouses, country, language)
    quote.shipping = next((o for o in quote.shipping_options if o.method_id == info.cart.shipping_method_id), None)
    summarise(quote)
    return quote


def quote_cart(cart: Cart, config: StorefrontConfig, *, language: str | None = None, check_voucher: bool = True,
               rows: list[tuple[int, int]] | None = None) -> Quote:
    """The quote of a cart as it is now (the checkout pages, the cart): its CheckoutInfo loaded, then priced."""
    return build_quote(load_checkout_info(cart, config, language=language, check_voucher=check_voucher, rows=rows))
