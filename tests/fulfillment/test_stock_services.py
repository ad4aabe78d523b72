"""Reservations and allocations (docs/architecture.md §3): stock can never be sold twice."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from fulfillment.models import Allocation, Reservation, Stock
from fulfillment.selectors import available_quantities
from fulfillment.services import (
    InsufficientStock,
    allocate_stock,
    delete_expired_reservations,
    release_reservations,
    reserve_stock,
)
from tests import factories as f

TTL = timedelta(minutes=15)


@pytest.fixture
def two_warehouses(db):
    near = f.WarehouseFactory(code="near", country="DE", countries_served=["DE"], priority=10)
    far = f.WarehouseFactory(code="far", country="GB", countries_served=["DE", "GB"], priority=50)
    return near, far


@pytest.mark.django_db
def test_reservations_reduce_availability_until_they_expire(two_warehouses):
    near, far = two_warehouses
    stock = f.StockFactory(warehouse=near, quantity=5)
    variant = stock.variant
    reserve_stock("cart:1", {variant.pk: 3}, [near.pk, far.pk], TTL)
    assert available_quantities([variant.pk], [near.pk]) == {variant.pk: 2}
    with pytest.raises(InsufficientStock) as exc:
        reserve_stock("cart:2", {variant.pk: 3}, [near.pk], TTL)
    assert exc.value.shortages[0].available == 2 and exc.value.shortages[0].missing == 1
    Reservation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert available_quantities([variant.pk], [near.pk]) == {variant.pk: 5}  # expiry is a filter, not the task
    reserve_stock("cart:2", {variant.pk: 5}, [near.pk], TTL)
    assert delete_expired_reservations() == 1


@pytest.mark.django_db
def test_reserving_again_replaces_the_holders_previous_reservation(two_warehouses):
    near, _ = two_warehouses
    stock = f.StockFactory(warehouse=near, quantity=4)
    reserve_stock("cart:1", {stock.variant_id: 4}, [near.pk], TTL)
    reserve_stock("cart:1", {stock.variant_id: 2}, [near.pk], TTL)  # the cart changed
    assert Reservation.objects.get().quantity == 2
    assert release_reservations("cart:1") == 1
    assert available_quantities([stock.variant_id], [near.pk]) == {stock.variant_id: 4}


@pytest.mark.django_db
def test_allocation_prefers_one_warehouse_that_can_ship_everything(two_warehouses):
    near, far = two_warehouses
    a = f.StockFactory(warehouse=near, quantity=5)
    b = f.StockFactory(warehouse=near, quantity=1)
    f.StockFactory(warehouse=far, variant=a.variant, quantity=10)
    f.StockFactory(warehouse=far, variant=b.variant, quantity=10)
    allocate_stock("order:1", {a.variant_id: 2, b.variant_id: 2}, [near.pk, far.pk])
    assert {al.stock.warehouse_id for al in Allocation.objects.select_related("stock")} == {far.pk}


@pytest.mark.django_db
def test_allocation_splits_when_no_single_warehouse_can(two_warehouses):
    near, far = two_warehouses
    a = f.StockFactory(warehouse=near, quantity=3)
    f.StockFactory(warehouse=far, variant=a.variant, quantity=3)
    allocate_stock("order:1", {a.variant_id: 5}, [near.pk, far.pk])
    assert sorted((al.stock.warehouse_id, al.quantity) for al in Allocation.objects.select_related("stock")) == [
        (near.pk, 3),
        (far.pk, 2),
    ]
    assert {s.warehouse_id: s.quantity_allocated for s in Stock.objects.all()} == {near.pk: 3, far.pk: 2}


@pytest.mark.django_db
def test_shortages_are_reported_together_and_nothing_is_written(two_warehouses):
    near, _ = two_warehouses
    a = f.StockFactory(warehouse=near, quantity=1)
    b = f.StockFactory(warehouse=near, quantity=0)
    c = f.StockFactory(warehouse=near, quantity=9)
    with pytest.raises(InsufficientStock) as exc:
        allocate_stock("order:1", {a.variant_id: 2, b.variant_id: 1, c.variant_id: 1}, [near.pk])
    assert {(s.variant_id, s.requested, s.available) for s in exc.value.shortages} == {(a.variant_id, 2, 1), (b.variant_id, 1, 0)}
    assert not Allocation.objects.exists()
    assert sum(Stock.objects.values_list("quantity_allocated", flat=True)) == 0


@pytest.mark.django_db
def test_allocation_consumes_the_buyers_own_reservation_but_not_others(two_warehouses):
    near, _ = two_warehouses
    stock = f.StockFactory(warehouse=near, quantity=3)
    reserve_stock("cart:mine", {stock.variant_id: 2}, [near.pk], TTL)
    reserve_stock("cart:other", {stock.variant_id: 1}, [near.pk], TTL)
    allocate_stock("order:1", {stock.variant_id: 2}, [near.pk], reservation_reference="cart:mine")
    assert list(Reservation.objects.values_list("reference", flat=True)) == ["cart:other"]
    with pytest.raises(InsufficientStock):
        allocate_stock("order:2", {stock.variant_id: 1}, [near.pk])


@pytest.mark.django_db
@pytest.mark.parametrize("quantity", [0, -1])
def test_quantities_must_be_positive(two_warehouses, quantity):
    near, _ = two_warehouses
    stock = f.StockFactory(warehouse=near, quantity=3)
    with pytest.raises(ValueError):
        allocate_stock("order:1", {stock.variant_id: quantity}, [near.pk])


def _race(n_threads, work):
    results, barrier = [], threading.Barrier(n_threads)

    def run(i):
        try:
            barrier.wait()
            results.append(work(i))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_fifty_buyers_racing_for_the_last_ten_units(two_warehouses):
    near, far = two_warehouses
    stock = f.StockFactory(warehouse=near, quantity=10)
    other = f.StockFactory(warehouse=far, quantity=0)

    def buy(i):
        try:
            allocate_stock(f"order:{i}", {stock.variant_id: 1}, [near.pk, far.pk])
            return "ok"
        except InsufficientStock:
            return "short"

    results = _race(50, buy)
    assert results.count("ok") == 10 and results.count("short") == 40
    stock.refresh_from_db()
    assert stock.quantity_allocated == 10 and stock.quantity - stock.quantity_allocated == 0
    assert Allocation.objects.count() == 10
    other.refresh_from_db()
    assert other.quantity_allocated == 0


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_multi_line_orders_racing_in_opposite_orders_do_not_deadlock(two_warehouses):
    near, _ = two_warehouses
    a = f.StockFactory(warehouse=near, quantity=10)
    b = f.StockFactory(warehouse=near, quantity=10)

    def buy(i):
        lines = {a.variant_id: 1, b.variant_id: 1} if i % 2 else {b.variant_id: 1, a.variant_id: 1}
        try:
            allocate_stock(f"order:{i}", lines, [near.pk])
            return "ok"
        except InsufficientStock:
            return "short"

    results = _race(30, buy)
    assert results.count("ok") == 10 and results.count("short") == 20
    assert sorted(Stock.objects.values_list("quantity_allocated", flat=True)) == [10, 10]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_reservations_racing_with_expiry_never_oversell(two_warehouses):
    near, _ = two_warehouses
    stock = f.StockFactory(warehouse=near, quantity=10)
    # Ten stale reservations that expired a moment ago; the cleanup task runs while buyers reserve.
    Reservation.objects.bulk_create(
        [Reservation(stock=stock, reference=f"old:{i}", quantity=1, expires_at=timezone.now() - timedelta(seconds=1)) for i in range(10)]
    )

    def work(i):
        if i == 0:
            delete_expired_reservations()
            return "cleanup"
        try:
            reserve_stock(f"cart:{i}", {stock.variant_id: 1}, [near.pk], TTL)
            return "ok"
        except InsufficientStock:
            return "short"

    results = _race(31, work)
    assert results.count("ok") == 10 and results.count("short") == 20
    live = Reservation.objects.filter(expires_at__gt=timezone.now())
    assert sum(live.values_list("quantity", flat=True)) == 10
    assert available_quantities([stock.variant_id], [near.pk]) == {}


@pytest.mark.django_db
def test_beat_task_tidies_expired_reservations(two_warehouses):
    from fulfillment.tasks import delete_expired_reservations_task

    near, _ = two_warehouses
    stock = f.StockFactory(warehouse=near, quantity=5)
    reserve_stock("cart:live", {stock.variant_id: 1}, [near.pk], TTL)
    Reservation.objects.create(stock=stock, reference="cart:old", quantity=1, expires_at=timezone.now() - TTL)
    assert delete_expired_reservations_task.delay().get() == 1
    assert list(Reservation.objects.values_list("reference", flat=True)) == ["cart:live"]
