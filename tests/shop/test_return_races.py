"""Returns racing each other and a cancellation (PostgreSQL row locks): the order row serialises them, so two
requests for the last unit give one return, and a return and a cancellation never both happen; money and stock
end as the winner leaves them."""

import threading

import pytest
from django.db import connection

import shop.services.returns.requests as requests_module
from fulfillment.models import Allocation, Consignment, ConsignmentStatus, Reservation
from shop.models import Order, OrderStatus, ReturnRequest
from shop.services.orders import status
from shop.services.orders.errors import OrderError
from shop.services.orders.status import cancel_order
from shop.services.returns import ReturnError
from shop.services.returns.requests import request_return
from tests import factories as f
from tests.shop.returns_helpers import delivered_order, warehouses

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


def _run(actions):
    """Run (name, callable) pairs in threads; returns {name: result or exception}."""
    results = {}

    def run(name, action):
        try:
            results[name] = action()
        except Exception as exc:  # the assertions look at it
            results[name] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair, name=pair[0]) for pair in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_requests_for_the_last_unit_one_wins(monkeypatch):
    """Forced into the worst interleaving: the second asks while the first has checked the units and not yet
    committed. The second waits on the order row, then finds the unit taken."""
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)])
    line = order.lines.get()
    first_checked, real = threading.Event(), requests_module.return_warehouse

    def warehouse_after_the_check(country):
        if threading.current_thread().name == "a":
            first_checked.set()
            threading.Event().wait(0.5)  # "b" asks meanwhile
        return real(country)

    monkeypatch.setattr(requests_module, "return_warehouse", warehouse_after_the_check)

    def ask_second():
        first_checked.wait(10)
        return request_return(order.pk, {line.pk: 1}, reason="changed_mind")

    results = _run([("a", lambda: request_return(order.pk, {line.pk: 1}, reason="changed_mind")), ("b", ask_second)])
    won = [r for r in results.values() if isinstance(r, ReturnRequest)]
    lost = [r for r in results.values() if isinstance(r, ReturnError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert ReturnRequest.objects.filter(order=order).count() == 1 and won[0].number == f"{order.number}-R1"


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_return_holding_the_order_makes_the_racing_cancellation_fail(monkeypatch):
    """The order's parcel is delivered: the buyer's return takes the order row first; the cancellation waits for
    it, then finds a delivered order and is refused. The return stands; stock and consignments are untouched."""
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)])
    line = order.lines.get()
    holding, real = threading.Event(), requests_module.return_warehouse

    def warehouse_while_holding(country):
        holding.set()
        threading.Event().wait(0.5)  # the canceller is queued on the order row meanwhile
        return real(country)

    monkeypatch.setattr(requests_module, "return_warehouse", warehouse_while_holding)

    def cancel():
        holding.wait(10)
        return cancel_order(order.pk)

    results = _run([("return", lambda: request_return(order.pk, {line.pk: 1}, reason="other")), ("cancel", cancel)])
    assert isinstance(results["return"], ReturnRequest), results
    assert isinstance(results["cancel"], OrderError), results
    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED and order.cancelled_at is None
    assert Consignment.objects.filter(order=order, status=ConsignmentStatus.DELIVERED).count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_cancellation_holding_the_order_makes_the_racing_return_fail(monkeypatch):
    """A paid order whose parcel the carrier reports delivered before the shop moved the order on: the
    cancellation takes the order row first (its stock goes back, its consignments are cancelled); the return waits,
    then finds a cancelled order and is refused. No return, no reservation, no allocation left."""
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)], status=OrderStatus.PAID)
    line = order.lines.get()
    holding, real = threading.Event(), status.deallocate_stock

    def deallocate_while_holding(reference):
        released = real(reference)
        holding.set()
        threading.Event().wait(0.5)  # the return is queued on the order row meanwhile
        return released

    monkeypatch.setattr(status, "deallocate_stock", deallocate_while_holding)

    def ask():
        holding.wait(10)
        return request_return(order.pk, {line.pk: 1}, reason="other")

    results = _run([("cancel", lambda: cancel_order(order.pk)), ("return", ask)])
    assert isinstance(results["cancel"], Order), results
    assert isinstance(results["return"], ReturnError), results
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert not ReturnRequest.objects.filter(order=order).exists() and not Reservation.objects.exists()
    assert not Allocation.objects.filter(reference=f"order:{order.pk}").exists()
