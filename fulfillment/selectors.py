"""Reads about warehouses and stock."""

from collections.abc import Iterable

from django.db.models import F, Sum

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


def available_quantities(variant_ids: Iterable[int], warehouse_ids: Iterable[int]) -> dict[int, int]:
    """Units available to sell per variant across the given warehouses (one query)."""
    variant_ids, warehouse_ids = list(variant_ids), list(warehouse_ids)
    if not variant_ids or not warehouse_ids:
        return {}
    rows = (
        Stock.objects.filter(variant_id__in=variant_ids, warehouse_id__in=warehouse_ids, quantity__gt=F("quantity_allocated"))
        .values("variant_id")
        .annotate(available=Sum(F("quantity") - F("quantity_allocated")))
    )
    return {row["variant_id"]: int(row["available"]) for row in rows}


def in_stock_variants(warehouse_ids: Iterable[int]):
    """A queryset of variant ids with sellable stock in the warehouses (for Exists/IN filters)."""
    return Stock.objects.filter(warehouse_id__in=list(warehouse_ids), quantity__gt=F("quantity_allocated")).values("variant_id")
