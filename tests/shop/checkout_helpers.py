"""Driving checkout through its services (the pages are tested in test_checkout_flow.py)."""

from decimal import Decimal

from shop.models import Cart, CartLine
from shop.plumbing import storefront_config
from shop.services import checkout
from shop.services.orders import place_order

GERMAN_ADDRESS = {"full_name": "Erika Mustermann", "line1": "Hauptstraße 5", "postcode": "10115", "city": "Berlin", "country": "DE"}
ADDRESSES = {
    "DE": GERMAN_ADDRESS,
    "FR": {"full_name": "Jean Dupont", "line1": "1 rue de Rivoli", "postcode": "75001", "city": "Paris", "country": "FR"},
    "GB": {"full_name": "Jane Doe", "line1": "10 Downing Street", "postcode": "SW1A 2AA", "city": "London", "country": "GB"},
    "JP": {"full_name": "山田太郎", "line1": "千代田1-1", "postcode": "100-0001", "city": "千代田区",
           "region": "東京都", "country": "JP"},  # Japan: a prefecture is required, the city is part of the address
    "US": {"full_name": "John Doe", "line1": "1 Main St", "postcode": "10001", "city": "New York", "region": "NY",
           "country": "US"},
}


def config():
    storefront_config.clear_local_cache()
    return storefront_config.get_config()


def make_cart(market, lines, *, country="DE", email="buyer@example.com", vat_number="", billing_country=None, user=None):
    """A cart with `lines` [(variant, quantity)] and the address steps done (no shipping method yet)."""
    cart = Cart.objects.create(market=market, user=user)
    for variant, quantity in lines:
        CartLine.objects.create(cart=cart, variant=variant, quantity=quantity)
    cfg = config()
    info = cfg.market_by_id(market.pk)
    address = checkout.clean_address(ADDRESSES[country], info)
    checkout.set_contact_and_shipping_address(cart, email, address)
    billing = None
    if billing_country:
        billing = checkout.clean_address(ADDRESSES[billing_country], info, require_market_country=False)
    checkout.set_billing(cart, billing, vat_number)
    cart.refresh_from_db()
    return cart


def choose_cheapest_shipping(cart):
    quote = checkout.quote_cart(cart, config())
    assert quote.shipping_options, "no shipping option for this cart"
    checkout.set_shipping_method(cart, quote.shipping_options[0].method_id, quote)
    cart.refresh_from_db()
    return checkout.quote_cart(cart, config())


def buy(cart, *, payment_method="bank_transfer", language="en", expected_total: Decimal | None = None):
    choose_cheapest_shipping(cart) if cart.shipping_method_id is None else None
    checkout.set_payment_method(cart, payment_method)
    return place_order(cart.token, config(), language=language, expected_total=expected_total)
