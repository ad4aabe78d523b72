#!/usr/bin/env python3
"""Warehouse benchmark: pick-list generation for 2 000 open consignments, then pick → pack → dispatch throughput
(consignments per second, through the same services the packing desk calls). It prints figures; it is not a test.

Uses PostgreSQL database `caravan_bench_fulfillment` (dropped and re-created; DATABASE_URL's server, default
postgres://postgres@127.0.0.1:5432) unless --sqlite. Each consignment is a real order's: stock allocated with the
stock services (ledger moves), then `create_consignments`.

    .venv/bin/python bench/fulfillment.py                   # 2 000 consignments, about a minute
    .venv/bin/python bench/fulfillment.py --consignments 500 --threads 2
    .venv/bin/python bench/fulfillment.py --eager            # dispatch e-mails and invoices rendered in-process

Uses Redis db 9 (BENCH_REDIS_URL) as the broker unless --eager, and empties it afterwards.
"""

import argparse
import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(args) -> None:
    if args.sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'bench-fulfillment.sqlite3'}"
        (ROOT / "bench-fulfillment.sqlite3").unlink(missing_ok=True)
    else:
        server = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "caravan_bench_fulfillment"], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "caravan_bench_fulfillment"], check=True)
        os.environ["DATABASE_URL"] = f"{server}/caravan_bench_fulfillment"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    # With a broker, the e-mails and invoices a dispatch queues go to the worker, as in production: what is measured is
    # the desk's request. --eager runs them in the dispatching thread instead (the zero-setup default without Redis).
    os.environ["REDIS_URL"] = "" if args.eager else os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def prepare(n: int) -> tuple:
    """A warehouse, 200 shelved variants, `n` paid orders of 1-3 lines each with their consignments ready."""
    from django.utils import timezone

    from fulfillment.models import Carrier, CarrierService, Stock, StockMove, Warehouse
    from fulfillment.services import ConsignmentLinePlan, ConsignmentPlan, allocate_stock, create_consignments
    from shop.models import Category, Market, Order, Product, ProductVariant

    warehouse = Warehouse.objects.create(code="bench", name="Bench", country="DE", countries_served=["DE"])
    carrier = Carrier.objects.create(code="dhl", name="DHL", tracking_url_template="https://t.example/{tracking_number}")
    service = CarrierService.objects.create(carrier=carrier, code="paket", name="Paket")
    market = Market.objects.create(code="bench", name="Bench", currency="EUR", countries=["DE"], default_country="DE",
                                   default_language="en", prices_include_tax=True)
    category = Category.objects.create(name="Bench", slug="bench")
    product = Product.objects.create(name="Bench shirt", slug="bench-shirt", category=category)
    variants = ProductVariant.objects.bulk_create([
        ProductVariant(product=product, sku=f"B-{i:04d}", base_price=Decimal("10"), weight_grams=200 + i) for i in range(200)])
    stocks = Stock.objects.bulk_create([
        Stock(variant=v, warehouse=warehouse, quantity=100_000, bin_location=f"{'ABCDEFGH'[i % 8]}-{i % 40:02d}-{i % 7:02d}")
        for i, v in enumerate(variants)])
    StockMove.objects.bulk_create([StockMove(stock=s, delta_on_hand=s.quantity, reason="opening_balance") for s in stocks])
    today = timezone.localdate()
    address = {"full_name": "Erika Mustermann", "line1": "Hauptstraße 5", "postcode": "10115", "city": "Berlin", "country": "DE"}
    template = dict(email="b@example.com", language="en", market=market, currency="EUR", prices_include_tax=True,
                    payment_method="bank_transfer", status="paid", shipping_address=address, billing_address=address,
                    shipping_method_name="Standard", carrier="DHL", delivery_earliest=today, delivery_latest=today + timedelta(days=3))
    orders = Order.objects.bulk_create([Order(number=f"BENCH-{i:06d}", **template) for i in range(n)])
    started = time.perf_counter()
    for i, order in enumerate(orders):
        picks = {variants[(i * 7 + k * 13) % 200].pk: 1 + k for k in range(1 + i % 3)}
        reference = f"order:{order.pk}"
        allocate_stock(reference, picks, [warehouse.pk])
        by_id = {v.pk: v for v in variants}
        lines = tuple(ConsignmentLinePlan(v, by_id[v].sku, "Bench shirt", q, Decimal("8.40"), by_id[v].weight_grams) for v, q in picks.items())
        create_consignments(order.pk, order.number, reference, [ConsignmentPlan(
            warehouse.pk, lines, "Standard", today, today + timedelta(days=3), carrier_id=carrier.pk, service_id=service.pk,
            transit_min_days=1, transit_max_days=3)], ship_to=address, destination="DE", email="b@example.com", language="en",
            currency="EUR", ready=True)
    return warehouse, carrier, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consignments", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=2, help="people dispatching at once (PostgreSQL only)")
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--eager", action="store_true", help="run queued tasks (e-mails, invoices) in-process, as without Redis")
    args = parser.parse_args()
    setup_django(args)
    from django.db import connections

    from fulfillment.models import Consignment, StockMove
    from fulfillment.selectors import pick_list_rows
    from fulfillment.services.dispatch import dispatch_consignment
    from fulfillment.services.packing import ParcelSpec, pack_consignment
    from fulfillment.services.picking import confirm_pick, create_pick_list

    warehouse, carrier, seconds = prepare(args.consignments)
    print(f"prepared {args.consignments} paid orders with allocated consignments in {seconds:.1f} s "
          f"({args.consignments / seconds:.0f} orders/s through allocate_stock + create_consignments)")

    started = time.perf_counter()
    pick_list = create_pick_list(warehouse.pk, limit=args.consignments)
    rows = pick_list_rows(pick_list)
    took = time.perf_counter() - started
    print(f"pick list: {pick_list.consignments.count()} consignments, {len(rows)} bin rows, built and read in {took * 1000:.0f} ms")
    try:
        from fulfillment.documents import pick_list_pdf

        started = time.perf_counter()
        pdf = pick_list_pdf(pick_list)
        print(f"pick list PDF: {len(pdf) // 1024} KiB in {time.perf_counter() - started:.1f} s")
    except ImportError:
        pass

    ids = list(Consignment.objects.filter(pick_list=pick_list).order_by("pk").values_list("pk", flat=True))
    started = time.perf_counter()
    for pk in ids:
        confirm_pick(pk)
        pack_consignment(pk, [ParcelSpec(weight_grams=800, length_mm=300, width_mm=200, height_mm=100)])
    took = time.perf_counter() - started
    print(f"pick + pack: {len(ids) / took:.0f} consignments/s (one by one)")

    threads = 1 if args.sqlite else max(1, args.threads)
    chunks = [ids[i::threads] for i in range(threads)]
    errors = []

    def ship(chunk):
        try:
            for pk in chunk:
                dispatch_consignment(pk, tracking_number=f"JJD{pk:010d}", carrier_id=carrier.pk)
        except Exception as exc:  # noqa: BLE001 — reported below
            errors.append(exc)
        finally:
            connections.close_all()

    started = time.perf_counter()
    workers = [threading.Thread(target=ship, args=(chunk,)) for chunk in chunks]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    took = time.perf_counter() - started
    shipped = Consignment.objects.filter(pk__in=ids, status="dispatched").count()
    moves = StockMove.objects.filter(reason="dispatch").count()
    print(f"dispatch: {shipped} consignments in {took:.1f} s = {shipped / took:.0f} consignments/s with {threads} thread(s); "
          f"{moves} dispatch ledger moves; errors: {len(errors)}")
    from django.core.management import call_command

    call_command("check_stock_ledger")
    if not args.eager:
        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()  # the queued tasks no worker took
    return 1 if errors or shipped != len(ids) else 0


if __name__ == "__main__":
    sys.exit(main())
