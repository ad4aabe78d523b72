#!/usr/bin/env python3
"""Replenishment benchmark: the nightly report over 100 000 variants × 4 warehouses with a year of sales in the stock
ledger. It prints figures; it is not a test.

Uses PostgreSQL database `caravan_bench_replenishment` (dropped and re-created; BENCH_POSTGRES's server, default
postgres://postgres@127.0.0.1:5432). The history is generated in SQL (generate_series), sparse as real shops' is: one
stock row in 20 sells about 150 times a year, four in 20 about 12 times, the rest once at most; 3 % of sales come back
as returns. Then `compute_replenishment` runs twice (the second run replaces the first run's lines).

    .venv/bin/python bench/replenishment.py                     # 100 000 variants × 4 warehouses
    .venv/bin/python bench/replenishment.py --variants 20000
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "caravan_bench_replenishment"


def setup_django() -> None:
    server = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    os.environ["DATABASE_URL"] = f"{server}/{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ["REDIS_URL"] = ""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def prepare(n_variants: int, n_warehouses: int) -> None:
    from django.db import connection

    from fulfillment.models import StockTransfer, Supplier, Warehouse
    from shop.models import Category, Product, ProductVariant

    warehouses = [Warehouse.objects.create(code=f"w{i}", name=f"Warehouse {i}", country=c, countries_served=[c], priority=i)
                  for i, c in zip(range(n_warehouses), ("DE", "FR", "ES", "JP", "IT", "NL"), strict=False)]
    category = Category.objects.create(name="Bench", slug="bench")
    product = Product.objects.create(name="Bench", slug="bench", category=category)
    started = time.perf_counter()
    ProductVariant.objects.bulk_create((ProductVariant(product=product, sku=f"R-{i:06d}", base_price=10) for i in range(n_variants)),
                                       batch_size=5000)
    suppliers = [Supplier.objects.create(name=f"Supplier {i}", lead_time_days=lead, min_order_quantity=moq, order_multiple=mult)
                 for i, (lead, moq, mult) in enumerate(((5, 10, 1), (14, 24, 6), (30, 100, 12)))]
    with connection.cursor() as cursor:
        cursor.execute("""
            INSERT INTO fulfillment_stock (warehouse_id, variant_id, quantity, quantity_allocated, bin_location, updated_at)
            SELECT w.id, v.id, q, (q * 0.1)::int, '', now()
            FROM fulfillment_warehouse w CROSS JOIN shop_productvariant v CROSS JOIN LATERAL (SELECT (random() * 40 + v.id * 0)::int AS q) r""")
        cursor.execute("""
            INSERT INTO fulfillment_supplieritem (supplier_id, variant_id, warehouse_id, lead_time_days, pack_size)
            SELECT (ARRAY[%s, %s, %s])[1 + v.id %% 3], v.id, NULL, NULL, NULL FROM shop_productvariant v""", [s.pk for s in suppliers])
        cursor.execute("""
            INSERT INTO fulfillment_stockmove (stock_id, delta_on_hand, delta_allocated, reason, reference, note, at)
            SELECT s.id, -u.q, -u.q, 'dispatch', 'bench', '', now() - random() * interval '365 days'
            FROM fulfillment_stock s
            CROSS JOIN LATERAL generate_series(1, CASE WHEN s.id %% 20 = 0 THEN 150 WHEN s.id %% 20 < 5 THEN 12
                                                       ELSE (random() * 2 + s.id * 0)::int END) g
            CROSS JOIN LATERAL (SELECT (1 + floor(random() * 3) + g * 0)::int AS q) u""", [])
        cursor.execute("""
            INSERT INTO fulfillment_stockmove (stock_id, delta_on_hand, delta_allocated, reason, reference, note, at)
            SELECT stock_id, 1, 0, 'return', 'bench', '', at + interval '6 days' FROM fulfillment_stockmove
            WHERE reason = 'dispatch' AND random() < 0.03""")
        transfer = StockTransfer.objects.create(source=warehouses[0], destination=warehouses[1], status=StockTransfer.Status.IN_TRANSIT)
        cursor.execute("""
            INSERT INTO fulfillment_stocktransferline (transfer_id, variant_id, quantity)
            SELECT %s, v.id, 5 FROM shop_productvariant v WHERE v.id %% 200 = 0""", [transfer.pk])
        cursor.execute("SELECT count(*) FROM fulfillment_stockmove")
        moves = cursor.fetchone()[0]
        cursor.execute("ANALYZE")
    print(f"prepared {n_variants} variants × {n_warehouses} warehouses, {moves} ledger moves over a year "
          f"in {time.perf_counter() - started:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=100_000)
    parser.add_argument("--warehouses", type=int, default=4)
    args = parser.parse_args()
    setup_django()
    prepare(args.variants, args.warehouses)
    from fulfillment.models import ReplenishmentLine
    from fulfillment.services.replenishment import compute_replenishment

    for run in ("first run", "rerun (replaces)"):
        started = time.perf_counter()
        written = compute_replenishment()
        took = time.perf_counter() - started
        print(f"compute_replenishment, {run}: {written} lines in {took:.1f} s ({written / took:.0f} lines/s)")
    print(f"lines to order: {ReplenishmentLine.objects.filter(suggested_order_quantity__gt=0).count()}, "
          f"with a transfer: {ReplenishmentLine.objects.filter(transfer_quantity__gt=0).count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
