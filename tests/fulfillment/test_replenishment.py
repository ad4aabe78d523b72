"""Replenishment from the stock ledger's net sales, checked against a small case computed by hand.

Today is 2026-03-31 (run at 12:00 UTC); "k days ago" is the day today − k. The 90-day window is k = 1…90, the 28-day
window k = 1…28; today's moves (k = 0) and older ones (k = 91) do not count, nor do write-offs. Supplier S: lead time
5 days, minimum order 10. z(95 %) = NormalDist().inv_cdf(0.95) = 1.644854. Review period 7 days, surplus above
reorder point + 30 days of 90-day sales.

Variant A, supplied by S to every warehouse (order multiple 1).
  Berlin: dispatched 4 (k=1), 2 (k=2), 6 with 2 returned (k=10: net 4), 10 (k=40); 2 returned (k=50: −2);
    written off 5 (k=3, ignored); 100 dispatched today and 100 at k=91 (outside).
    Σd28 = 4+2+4 = 10 → velocity_28 = 10/28 = 0.3571; Σd90 = 10+10−2 = 18 → velocity_90 = 0.2;
    Σd² = 16+4+16+100+4 = 140; σ² = 140/90 − 0.2² = 12276/8100 → σ = 1.231079;
    safety = ⌈1.644854 × 1.231079 × √5⌉ = ⌈4.528⌉ = 5; reorder point = ⌈10 × 5/28⌉ + 5 = ⌈1.786⌉ + 5 = 7;
    on hand 3, allocated 1, in transit 1 (a transfer Lyon → Berlin dispatched, not received) → available 3;
    days of cover = 3 / (10/28) = 8.4; urgency = 8.4 / 5 = 1.68;
    need = ⌈7 + 10/28 × 7 − 3⌉ = ⌈6.5⌉ = 7.
  Lyon: dispatched 9 (k=5). Σd28 = Σd90 = 9, Σd² = 81; σ² = 81/90 − 0.01 = 0.89 → σ = 0.943398;
    safety = ⌈1.644854 × 0.943398 × √5⌉ = ⌈3.470⌉ = 4; reorder point = ⌈9 × 5/28⌉ + 4 = 2 + 4 = 6;
    on hand 15 − 1 sent to Berlin = 14 → available 14; days of cover = 14 × 28/9 = 43.556; urgency 8.711;
    surplus = 14 − 6 − ⌈0.1 × 30⌉ = 5.
  → Berlin: transfer 5 from Lyon (min(surplus 5, need 7)); order for the rest 2 → max(minimum 10, 2) = 10.
Variant B, supplied by S to Berlin only, pack size 8.
  Berlin: 3 dispatched on each of k = 1…28. Σd28 = Σd90 = 84 → velocity_28 = 3, velocity_90 = 0.9333;
    Σd² = 28 × 9 = 252; σ² = 252/90 − (84/90)² = 15624/8100 → σ = 1.388844;
    safety = ⌈1.644854 × 1.388844 × √5⌉ = ⌈5.108⌉ = 6; reorder point = ⌈3 × 5⌉ + 6 = 21;
    on hand 12 → available 12; cover 4.0; urgency 0.8 (the most urgent line);
    need = 21 + 3 × 7 − 12 = 30 → rounded up to packs of 8: 32 (above the minimum 10). No transfer (Lyon has none).
  Lyon: a stock row, never sold: no supplier (lead time = the settings' 14 days), everything 0, cover and urgency
    empty (last in the report), no order.
"""

import csv
import io
import math
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse

from fulfillment.models import (
    ReplenishmentLine,
    ReplenishmentSettings,
    Stock,
    StockMove,
    StockTransfer,
    StockTransferLine,
    Supplier,
    SupplierItem,
)
from fulfillment.services import return_to_stock
from fulfillment.services.replenishment import compute_replenishment
from fulfillment.services.transfers import dispatch_transfer
from fulfillment.tasks import compute_replenishment_task
from shop.models import ProductVariant
from tests import factories as f

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
Z = 1.6448536269514722


def _move(stock, k: int, delta: int, reason=StockMove.Reason.DISPATCH):
    at = NOW - timedelta(days=k)
    StockMove.objects.create(stock=stock, delta_on_hand=delta, delta_allocated=delta if reason == StockMove.Reason.DISPATCH else 0,
                             reason=reason, reference="test", at=at)


@pytest.fixture
def case(db):
    berlin = f.WarehouseFactory(code="berlin", priority=1)
    lyon = f.WarehouseFactory(code="lyon", country="FR", priority=2)
    f.WarehouseFactory(code="closed", is_active=False)
    supplier = Supplier.objects.create(name="S", lead_time_days=5, min_order_quantity=10)
    a = f.ProductVariantFactory(sku="REPL-A")
    b = f.ProductVariantFactory(sku="REPL-B")
    SupplierItem.objects.create(supplier=supplier, variant=a)
    SupplierItem.objects.create(supplier=supplier, variant=b, warehouse=berlin, pack_size=8)
    a_berlin = f.StockFactory(variant=a, warehouse=berlin, quantity=3, quantity_allocated=1)
    a_lyon = f.StockFactory(variant=a, warehouse=lyon, quantity=15)
    b_berlin = f.StockFactory(variant=b, warehouse=berlin, quantity=12)
    f.StockFactory(variant=b, warehouse=lyon, quantity=0)
    f.StockFactory(variant=b, warehouse=f.WarehouseFactory(code="closed"), quantity=50)  # an inactive warehouse: no line
    for k, units in ((1, 4), (2, 2), (10, 6), (40, 10), (0, 100), (91, 100)):
        _move(a_berlin, k, -units)
    _move(a_berlin, 10, 2, StockMove.Reason.RETURN)
    _move(a_berlin, 50, 2, StockMove.Reason.RETURN)
    _move(a_berlin, 3, -5, StockMove.Reason.WRITE_OFF)
    _move(a_lyon, 5, -9)
    for k in range(1, 29):
        _move(b_berlin, k, -3)
    transfer = StockTransfer.objects.create(source=lyon, destination=berlin)
    StockTransferLine.objects.create(transfer=transfer, variant=a, quantity=1)
    dispatch_transfer(transfer.pk)  # Lyon 15 → 14 on hand; 1 in transit towards Berlin
    return {"berlin": berlin, "lyon": lyon, "a": a, "b": b, "supplier": supplier}


def _line(variant, warehouse) -> ReplenishmentLine:
    return ReplenishmentLine.objects.get(variant=variant, warehouse=warehouse)


def test_the_hand_computed_case(case):
    assert compute_replenishment(now=NOW) == 4
    berlin, lyon, a, b = case["berlin"], case["lyon"], case["a"], case["b"]

    line = _line(a, berlin)
    assert line.velocity_28 == pytest.approx(10 / 28)
    assert line.velocity_90 == pytest.approx(0.2)
    assert line.demand_std_dev == pytest.approx(1.231079, abs=1e-6) == pytest.approx(math.sqrt(12276) / 90)
    assert Z * line.demand_std_dev * math.sqrt(5) == pytest.approx(4.528, abs=1e-3)
    assert (line.lead_time_days, line.safety_stock, line.reorder_point) == (5, 5, 7)
    assert (line.on_hand, line.allocated, line.in_transit, line.available) == (3, 1, 1, 3)
    assert line.days_of_cover == pytest.approx(8.4)
    assert line.urgency == pytest.approx(1.68)
    assert (line.transfer_from, line.transfer_quantity, line.suggested_order_quantity) == (lyon, 5, 10)
    assert line.supplier == case["supplier"]

    line = _line(a, lyon)
    assert (line.velocity_28, line.velocity_90) == (pytest.approx(9 / 28), pytest.approx(0.1))
    assert line.demand_std_dev == pytest.approx(math.sqrt(0.89))
    assert (line.safety_stock, line.reorder_point, line.on_hand, line.available) == (4, 6, 14, 14)
    assert line.days_of_cover == pytest.approx(43.556)
    assert line.urgency == pytest.approx(8.7111)
    assert (line.suggested_order_quantity, line.transfer_from, line.transfer_quantity) == (0, None, 0)

    line = _line(b, berlin)
    assert (line.velocity_28, line.velocity_90) == (pytest.approx(3), pytest.approx(84 / 90))
    assert line.demand_std_dev == pytest.approx(math.sqrt(15624) / 90)
    assert (line.safety_stock, line.reorder_point, line.available) == (6, 21, 12)
    assert (line.days_of_cover, line.urgency) == (pytest.approx(4.0), pytest.approx(0.8))
    assert (line.suggested_order_quantity, line.transfer_quantity) == (32, 0)

    line = _line(b, lyon)
    assert (line.supplier, line.lead_time_days, line.velocity_90, line.demand_std_dev, line.safety_stock, line.reorder_point) == (None, 14, 0, 0, 0, 0)
    assert (line.days_of_cover, line.urgency, line.suggested_order_quantity, line.transfer_quantity) == (None, None, 0, 0)


def test_returns_are_netted_through_the_return_service(case):
    """Returning 4 of Berlin's A (the return service writes a 'return' move, today: it counts from tomorrow on)."""
    return_to_stock(case["a"].pk, case["berlin"].pk, 4, reference="RMA-1")
    StockMove.objects.filter(reference="RMA-1").update(at=NOW - timedelta(days=1))
    compute_replenishment(now=NOW)
    line = _line(case["a"], case["berlin"])
    assert line.velocity_28 == pytest.approx(6 / 28)  # k=1: 4 sold − 4 returned = 0
    assert (line.on_hand, line.available) == (7, 7)


def test_a_higher_service_level_means_more_safety_stock(case):
    ReplenishmentSettings.objects.update_or_create(pk=1, defaults={"service_level": "0.99"})
    compute_replenishment(now=NOW)
    # z(99 %) = 2.326348: ⌈2.326348 × 1.388844 × √5⌉ = ⌈7.225⌉ = 8
    assert _line(case["b"], case["berlin"]).safety_stock == 8


def test_a_rerun_replaces_the_report(case):
    def snapshot():
        return sorted(ReplenishmentLine.objects.values_list(
            "warehouse_id", "variant_id", "velocity_28", "demand_std_dev", "reorder_point", "suggested_order_quantity", "transfer_quantity"))

    compute_replenishment(now=NOW)
    first = snapshot()
    assert compute_replenishment(now=NOW) == 4
    assert snapshot() == first
    assert ReplenishmentLine.objects.count() == 4


def test_the_command_and_the_beat_task(case):
    out = io.StringIO()
    call_command("compute_replenishment", stdout=out)
    assert out.getvalue().startswith("4 replenishment lines")
    assert compute_replenishment_task.delay().get() == 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_leave_one_report():
    warehouses = [f.WarehouseFactory(code=f"r{i}") for i in range(2)]
    for i in range(50):
        variant = f.ProductVariantFactory()
        for w in warehouses:
            stock = f.StockFactory(variant=variant, warehouse=w, quantity=20)
            _move(stock, 1 + i % 20, -(1 + i % 4))
    results, barrier = [], threading.Barrier(3)

    def work():
        try:
            barrier.wait()
            results.append(compute_replenishment(now=NOW))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [100, 100, 100]
    assert ReplenishmentLine.objects.count() == 100
    assert ReplenishmentLine.objects.values("warehouse_id", "variant_id").distinct().count() == 100


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("buyer", "buyer@example.com", "a-long-password-1"))
    return client


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_report_is_sorted_by_urgency_and_exports_its_filters(case, staff_client):
    compute_replenishment(now=NOW)
    url = reverse("admin:fulfillment_replenishmentline_changelist")
    page = staff_client.get(url)
    assert page.status_code == 200
    assert [(x.variant.sku, x.warehouse.code) for x in page.context["cl"].result_list] == [
        ("REPL-B", "berlin"), ("REPL-A", "berlin"), ("REPL-A", "lyon"), ("REPL-B", "lyon")]
    assert reverse("admin:fulfillment_replenishment_csv") in page.content.decode()

    rows = _csv(staff_client.get(reverse("admin:fulfillment_replenishment_csv")))
    assert rows[0][:3] == ["SKU", "warehouse", "supplier"]
    assert [r[0] for r in rows[1:]] == ["REPL-B", "REPL-A", "REPL-A", "REPL-B"]
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first == {**first, "SKU": "REPL-B", "warehouse": "berlin", "supplier": "S", "sales per day (28 days)": "3.000",
                     "safety stock": "6", "reorder point": "21", "available": "12", "days of cover": "4.000", "order": "32", "transfer": "0"}
    second = dict(zip(header, rows[2], strict=True))
    assert (second["transfer from"], second["transfer"], second["order"]) == ("lyon", "5", "10")

    rows = _csv(staff_client.get(reverse("admin:fulfillment_replenishment_csv") + "?transfer=yes"))
    assert [r[:2] for r in rows[1:]] == [["REPL-A", "berlin"]]
    rows = _csv(staff_client.get(reverse("admin:fulfillment_replenishment_csv") + "?order=yes&q=REPL-B"))
    assert [r[:2] for r in rows[1:]] == [["REPL-B", "berlin"]]
    page = staff_client.get(url + f"?warehouse__id__exact={case['lyon'].pk}")
    assert [x.variant.sku for x in page.context["cl"].result_list] == ["REPL-A", "REPL-B"]


def test_the_csv_is_for_staff_only(case, client):
    response = client.get(reverse("admin:fulfillment_replenishment_csv"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_suggested_transfer_becomes_a_draft_transfer(case, staff_client):
    compute_replenishment(now=NOW)
    lines = list(ReplenishmentLine.objects.values_list("pk", flat=True))
    response = staff_client.post(reverse("admin:fulfillment_replenishmentline_changelist"),
                                 {"action": "draft_transfers", "_selected_action": lines}, follow=True)
    assert response.status_code == 200
    transfer = StockTransfer.objects.get(status=StockTransfer.Status.DRAFT)
    assert (transfer.source, transfer.destination) == (case["lyon"], case["berlin"])
    assert list(transfer.lines.values_list("variant__sku", "quantity")) == [("REPL-A", 5)]
    assert "Draft transfer" in response.content.decode()


def test_the_report_lists_thousands_of_lines_within_a_query_budget(staff_client, django_assert_max_num_queries):
    warehouses = [f.WarehouseFactory(code=f"w{i}") for i in range(2)]
    product = f.ProductFactory()
    variants = ProductVariant.objects.bulk_create([ProductVariant(product=product, sku=f"BULK-{i:05d}", base_price=10) for i in range(1500)])
    stocks = Stock.objects.bulk_create([Stock(variant=v, warehouse=w, quantity=i % 7) for i, v in enumerate(variants) for w in warehouses])
    StockMove.objects.bulk_create([StockMove(stock=s, delta_on_hand=-(1 + i % 3), delta_allocated=0, reason=StockMove.Reason.DISPATCH,
                                             at=NOW - timedelta(days=1 + i % 60)) for i, s in enumerate(stocks) if i % 3])
    assert compute_replenishment(now=NOW) == 3000
    url = reverse("admin:fulfillment_replenishmentline_changelist")
    for query in ("", "?order=yes", "?transfer=yes", f"?warehouse__id__exact={warehouses[0].pk}", "?q=BULK-0001"):
        with django_assert_max_num_queries(12):
            assert staff_client.get(url + query).status_code == 200
    with django_assert_max_num_queries(10):
        assert len(_csv(staff_client.get(reverse("admin:fulfillment_replenishment_csv") + "?order=yes"))) > 1


def test_the_demo_gets_suppliers_history_and_a_report_once(catalog):
    from fulfillment.selectors import ledger_mismatches
    from shop.demo.replenishment import ensure_replenishment_demo

    first = ensure_replenishment_demo()
    assert first["supplier items"] > 0 and first["sales history moves"] > 0
    assert first["replenishment lines"] == Stock.objects.filter(warehouse__is_active=True).count()
    assert ReplenishmentLine.objects.filter(velocity_90__gt=0).exists()
    assert list(ledger_mismatches()) == []  # the history keeps on hand and allocated equal to the ledger's sums
    again = ensure_replenishment_demo()
    assert (again["supplier items"], again["sales history moves"]) == (0, 0)
    assert Supplier.objects.count() == 3


def test_the_settings_are_one_row_edited_in_admin(case, staff_client):
    page = staff_client.get(reverse("admin:fulfillment_replenishmentsettings_changelist"))
    assert page.status_code == 200 and ReplenishmentSettings.objects.count() == 1
    url = reverse("admin:fulfillment_replenishmentsettings_change", args=[1])
    response = staff_client.post(url, {"service_level": "0.99", "review_days": "7", "default_lead_time_days": "14", "surplus_cover_days": "30"})
    assert response.status_code == 302
    compute_replenishment(now=NOW)
    assert _line(case["b"], case["berlin"]).safety_stock == 8
    assert staff_client.post(url, {"service_level": "1", "review_days": "7", "default_lead_time_days": "14",
                                   "surplus_cover_days": "30"}).status_code == 200  # 100 % is refused (z would be infinite)
