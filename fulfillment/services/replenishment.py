"""Replenishment: what each warehouse should order, and when another warehouse can help instead.

Run nightly (`compute_replenishment`, the beat task `fulfillment.tasks.compute_replenishment_task`, or
`manage.py compute_replenishment`). For every stock row (warehouse × variant) of an active warehouse it writes one
ReplenishmentLine; the previous run's lines are replaced in the same transaction.

Formulas (the N complete days before today, in the shop's time zone; N = 28 and 90):

- demand d_i on day i = units dispatched minus units returned ("dispatch" and "return" moves of the stock ledger), 0 on a
  day without either (a day with more returns than sales is negative: returns are netted);
- velocity_N = Σ d_i / N (units per day; lines show velocity_28 and velocity_90);
- σ = population standard deviation of the 90 daily demands (zero days included), computed from Σd and Σd² so only days
  with moves are read: σ² = Σd²/90 − (Σd/90)²;
- lead time L = the supplier item's lead time, else its supplier's, else the settings' "lead time without a supplier";
- safety stock = ⌈z × σ × √L⌉, z = the standard normal quantile of the merchant's service level (95 % → 1.645);
- reorder point = ⌈velocity_28 × L⌉ + safety stock (the recent 28-day velocity, so a trend shows within a month; the
  90-day σ keeps the buffer steady);
- available = on hand − allocated + in transit (transfers dispatched towards this warehouse, not yet received);
- days of cover = available ÷ velocity_28 (empty when nothing sold in 28 days); urgency = days of cover ÷ L (below 1 the
  shelf empties before an order placed today arrives; the report is sorted by it, lowest first, no sales last);
- need = ⌈reorder point + velocity_28 × review period − available⌉ when available ≤ reorder point and something sold in
  the last 90 days, else 0 (nothing is suggested for a variant that did not sell);
- surplus of another active warehouse = (on hand − allocated) − reorder point − ⌈velocity_90 × surplus days⌉ (settings,
  30 by default); the neediest warehouses first, each takes min(surplus, need) from the one with the largest surplus
  left: the suggested transfer;
- suggested order = 0 when the transfer covers the need, else max(minimum order, the rest rounded up to the pack size
  (the supplier item's, else the supplier's order multiple)).

Reads stream: two grouped queries (demand per stock row and day, transfers in transit) and one pass over the stock
rows ordered by variant, so a year of ledger never becomes Python objects."""

import math
from datetime import datetime, time, timedelta
from itertools import groupby

from django.db import connection, transaction
from django.db.models import Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from fulfillment.models import ReplenishmentLine, ReplenishmentSettings, Stock, StockMove, StockTransfer, StockTransferLine, SupplierItem

LONG, SHORT = 90, 28
BATCH = 10_000


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _day_start(day, tz) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), tz)


def demand_by_stock(today) -> dict[int, tuple[int, int, int]]:
    """{stock id: (Σd over 28 days, Σd over 90 days, Σd² over 90 days)} for the stock rows that moved; one query grouped
    by stock row and day, streamed."""
    tz = timezone.get_current_timezone()
    start, end, short_from = today - timedelta(days=LONG), today, today - timedelta(days=SHORT)
    rows = (StockMove.objects.filter(reason__in=(StockMove.Reason.DISPATCH, StockMove.Reason.RETURN),
                                     at__gte=_day_start(start, tz), at__lt=_day_start(end, tz))
            .annotate(day=TruncDate("at", tzinfo=tz)).order_by().values("stock_id", "day").annotate(units=Sum("delta_on_hand"))
            .values_list("stock_id", "day", "units"))
    stats: dict[int, list[int]] = {}
    for stock_id, day, units in rows.iterator(chunk_size=20_000):
        d = -units  # dispatches are negative on hand, returns positive
        s = stats.get(stock_id)
        if s is None:
            s = stats[stock_id] = [0, 0, 0]
        if day >= short_from:
            s[0] += d
        s[1] += d
        s[2] += d * d
    return {k: tuple(v) for k, v in stats.items()}


def _in_transit() -> dict[tuple[int, int], int]:
    rows = (StockTransferLine.objects.filter(transfer__status=StockTransfer.Status.IN_TRANSIT).order_by()
            .values("transfer__destination_id", "variant_id").annotate(units=Sum("quantity"))
            .values_list("transfer__destination_id", "variant_id", "units"))
    return {(warehouse_id, variant_id): units for warehouse_id, variant_id, units in rows}


def _supply(config: ReplenishmentSettings):
    """A lookup (variant, warehouse) → (supplier id, lead time, minimum order, pack size)."""
    items = {}
    for variant_id, warehouse_id, supplier_id, lead, pack, s_lead, s_min, s_multiple in (
            SupplierItem.objects.filter(supplier__is_active=True).values_list(
                "variant_id", "warehouse_id", "supplier_id", "lead_time_days", "pack_size",
                "supplier__lead_time_days", "supplier__min_order_quantity", "supplier__order_multiple").iterator(chunk_size=20_000)):
        items[(variant_id, warehouse_id)] = (supplier_id, lead if lead is not None else s_lead, s_min, pack or s_multiple)
    default = (None, config.default_lead_time_days, 1, 1)

    def supply(variant_id: int, warehouse_id: int):
        return items.get((variant_id, warehouse_id)) or items.get((variant_id, None)) or default

    return supply


COLUMNS = ("warehouse_id", "variant_id", "supplier_id", "computed_at", "velocity_28", "velocity_90", "demand_std_dev", "lead_time_days",
           "safety_stock", "reorder_point", "on_hand", "allocated", "in_transit", "available", "days_of_cover", "urgency",
           "suggested_order_quantity", "transfer_from_id", "transfer_quantity")


def _plan_variant(rows, stats, in_transit, supply, z: float, config, now) -> list[dict]:
    """The lines of one variant in every active warehouse (dicts keyed by COLUMNS), transfers between them included."""
    lines, needs, surpluses, packs = [], {}, {}, {}
    for stock_id, warehouse_id, variant_id, on_hand, allocated in rows:
        s28, s90, ss90 = stats.get(stock_id, (0, 0, 0))
        supplier_id, lead, min_order, pack = supply(variant_id, warehouse_id)
        sigma = math.sqrt(max(LONG * ss90 - s90 * s90, 0)) / LONG
        safety = max(math.ceil(z * sigma * math.sqrt(lead) - 1e-9), 0) if sigma else 0
        reorder_point = _ceil_div(max(s28, 0) * lead, SHORT) + safety
        transit = in_transit.get((warehouse_id, variant_id), 0)
        available = on_hand - allocated + transit
        cover = available * SHORT / s28 if s28 > 0 else None
        line = {
            "warehouse_id": warehouse_id, "variant_id": variant_id, "supplier_id": supplier_id, "computed_at": now,
            "velocity_28": s28 / SHORT, "velocity_90": s90 / LONG, "demand_std_dev": sigma, "lead_time_days": lead, "safety_stock": safety,
            "reorder_point": reorder_point, "on_hand": on_hand, "allocated": allocated, "in_transit": transit, "available": available,
            "days_of_cover": None if cover is None else round(cover, 3),
            "urgency": None if cover is None else round(cover / max(lead, 1), 4), "suggested_order_quantity": 0,
            "transfer_from_id": None, "transfer_quantity": 0,
        }
        lines.append(line)
        if s90 > 0 and available <= reorder_point:
            need = _ceil_div(reorder_point * SHORT + max(s28, 0) * config.review_days - available * SHORT, SHORT)
            if need > 0:
                needs[len(lines) - 1] = need
                packs[len(lines) - 1] = (min_order, pack)
        surplus = on_hand - allocated - reorder_point - _ceil_div(max(s90, 0) * config.surplus_cover_days, LONG)
        if surplus > 0:
            surpluses[warehouse_id] = surplus
    if not needs:
        return lines
    for i in sorted(needs, key=lambda i: (lines[i]["urgency"] if lines[i]["urgency"] is not None else math.inf)):
        line, need = lines[i], needs[i]
        if surpluses:
            donor = max(surpluses, key=lambda w: (surpluses[w], -w))
            quantity = min(surpluses[donor], need)
            line["transfer_from_id"], line["transfer_quantity"] = donor, quantity
            surpluses[donor] -= quantity
            if not surpluses[donor]:
                del surpluses[donor]
            need -= quantity
        if need > 0:
            min_order, pack = packs[i]
            line["suggested_order_quantity"] = max(min_order, _ceil_div(need, pack) * pack)
    return lines


def _write(lines: list[dict]) -> None:
    """Insert report lines: PostgreSQL's COPY (no model instances: a night's report is hundreds of thousands of
    lines), bulk_create elsewhere."""
    if connection.vendor == "postgresql":
        table = ReplenishmentLine._meta.db_table
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for line in lines:
                copy.write_row([line[c] for c in COLUMNS])
    else:
        ReplenishmentLine.objects.bulk_create([ReplenishmentLine(**line) for line in lines])


def compute_replenishment(now=None) -> int:
    """Replace the replenishment report; returns the number of lines written. One transaction, holding the settings
    row's lock: two runs at once (beat and a manual one) follow each other instead of mixing their lines."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    ReplenishmentSettings.load()
    written = 0
    with transaction.atomic():
        config = ReplenishmentSettings.objects.select_for_update().get(pk=1)
        z = config.z
        stats = demand_by_stock(today)
        in_transit = _in_transit()
        supply = _supply(config)
        stocks = (Stock.objects.filter(warehouse__is_active=True).order_by("variant_id", "warehouse_id")
                  .values_list("id", "warehouse_id", "variant_id", "quantity", "quantity_allocated"))
        ReplenishmentLine.objects.all().delete()
        buffer: list[dict] = []
        for _variant_id, rows in groupby(stocks.iterator(chunk_size=20_000), key=lambda r: r[2]):
            buffer.extend(_plan_variant(rows, stats, in_transit, supply, z, config, now))
            if len(buffer) >= BATCH:
                _write(buffer)
                written += len(buffer)
                buffer = []
        if buffer:
            _write(buffer)
            written += len(buffer)
    return written


@transaction.atomic
def draft_suggested_transfers(line_ids) -> list[StockTransfer]:
    """Draft stock transfers for the suggestions of these report lines: one transfer per source → destination pair,
    a line per variant (dispatching it later goes through `dispatch_transfer`, which checks what is free)."""
    lines = (ReplenishmentLine.objects.filter(pk__in=list(line_ids), transfer_from__isnull=False, transfer_quantity__gt=0)
             .order_by("transfer_from_id", "warehouse_id", "variant_id"))
    transfers = []
    for (source_id, destination_id), group in groupby(lines, key=lambda x: (x.transfer_from_id, x.warehouse_id)):
        transfer = StockTransfer.objects.create(source_id=source_id, destination_id=destination_id, note="replenishment")
        StockTransferLine.objects.bulk_create([
            StockTransferLine(transfer=transfer, variant_id=line.variant_id, quantity=line.transfer_quantity) for line in group])
        transfers.append(transfer)
    return transfers
