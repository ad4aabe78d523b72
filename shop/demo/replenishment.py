"""Replenishment for the demo: three suppliers, who delivers which variant, 90 days of sales history for part of the
stock, and a first run of the nightly report. Called once at the end of the seed (`ensure_replenishment_demo()`).

The history keeps the stock ledger whole (`manage.py check_stock_ledger`): each row that gets it first receives, 91
days ago, exactly the units it then sells, as allocation + dispatch pairs like real orders' (a few come back as
returns, received again). On hand and allocated stay what the seed set."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from fulfillment.models import Stock, StockMove, Supplier, SupplierItem, Warehouse
from fulfillment.services.replenishment import compute_replenishment

SUPPLIERS = (
    # name, lead time (days), minimum order, order multiple
    ("Tecelagem do Minho", 12, 24, 6),
    ("Kansai Kōgei", 28, 50, 10),
    ("Berliner Werkstätten", 4, 5, 1),
)
REFERENCE = "demo-history"
MAX_ROWS = 1500


def _suppliers() -> dict[str, Supplier]:
    suppliers = {}
    for name, lead, minimum, multiple in SUPPLIERS:
        suppliers[name], _created = Supplier.objects.get_or_create(
            name=name, defaults={"lead_time_days": lead, "min_order_quantity": minimum, "order_multiple": multiple})
    return suppliers


def _supplier_items(suppliers: dict[str, Supplier]) -> int:
    """Variants stocked only in Osaka come from Japan; the rest from Portugal, and Berlin's from a local workshop when
    the variant's number is even (a warehouse-specific row: shorter lead time, no packs)."""
    osaka = Warehouse.objects.filter(code="jp-osa").first()
    berlin = Warehouse.objects.filter(code="de-ber").first()
    rows = Stock.objects.filter(quantity__gt=0).values_list("variant_id", "warehouse_id")
    warehouses_by_variant: dict[int, set[int]] = {}
    for variant_id, warehouse_id in rows.iterator(chunk_size=5000):
        warehouses_by_variant.setdefault(variant_id, set()).add(warehouse_id)
    known = set(SupplierItem.objects.values_list("variant_id", "warehouse_id"))
    items = []
    for variant_id, warehouses in sorted(warehouses_by_variant.items()):
        japanese = osaka is not None and warehouses == {osaka.pk}
        if (variant_id, None) not in known:
            items.append(SupplierItem(variant_id=variant_id, supplier=suppliers["Kansai Kōgei" if japanese else "Tecelagem do Minho"]))
        if berlin is not None and not japanese and variant_id % 2 == 0 and (variant_id, berlin.pk) not in known:
            items.append(SupplierItem(variant_id=variant_id, warehouse=berlin, supplier=suppliers["Berliner Werkstätten"], pack_size=1))
    SupplierItem.objects.bulk_create(items, batch_size=2000)
    return len(items)


def _history(now) -> int:
    """Sales over the last 90 days for up to MAX_ROWS stocked rows (deterministic), once."""
    if StockMove.objects.filter(reference=REFERENCE).exists():
        return 0
    rng = random.Random(12)
    stocks = list(Stock.objects.filter(quantity__gt=0, warehouse__is_active=True).order_by("pk").values_list("pk", flat=True)[:MAX_ROWS * 3])
    chosen = sorted(rng.sample(stocks, min(len(stocks), MAX_ROWS)))
    moves = []
    for stock_id in chosen:
        rate = rng.choice((0.05, 0.1, 0.2, 0.4, 0.8, 1.5))  # average units a day
        sold = returned = 0
        for day in range(1, 91):
            if rng.random() < min(rate, 0.9):
                units = 1 + int(rng.random() * max(rate, 1) * 1.5)
                at = now - timedelta(days=day, hours=rng.randint(0, 8))
                moves.append(StockMove(stock_id=stock_id, delta_allocated=units, reason=StockMove.Reason.ALLOCATION, reference=REFERENCE,
                                       at=at - timedelta(hours=20)))
                moves.append(StockMove(stock_id=stock_id, delta_on_hand=-units, delta_allocated=-units, reason=StockMove.Reason.DISPATCH,
                                       reference=REFERENCE, at=at))
                sold += units
                if day > 7 and rng.random() < 0.04:
                    moves.append(StockMove(stock_id=stock_id, delta_on_hand=1, reason=StockMove.Reason.RETURN, reference=REFERENCE,
                                           at=at + timedelta(days=6)))
                    returned += 1
        if sold - returned:
            moves.append(StockMove(stock_id=stock_id, delta_on_hand=sold - returned, reason=StockMove.Reason.RECEIPT, reference=REFERENCE,
                                   note="demo", at=now - timedelta(days=91)))
    StockMove.objects.bulk_create(moves, batch_size=5000)
    return len(moves)


def ensure_replenishment_demo() -> dict[str, int]:
    """Suppliers, supplier items and sales history (each once), then the replenishment report."""
    now = timezone.now()
    with transaction.atomic():
        suppliers = _suppliers()
        items = _supplier_items(suppliers)
        moves = _history(now)
    return {"supplier items": items, "sales history moves": moves, "replenishment lines": compute_replenishment(now=now)}
