"""Receiving returns at the warehouse: sellable units back on the shelf, damaged ones written off (ledger rows both
ways), partial receipts, never more than expected, once under races; the returns desk in admin."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse

from fulfillment.models import Stock, StockMove
from shop.models import ReturnEvent, ReturnLine, ReturnReason, ReturnRequest, ReturnStatus
from shop.services.returns import LineReceipt, ReturnError, receive_return
from tests import factories as f

pytestmark = pytest.mark.django_db


def _approved_return(status=ReturnStatus.APPROVED, units=(2, 1)):
    osaka = f.WarehouseFactory(code="jp-osa", name="Osaka", country="JP", countries_served=["JP"])
    order = f.OrderFactory(language="ja")
    lines = []
    for quantity in units:
        variant = f.ProductVariantFactory()
        f.StockFactory(variant=variant, warehouse=osaka, quantity=5)
        order_line = f.OrderLineFactory(order=order, variant=variant, sku=variant.sku, quantity=quantity)
        lines.append(order_line)
    request = ReturnRequest.objects.create(order=order, number=f"{order.number}-R1", reason=ReturnReason.WRONG_SIZE,
                                           warehouse=osaka, status=status)
    return_lines = [ReturnLine.objects.create(return_request=request, order_line=line, quantity=line.quantity) for line in lines]
    return request, return_lines, osaka


def test_sellable_units_go_back_on_sale_and_damaged_ones_are_written_off(django_capture_on_commit_callbacks):
    from shop.signals import return_step

    request, (shirts, mug), osaka = _approved_return()
    heard = []

    def listener(sender, return_id, step, **kwargs):
        heard.append((return_id, step))

    return_step.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            receive_return(request.pk, {shirts.pk: LineReceipt(sellable=1)})
        with django_capture_on_commit_callbacks(execute=True):
            receive_return(request.pk, {mug.pk: LineReceipt(sellable=1)})
    finally:
        return_step.disconnect(listener)
    assert heard == [(request.pk, "received")]  # the buyer hears of it once
    request.refresh_from_db()
    assert request.status == ReturnStatus.RECEIVED and request.received_at is not None
    assert Stock.objects.get(variant=shirts.order_line.variant, warehouse=osaka).quantity == 6
    receive_return(request.pk, {shirts.pk: LineReceipt(damaged=1, note="torn seam")})
    shirts.refresh_from_db()
    assert (shirts.quantity_received, shirts.quantity_restocked, shirts.quantity_written_off) == (2, 1, 1)
    assert Stock.objects.get(variant=shirts.order_line.variant, warehouse=osaka).quantity == 6  # damaged: in and out
    write_off = StockMove.objects.get(reason=StockMove.Reason.WRITE_OFF)
    assert (write_off.delta_on_hand, write_off.note, write_off.reference) == (-1, "torn seam", request.number)
    assert StockMove.objects.filter(reason=StockMove.Reason.RETURN).count() == 3
    assert ReturnEvent.objects.filter(return_request=request, to_status=ReturnStatus.RECEIVED).count() == 1
    call_command("check_stock_ledger")


def test_more_than_expected_unknown_lines_bad_numbers_and_the_wrong_status_are_refused():
    request, (shirts, mug), _osaka = _approved_return()
    for receipts in ({shirts.pk: LineReceipt(sellable=3)}, {shirts.pk: LineReceipt(sellable=2, damaged=1)},
                     {mug.pk + 999: LineReceipt(sellable=1)}, {shirts.pk: LineReceipt(sellable="x")},
                     {shirts.pk: LineReceipt(sellable="1\x00")}, {shirts.pk: LineReceipt(sellable=-1)},
                     {shirts.pk: LineReceipt(sellable=10**30)}, {}, {shirts.pk: LineReceipt()}):
        with pytest.raises(ReturnError):
            receive_return(request.pk, receipts)
    assert not StockMove.objects.filter(reason=StockMove.Reason.RETURN).exists()
    assert ReturnRequest.objects.get(pk=request.pk).status == ReturnStatus.APPROVED
    receive_return(request.pk, {shirts.pk: LineReceipt(sellable=2)})
    with pytest.raises(ReturnError):
        receive_return(request.pk, {shirts.pk: LineReceipt(sellable=1)})  # both shirts are in already
    for status in (ReturnStatus.REQUESTED, ReturnStatus.REFUSED, ReturnStatus.REFUNDED, ReturnStatus.CANCELLED):
        other, (line, _mug), _w = _approved_return(status=status)
        with pytest.raises(ReturnError):
            receive_return(other.pk, {line.pk: LineReceipt(sellable=1)})


def test_the_returns_desk_lists_receives_and_stays_within_budget(admin_client, django_assert_max_num_queries):
    request, (shirts, mug), osaka = _approved_return()
    order = request.order
    for i in range(60):
        other = ReturnRequest.objects.create(order=order, number=f"{order.number}-R{i + 2}", reason=ReturnReason.DAMAGED,
                                             warehouse=osaka, status=ReturnStatus.IN_TRANSIT)
        ReturnLine.objects.create(return_request=other, order_line=shirts.order_line, quantity=1)
    listing = reverse("admin:shop_returntoreceive_changelist")
    with django_assert_max_num_queries(12):
        page = admin_client.get(listing)
    assert page.status_code == 200 and request.number in page.content.decode()
    assert admin_client.get(listing, {"q": request.number}).status_code == 200
    receive = reverse("admin:shop_returntoreceive_receive", args=[request.pk])
    with django_assert_max_num_queries(12):
        form = admin_client.get(receive).content.decode()
    assert f'data-sku="{shirts.order_line.sku}"' in form and "data-scan" in form
    bad = admin_client.post(receive, {f"sellable-{shirts.pk}": "5"}, follow=True).content.decode()
    assert "more units are expected" in bad
    done = admin_client.post(receive, {f"sellable-{shirts.pk}": "2", f"damaged-{mug.pk}": "1", f"note-{mug.pk}": "cracked"}, follow=True)
    assert "received" in done.content.decode()
    request.refresh_from_db()
    assert request.status == ReturnStatus.RECEIVED
    huge = "9" * 25
    assert admin_client.get(f"/admin/shop/returntoreceive/{huge}/receive/", follow=True).status_code in (200, 404)


def test_staff_without_the_permission_cannot_receive(client, django_user_model):
    request, _lines, _w = _approved_return()
    clerk = django_user_model.objects.create_user("clerk", password="pw", is_staff=True)
    client.force_login(clerk)
    assert client.get(reverse("admin:shop_returntoreceive_receive", args=[request.pk])).status_code == 403


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_people_receiving_the_same_parcel_book_it_once():
    request, (shirts, _mug), osaka = _approved_return()
    results, barrier = [], threading.Barrier(6)

    def press():
        try:
            barrier.wait()
            receive_return(request.pk, {shirts.pk: LineReceipt(sellable=2)})
            results.append("ok")
        except ReturnError:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == ["ok"] + ["refused"] * 5
    assert Stock.objects.get(variant=shirts.order_line.variant, warehouse=osaka).quantity == 7
    assert StockMove.objects.filter(reason=StockMove.Reason.RETURN).count() == 1


def test_a_refund_return_is_refunded_once_everything_arrived(admin_client, markets, django_capture_on_commit_callbacks):
    from decimal import Decimal

    from djmoney.money import Money

    from fulfillment.models import Warehouse
    from shop.models import CreditNote
    from shop.services.orders import mark_paid
    from tests.shop.checkout_helpers import buy, make_cart

    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    shirt, mug = (f.ProductVariantFactory(base_price=Money(Decimal(p), "EUR")) for p in ("25.20", "12.60"))
    for variant in (shirt, mug):
        f.StockFactory(variant=variant, warehouse=de, quantity=10)
    with django_capture_on_commit_callbacks(execute=True):
        order = buy(make_cart(markets["eu"], [(shirt, 2), (mug, 1)]))
        mark_paid(order.pk, reference="bank")
    request = ReturnRequest.objects.create(order=order, number=f"{order.number}-R1", reason=ReturnReason.WRONG_SIZE, warehouse=de,
                                           status=ReturnStatus.APPROVED)
    shirts, mugs = (ReturnLine.objects.create(return_request=request, order_line=line, quantity=line.quantity)
                    for line in order.lines.order_by("pk"))
    receive = reverse("admin:shop_returntoreceive_receive", args=[request.pk])
    admin_client.post(receive, {f"sellable-{shirts.pk}": "2"}, follow=True)
    assert not CreditNote.objects.filter(return_request=request).exists()  # the mug is still on its way
    with django_capture_on_commit_callbacks(execute=True):
        page = admin_client.post(receive, {f"sellable-{mugs.pk}": "1"}, follow=True).content.decode()
    note = CreditNote.objects.get(return_request=request)
    assert note.number in page
    request.refresh_from_db()
    assert request.status == ReturnStatus.REFUNDED and request.refund_amount == note.total_gross - note.fees
    assert note.total_gross == order.total_gross  # everything came back: goods and shipping
