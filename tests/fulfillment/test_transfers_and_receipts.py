"""Stock moved between warehouses and suppliers' deliveries: each step is one service call that writes its stock
ledger moves, happens once however often it is pressed, and never takes units orders or buyers' holds need."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse

from fulfillment.models import GoodsReceipt, GoodsReceiptLine, Stock, StockMove, StockTransfer, StockTransferLine
from fulfillment.services import (
    StockError,
    allocate_stock,
    dispatch_transfer,
    post_goods_receipt,
    receive_transfer,
    reserve_stock,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def berlin_and_london(db):
    berlin = f.WarehouseFactory(code="berlin", country="DE", countries_served=["DE"])
    london = f.WarehouseFactory(code="london", country="GB", countries_served=["GB"])
    return berlin, london


def _transfer(source, destination, *lines):
    transfer = StockTransfer.objects.create(source=source, destination=destination)
    for variant, quantity in lines:
        StockTransferLine.objects.create(transfer=transfer, variant=variant, quantity=quantity)
    return transfer


def test_a_transfer_leaves_one_warehouse_and_arrives_in_the_other_once(berlin_and_london, django_user_model):
    berlin, london = berlin_and_london
    staff = django_user_model.objects.create_user("ops", "ops@example.com", "a-long-password-1")
    shirt = f.StockFactory(warehouse=berlin, quantity=10)
    mug = f.StockFactory(warehouse=berlin, quantity=4)
    transfer = _transfer(berlin, london, (shirt.variant, 6), (mug.variant, 4))

    assert receive_transfer(transfer.pk, user=staff)[1] is False  # not sent yet: nothing arrives
    transfer, sent = dispatch_transfer(transfer.pk, user=staff)
    assert sent and transfer.status == "in_transit" and transfer.dispatched_at
    assert dispatch_transfer(transfer.pk, user=staff)[1] is False  # a second press sends nothing
    shirt.refresh_from_db()
    mug.refresh_from_db()
    assert (shirt.quantity, mug.quantity) == (4, 0)
    assert not Stock.objects.filter(warehouse=london).exists()  # in transit: in neither warehouse

    transfer, arrived = receive_transfer(transfer.pk, user=staff)
    assert arrived and transfer.status == "received"
    assert receive_transfer(transfer.pk, user=staff)[1] is False
    assert dict(Stock.objects.filter(warehouse=london).values_list("variant_id", "quantity")) == {shirt.variant_id: 6, mug.variant_id: 4}
    moves = StockMove.objects.filter(reference=f"transfer:{transfer.pk}")
    assert sorted(moves.values_list("reason", "delta_on_hand")) == [("transfer_in", 4), ("transfer_in", 6), ("transfer_out", -6), ("transfer_out", -4)]
    assert set(moves.values_list("user", flat=True)) == {staff.pk}
    call_command("check_stock_ledger")


def test_a_transfer_never_takes_what_orders_and_checkout_holds_need(berlin_and_london):
    berlin, london = berlin_and_london
    shirt = f.StockFactory(warehouse=berlin, quantity=10)
    mug = f.StockFactory(warehouse=berlin, quantity=3)
    allocate_stock("order:1", {shirt.variant_id: 4}, [berlin.pk])
    reserve_stock("cart:1", {shirt.variant_id: 3}, [berlin.pk], timedelta(minutes=15))
    other = f.ProductVariantFactory()  # not stocked in Berlin at all
    transfer = _transfer(berlin, london, (shirt.variant, 4), (mug.variant, 3), (other, 1))
    with pytest.raises(StockError) as refused:
        dispatch_transfer(transfer.pk)
    message = str(refused.value)
    assert f"{shirt.variant.sku}: 3 free to send, 4 on the transfer." in message  # 10 − 4 allocated − 3 held
    assert f"{other.sku}: 0 free to send, 1 on the transfer." in message  # every short line at once
    assert mug.variant.sku not in message
    shirt.refresh_from_db()
    transfer.refresh_from_db()
    assert shirt.quantity == 10 and transfer.status == "draft"
    assert not StockMove.objects.filter(reference=f"transfer:{transfer.pk}").exists()
    with pytest.raises(StockError, match="Add the goods"):
        dispatch_transfer(StockTransfer.objects.create(source=berlin, destination=london).pk)


def test_a_goods_receipt_is_posted_once(berlin_and_london):
    berlin, _london = berlin_and_london
    shirt = f.StockFactory(warehouse=berlin, quantity=2)
    new_variant = f.ProductVariantFactory()
    receipt = GoodsReceipt.objects.create(warehouse=berlin, supplier="Linen & Co", supplier_reference="DN-77")
    GoodsReceiptLine.objects.create(receipt=receipt, variant=shirt.variant, quantity=8)
    GoodsReceiptLine.objects.create(receipt=receipt, variant=new_variant, quantity=5)
    receipt, posted = post_goods_receipt(receipt.pk)
    assert posted and receipt.posted_at
    assert post_goods_receipt(receipt.pk)[1] is False
    shirt.refresh_from_db()
    assert shirt.quantity == 10 and Stock.objects.get(warehouse=berlin, variant=new_variant).quantity == 5
    assert StockMove.objects.filter(reference=f"receipt:{receipt.pk}", reason="receipt", note="DN-77").count() == 2
    call_command("check_stock_ledger")


def test_staff_run_transfers_and_receipts_from_admin(client, django_user_model, berlin_and_london, django_assert_max_num_queries):
    berlin, london = berlin_and_london
    boss = django_user_model.objects.create_superuser("boss", "boss@example.com", "a-long-password-1")
    client.force_login(boss)
    shirt = f.StockFactory(warehouse=berlin, quantity=10)
    transfers = [_transfer(berlin, london, (shirt.variant, 2)) for _ in range(3)]
    changelist = reverse("admin:fulfillment_stocktransfer_changelist")
    with django_assert_max_num_queries(12):
        assert client.get(changelist).status_code == 200
    ids = [str(t.pk) for t in transfers[:2]]
    page = client.post(changelist, {"action": "dispatch", "_selected_action": ids}, follow=True)
    assert "Dispatched: " in page.content.decode()
    again = client.post(changelist, {"action": "dispatch", "_selected_action": ids}, follow=True).content.decode()
    assert "Already dispatched, nothing changed" in again
    client.post(changelist, {"action": "receive", "_selected_action": ids}, follow=True)
    shirt.refresh_from_db()
    assert shirt.quantity == 6 and Stock.objects.get(warehouse=london, variant=shirt.variant).quantity == 4
    sent = client.get(reverse("admin:fulfillment_stocktransfer_change", args=[transfers[0].pk]))
    assert sent.status_code == 200 and 'name="lines-0-quantity"' not in sent.content.decode()  # no editing once sent

    receipt = GoodsReceipt.objects.create(warehouse=berlin, supplier="Linen & Co")
    GoodsReceiptLine.objects.create(receipt=receipt, variant=shirt.variant, quantity=1)
    receipts = reverse("admin:fulfillment_goodsreceipt_changelist")
    with django_assert_max_num_queries(12):
        assert client.get(receipts).status_code == 200
    posted = client.post(receipts, {"action": "post", "_selected_action": [str(receipt.pk)]}, follow=True).content.decode()
    assert "Posted: " in posted
    shirt.refresh_from_db()
    assert shirt.quantity == 7
    call_command("check_stock_ledger")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_staff_dispatching_the_same_transfer_send_it_once():
    berlin = f.WarehouseFactory(code="race-b", country="DE", countries_served=["DE"])
    london = f.WarehouseFactory(code="race-l", country="GB", countries_served=["GB"])
    shirt = f.StockFactory(warehouse=berlin, quantity=10)
    transfer = _transfer(berlin, london, (shirt.variant, 3))
    results, barrier = [], threading.Barrier(6)

    def press():
        try:
            barrier.wait()
            results.append(dispatch_transfer(transfer.pk)[1])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == [False] * 5 + [True]
    shirt.refresh_from_db()
    assert shirt.quantity == 7
    assert StockMove.objects.filter(reference=f"transfer:{transfer.pk}").count() == 1
