"""Placing an order and cancelling another that used the same voucher take their locks in one order (voucher, then
stock): forced into the worst interleaving, neither deadlocks (PostgreSQL)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from djmoney.money import Money

import fulfillment.services.stock as fs
from fulfillment.models import Warehouse
from shop.models import Order, Voucher
from shop.services import checkout, orders
from shop.services.orders import placing, status
from tests import factories as f
from tests.shop.checkout_helpers import buy, choose_cheapest_shipping, config, make_cart

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_placing_and_cancelling_with_the_same_voucher_do_not_deadlock(markets, monkeypatch):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    v = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=v, warehouse=de, quantity=10)
    f.VoucherFactory(code="TEN")
    c1 = make_cart(markets["eu"], [(v, 1)], email="a@example.com")
    checkout.apply_voucher(c1, "TEN", config())
    c1.refresh_from_db()
    o1 = buy(c1)
    c2 = make_cart(markets["eu"], [(v, 1)], email="b@example.com")
    checkout.apply_voucher(c2, "TEN", config())
    c2.refresh_from_db()
    choose_cheapest_shipping(c2)
    checkout.set_payment_method(c2, "bank_transfer")
    cfg = config()
    placer_has_voucher, canceller_has_stock = threading.Event(), threading.Event()
    real_locked, real_deallocate = fs._locked_stock, status.deallocate_stock

    def locked(*args, **kwargs):  # the placer holds the voucher row: let the canceller go first
        if threading.current_thread().name == "placer":
            placer_has_voucher.set()
            canceller_has_stock.wait(5)
        return real_locked(*args, **kwargs)

    def deallocate(reference):  # the canceller then waits for the placer while holding what it has locked
        released = real_deallocate(reference)
        canceller_has_stock.set()
        placer_has_voucher.wait(5)
        return released

    monkeypatch.setattr(fs, "_locked_stock", locked)
    monkeypatch.setattr(status, "deallocate_stock", deallocate)
    errors = []

    def run(name, action):
        try:
            action()
        except Exception as exc:  # reported by the assertion below
            errors.append((name, repr(exc)[:200]))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=("place", lambda: orders.place_order(c2.token, cfg, language="en")), name="placer"),
        threading.Thread(target=run, args=("cancel", lambda: orders.cancel_order(o1.pk)), name="canceller"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert Order.objects.count() == 2 and Voucher.objects.get(code="TEN").times_used == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_tax_follows_the_warehouse_the_order_is_really_allocated_from(markets, monkeypatch):
    """Buyer A's checkout planned the last Berlin unit (German VAT, DHL); B buys it while A places. A's order must
    not be taxed as a German delivery while it ships from London: it is refused with a clear message, or taxed as
    what it is."""
    from fulfillment.models import Allocation
    from shop.models import TaxTreatment
    from shop.services.checkout import CheckoutError

    de = Warehouse.objects.get(code="de")
    ldn = f.WarehouseFactory(code="ldn", country="GB", countries_served=["GB", "DE", "FR"], priority=30)
    f.shipping_for(de, code="dhl", carrier="DHL")
    f.shipping_for(ldn, code="rm", carrier="Royal Mail")
    v = f.ProductVariantFactory(base_price=Money(Decimal("200"), "EUR"))
    f.StockFactory(variant=v, warehouse=de, quantity=1)
    f.StockFactory(variant=v, warehouse=ldn, quantity=5)
    a = make_cart(markets["eu"], [(v, 1)], email="a@example.com")
    b = make_cart(markets["eu"], [(v, 1)], email="b@example.com")
    for cart in (a, b):
        choose_cheapest_shipping(cart)
        checkout.set_payment_method(cart, "bank_transfer")
    cfg = config()
    real_allocate = placing.allocate_stock

    def allocate_after_b(*args, **kwargs):
        if threading.current_thread().name == "A":
            def place_b():
                orders.place_order(b.token, cfg, language="en")
                connection.close()

            thread = threading.Thread(target=place_b, name="B")
            thread.start()
            thread.join(20)
        return real_allocate(*args, **kwargs)

    monkeypatch.setattr(placing, "allocate_stock", allocate_after_b)
    outcome = {}

    def place_a():
        try:
            outcome["order"] = orders.place_order(a.token, cfg, language="en")
        except CheckoutError as exc:
            outcome["refused"] = str(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=place_a, name="A")
    thread.start()
    thread.join(30)
    if "order" in outcome:
        order = outcome["order"]
        shipped_from = Allocation.objects.get(reference=f"order:{order.pk}").stock.warehouse.code
        treatment = order.lines.get().tax_treatment
        assert (shipped_from, treatment) in {("de", TaxTreatment.DOMESTIC), ("ldn", TaxTreatment.IMPORT_ON_DELIVERY)}
    else:
        assert "shipping option" in outcome["refused"]
        assert not Allocation.objects.filter(reference__startswith="placing:").exists()  # nothing half-written
    assert Order.objects.count() == 1 + ("order" in outcome)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_once_per_customer_voucher_is_used_once_by_two_aliases_placing_at_the_same_time(markets):
    """Issue 9 #5: two carts of one customer (`a.b+1@Gmail.com`, `ab@gmail.com`) both applied the voucher; placed at
    the same moment, the voucher row lock makes the second see the first redemption."""
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    v = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=v, warehouse=de, quantity=10)
    f.VoucherFactory(code="ONCE", per_customer_limit=1)
    carts = []
    for email in ("a.b+1@Gmail.com", "ab@gmail.com"):
        cart = make_cart(markets["eu"], [(v, 1)], email=email)
        checkout.apply_voucher(cart, "ONCE", config())
        cart.refresh_from_db()
        choose_cheapest_shipping(cart)
        checkout.set_payment_method(cart, "bank_transfer")
        carts.append(cart)
    cfg = config()
    start = threading.Barrier(2)
    outcomes = []

    def place(cart):
        try:
            start.wait(5)
            orders.place_order(cart.token, cfg, language="en")
            outcomes.append("placed")
        except checkout.CheckoutError as exc:
            outcomes.append(str(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=place, args=(cart,)) for cart in carts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["You have already used this voucher.", "placed"]
    assert Order.objects.count() == 1 and Voucher.objects.get(code="ONCE").times_used == 1
