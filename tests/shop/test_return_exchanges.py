"""An exchange ships once the returned units arrived: the held size is allocated to the order and leaves as a new
consignment of the order, free of shipping; differently priced variants are refused (refund instead)."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from djmoney.money import Money

from fulfillment.models import Allocation, Consignment, ConsignmentStatus, Reservation, Stock
from shop.models import ReturnStatus
from shop.services.returns import LineReceipt, ReturnError, receive_return
from shop.services.returns.exchanges import ship_exchange
from shop.services.returns.requests import request_return
from tests import factories as f
from tests.shop.returns_helpers import delivered_order, on_sale, warehouses

pytestmark = pytest.mark.django_db


def _exchange(price_small="20", price_large="20"):
    berlin, _osaka = warehouses()
    market = f.MarketFactory(code="eu")
    product = f.ProductFactory()
    small = f.ProductVariantFactory(product=product, base_price=Money(Decimal(price_small), "EUR"))
    large = f.ProductVariantFactory(product=product, base_price=Money(Decimal(price_large), "EUR"))
    on_sale(product, market)
    f.StockFactory(variant=large, warehouse=berlin, quantity=3)
    order = delivered_order(berlin, [(small, 1)], market=market)
    line = order.lines.get()
    request = request_return(order.pk, {line.pk: 1}, reason="wrong_size", resolution="exchange", exchanges={line.pk: large.pk})
    from shop.services.returns.requests import approve_return

    approve_return(request.pk, "ok")
    return order, request, berlin, large


def test_the_held_size_ships_as_a_new_consignment_once_the_return_arrived():
    order, request, berlin, large = _exchange()
    with pytest.raises(ReturnError):
        ship_exchange(request.pk)  # nothing arrived yet
    receive_return(request.pk, {request.lines.get().pk: LineReceipt(sellable=1)})
    before = Consignment.objects.filter(order=order).count()
    sent = ship_exchange(request.pk)
    assert len(sent) == 1 and sent[0].number == f"{order.number}-{before + 1}" and sent[0].status == ConsignmentStatus.READY
    line = sent[0].lines.get()
    assert (line.variant_id, line.quantity) == (large.pk, 1) and sent[0].shipping_gross == 0
    assert Stock.objects.get(variant=large, warehouse=berlin).quantity_allocated == 1
    assert Allocation.objects.filter(reference=f"order:{order.pk}", stock__variant=large).exists()
    assert not Reservation.objects.filter(reference=f"return:{request.pk}").exists()
    request.refresh_from_db()
    assert request.status == ReturnStatus.EXCHANGED
    assert ship_exchange(request.pk) == []  # a second press sends nothing
    call_command("check_stock_ledger")


def test_a_differently_priced_variant_is_refused_and_nothing_moves():
    order, request, berlin, large = _exchange(price_large="25")
    receive_return(request.pk, {request.lines.get().pk: LineReceipt(sellable=1)})
    with pytest.raises(ReturnError, match="priced differently"):
        ship_exchange(request.pk)
    assert Stock.objects.get(variant=large, warehouse=berlin).quantity_allocated == 0
    assert ReturnStatus(request.__class__.objects.get(pk=request.pk).status) == ReturnStatus.RECEIVED
