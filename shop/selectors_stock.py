"""Stock reads on the storefront's hottest write path (add to cart): plain SQL, one round trip."""

from django.db import connection
from django.utils import timezone

from fulfillment.models import Stock
from fulfillment.selectors import free_units_sql
from shop.models import Product, ProductVariant


def sellable_quantity(variant_id: int, warehouse_ids) -> int | None:
    """Units of an active variant of a published product the warehouses can sell now (on hand − allocated − live
    reservations); None when the variant is not for sale at all."""
    warehouse_ids = [int(w) for w in warehouse_ids]
    stock_sum = "0"
    params: list = []
    if warehouse_ids:
        stock_sum = (
            f"COALESCE((SELECT SUM(GREATEST_FREE) FROM {Stock._meta.db_table} s WHERE s.variant_id = v.id "
            f"AND s.warehouse_id IN ({', '.join(['%s'] * len(warehouse_ids))})), 0)"
        ).replace("GREATEST_FREE", _non_negative(free_units_sql()))
        params = [timezone.now(), *warehouse_ids]
    sql = (
        f"SELECT {stock_sum} FROM {ProductVariant._meta.db_table} v JOIN {Product._meta.db_table} p ON p.id = v.product_id "
        "WHERE v.id = %s AND v.is_active AND p.is_published"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, int(variant_id)])
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def _non_negative(expression: str) -> str:
    function = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    return f"{function}({expression}, 0)"
