"""Cart services: quantities capped by the market's stock, prices from the market's policy, guest→account merge."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from fulfillment.services import reserve_stock
from shop.models import Cart, CartLine
from shop.plumbing.storefront_config import get_config
from shop.pricing import PricingPolicy
from shop.services.cart import CartError, add_to_cart, cart_summary, get_or_create_cart, merge_carts, set_line_quantity

pytestmark = pytest.mark.django_db


def policy_for(code):
    config = get_config()
    return PricingPolicy(config.by_code[code], config)


@pytest.fixture
def variant(catalog):
    _, products = catalog
    return products[0].variants.order_by("pk").first()  # 5 in stock in the DE and JP warehouses, 10.00 EUR net


def test_adding_caps_the_quantity_at_what_the_market_has(markets, variant):
    cart = get_or_create_cart(market_id=markets["eu"].pk)
    change = add_to_cart(cart, variant.pk, 3, policy_for("eu"))
    assert change.quantity == 3 and not change.capped and change.count == 3
    change = add_to_cart(cart, variant.pk, 4, policy_for("eu"))
    assert change.quantity == 5 and change.capped and change.requested == 7 and change.count == 5


def test_other_buyers_reservations_count_against_the_cap(markets, variant):
    from datetime import timedelta

    eu = get_config().by_code["eu"]
    reserve_stock("someone-else", {variant.pk: 4}, list(eu.warehouse_ids), timedelta(minutes=15))
    cart = get_or_create_cart(market_id=markets["eu"].pk)
    assert add_to_cart(cart, variant.pk, 3, policy_for("eu")).quantity == 1


@pytest.mark.parametrize("quantity", ["abc", "-1", "100", "1.5", None])
def test_bad_quantities_are_refused_with_a_message(markets, variant, quantity):
    cart = get_or_create_cart(market_id=markets["eu"].pk)
    with pytest.raises(CartError):
        set_line_quantity(cart, variant.pk, quantity, policy_for("eu"))
    assert not CartLine.objects.exists()


def test_unknown_or_sold_out_variants_are_refused(markets, catalog):
    _, products = catalog
    sold_out = products[4].variants.first()  # make_catalog gives every fifth product no stock
    cart = get_or_create_cart(market_id=markets["eu"].pk)
    for variant_id in [sold_out.pk, 999999, "x"]:
        with pytest.raises(CartError):
            add_to_cart(cart, variant_id, 1, policy_for("eu"))


def test_zero_removes_the_line(markets, variant):
    cart = get_or_create_cart(market_id=markets["eu"].pk)
    add_to_cart(cart, variant.pk, 2, policy_for("eu"))
    set_line_quantity(cart, variant.pk, 0, policy_for("eu"))
    assert not cart.lines.exists()


def test_the_cart_reprices_itself_in_the_buyers_market(markets, variant):
    cart = get_or_create_cart(market_id=markets["eu"].pk)
    add_to_cart(cart, variant.pk, 2, policy_for("eu"))
    eu = cart_summary(cart, policy_for("eu"), "de")
    assert eu["lines"][0].unit_display == "11,99\xa0€"  # 10 EUR + 19 % VAT = 11.90 -> .99 rule
    assert eu["subtotal"] == Decimal("23.98") and eu["count"] == 2
    cart = get_or_create_cart(market_id=markets["jp"].pk, token=cart.token)
    jp = cart_summary(cart, policy_for("jp"), "ja")
    assert jp["currency"] == "JPY" and jp["subtotal"] == jp["lines"][0].unit.display * 2
    assert jp["subtotal_display"].startswith("￥")
    assert sum(line.total for line in jp["lines"]) == jp["subtotal"]


def test_guest_cart_merges_into_the_account_cart_on_login(markets, catalog):
    _, products = catalog
    a, b = products[0].variants.first(), products[1].variants.first()
    user = get_user_model().objects.create_user("buyer", "buyer@example.com", "a-long-password-1")
    account = get_or_create_cart(market_id=markets["eu"].pk, user=user)
    add_to_cart(account, a.pk, 2, policy_for("eu"))
    guest = get_or_create_cart(market_id=markets["eu"].pk)
    add_to_cart(guest, a.pk, 4, policy_for("eu"))
    add_to_cart(guest, b.pk, 1, policy_for("eu"))
    merged = merge_carts(guest, account, policy_for("eu"))
    assert {line.variant_id: line.quantity for line in merged.lines.all()} == {a.pk: 5, b.pk: 1}  # 6 capped at 5
    assert not Cart.objects.filter(pk=guest.pk).exists()
    assert get_or_create_cart(market_id=markets["eu"].pk, user=user) == account


def test_summary_costs_a_fixed_number_of_queries(markets, catalog, django_assert_max_num_queries):
    _, products = catalog
    cart = get_or_create_cart(market_id=markets["eu"].pk)
    for product in products[:4]:
        add_to_cart(cart, product.variants.first().pk, 1, policy_for("eu"))
    policy = policy_for("eu")
    with django_assert_max_num_queries(6):  # lines + the variants' facts (variants, fixed prices, attributes) + stock, reservations
        summary = cart_summary(cart, policy, "en")
    assert len(summary["lines"]) == 4
    with django_assert_max_num_queries(3):  # facts cached for this catalogue version: the lines and where they ship from
        assert cart_summary(cart, policy, "en") == summary
