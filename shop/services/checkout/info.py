"""What a checkout is about, loaded once: the cart, its market and destination, the billing details as they are now
("same as shipping" resolved), what is known about the buyer's VAT number, the voucher to apply, the cart's lines
and the facts of their variants (in the spirit of Saleor's `CheckoutInfo`). The quote (quote.py), the steps'
checks (steps.py) and placing an order (services/orders/placing.py) all read it instead of reloading pieces."""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings

from shop.formatting import active_language
from shop.models import Cart, Voucher
from shop.plumbing.storefront_config import MarketInfo, StorefrontConfig
from shop.pricing import PricingPolicy
from shop.selectors.cart import VariantFacts, cart_lines, variant_facts
from shop.tax import vat_numbers


@dataclass
class CheckoutInfo:
    cart: Cart
    config: StorefrontConfig
    market: MarketInfo
    country: str  # the destination: the shipping address's country, else the market's default country
    language: str  # of product names in the quote
    billing: dict | None  # billing_address_of(cart)
    vat_check: vat_numbers.VatCheck | None  # the buyer's VAT number, when it could make the sale a reverse charge
    eu_business: bool  # ... and it does: an EU business buyer with a confirmed number
    voucher: Voucher | None  # the cart's voucher, to check and apply (None: none, or not to be checked now)
    rows: list[tuple[int, int]]  # (variant id, quantity) of the cart's lines
    facts: dict[int, VariantFacts]

    @cached_property
    def policy(self) -> PricingPolicy:
        return PricingPolicy(self.market, self.config, country=self.country)

    @property
    def withdrawn(self) -> list[str]:
        """Names of the lines no longer for sale."""
        return [self.facts[v].product_name(self.language) if v in self.facts else str(v)
                for v, _quantity in self.rows if v not in self.facts or not self.facts[v].for_sale]


def load_checkout_info(cart: Cart, config: StorefrontConfig, *, language: str | None = None, check_voucher: bool = True,
                       lock_voucher: bool = False, rows: list[tuple[int, int]] | None = None) -> CheckoutInfo:
    """Everything a quote needs, read once. `check_voucher` False: the cart's voucher is left out (the voucher step
    checks a new code itself); `lock_voucher`: its row is read with `select_for_update` (placing an order: the
    voucher's checks then hold until commit). `rows`: the cart's lines, when the caller has read them."""
    market = config.market_by_id(cart.market_id)
    country = destination(cart, market)
    billing = billing_address_of(cart)
    vat_check = vat_numbers.recorded_check(billing or {}, settings.CARAVAN_SELLER["country"])
    eu_business = vat_numbers.qualifies_for_reverse_charge(vat_check, (billing or {}).get("country", ""), country)
    voucher = None
    if cart.voucher_id and check_voucher:
        voucher = Voucher.objects.select_for_update().filter(pk=cart.voucher_id).first() if lock_voucher else cart.voucher
    rows = cart_lines(cart) if rows is None else rows
    facts = variant_facts(variant_id for variant_id, _quantity in rows)
    return CheckoutInfo(cart, config, market, country, language or active_language(), billing, vat_check, eu_business,
                        voucher, rows, facts)


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


def vat_number_notice(cart: Cart) -> str:
    """For the review step: why the buyer's VAT number does not zero-rate the order, if it does not."""
    return vat_numbers.notice(vat_numbers.recorded_check(billing_address_of(cart) or {}, settings.CARAVAN_SELLER["country"]))
