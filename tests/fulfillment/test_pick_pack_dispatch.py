"""Pick lists, short picks, packing and dispatch through fulfillment's services; the order follows."""

import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, connections, transaction

from fulfillment.models import Allocation, Consignment, ConsignmentStatus, PackagingType, Stock, StockMove
from fulfillment.selectors import pick_list_rows
from fulfillment.services.dispatch import DispatchError, dispatch_consignment
from fulfillment.services.packing import PackingError, ParcelSpec, pack_consignment
from fulfillment.services.picking import PickingError, confirm_pick, create_pick_list, release_backorders
from fulfillment.services.stock import StockError, receive_stock
from shop.models import Order, OrderStatus
from tests import factories as f
from tests.fulfillment.helpers import carrier_service, make_consignments

pytestmark = pytest.mark.django_db


@pytest.fixture
def berlin_osaka(db):
    berlin = f.WarehouseFactory(code="de-ber", name="Berlin", country="DE", countries_served=["DE", "FR"], priority=10)
    osaka = f.WarehouseFactory(code="jp-osa", name="Osaka", country="JP", countries_served=["JP", "DE"], priority=20)
    return berlin, osaka


def _paid(order):
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PAID)


def _box():
    return PackagingType.objects.create(code="box-s", name="Box S", length_mm=300, width_mm=200, height_mm=100, tare_grams=150)


def test_a_pick_list_batches_ready_consignments_in_bin_order_and_never_twice(berlin_osaka):
    berlin, _osaka = berlin_osaka
    shirt, mug, cap = f.ProductVariantFactory(), f.ProductVariantFactory(), f.ProductVariantFactory()
    for variant, bin_location in ((shirt, "B-02-01"), (mug, "A-10-03"), (cap, "")):
        f.StockFactory(variant=variant, warehouse=berlin, quantity=20, bin_location=bin_location)
    _o1, (first,) = make_consignments({berlin: [(shirt, 2), (mug, 1)]})
    _o2, (second,) = make_consignments({berlin: [(shirt, 1), (cap, 3)]})
    _o3, (unpaid,) = make_consignments({berlin: [(mug, 1)]}, ready=False)

    pick_list = create_pick_list(berlin.pk)
    assert set(pick_list.consignments.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert Consignment.objects.get(pk=unpaid.pk).status == ConsignmentStatus.PENDING
    rows = pick_list_rows(pick_list)
    assert [(r["bin"], r["sku"], r["quantity"]) for r in rows] == [("A-10-03", mug.sku, 1), ("B-02-01", shirt.sku, 3), ("", cap.sku, 3)]
    assert sorted(p[0] for p in rows[1]["parts"]) == sorted([first.number, second.number])
    assert create_pick_list(berlin.pk) is None  # nothing else is ready


def test_a_full_pick_then_pack_then_dispatch_ships_once_and_moves_the_order(berlin_osaka, django_user_model,
                                                                            django_capture_on_commit_callbacks):
    berlin, osaka = berlin_osaka
    shirt, bowl = f.ProductVariantFactory(weight_grams=300), f.ProductVariantFactory(weight_grams=900)
    staff = django_user_model.objects.create_user("packer", password="x", is_staff=True)
    service = carrier_service()
    order, (from_berlin, from_osaka) = make_consignments({berlin: [(shirt, 2)], osaka: [(bowl, 1)]}, service=service)
    _paid(order)

    confirm_pick(from_berlin.pk, user=staff)
    with pytest.raises(DispatchError):  # picked but not packed
        dispatch_consignment(from_berlin.pk, tracking_number="JJD000390007")
    packed = pack_consignment(from_berlin.pk, [ParcelSpec(packaging_id=_box().pk)], user=staff)
    parcel = packed.parcels.get()
    assert parcel.weight_grams == 600 + 150 and (parcel.length_mm, parcel.width_mm, parcel.height_mm) == (300, 200, 100)

    with django_capture_on_commit_callbacks(execute=True):
        shipped, changed = dispatch_consignment(from_berlin.pk, tracking_number=" jjd 000390007 ", user=staff)
    assert changed and shipped.status == ConsignmentStatus.DISPATCHED and shipped.tracking_number == "JJD000390007"
    assert shipped.tracking_url == "https://track.example/JJD000390007"
    stock = Stock.objects.get(variant=shirt, warehouse=berlin)
    assert (stock.quantity, stock.quantity_allocated) == (8, 0)
    move = StockMove.objects.get(reason=StockMove.Reason.DISPATCH)
    assert (move.delta_on_hand, move.delta_allocated, move.reference, move.user) == (-2, -2, from_berlin.number, staff)
    assert not Allocation.objects.filter(stock=stock).exists()
    order.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_SHIPPED

    assert dispatch_consignment(from_berlin.pk, tracking_number="JJD000390007")[1] is False  # a second press ships nothing
    assert StockMove.objects.filter(reason=StockMove.Reason.DISPATCH).count() == 1

    confirm_pick(from_osaka.pk)
    pack_consignment(from_osaka.pk, [ParcelSpec(weight_grams=1200, length_mm=400, width_mm=300, height_mm=200)])
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_consignment(from_osaka.pk, tracking_number="EJ123456789JP")
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    call_command("check_stock_ledger")


def test_a_short_pick_moves_the_missing_units_to_another_warehouse_or_back_orders_them(berlin_osaka):
    berlin, osaka = berlin_osaka
    shirt, mug = f.ProductVariantFactory(), f.ProductVariantFactory()
    f.StockFactory(variant=shirt, warehouse=berlin, quantity=3)
    f.StockFactory(variant=mug, warehouse=berlin, quantity=2)
    f.StockFactory(variant=shirt, warehouse=osaka, quantity=5)
    order, (consignment,) = make_consignments({berlin: [(shirt, 3), (mug, 2)]})
    create_pick_list(berlin.pk)
    shirt_line, mug_line = consignment.lines.order_by("pk")

    result = confirm_pick(consignment.pk, {shirt_line.pk: 1, mug_line.pk: 0})
    assert result.moved == [(shirt.sku, 2, "Osaka")] and result.backordered == [(mug.sku, 2)]
    consignment.refresh_from_db()
    assert consignment.status == ConsignmentStatus.PICKED
    assert [(line.sku, line.quantity) for line in consignment.lines.all()] == [(shirt.sku, 1)]
    # The missing units are written off in Berlin and the order holds two shirts in Osaka instead.
    berlin_shirt = Stock.objects.get(variant=shirt, warehouse=berlin)
    assert (berlin_shirt.quantity, berlin_shirt.quantity_allocated) == (1, 1)
    assert StockMove.objects.filter(reason=StockMove.Reason.SHORT_PICK).count() == 2
    osaka_part = Consignment.objects.get(order=order, warehouse=osaka)
    assert osaka_part.status == ConsignmentStatus.READY and osaka_part.number == f"{order.number}-2"
    assert osaka_part.lines.get().quantity == 2 and osaka_part.needs_customs  # Japan to Germany crosses customs
    assert Stock.objects.get(variant=shirt, warehouse=osaka).quantity_allocated == 2
    backorder = Consignment.objects.get(order=order, status=ConsignmentStatus.BACKORDERED)
    assert backorder.lines.get().quantity == 2 and backorder.warehouse == berlin
    assert confirm_pick(consignment.pk, {shirt_line.pk: 0}).moved == []  # already picked: nothing changes
    call_command("check_stock_ledger")

    receive_stock(mug.pk, berlin.pk, 5)
    assert release_backorders(berlin.pk) == 1
    backorder.refresh_from_db()
    assert backorder.status == ConsignmentStatus.READY
    # A supplier's delivery posted into the warehouse releases back-orders by itself.
    from fulfillment.models import GoodsReceipt, GoodsReceiptLine
    from fulfillment.services import post_goods_receipt

    Consignment.objects.filter(pk=backorder.pk).update(status=ConsignmentStatus.BACKORDERED)
    Allocation.objects.filter(reference=backorder.allocation_reference, stock__variant=mug).delete()
    Stock.objects.filter(variant=mug, warehouse=berlin).update(quantity=0, quantity_allocated=0)
    StockMove.objects.filter(stock__variant=mug, stock__warehouse=berlin).delete()  # a fresh start for this row's ledger
    receipt = GoodsReceipt.objects.create(warehouse=berlin, supplier="Mugs Ltd")
    GoodsReceiptLine.objects.create(receipt=receipt, variant=mug, quantity=3)
    post_goods_receipt(receipt.pk)
    backorder.refresh_from_db()
    assert backorder.status == ConsignmentStatus.READY
    assert Stock.objects.get(variant=mug, warehouse=berlin).quantity_allocated == 2
    call_command("check_stock_ledger")


def test_bad_input_is_refused_with_a_clear_message_and_changes_nothing(berlin_osaka):
    berlin, _osaka = berlin_osaka
    shirt = f.ProductVariantFactory()
    order, (consignment,) = make_consignments({berlin: [(shirt, 2)]}, service=carrier_service())
    line = consignment.lines.get()
    for bad in ("three", "-1", "3", "9" * 30, "\x00"):
        with pytest.raises(PickingError):
            confirm_pick(consignment.pk, {line.pk: bad})
    with pytest.raises(PickingError):
        confirm_pick(consignment.pk, {line.pk + 999: 1})
    assert Consignment.objects.get(pk=consignment.pk).status == ConsignmentStatus.READY
    with pytest.raises(PackingError):
        pack_consignment(consignment.pk, [ParcelSpec(weight_grams=100, length_mm=1, width_mm=1, height_mm=1)])  # not picked
    confirm_pick(consignment.pk)
    for spec in (ParcelSpec(), ParcelSpec(weight_grams=0, length_mm=10, width_mm=10, height_mm=10),
                 ParcelSpec(weight_grams="10\x00", length_mm=10, width_mm=10, height_mm=10),
                 ParcelSpec(weight_grams=10**12, length_mm=10, width_mm=10, height_mm=10), ParcelSpec(packaging_id=987654)):
        with pytest.raises(PackingError):
            pack_consignment(consignment.pk, [spec])
    with pytest.raises(PackingError):
        pack_consignment(consignment.pk, [])
    pack_consignment(consignment.pk, [ParcelSpec(weight_grams=500, length_mm=10, width_mm=10, height_mm=10)])
    for bad in ("", "ab", "x" * 60, "JJD\x00123", "12 34; drop"):
        with pytest.raises(DispatchError):
            dispatch_consignment(consignment.pk, tracking_number=bad)
    assert Consignment.objects.get(pk=consignment.pk).status == ConsignmentStatus.PACKED
    assert not StockMove.objects.filter(reason=StockMove.Reason.DISPATCH).exists()


def test_an_unpaid_consignment_cannot_be_picked(berlin_osaka):
    berlin, _osaka = berlin_osaka
    _order, (consignment,) = make_consignments({berlin: [(f.ProductVariantFactory(), 1)]}, ready=False)
    with pytest.raises(PickingError):
        confirm_pick(consignment.pk)


def test_the_database_refuses_negative_stock(berlin_osaka):
    berlin, _osaka = berlin_osaka
    stock = f.StockFactory(warehouse=berlin, quantity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Stock.objects.filter(pk=stock.pk).update(quantity=0, quantity_allocated=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Stock.objects.filter(pk=stock.pk).update(quantity=-1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_staff_dispatching_the_same_consignment_ship_it_once():
    berlin = f.WarehouseFactory(code="race-d", country="DE", countries_served=["DE"])
    shirt = f.ProductVariantFactory()
    order, (consignment,) = make_consignments({berlin: [(shirt, 3)]}, service=carrier_service())
    _paid(order)
    confirm_pick(consignment.pk)
    pack_consignment(consignment.pk, [ParcelSpec(weight_grams=500, length_mm=100, width_mm=100, height_mm=100)])
    results, errors, barrier = [], [], threading.Barrier(6)

    def press():
        try:
            barrier.wait()
            results.append(dispatch_consignment(consignment.pk, tracking_number="JJD1234567")[1])
        except Exception as exc:  # noqa: BLE001 — collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and sorted(results) == [False] * 5 + [True]
    stock = Stock.objects.get(variant=shirt, warehouse=berlin)
    assert (stock.quantity, stock.quantity_allocated) == (7, 0)
    assert StockMove.objects.filter(reason=StockMove.Reason.DISPATCH).count() == 1
    assert Order.objects.get(pk=order.pk).status == OrderStatus.SHIPPED


def test_a_consignment_crossing_customs_is_not_dispatched_without_its_customs_facts(berlin_osaka, settings):
    _berlin, osaka = berlin_osaka
    osaka.address = "1-2-3 Nanko-kita, Suminoe-ku, Osaka 559-0034"
    osaka.save()
    bowl = f.ProductVariantFactory(weight_grams=900, hs_code="", origin_country="JP", customs_description_en="Ceramic bowl")
    order, (consignment,) = make_consignments({osaka: [(bowl, 1)]}, service=carrier_service(), needs_customs=True)
    confirm_pick(consignment.pk)
    pack_consignment(consignment.pk, [ParcelSpec(weight_grams=1200, length_mm=200, width_mm=200, height_mm=150)])
    with pytest.raises(DispatchError) as refused:
        dispatch_consignment(consignment.pk, tracking_number="EJ123456789JP")
    assert bowl.sku in str(refused.value) and "HS code" in str(refused.value)
    assert not StockMove.objects.filter(reason=StockMove.Reason.DISPATCH).exists()

    bowl.hs_code = "691200"
    bowl.save()
    dispatch_consignment(consignment.pk, tracking_number="EJ123456789JP")
    line = consignment.lines.get()
    assert (line.hs_code, line.origin_country.code, line.customs_description) == ("691200", "JP", "Ceramic bowl")


def test_the_buyer_is_told_once_what_ships_from_elsewhere_and_what_is_back_ordered(berlin_osaka, django_capture_on_commit_callbacks):

    berlin, osaka = berlin_osaka
    shirt, mug = f.ProductVariantFactory(), f.ProductVariantFactory()
    f.StockFactory(variant=shirt, warehouse=berlin, quantity=2)
    f.StockFactory(variant=mug, warehouse=berlin, quantity=1)
    f.StockFactory(variant=shirt, warehouse=osaka, quantity=5)
    order, (consignment,) = make_consignments({berlin: [(shirt, 2), (mug, 1)]}, email="erika@example.com")
    shirt_line, mug_line = consignment.lines.order_by("pk")
    with django_capture_on_commit_callbacks(execute=True):
        confirm_pick(consignment.pk, {shirt_line.pk: 0, mug_line.pk: 0})
    message, = mail.outbox
    assert order.number in message.subject and message.to == ["erika@example.com"]
    assert f"2 × {shirt_line.name}" in message.body and "Osaka" in message.body
    assert f"1 × {mug_line.name}" in message.body and "back in stock" in message.body
    assert Consignment.objects.get(pk=consignment.pk).status == ConsignmentStatus.CANCELLED  # nothing left to ship from Berlin
    from shop.services.tracking_emails import send_short_pick_email

    assert send_short_pick_email(consignment.pk, [(shirt.sku, 2, "Osaka")], []) is False  # told once


def test_returned_goods_go_back_on_the_shelf_as_a_return_move(berlin_osaka):
    from fulfillment.services import return_to_stock

    berlin, _osaka = berlin_osaka
    shirt = f.ProductVariantFactory()
    order, (consignment,) = make_consignments({berlin: [(shirt, 2)]}, service=carrier_service())
    confirm_pick(consignment.pk)
    pack_consignment(consignment.pk, [ParcelSpec(weight_grams=500, length_mm=100, width_mm=100, height_mm=100)])
    dispatch_consignment(consignment.pk, tracking_number="JJD55555555")
    stock = return_to_stock(shirt.pk, berlin.pk, 1, reference=consignment.number, note="fits, unworn")
    assert stock.quantity == 9
    move = StockMove.objects.get(reason=StockMove.Reason.RETURN)
    assert (move.delta_on_hand, move.delta_allocated, move.reference) == (1, 0, consignment.number)
    for bad in (0, -1, "x", 10**12):
        with pytest.raises(StockError):
            return_to_stock(shirt.pk, berlin.pk, bad)
    call_command("check_stock_ledger")
