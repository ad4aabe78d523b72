"""Reads about warehouses and stock."""

from collections.abc import Iterable
from decimal import Decimal

from django.db import connection
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Consignment, ConsignmentLine, ConsignmentStatus, EmissionFactor, Lane, Reservation, Stock, StockMove, Warehouse


def warehouse_facts() -> list[tuple[int, str, set[str]]]:
    """(warehouse id, its country, countries it serves) for active warehouses, preferred first (one query)."""
    return [
        (w.pk, w.country.code, w.served_countries()) for w in Warehouse.objects.filter(is_active=True).order_by("priority", "pk")
    ]


# The two reads below run on every product and listing page. They are plain SQL on purpose: building the
# equivalent ORM query costs more than running it (see bench/storefront.py).


def _placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def available_quantities(variant_ids: Iterable[int], warehouse_ids: Iterable[int]) -> dict[int, int]:
    """Units available to sell per variant across the given warehouses (one query)."""
    totals: dict[int, int] = {}
    for (variant_id, _warehouse_id), available in available_by_warehouse(variant_ids, warehouse_ids).items():
        totals[variant_id] = totals.get(variant_id, 0) + available
    return totals


def available_by_warehouse(variant_ids: Iterable[int], warehouse_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    """Units available to sell per (variant, warehouse), for the given warehouses (one query)."""
    variant_ids, warehouse_ids = [int(v) for v in variant_ids], [int(w) for w in warehouse_ids]
    if not variant_ids or not warehouse_ids:
        return {}
    free = free_units_sql()
    sql = (
        f"SELECT s.variant_id, s.warehouse_id, SUM({free}) FROM {Stock._meta.db_table} s "
        f"WHERE s.variant_id IN ({_placeholders(variant_ids)}) AND s.warehouse_id IN ({_placeholders(warehouse_ids)}) "
        f"AND {free} > 0 GROUP BY s.variant_id, s.warehouse_id"
    )
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(sql, [now] + variant_ids + warehouse_ids + [now])
        return {(variant_id, warehouse_id): int(available) for variant_id, warehouse_id, available in cursor.fetchall()}


def free_units_sql() -> str:
    """SQL for one stock row's sellable units: on hand − allocated − live reservations (one `now` parameter)."""
    reservations = Reservation._meta.db_table
    return (
        "(s.quantity - s.quantity_allocated - COALESCE((SELECT SUM(r.quantity) FROM "
        f"{reservations} r WHERE r.stock_id = s.id AND r.expires_at > %s), 0))"
    )


def variant_free_units_sql(variant_column: str, warehouse_ids: Iterable[int]) -> tuple[str, list]:
    """An SQL expression (and its parameters) for the sellable units of the variant whose id is in `variant_column`
    across the warehouses (never below zero per stock row), for a caller to put in its own query: the add-to-cart
    check reads it together with the variant's own facts in one round trip."""
    warehouse_ids = [int(w) for w in warehouse_ids]
    if not warehouse_ids:
        return "0", []
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    sql = (
        f"COALESCE((SELECT SUM({greatest}({free_units_sql()}, 0)) FROM {Stock._meta.db_table} s "
        f"WHERE s.variant_id = {variant_column} AND s.warehouse_id IN ({_placeholders(warehouse_ids)})), 0)"
    )
    return sql, [timezone.now(), *warehouse_ids]


def products_with_stock(product_ids: Iterable[int], warehouse_ids: Iterable[int]) -> set[int]:
    """Which products have an active variant with sellable stock in the warehouses (one query)."""
    product_ids, warehouse_ids = [int(p) for p in product_ids], [int(w) for w in warehouse_ids]
    if not product_ids or not warehouse_ids:
        return set()
    variant_table = Stock._meta.get_field("variant").related_model._meta.db_table
    sql = (
        f"SELECT DISTINCT v.product_id FROM {Stock._meta.db_table} s JOIN {variant_table} v ON v.id = s.variant_id "
        f"WHERE v.product_id IN ({_placeholders(product_ids)}) AND v.is_active "
        f"AND s.warehouse_id IN ({_placeholders(warehouse_ids)}) AND s.quantity > s.quantity_allocated "
        f"AND {free_units_sql()} > 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, product_ids + warehouse_ids + [timezone.now()])
        return {row[0] for row in cursor.fetchall()}


def sellable_stock(warehouse_ids: Iterable[int]):
    """Stock rows in the warehouses with units to sell (on hand − allocated − live reservations > 0), as a
    queryset to narrow further (e.g. by variant__product_id=OuterRef(...)) inside Exists()."""
    reserved = (
        Reservation.objects.filter(stock_id=OuterRef("pk"), expires_at__gt=timezone.now())
        .values("stock_id")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return (
        Stock.objects.filter(warehouse_id__in=list(warehouse_ids), quantity__gt=F("quantity_allocated"))
        .annotate(reserved=Coalesce(Subquery(reserved), 0))
        .filter(quantity__gt=F("quantity_allocated") + F("reserved"))
    )


def ledger_mismatches():
    """Stock rows whose on hand or allocated differ from the sums of their ledger moves (one query), annotated with
    `ledger_on_hand` and `ledger_allocated`. Empty when the ledger is right."""
    sums = StockMove.objects.filter(stock_id=OuterRef("pk")).values("stock_id")
    on_hand = Coalesce(Subquery(sums.annotate(total=Sum("delta_on_hand")).values("total")), 0)
    allocated = Coalesce(Subquery(sums.annotate(total=Sum("delta_allocated")).values("total")), 0)
    return (
        Stock.objects.annotate(ledger_on_hand=on_hand, ledger_allocated=allocated)
        .exclude(quantity=F("ledger_on_hand"), quantity_allocated=F("ledger_allocated"))
        .select_related("warehouse", "variant")
        .order_by("pk")
    )



def order_shipping_progress(order_id: int) -> tuple[int, int]:
    """(consignments that have left the warehouse, consignments still to leave) for an order; cancelled ones count
    for neither. One query."""
    left = (ConsignmentStatus.DISPATCHED, ConsignmentStatus.DELIVERED, ConsignmentStatus.RETURNED)
    gone, waiting = 0, 0
    for status in Consignment.objects.filter(order_id=order_id).exclude(status=ConsignmentStatus.CANCELLED).values_list("status", flat=True):
        if status in left:
            gone += 1
        else:
            waiting += 1
    return gone, waiting


def pick_list_rows(pick_list) -> list[dict]:
    """What to pick for a pick list, one row per (bin, SKU) in walking order (bins sorted; unshelved last), with the
    units per consignment: [{"bin", "sku", "ean", "name", "quantity", "variant_id", "parts": [(consignment number,
    consignment id, line id, quantity)]}]. Two queries whatever the list's size."""
    lines = list(ConsignmentLine.objects.filter(consignment__pick_list=pick_list)
                 .values("pk", "variant_id", "sku", "ean", "name", "quantity", "consignment_id", "consignment__number")
                 .order_by("consignment_id", "pk"))
    bins = dict(Stock.objects.filter(warehouse_id=pick_list.warehouse_id, variant_id__in={line["variant_id"] for line in lines})
                .values_list("variant_id", "bin_location"))
    rows: dict[tuple, dict] = {}
    for line in lines:
        bin_location = bins.get(line["variant_id"], "") or ""
        key = (bin_location, line["sku"])
        row = rows.setdefault(key, {"bin": bin_location, "sku": line["sku"], "ean": line["ean"], "name": line["name"],
                                    "variant_id": line["variant_id"], "quantity": 0, "parts": []})
        row["quantity"] += line["quantity"]
        row["parts"].append((line["consignment__number"], line["consignment_id"], line["pk"], line["quantity"]))
    return [rows[key] for key in sorted(rows, key=lambda k: (k[0] == "", k[0], k[1]))]

# --- Shipping facts for the storefront snapshot (checkout prices, dates and CO2 of each consignment from them) -----

def warehouse_places() -> tuple[list[tuple[int, str, set[str]]], dict]:
    """`warehouse_facts()` and, from the same query, where each active warehouse is:
    warehouse id -> (name, city, country, (latitude, longitude) or None)."""
    facts, places = [], {}
    for w in Warehouse.objects.filter(is_active=True).order_by("priority", "pk"):
        facts.append((w.pk, w.country.code, w.served_countries()))
        coordinates = (float(w.latitude), float(w.longitude)) if w.latitude is not None and w.longitude is not None else None
        places[w.pk] = (w.name, w.city, w.country.code, coordinates)
    return facts, places


def lanes_and_factors() -> tuple[dict, dict]:
    """In one statement (it runs whenever the storefront snapshot is rebuilt, see shop/plumbing/storefront_config.py):
    lanes, (service id, warehouse id, destination) -> (min days, max days, distance km or None), and emission factors,
    transport mode -> Decimal grams CO2e per tonne-km."""
    lane, factor = Lane._meta.db_table, EmissionFactor._meta.db_table
    sql = (f"SELECT 'lane', service_id, warehouse_id, destination, min_days, max_days, distance_km FROM {lane} "
           f"UNION ALL SELECT 'factor', NULL, NULL, mode, NULL, NULL, grams_per_tonne_km FROM {factor}")
    lanes, factors = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(sql)
        for kind, service_id, warehouse_id, code, min_days, max_days, value in cursor.fetchall():
            if kind == "lane":
                lanes[(service_id, warehouse_id, code)] = (min_days, max_days, int(value) if value is not None else None)
            else:
                factors[code] = Decimal(str(value))
    return lanes, factors
