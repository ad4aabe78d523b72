"""Reads about warehouses and stock."""

from collections.abc import Iterable

from django.db import connection
from django.db.models import F

from .models import Stock, Warehouse


def warehouses_serving(country_codes: Iterable[str]) -> list[Warehouse]:
    """Active warehouses that serve any of the countries, best (lowest priority number) first."""
    codes = set(country_codes)
    found = [w for w in Warehouse.objects.filter(is_active=True).order_by("priority", "pk") if codes & _served(w)]
    return found


def warehouses_serving_by_country() -> list[tuple[int, set[str]]]:
    """(warehouse id, countries it serves) for active warehouses, preferred first (one query)."""
    return [(w.pk, _served(w)) for w in Warehouse.objects.filter(is_active=True).order_by("priority", "pk")]


def _served(warehouse: Warehouse) -> set[str]:
    return {c.code for c in warehouse.countries_served} | {warehouse.country.code}


# The two reads below run on every product and listing page. They are plain SQL on purpose: building the
# equivalent ORM query costs more than running it (see bench/storefront.py).


def _placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def available_quantities(variant_ids: Iterable[int], warehouse_ids: Iterable[int]) -> dict[int, int]:
    """Units available to sell per variant across the given warehouses (one query)."""
    variant_ids, warehouse_ids = [int(v) for v in variant_ids], [int(w) for w in warehouse_ids]
    if not variant_ids or not warehouse_ids:
        return {}
    stock = Stock._meta.db_table
    sql = (
        f"SELECT variant_id, SUM(quantity - quantity_allocated) FROM {stock} "
        f"WHERE variant_id IN ({_placeholders(variant_ids)}) AND warehouse_id IN ({_placeholders(warehouse_ids)}) "
        "AND quantity > quantity_allocated GROUP BY variant_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, variant_ids + warehouse_ids)
        return {variant_id: int(available) for variant_id, available in cursor.fetchall()}


def products_with_stock(product_ids: Iterable[int], warehouse_ids: Iterable[int]) -> set[int]:
    """Which products have an active variant with sellable stock in the warehouses (one query)."""
    product_ids, warehouse_ids = [int(p) for p in product_ids], [int(w) for w in warehouse_ids]
    if not product_ids or not warehouse_ids:
        return set()
    stock = Stock._meta.db_table
    variant_table = Stock._meta.get_field("variant").related_model._meta.db_table
    sql = (
        f"SELECT DISTINCT v.product_id FROM {stock} s JOIN {variant_table} v ON v.id = s.variant_id "
        f"WHERE v.product_id IN ({_placeholders(product_ids)}) AND v.is_active "
        f"AND s.warehouse_id IN ({_placeholders(warehouse_ids)}) AND s.quantity > s.quantity_allocated"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, product_ids + warehouse_ids)
        return {row[0] for row in cursor.fetchall()}


def in_stock_variants(warehouse_ids: Iterable[int]):
    """A queryset of variant ids with sellable stock in the warehouses (for Exists/IN filters)."""
    return Stock.objects.filter(warehouse_id__in=list(warehouse_ids), quantity__gt=F("quantity_allocated")).values("variant_id")
