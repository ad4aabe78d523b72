"""Orders: stock shortages at placement, reservations, the status machine, the unpaid sweep, and (PostgreSQL)
fifty buyers racing for the last ten units through the whole place_order path."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from djmoney.money import Money

from fulfillment.models import Allocation, Reservation, Stock, Warehouse
from shop.models import Cart, CartLine, Counter, Invoice, Order, OrderStatus
from shop.pricing import PricingPolicy
from shop.services import checkout
from shop.services.cart import set_line_quantity
from shop.services.orders import (
    OrderError,
    StockShortError,
    cancel_unpaid_orders,
    change_status,
    confirm_cod_order,
    mark_paid,
    place_order,
)
from tests import factories as f

from .checkout_helpers import buy, choose_cheapest_shipping, config, make_cart


@pytest.fixture
def goods(markets):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    a = f.ProductVariantFactory(product__name_en="Linen shirt", base_price=Money(Decimal("20"), "EUR"), weight_grams=300)
    b = f.ProductVariantFactory(product__name_en="Wool scarf", base_price=Money(Decimal("10"), "EUR"), weight_grams=200)
    f.StockFactory(variant=a, warehouse=de, quantity=3)
    f.StockFactory(variant=b, warehouse=de, quantity=3)
    return a, b


@pytest.mark.django_db
def test_checkout_reserves_and_a_cart_change_releases(markets, goods):
    a, b = goods
    cart = make_cart(markets["eu"], [(a, 2)])
    checkout.reserve_cart(cart, config())
    assert Reservation.objects.filter(reference=cart.reservation_reference).get().quantity == 2
    other = make_cart(markets["eu"], [(a, 2)])
    with pytest.raises(checkout.InsufficientStock):
        checkout.reserve_cart(other, config())  # only 1 left for others
    policy = PricingPolicy(config().market_by_id(markets["eu"].pk), config())
    set_line_quantity(cart, b.pk, 1, policy)
    assert not Reservation.objects.filter(reference=cart.reservation_reference).exists()
    cart.refresh_from_db()
    assert cart.reserved_until is None


@pytest.mark.django_db
@override_settings(CARAVAN_RESERVATION_MINUTES=15)
def test_reservation_lasts_the_configured_time(markets, goods):
    cart = make_cart(markets["eu"], [(goods[0], 1)])
    checkout.reserve_cart(cart, config())
    reservation = Reservation.objects.get()
    assert timedelta(minutes=14) < reservation.expires_at - timezone.now() <= timedelta(minutes=15)


@pytest.mark.django_db
def test_stock_sold_meanwhile_names_every_short_line_and_writes_nothing(markets, goods):
    a, b = goods
    cart = make_cart(markets["eu"], [(a, 3), (b, 2)])
    choose_cheapest_shipping(cart)
    checkout.reserve_cart(cart, config())
    Reservation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))  # the buyer took too long
    buy(make_cart(markets["eu"], [(a, 2), (b, 3)]))  # someone else bought meanwhile
    counter_before = list(Counter.objects.values_list("name", "value"))
    with pytest.raises(StockShortError) as exc:
        buy(cart)
    text = " ".join(exc.value.messages)
    assert "Linen shirt" in text and "only 1 left, you asked for 3" in text
    assert "Wool scarf" in text and "sold out" in text
    assert Order.objects.count() == 1 and Invoice.objects.count() == 0  # an unpaid bank transfer has no invoice yet
    assert list(Counter.objects.values_list("name", "value")) == counter_before
    assert Cart.objects.filter(pk=cart.pk).exists()  # the buyer keeps the cart


@pytest.mark.django_db
def test_expired_reservation_still_buys_when_stock_is_there(markets, goods):
    cart = make_cart(markets["eu"], [(goods[0], 1)])
    choose_cheapest_shipping(cart)
    checkout.reserve_cart(cart, config())
    Reservation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    order = buy(cart)
    assert order.status == OrderStatus.AWAITING_PAYMENT and not Reservation.objects.exists()


@pytest.mark.django_db
def test_status_machine_and_event_log(markets, goods):
    order = buy(make_cart(markets["eu"], [(goods[0], 1)]))
    with pytest.raises(OrderError):
        change_status(order.pk, OrderStatus.DELIVERED)
    mark_paid(order.pk, reference="bank statement 42")
    for status in (OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        change_status(order.pk, status)
    with pytest.raises(OrderError):
        change_status(order.pk, OrderStatus.CANCELLED)
    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED and order.paid_at is not None
    kinds = list(order.events.values_list("kind", flat=True))
    assert kinds[0] == "placed" and kinds.count("status") == 4 and "payment" in kinds


@pytest.mark.django_db
@override_settings(CARAVAN_UNPAID_ORDER_HOURS=48)
def test_unpaid_bank_transfers_are_cancelled_and_their_stock_released(markets, goods):
    a, _b = goods
    old = buy(make_cart(markets["eu"], [(a, 1)]))
    paid = buy(make_cart(markets["eu"], [(a, 1)]))
    cod = buy(make_cart(markets["eu"], [(a, 1)]), payment_method="cash_on_delivery")
    confirm_cod_order(cod.pk)  # confirmed cash on delivery is paid on delivery: never swept as unpaid
    mark_paid(paid.pk)
    Order.objects.update(created_at=timezone.now() - timedelta(hours=49))
    assert Stock.objects.get(variant=a).quantity_allocated == 3
    assert cancel_unpaid_orders() == [old.number]
    assert Order.objects.get(pk=old.pk).status == OrderStatus.CANCELLED
    assert Order.objects.get(pk=cod.pk).status == OrderStatus.AWAITING_PAYMENT
    assert Stock.objects.get(variant=a).quantity_allocated == 2
    assert not Allocation.objects.filter(reference=f"order:{old.pk}").exists()
    assert cancel_unpaid_orders() == []  # idempotent


@pytest.mark.django_db
def test_place_order_refuses_an_incomplete_checkout(markets, goods):
    cart = Cart.objects.create(market=markets["eu"])
    CartLine.objects.create(cart=cart, variant=goods[0], quantity=1)
    with pytest.raises(OrderError, match="shipping address"):
        place_order(cart.token, config(), language="en")
    with pytest.raises(OrderError, match="empty"):
        place_order("00000000-0000-0000-0000-000000000000", config(), language="en")
    assert not Order.objects.exists()


postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_fifty_buyers_racing_for_the_last_ten_units_make_exactly_ten_orders(markets):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=10)
    carts = [make_cart(markets["eu"], [(variant, 1)], email=f"b{i}@example.com") for i in range(50)]
    for cart in carts:
        choose_cheapest_shipping(cart)
        checkout.set_payment_method(cart, "bank_transfer")
    cfg = config()
    results, errors = [], []
    barrier = threading.Barrier(50)

    def attempt(token):
        try:
            barrier.wait()
            results.append(place_order(token, cfg, language="en").number)
        except StockShortError:
            results.append(None)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(cart.token,)) for cart in carts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    placed = sorted(n for n in results if n)
    assert len(placed) == 10 and Order.objects.count() == 10
    assert [int(n.rsplit("-", 1)[1]) for n in placed] == list(range(1, 11))  # gapless numbers
    # Offline orders are invoiced when paid, not when placed: staff recording the ten payments at once still get
    # gapless invoice numbers.
    assert not Invoice.objects.exists()
    paid_barrier = threading.Barrier(10)

    def pay(order_id):
        try:
            paid_barrier.wait()
            mark_paid(order_id, reference="bank statement")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(pk,)) for pk in Order.objects.values_list("pk", flat=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert sorted(Invoice.objects.values_list("sequence", flat=True)) == list(range(1, 11))
    stock = Stock.objects.get(variant=variant)
    assert stock.quantity_allocated == 10 and stock.quantity == 10
    assert sum(Allocation.objects.values_list("quantity", flat=True)) == 10


@pytest.mark.django_db
def test_a_product_withdrawn_meanwhile_is_named_and_not_sold(markets, goods):
    a, b = goods
    cart = make_cart(markets["eu"], [(a, 1), (b, 1)])
    choose_cheapest_shipping(cart)
    a.product.is_published = False
    a.product.save()
    with pytest.raises(OrderError, match="Linen shirt"):
        buy(cart)
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_catalogue_edits_show_in_the_checkout_at_once(markets, goods):
    a, _b = goods
    cart = make_cart(markets["eu"], [(a, 1)])
    assert checkout.quote_cart(cart, config()).lines[0].product_name == "Linen shirt"
    a.product.name_en = "Organic linen shirt"
    a.product.save()
    a.base_price = Money(Decimal("30"), "EUR")
    a.save()
    line = checkout.quote_cart(cart, config()).lines[0]
    assert line.product_name == "Organic linen shirt" and line.unit.gross == Decimal("35.99")  # 30 net × 1.19 = 35.70, shown as 35.99


@pytest.fixture
def reserved_cart(markets):
    """A cart holding 2 of a variant with 3 in stock, in checkout (its 2 units reserved)."""
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("10"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=3)
    cart = make_cart(markets["eu"], [(variant, 2)])
    checkout.reserve_cart(cart, config())
    cart.refresh_from_db()
    assert cart.reserved_until is not None
    return cart, variant, PricingPolicy(config().market_by_id(markets["eu"].pk), config())


@pytest.mark.django_db
def test_the_buyers_own_hold_never_counts_against_them(reserved_cart):
    cart, variant, policy = reserved_cart
    assert set_line_quantity(cart, variant.pk, 3, policy).line.quantity == 3  # all 3, not 3 − own 2
    checkout.reserve_cart(cart, config(), force=True)
    cart.refresh_from_db()
    assert set_line_quantity(cart, variant.pk, 1, policy).line.quantity == 1  # reducing always works
    checkout.reserve_cart(cart, config(), force=True)
    cart.refresh_from_db()
    from shop.services.cart import add_to_cart

    assert add_to_cart(cart, variant.pk, 2, policy).quantity == 3  # adding never shrinks the line
    assert not Reservation.objects.exists()  # every change released the hold (checkout reserves again)


@pytest.mark.django_db
def test_sign_in_merge_keeps_reserved_items_and_drops_the_guest_hold(reserved_cart, django_user_model):
    from shop.services.accounts import adopt_guest_cart

    guest, variant, policy = reserved_cart
    user = django_user_model.objects.create_user("m", "m@example.com", "pw-long-enough-9")
    account = Cart.objects.create(market=guest.market, user=user)
    CartLine.objects.create(cart=account, variant=variant, quantity=1)
    merged = adopt_guest_cart(user, guest.token, guest.market_id, policy)
    assert merged.lines.get().quantity == 3 and not Reservation.objects.exists()
