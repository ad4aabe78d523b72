#!/usr/bin/env python3
"""Checkout benchmark: add-to-cart throughput, guest orders per second, then a consistency check of what the
orders wrote. It prints figures and PASS/FAIL lines; it is not a test.

Prepares PostgreSQL database `caravan_bench_checkout` with `seed_demo` (skipped with --reuse), gives a fixed set
of variants plenty of stock in the Berlin warehouse (de-ber, which ships the EU market to Germany), starts
gunicorn (sync workers) on 127.0.0.1 with the same settings as bench/storefront.py, then:

    floor        wrk on /bench/floor: the cheapest response through the middleware
    add-to-cart  wrk POSTing /en/cart/add/ (htmx fragment) as guests: every wrk connection is one browser that
                 keeps its session cookie for --adds-per-guest adds, then starts over as a new guest
    orders       --clients Python browsers (threads, one cookie jar each), each looping as a new guest:
                 add 1-3 stocked items -> address -> shipping -> billing -> review -> place order
    consistency  order totals, stock allocated vs allocations vs order lines, gapless order/invoice numbers

Targets: add-to-cart >= 0.2 x floor req/s; orders >= 25 orders/s with zero errors.

    .venv/bin/python bench/checkout.py                 # 1000 products, about 1 min with seeding
    .venv/bin/python bench/checkout.py --reuse         # skip seeding next time
    .venv/bin/python bench/checkout.py --reuse --phases '' --profile   # only: CPU, queries, hot functions per request

Exit status: 0 when the consistency checks pass (targets are reported, not enforced), 2 when one fails, 1 on a setup error.

Only standard library modules are imported here (and bench/storefront.py's helpers): Django, gunicorn and the
database drivers run in subprocesses.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import json
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import storefront as sf  # noqa: E402 - bench/ is not a package: its helpers are imported by path
from storefront import LOOPBACK, MARKER, RESULTS_DIR, ROOT, BenchError, django_json, log, manage  # noqa: E402

DB_NAME = "caravan_bench_checkout"
DEFAULT_DB_URL = f"postgres://postgres@{LOOPBACK}:5432/{DB_NAME}"
DEFAULT_REDIS_URL = f"redis://{LOOPBACK}:6379/6"
ADD_TARGET = 0.2  # add-to-cart req/s as a fraction of the floor's
ORDERS_TARGET = 25.0  # orders per second
PHASES = ("floor", "add", "orders")
ACCEPT_LANGUAGE = "de-DE,de;q=0.9,en;q=0.8"  # a German buyer: the EU market even before ?market=eu
ADDRESS = {"full_name": "Erika Mustermann", "line1": "Hauptstraße 5", "postcode": "10115", "city": "Berlin", "country": "DE"}
STEPS = ("add", "checkout GET", "checkout POST", "shipping GET", "shipping POST", "billing GET", "billing POST",
         "review GET", "place POST", "done GET")


# --- Arguments -------------------------------------------------------------------------------------


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--products", type=int, default=1000, help="number of products seed_demo creates (default 1000)")
    p.add_argument("--reuse", action="store_true", help=f"keep {DB_NAME} and skip seeding if it has >= N products")
    p.add_argument("--database-url", default=None,
                   help=f"database to use instead of {DB_NAME} (never $DATABASE_URL: this script rewrites stock). "
                        "WARNING: seed_demo --reset wipes its catalogue")
    p.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help=f"cache, sessions and Celery broker (default {DEFAULT_REDIS_URL}); 'none' for none")
    p.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    p.add_argument("--port", type=int, default=0, help="gunicorn port on 127.0.0.1 (default: a free port)")
    p.add_argument("--phases", default=",".join(PHASES), help=f"comma-separated subset of {','.join(PHASES)} (default: all)")
    p.add_argument("--duration", type=float, default=10, help="seconds of measured wrk load for floor and add-to-cart (default 10)")
    p.add_argument("--warmup", type=float, default=2, help="seconds of unmeasured wrk load before each (default 2)")
    p.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    p.add_argument("--threads", type=int, default=0, help="wrk threads (default: one per connection, so each connection keeps its own cookie)")
    p.add_argument("--adds-per-guest", type=int, default=3, help="add-to-cart: adds before a wrk connection starts over as a new guest (default 3)")
    p.add_argument("--clients", type=int, default=16, help="orders: concurrent Python browsers (default 16)")
    p.add_argument("--order-duration", type=float, default=20, help="orders: seconds during which clients start new orders (default 20)")
    p.add_argument("--orders", type=int, default=0, help="orders: place this many orders instead of running for --order-duration")
    p.add_argument("--browser", action="store_true", help="orders: also GET the billing page and the confirmation page, as a browser following redirects would")
    p.add_argument("--stocked", type=int, default=50, help="variants given plenty of stock in de-ber (default 50)")
    p.add_argument("--stock", type=int, default=100000, help="free units per stocked variant in de-ber (default 100000)")
    p.add_argument("--tasks", choices=("queue", "eager", "worker"), default="queue",
                   help="Celery tasks of placed orders (confirmation e-mail with invoice PDF): queue = published to the broker and "
                        "dropped after the run (the web tier alone, default); eager = run inside the request; worker = one Celery "
                        "worker process consumes them during the run (shares the CPUs)")
    p.add_argument("--profile", action="store_true", help="after the load, walk one checkout in-process: time, SQL queries and hot functions per request")
    p.add_argument("--timeout", type=float, default=30, help="per-request timeout in seconds (default 30)")
    p.add_argument("--seed", type=int, default=1, help="random seed of the order clients (default 1)")
    p.add_argument("--seed-timeout", type=float, default=None, help="seconds allowed for seed_demo (default: 600 + 0.1 s per product)")
    p.add_argument("--json", dest="json_path", default=None, help="results file (default: bench/results/checkout-<N>.json)")
    p.add_argument("--no-json", action="store_true", help="do not write a results file")
    p.add_argument("--drop-db", action="store_true", help=f"drop {DB_NAME} at the end")
    args = p.parse_args(argv)
    if min(args.products, args.duration, args.connections, args.workers, args.clients, args.stocked, args.stock, args.adds_per_guest) < 1:
        p.error("--products, --duration, --connections, --workers, --clients, --stocked, --stock and --adds-per-guest must be positive")
    if args.orders < 0 or args.order_duration <= 0:
        p.error("--orders must be >= 0 and --order-duration positive")
    args.threads = min(args.threads or args.connections, args.connections)
    if args.seed_timeout is None:
        args.seed_timeout = 600 + 0.1 * args.products
    args.port = args.port or sf.free_port()
    args.phases = [x.strip() for x in args.phases.split(",") if x.strip()]
    unknown = set(args.phases) - set(PHASES)
    if unknown:
        p.error(f"unknown phases: {', '.join(sorted(unknown))}")
    if "add" in args.phases and "floor" not in args.phases:
        args.phases.insert(0, "floor")  # add-to-cart is reported relative to it
    return args


# --- Code run inside Django (manage.py shell -c); parameters are substituted as JSON ------------------

# Both scripts empty the Celery queue of the bench's Redis (tasks queued by a run are dropped, not run).
DROP_QUEUE_CODE = """queued = 0
if P["drop_queue"] and settings.CELERY_BROKER_URL.startswith("redis"):
    import redis
    r = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    keys = list(r.scan_iter("celery*"))
    queued = sum(r.llen(k) for k in keys if r.type(k) == b"list")
    if keys:
        r.delete(*keys)
"""

PREPARE_CODE = """
import json
from django.conf import settings
from django.db import transaction
from django.db.models import F, Max, Sum
from fulfillment.models import Allocation, Reservation, Stock, Warehouse
from shop.models import Counter, Invoice, Market, Order, Product, ProductVariant, ShippingMethod
from shop.storefront_config import bump_catalog_version, bump_config_version

P = json.loads(__PARAMS__)
bump_catalog_version()  # the shared cache may outlive a re-seeded database
bump_config_version()
__DROP_QUEUE__problems = []
warehouse = Warehouse.objects.filter(code="de-ber", is_active=True).first()
if warehouse is None:
    problems.append("no active warehouse de-ber (run seed_demo)")
if not Market.objects.filter(code="eu").exists():
    problems.append("no market eu")
if warehouse and not ShippingMethod.objects.filter(warehouse=warehouse, is_active=True).exists():
    problems.append("no active shipping method from de-ber")
chosen = []
if not problems:
    ids = list(
        ProductVariant.objects.filter(is_active=True, product__is_published=True, product__category__is_active=True, weight_grams__lte=3000)
        .order_by("pk").values_list("pk", flat=True)
    )
    step = max(1, len(ids) // P["stocked"])
    chosen = ids[::step][: P["stocked"]]
    if not chosen:
        problems.append("no active variant of a published product")
    with transaction.atomic():
        for variant_id in chosen:
            stock, _ = Stock.objects.select_for_update().get_or_create(warehouse=warehouse, variant_id=variant_id, defaults={"quantity": 0})
            Stock.objects.filter(pk=stock.pk).update(quantity=F("quantity_allocated") + P["stock"])
stocks = Stock.objects.filter(variant_id__in=chosen)
allocated = {str(r["variant_id"]): r["n"] for r in stocks.values("variant_id").annotate(n=Sum("quantity_allocated"))}
from django.utils import timezone
result = {
    "started_at": timezone.now().isoformat(),
    "problems": problems,
    "variants": chosen,
    "queued_tasks_dropped": queued,
    "max_order_id": Order.objects.aggregate(m=Max("pk"))["m"] or 0,
    "orders": Order.objects.count(),
    "invoices": Invoice.objects.count(),
    "counters": {f"{c.name}-{c.year}": c.value for c in Counter.objects.all()},
    "allocated": allocated,
    "allocated_total": sum(allocated.values()),
    "on_hand_total": stocks.aggregate(n=Sum("quantity"))["n"] or 0,
    "allocations_total": Allocation.objects.filter(stock__variant_id__in=chosen).aggregate(n=Sum("quantity"))["n"] or 0,
    "live_reservations": Reservation.objects.count(),
    "products": Product.objects.count(),
}
print(__MARKER__ + json.dumps(result))
"""

CHECK_CODE = """
import json, re
from collections import defaultdict
from decimal import Decimal
from django.conf import settings
from django.db.models import F, Sum
from django.utils import timezone
from fulfillment.models import Allocation, Reservation, Stock
from shop.models import Counter, Invoice, Order, OrderLine

P = json.loads(__PARAMS__)
before = P["before"]
variants = before["variants"]
checks = []

def check(name, ok, detail=""):
    checks.append({"name": name, "pass": bool(ok), "detail": detail})

run_orders = Order.objects.filter(pk__gt=before["max_order_id"])
run = list(run_orders.values("pk", "number", "status", "total_gross", "total_net", "total_tax", "shipping_gross"))
live = [o for o in run if o["status"] != "cancelled"]

# 1. Totals of every order in the database.
line_totals = {r["order_id"]: r["s"] for r in OrderLine.objects.values("order_id").annotate(s=Sum("total_gross"))}
bad = []
orders_all = list(Order.objects.values("pk", "number", "total_gross", "total_net", "total_tax", "shipping_gross"))
for o in orders_all:
    if line_totals.get(o["pk"], Decimal(0)) + o["shipping_gross"] != o["total_gross"] or o["total_net"] + o["total_tax"] != o["total_gross"]:
        bad.append(o["number"])
check("order totals: gross = lines + shipping, net + tax = gross", not bad, f"{len(orders_all)} orders, {len(bad)} wrong {bad[:5]}")

# 2. What the clients saw placed is what the database holds.
seen = set(P["seen"])
numbers = {o["number"] for o in run}
check("orders placed = orders the clients saw", seen == numbers,
      f"{len(numbers)} new orders in the database, {len(seen)} confirmed to clients"
      + (f"; only in db {sorted(numbers - seen)[:5]}, only seen {sorted(seen - numbers)[:5]}" if seen != numbers else ""))

# 3. Stock: allocated = allocations, and the run's allocated delta = the run's order lines.
stocks = Stock.objects.filter(variant_id__in=variants)
allocated = {r["variant_id"]: r["n"] for r in stocks.values("variant_id").annotate(n=Sum("quantity_allocated"))}
allocations = {r["stock__variant_id"]: r["n"] for r in Allocation.objects.filter(stock__variant_id__in=variants).values("stock__variant_id").annotate(n=Sum("quantity"))}
lines = {r["variant_id"]: r["n"] for r in OrderLine.objects.filter(order_id__in=[o["pk"] for o in live]).values("variant_id").annotate(n=Sum("quantity"))}
off1 = [v for v in variants if allocated.get(v, 0) != allocations.get(v, 0)]
check("stock allocated = sum of allocations (stocked variants)", not off1,
      f"{sum(allocated.values())} allocated, {sum(allocations.values())} in allocations" + (f"; differ for {off1[:5]}" if off1 else ""))
delta = {v: allocated.get(v, 0) - before["allocated"].get(str(v), 0) for v in variants}
off2 = [v for v in variants if delta[v] != lines.get(v, 0)]
outside = sorted(set(lines) - set(variants))
check("allocated during the run = order lines of the run's live orders", not off2 and not outside,
      f"{sum(delta.values())} units allocated, {sum(lines.values())} units ordered"
      + (f"; differ for {off2[:5]}" if off2 else "") + (f"; lines outside the stocked set {outside[:5]}" if outside else ""))
by_ref = {r["reference"]: r["n"] for r in Allocation.objects.filter(reference__in=[f"order:{o['pk']}" for o in live]).values("reference").annotate(n=Sum("quantity"))}
per_order = {r["order_id"]: r["n"] for r in OrderLine.objects.filter(order_id__in=[o["pk"] for o in live]).values("order_id").annotate(n=Sum("quantity"))}
off3 = [o["number"] for o in live if by_ref.get(f"order:{o['pk']}", 0) != per_order.get(o["pk"], 0)]
check("each order's allocations = its lines", not off3, f"{len(live)} live orders" + (f"; differ {off3[:5]}" if off3 else ""))
over = list(Stock.objects.filter(quantity_allocated__gt=F("quantity")).values_list("pk", flat=True)[:5])
check("no stock row allocated beyond on hand", not over, f"rows {over}" if over else f"{Stock.objects.count()} stock rows")
from datetime import datetime
live_res = Reservation.objects.filter(stock__variant_id__in=variants, expires_at__gt=timezone.now())
left = live_res.filter(created_at__gte=datetime.fromisoformat(before["started_at"])).aggregate(n=Sum("quantity"))["n"] or 0
older = live_res.filter(created_at__lt=datetime.fromisoformat(before["started_at"])).aggregate(n=Sum("quantity"))["n"] or 0
check("no live reservations left by this run on stocked variants", left == 0 or P["errors"] > 0,
      f"{left} units still held" + (" (by abandoned carts of failed orders)" if left and P["errors"] else "")
      + (f"; {older} units held since before the run" if older else ""))

# 4. Gapless numbers: orders and invoices, per year, 1..counter without duplicates.
prefix = settings.CARAVAN_ORDER_PREFIX
pattern = re.compile(rf"^{re.escape(prefix)}-(\\d{{4}})-(\\d+)$")
counters = {(c.name, c.year): c.value for c in Counter.objects.all()}

def gapless(kind, pairs):
    problems = []
    by_year = defaultdict(list)
    for year, seq in pairs:
        by_year[year].append(seq)
    for year, seqs in sorted(by_year.items()):
        seqs.sort()
        dupes = len(seqs) - len(set(seqs))
        expected = list(range(1, len(seqs) + 1))
        if dupes:
            problems.append(f"{year}: {dupes} duplicates")
        elif seqs != expected:
            missing = sorted(set(expected) - set(seqs))[:5]
            problems.append(f"{year}: {len(seqs)} numbers up to {seqs[-1]}, missing e.g. {missing}")
        if counters.get((kind, year)) != (seqs[-1] if seqs else 0):
            problems.append(f"{year}: counter {counters.get((kind, year))} != last number {seqs[-1]}")
    return problems, {y: len(s) for y, s in by_year.items()}

pairs, odd = [], []
for number in Order.objects.values_list("number", flat=True):
    m = pattern.match(number)
    if m:
        pairs.append((int(m.group(1)), int(m.group(2))))
    else:
        odd.append(number)
problems, per_year = gapless("order", pairs)
if odd:
    problems.append(f"{len(odd)} numbers not {prefix}-YYYY-NNNNNN, e.g. {odd[:3]}")
check("order numbers gapless, unique, = counter", not problems, "; ".join(problems) or f"per year {per_year}")
invoices = list(Invoice.objects.values_list("year", "sequence", "number"))
problems, per_year = gapless("invoice", [(y, s) for y, s, _n in invoices])
wrong = [n for y, s, n in invoices if n != f"{y}-{s:06d}"]
if wrong:
    problems.append(f"numbers not YYYY-NNNNNN: {wrong[:3]}")
without = run_orders.filter(invoice__isnull=True).count()
if without:
    problems.append(f"{without} new orders without an invoice")
check("invoice numbers gapless, unique, = counter; one per order", not problems, "; ".join(problems) or f"per year {per_year}")

__DROP_QUEUE__after = {
    "orders_new": len(run), "cancelled": len(run) - len(live),
    "allocated_total": sum(allocated.values()),
    "on_hand_total": stocks.aggregate(n=Sum("quantity"))["n"] or 0,
    "queued_tasks_dropped": queued,
}
print(__MARKER__ + json.dumps({"checks": checks, "after": after}))
"""

# One checkout walked in-process with Django's test client: wall time, SQL queries and SQL time per request, the
# most repeated statements, then the same walk under cProfile for the hottest functions.
PROFILE_CODE = """
import cProfile, io, json, pstats, re, time
from collections import Counter
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

P = json.loads(__PARAMS__)
ADDRESS = P["address"]

c = Client(HTTP_ACCEPT_LANGUAGE=P["accept_language"])  # one handler, as in a gunicorn worker (middleware loaded once)

def walk(record, n):
    c.cookies.clear()  # a new guest
    out = []
    def go(name, method, url, data=None, status=200, **extra):
        t0, cpu0 = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as q:
            r = getattr(c, method)(url, data or {}, **extra)
        ms, cpu_ms = (time.perf_counter() - t0) * 1000, (time.process_time() - cpu0) * 1000
        if r.status_code != status:
            raise SystemExit(f"{name}: HTTP {r.status_code} (expected {status}) {r.get('Location', '')} {r.content[:300]!r}")
        sqls = [x["sql"] for x in q.captured_queries]
        if record:
            shapes = Counter(re.sub(r"\\b\\d+\\b|'[^']*'", "?", s)[:150] for s in sqls)
            kinds = Counter(s.split()[0].upper() for s in sqls)
            out.append({"step": name, "ms": round(ms, 1), "cpu_ms": round(cpu_ms, 1), "queries": len(sqls),
                        "kinds": dict(kinds), "repeated": [[n, s] for s, n in shapes.most_common(3) if n > 1],
                        "statements": [s[:160] for s in sqls]})
        return r
    for v in P["variants"][:n]:
        go("add", "post", "/en/cart/add/", {"variant": v, "quantity": 1}, HTTP_HX_REQUEST="true")
    go("checkout GET", "get", "/en/checkout/?market=eu")
    go("checkout POST", "post", "/en/checkout/", {**ADDRESS, "email": "profile@example.com"}, status=302)
    r = go("shipping GET", "get", "/en/checkout/shipping/")
    method = re.search(r'name="shipping_method" value="(\\d+)"', r.content.decode()).group(1)
    go("shipping POST", "post", "/en/checkout/shipping/", {"shipping_method": method}, status=302)
    go("billing GET", "get", "/en/checkout/billing/")
    go("billing POST", "post", "/en/checkout/billing/", {"same_as_shipping": "on"}, status=302)
    r = go("review GET", "get", "/en/checkout/review/")
    html = r.content.decode()
    field = lambda name: re.search(r'<input[^>]*name="%s"[^>]*value="([^"]*)"' % name, html).group(1)
    data = {"cart": field("cart"), "payment_method": "bank_transfer", "accept_terms": "on", "expected_total": field("expected_total")}
    r = go("place POST", "post", "/en/checkout/place/", data, status=302)
    number = r["Location"].rstrip("/").rsplit("/", 1)[1]
    go("done GET", "get", r["Location"])
    return out, number

numbers = []
for _ in range(3):  # warm: templates, prepared statements, config snapshot
    _, n = walk(False, 2); numbers.append(n)
runs = []
for _ in range(5):  # median of five walks per request
    steps, n = walk(True, 2); numbers.append(n); runs.append(steps)
for i, step in enumerate(steps):
    for key in ("ms", "cpu_ms"):
        step[key] = sorted(run[i][key] for run in runs)[len(runs) // 2]
profiler = cProfile.Profile()
profiler.enable()
_, n = walk(False, 2); numbers.append(n)
profiler.disable()
buf = io.StringIO()
stats = pstats.Stats(profiler, stream=buf)
stats.sort_stats("cumulative").print_stats(r"(shop|fulfillment|crm|payments|config)/", 25)
top_cum = buf.getvalue()
buf = io.StringIO()
pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(15)
print(__MARKER__ + json.dumps({"steps": steps, "numbers": numbers, "cumulative": top_cum[-6000:], "tottime": buf.getvalue()[-4000:]}))
"""


def shell_code(template: str, params: dict) -> str:
    return (
        template.replace("__DROP_QUEUE__", DROP_QUEUE_CODE)
        .replace("__PARAMS__", repr(json.dumps(params)))
        .replace("__MARKER__", repr(MARKER))
    )


# --- Database --------------------------------------------------------------------------------------


def prepare_database(args) -> tuple[str, bool]:
    """(database url, whether this script created it)."""
    if args.database_url:
        sf.require_loopback(args.database_url, "--database-url")
        return args.database_url, False
    if args.reuse and sf._db_exists(DB_NAME):
        log(f"reusing existing database {DB_NAME}")
        return DEFAULT_DB_URL, False
    log(f"creating a fresh database {DB_NAME} on {LOOPBACK}:5432")
    sf._db_drop_create(DB_NAME, create=True)
    return DEFAULT_DB_URL, True


# --- wrk -------------------------------------------------------------------------------------------

ADD_LUA = """-- generated by bench/checkout.py: guests adding stocked variants to their carts (htmx fragment)
local variants = {__VARIANTS__}
local per_guest = __PER_GUEST__
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919 + os.time())
  cookie, adds, refused, guests = nil, per_guest, 0, 0
end

function request()
  if adds >= per_guest then
    cookie, adds, guests = nil, 0, guests + 1
  end
  adds = adds + 1
  local headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["HX-Request"] = "true",
                   ["Accept-Language"] = "__ACCEPT_LANGUAGE__"}
  if cookie then headers["Cookie"] = cookie end
  return wrk.format("POST", "/en/cart/add/", headers, "variant=" .. variants[math.random(#variants)] .. "&quantity=1")
end

function response(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then
    local session = string.match(set, "sessionid=([^;]+)")
    if session then cookie = "sessionid=" .. session end
  end
  if status == 200 and not string.find(body, "Added to your cart", 1, true) then
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local refused_total, guests_total = 0, 0
  for _, t in ipairs(threads) do
    refused_total = refused_total + t:get("refused")
    guests_total = guests_total + t:get("guests")
  end
  io.write(string.format("CARAVAN_LUA refused=%d guests=%d\\n", refused_total, guests_total))
end
"""


def run_wrk(url: str, args, duration: float, script: Path | None = None) -> dict:
    cmd = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{max(1, round(duration))}s",
           "--timeout", f"{max(1, round(args.timeout))}s", "--latency"]
    if script:
        cmd += ["-s", str(script)]
    out = sf.run(cmd + [url], timeout=duration + args.timeout + 30, capture=True)
    result = sf.parse_wrk(out)
    m = re.search(r"CARAVAN_LUA refused=(\d+) guests=(\d+)", out)
    if m:
        result["refused"], result["guests"] = int(m.group(1)), int(m.group(2))
    return result


# --- Order clients ---------------------------------------------------------------------------------


class StepError(Exception):
    def __init__(self, step: str, detail: str):
        super().__init__(f"{step}: {detail}")
        self.step = step


def _input_value(html: str, name: str) -> str | None:
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    if not tag:
        return None
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return value.group(1) if value else None


def _message(html: str) -> str:
    """The page's flash/error messages, else the start of its text (for error reports)."""
    found = re.findall(r'class="[^"]*(?:msg|error|errorlist)[^"]*"[^>]*>(.*?)</', html, re.S)
    text = " | ".join(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", f)).strip() for f in found if f.strip())
    if not text:
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    return text[:200]


class Browser:
    """One guest: its own cookie jar; one request at a time (gunicorn's sync workers close every connection)."""

    def __init__(self, port: int, timeout: float, timings: dict):
        self.port, self.timeout, self.timings = port, timeout, timings
        self.cookies: dict[str, str] = {}

    def fetch(self, step: str, method: str, path: str, form: dict | None = None, *, expect: int, location: str | None = None,
              htmx: bool = False) -> tuple[str, str]:
        """(body, Location) of the response; StepError if the status (or the redirect's target) is not the expected one."""
        headers = {"Accept-Language": ACCEPT_LANGUAGE, "User-Agent": "caravan-bench-checkout"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if htmx:
            headers["HX-Request"] = "true"
        conn = http.client.HTTPConnection(LOOPBACK, self.port, timeout=self.timeout)
        t0 = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
        except (OSError, http.client.HTTPException) as exc:
            raise StepError(step, f"{exc.__class__.__name__}: {exc}") from None
        finally:
            conn.close()
        self.timings[step].append((time.perf_counter() - t0) * 1000)
        for header in resp.headers.get_all("Set-Cookie") or []:
            jar = http.cookies.SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] in ("0", 0) or (not morsel.value and morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.coded_value
        html = data.decode("utf-8", "replace")
        target = urllib.parse.urlsplit(resp.headers.get("Location", "")).path
        if resp.status != expect or (location is not None and not target.startswith(location)):
            detail = f"HTTP {resp.status} (expected {expect}{' to ' + location if location else ''})"
            if target:
                detail += f" -> {target}"
            if resp.status != 302 and html:
                detail += f": {_message(html)}"
            raise StepError(step, detail)
        return html, target


def place_one_order(browser: Browser, rng: random.Random, variants: list[int], serial: int, browser_like: bool) -> tuple[str, dict]:
    """A new guest buys 1-3 stocked items; returns (order number, {phase: ms})."""
    t_start = time.perf_counter()
    for variant in rng.sample(variants, rng.randint(1, min(3, len(variants)))):
        html, _ = browser.fetch("add", "POST", "/en/cart/add/", {"variant": variant, "quantity": rng.randint(1, 2)}, expect=200, htmx=True)
        if "Added to your cart" not in html:
            raise StepError("add", f"refused: {_message(html)}")
    t_checkout = time.perf_counter()
    html, _ = browser.fetch("checkout GET", "GET", "/en/checkout/?market=eu", expect=200)
    csrf = _input_value(html, "csrfmiddlewaretoken")
    if not csrf:
        raise StepError("checkout GET", "no csrfmiddlewaretoken in the page")
    browser.fetch("checkout POST", "POST", "/en/checkout/", {"csrfmiddlewaretoken": csrf, "email": f"bench-{serial}@example.com", **ADDRESS},
                  expect=302, location="/en/checkout/shipping/")
    html, _ = browser.fetch("shipping GET", "GET", "/en/checkout/shipping/", expect=200)
    options = re.findall(r'name="shipping_method" value="(\d+)"(\s+checked)?', html)
    if not options:
        raise StepError("shipping GET", "no shipping option offered")
    method = next((v for v, checked in options if checked), options[0][0])
    browser.fetch("shipping POST", "POST", "/en/checkout/shipping/", {"csrfmiddlewaretoken": csrf, "shipping_method": method},
                  expect=302, location="/en/checkout/billing/")
    if browser_like:
        browser.fetch("billing GET", "GET", "/en/checkout/billing/", expect=200)
    browser.fetch("billing POST", "POST", "/en/checkout/billing/", {"csrfmiddlewaretoken": csrf, "same_as_shipping": "on"},
                  expect=302, location="/en/checkout/review/")
    html, _ = browser.fetch("review GET", "GET", "/en/checkout/review/", expect=200)
    cart, total = _input_value(html, "cart"), _input_value(html, "expected_total")
    if not cart or not total:
        raise StepError("review GET", "no cart/expected_total in the place-order form")
    _, target = browser.fetch("place POST", "POST", "/en/checkout/place/",
                              {"csrfmiddlewaretoken": _input_value(html, "csrfmiddlewaretoken") or csrf, "cart": cart,
                               "expected_total": total, "payment_method": "bank_transfer", "accept_terms": "on"},
                              expect=302, location="/en/checkout/done/")
    t_end = time.perf_counter()
    if browser_like:
        browser.fetch("done GET", "GET", target, expect=200)
    number = target.rstrip("/").rsplit("/", 1)[-1]
    return number, {"checkout": (t_end - t_checkout) * 1000, "whole": (t_end - t_start) * 1000}


def run_orders(args, variants: list[int]) -> dict:
    timings = {step: [] for step in (*STEPS, "checkout", "whole")}
    lock = threading.Lock()
    numbers: list[str] = []
    errors: list[str] = []
    error_steps: dict[str, int] = {}
    serial = [0]
    per_thread = [{step: [] for step in STEPS} for _ in range(args.clients)]
    start_at = time.monotonic() + 0.05
    deadline = start_at + args.order_duration

    def claim() -> int | None:
        with lock:
            if args.orders:
                if serial[0] >= args.orders:
                    return None
            elif time.monotonic() >= deadline:
                return None
            serial[0] += 1
            return serial[0]

    def client(i: int) -> None:
        rng = random.Random(args.seed * 1000 + i)
        while time.monotonic() < start_at:
            time.sleep(0.005)
        while (n := claim()) is not None:
            browser = Browser(args.port, args.timeout, per_thread[i])  # every order: a new guest with an empty cookie jar
            try:
                number, phases = place_one_order(browser, rng, variants, n, args.browser)
            except StepError as exc:
                with lock:
                    errors.append(str(exc))
                    error_steps[exc.step] = error_steps.get(exc.step, 0) + 1
                continue
            with lock:
                numbers.append(number)
                timings["checkout"].append(phases["checkout"])
                timings["whole"].append(phases["whole"])

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = max(time.monotonic() - start_at, 1e-9)
    for per in per_thread:
        for step, values in per.items():
            timings[step].extend(values)
    requests = sum(len(timings[s]) for s in STEPS)
    return {
        "orders": len(numbers), "seconds": round(elapsed, 2), "orders_per_s": len(numbers) / elapsed,
        "requests": requests, "requests_per_s": requests / elapsed,
        "errors": len(errors), "error_steps": error_steps, "first_errors": errors[:5], "numbers": numbers,
        "latency": {step: summarize(values) for step, values in timings.items() if values},
    }


def percentile(sorted_values: list[float], q: float) -> float | None:
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, max(0, int(round(q * len(sorted_values) + 0.5)) - 1))]


def summarize(values: list[float]) -> dict:
    s = sorted(values)
    return {"n": len(s), "mean_ms": round(sum(s) / len(s), 2), "p50_ms": round(percentile(s, 0.50), 2),
            "p95_ms": round(percentile(s, 0.95), 2), "p99_ms": round(percentile(s, 0.99), 2), "max_ms": round(s[-1], 2)}


# --- CPU accounting (Linux /proc; zeros elsewhere) ----------------------------------------------------

_CLK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat_fields(pid: str) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            raw = fh.read().decode(errors="replace")
    except OSError:
        return None
    return raw[raw.rfind(")") + 2:].split()  # fields from "state" on: [1] ppid, [11] utime, [12] stime


def _pids() -> list[str]:
    try:
        return [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return []


class CpuMeter:
    """CPU seconds used by the gunicorn workers, the PostgreSQL backends of our database, this driver (with wrk) and
    the whole machine, between two snapshots: what one request or order costs, and whether the box was busy elsewhere."""

    def __init__(self, server_pid: int | None, db_name: str, extra_pids=()):
        self.server_pid, self.db_name, self.extra_pids = server_pid, db_name.encode(), list(extra_pids)

    def _machine(self) -> tuple[float, float]:
        try:
            with open("/proc/stat") as fh:
                values = [float(x) for x in fh.readline().split()[1:]]
        except OSError:
            return 0.0, 0.0
        idle = values[3] + (values[4] if len(values) > 4 else 0)
        return (sum(values) - idle) / _CLK, sum(values) / _CLK

    def snapshot(self) -> dict:
        workers, postgres = {}, {}
        for pid in _pids():
            fields = _stat_fields(pid)
            if not fields:
                continue
            cpu = (int(fields[11]) + int(fields[12])) / _CLK
            if self.server_pid and (fields[1] == str(self.server_pid) or pid == str(self.server_pid) or int(pid) in self.extra_pids):
                workers[pid] = cpu
                continue
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as fh:
                    cmdline = fh.read()
            except OSError:
                continue
            if cmdline.startswith(b"postgres: ") and self.db_name in cmdline:
                postgres[pid] = cpu
        t = os.times()
        busy, total = self._machine()
        return {"workers": workers, "postgres": postgres, "driver": t.user + t.system + t.children_user + t.children_system,
                "busy": busy, "total": total, "wall": time.monotonic()}

    @staticmethod
    def delta(a: dict, b: dict) -> dict:
        def grown(key):
            return sum(max(0.0, v - a[key].get(pid, 0.0)) for pid, v in b[key].items())
        wall = max(b["wall"] - a["wall"], 1e-9)
        cpus = os.cpu_count() or 1
        total = max(b["total"] - a["total"], 1e-9)
        out = {"wall_s": round(wall, 2), "workers_s": round(grown("workers"), 2), "postgres_s": round(grown("postgres"), 2),
               "driver_s": round(b["driver"] - a["driver"], 2), "machine_busy": round((b["busy"] - a["busy"]) / total, 3)}
        ours = out["workers_s"] + out["postgres_s"] + out["driver_s"]
        out["others_busy"] = round(max(0.0, out["machine_busy"] - ours / (wall * cpus)), 3)
        return out


def cpu_line(cpu: dict, per: float, unit: str) -> str:
    per = max(per, 1)
    return (f"CPU per {unit}: gunicorn workers {cpu['workers_s'] * 1000 / per:.1f} ms, PostgreSQL {cpu['postgres_s'] * 1000 / per:.1f} ms, "
            f"load driver {cpu['driver_s'] * 1000 / per:.1f} ms; machine {cpu['machine_busy'] * 100:.0f}% busy "
            f"({cpu['others_busy'] * 100:.0f}% by other processes)")


# --- Celery worker (--tasks worker) ------------------------------------------------------------------


class Worker:
    def __init__(self, env, log_path: Path):
        self.env, self.log_path, self.proc = env, log_path, None

    def start(self) -> None:
        celery = Path(sys.executable).with_name("celery")
        cmd = [str(celery)] if celery.exists() else [sys.executable, "-m", "celery"]
        cmd += ["-A", "config", "worker", "--concurrency", "1", "--pool", "prefork", "--without-gossip", "--without-mingle",
                "--without-heartbeat", "-l", "warning"]
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        log(f"celery worker pid {self.proc.pid} (1 process, no beat), log {self.log_path}")

    def stop(self) -> None:
        if self.proc is None:
            return
        sf.stop_process_group(self.proc)
        self._log.close()
        self.proc = None


# --- Output ----------------------------------------------------------------------------------------


def fmt(value, spec):
    return sf.fmt(value, spec)


def print_load_table(results: dict, floor_rps: float | None) -> None:
    header = f"{'phase':<12} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'x floor':>8}  url"
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        ratio = r["rps"] / floor_rps if floor_rps else None
        errors = r["non_2xx"] + r["socket_errors"] + r.get("refused", 0)
        print(f"{name:<12} {r['rps']:>9.1f} {fmt(r['p50_ms'], '>8.2f')} {fmt(r['p99_ms'], '>8.2f')} {errors:>7d} {fmt(ratio, '>8.3f')}  {r['path']}")


def print_orders(o: dict) -> None:
    header = f"{'request':<16} {'n':>6} {'mean ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    print(header)
    print("-" * len(header))
    for step in (*STEPS, "checkout", "whole"):
        s = o["latency"].get(step)
        if s:
            label = {"checkout": "checkout (GET checkout .. place)", "whole": "whole order (adds .. place)"}.get(step, step)
            print(f"{label:<16} {s['n']:>6d} {s['mean_ms']:>8.1f} {s['p50_ms']:>8.1f} {s['p95_ms']:>8.1f} {s['p99_ms']:>8.1f} {s['max_ms']:>8.1f}")


def print_profile(prof: dict) -> None:
    print("one checkout in-process (median of 5 walks; ms = wall, cpu = Django process CPU, wait = wall - cpu: PostgreSQL, Redis, commits):")
    header = f"{'request':<16} {'ms':>7} {'cpu ms':>7} {'wait ms':>7} {'queries':>8}  statements by kind; repeated shapes"
    print(header)
    print("-" * len(header))
    for s in prof["steps"]:
        kinds = " ".join(f"{k}:{v}" for k, v in sorted(s["kinds"].items()))
        rep = "; ".join(f"{n}x {shape[:90]}" for n, shape in s["repeated"])
        print(f"{s['step']:<16} {s['ms']:>7.1f} {s['cpu_ms']:>7.1f} {max(0.0, s['ms'] - s['cpu_ms']):>7.1f} {s['queries']:>8d}  {kinds}{'; ' + rep if rep else ''}")
    print()
    print("hot project functions (cumulative, one checkout under cProfile):")
    print(prof["cumulative"].strip())
    print()
    print("hottest functions by own time:")
    print(prof["tottime"].strip())


# --- Main ------------------------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    os.chdir(ROOT)
    signal.signal(signal.SIGTERM, sf._exit_on_signal)
    signal.signal(signal.SIGHUP, sf._exit_on_signal)
    started = time.monotonic()
    server = worker = None
    created_db = False
    status = 1
    try:
        if args.redis_url.lower() != "none":
            sf.require_loopback(args.redis_url, "--redis-url")
        db_url, created_db = prepare_database(args)

        env = os.environ.copy()
        env.update(DATABASE_URL=db_url, DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="0", SERVE_MEDIA="0",
                   CELERY_TASK_ALWAYS_EAGER="1", PYTHONUNBUFFERED="1")
        env.pop("DJANGO_ALLOWED_HOSTS", None)  # the default allows 127.0.0.1 and the test client's testserver
        redis_url = None if args.redis_url.lower() == "none" else args.redis_url
        if redis_url and not sf.check_redis(redis_url):
            log(f"WARNING: no Redis answering at {redis_url}: falling back to the file cache and eager tasks")
            redis_url = None
        if redis_url:
            env["REDIS_URL"] = redis_url
        else:
            env.pop("REDIS_URL", None)
            args.tasks = "eager"
        # The web tier: tasks are queued on our own broker db (or run in-request); mails never leave the process.
        web_env = dict(env, CELERY_TASK_ALWAYS_EAGER="1" if args.tasks == "eager" else "0",
                       EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")

        log("manage.py migrate")
        manage(env, "migrate", "--noinput", "-v0", timeout=900)
        log("manage.py collectstatic")
        manage(env, "collectstatic", "--noinput", "-v0", timeout=600)
        try:
            manage(env, "compilemessages", "-v0", "--ignore=.venv", timeout=300, capture=True)
        except BenchError as exc:
            log(f"compilemessages failed, continuing: {str(exc).splitlines()[0]}")
        count = django_json(env, sf.COUNT_CODE)["products"]
        seeded = None
        if args.reuse and count >= args.products:
            log(f"--reuse: database has {count} products (>= {args.products}), not seeding")
        else:
            log(f"manage.py seed_demo --reset --products {args.products} --quiet (timeout {args.seed_timeout:.0f}s)")
            t0 = time.monotonic()
            manage(env, "seed_demo", "--reset", "--products", str(args.products), "--quiet", timeout=args.seed_timeout, capture=True)
            seeded = time.monotonic() - t0
            log(f"seeded in {seeded:.1f}s")

        drop_queue = args.tasks != "eager" and bool(redis_url)
        before = django_json(web_env, shell_code(PREPARE_CODE, {"stocked": args.stocked, "stock": args.stock, "drop_queue": drop_queue}))
        if before["problems"]:
            raise BenchError("cannot benchmark checkout: " + "; ".join(before["problems"]))
        variants = before["variants"]
        log(f"{len(variants)} variants stocked with {args.stock} free units each in de-ber; before: {before['orders']} orders, "
            f"{before['invoices']} invoices, counters {before['counters']}, stocked on hand {before['on_hand_total']}, "
            f"allocated {before['allocated_total']} (allocations {before['allocations_total']}), {before['live_reservations']} reservations")

        log_path = Path(tempfile.gettempdir()) / f"caravan-bench-checkout-gunicorn-{args.port}.log"
        log_path.write_text("")
        server = sf.Server(web_env, args.port, args.workers, log_path)
        server.start()
        if args.tasks == "worker":
            worker = Worker(web_env, Path(tempfile.gettempdir()) / f"caravan-bench-checkout-celery-{args.port}.log")
            worker.start()

        base = f"http://{LOOPBACK}:{args.port}"
        code, _ = sf.http_get(args.port, "/bench/floor", timeout=30)
        if code != 200:
            raise BenchError(f"/bench/floor answered HTTP {code}")
        if ("floor" in args.phases or "add" in args.phases) and not shutil.which("wrk"):
            raise BenchError("wrk is not installed (apt-get install -y wrk)")

        meter = CpuMeter(server.proc.pid, urllib.parse.urlsplit(db_url).path.lstrip("/"))
        cpu: dict = {}
        results: dict = {}
        if "floor" in args.phases:
            log(f"floor: warm-up {args.warmup:g}s, then wrk -t{args.threads} -c{args.connections} -d{args.duration:g}s  /bench/floor")
            if args.warmup > 0:
                run_wrk(f"{base}/bench/floor", args, args.warmup)
            snap = meter.snapshot()
            results["floor"] = {"path": "/bench/floor", **run_wrk(f"{base}/bench/floor", args, args.duration)}
            cpu["floor"] = CpuMeter.delta(snap, meter.snapshot())
        if "add" in args.phases:
            script = Path(tempfile.gettempdir()) / f"caravan-bench-checkout-add-{args.port}.lua"
            script.write_text(ADD_LUA.replace("__VARIANTS__", ", ".join(map(str, variants)))
                              .replace("__PER_GUEST__", str(args.adds_per_guest)).replace("__ACCEPT_LANGUAGE__", ACCEPT_LANGUAGE))
            log(f"add-to-cart: warm-up {args.warmup:g}s, then wrk -t{args.threads} -c{args.connections} -d{args.duration:g}s, "
                f"a new guest every {args.adds_per_guest} adds per connection")
            if args.warmup > 0:
                run_wrk(f"{base}/en/cart/add/", args, args.warmup, script)
            snap = meter.snapshot()
            results["add-to-cart"] = {"path": "POST /en/cart/add/", **run_wrk(f"{base}/en/cart/add/", args, args.duration, script)}
            cpu["add-to-cart"] = CpuMeter.delta(snap, meter.snapshot())
            script.unlink(missing_ok=True)
        if server.proc.poll() is not None:
            raise BenchError(f"gunicorn died:\n{server.tail()}")

        orders = None
        if "orders" in args.phases:
            what = f"{args.orders} orders" if args.orders else f"{args.order_duration:g}s"
            log(f"orders: {args.clients} clients, {what}, tasks {args.tasks}{', browser-like (GET billing and done)' if args.browser else ''}")
            # Warm every checkout page in both workers first (templates, prepared statements); these orders count in the checks.
            warm = run_orders(argparse.Namespace(**{**vars(args), "orders": args.workers * 2, "clients": args.workers}), variants)
            snap = meter.snapshot()
            orders = run_orders(args, variants)
            cpu["orders"] = CpuMeter.delta(snap, meter.snapshot())
            orders["numbers"] = warm["numbers"] + orders["numbers"]
            if warm["errors"]:
                orders["errors"] += warm["errors"]
                orders["first_errors"] = (warm["first_errors"] + orders["first_errors"])[:5]
            if server.proc.poll() is not None:
                raise BenchError(f"gunicorn died during the orders run:\n{server.tail()}")

        profile = None
        seen = list(orders["numbers"]) if orders else []
        if args.profile:
            log("profile: one checkout in-process (Django test client), SQL captured per request, then under cProfile")
            profile = django_json(web_env, shell_code(PROFILE_CODE, {"variants": variants, "address": ADDRESS, "accept_language": ACCEPT_LANGUAGE}))
            seen += profile["numbers"]

        if worker is not None:
            worker.stop()
            worker = None
        log("consistency check")
        checked = django_json(web_env, shell_code(CHECK_CODE, {
            "before": before, "seen": seen, "errors": orders["errors"] if orders else 0, "drop_queue": drop_queue}))

        # --- Summary -----------------------------------------------------------------------------------
        floor_rps = results.get("floor", {}).get("rps") or None
        print()
        load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
        print(f"Caravan checkout benchmark: {before['products']} products, gunicorn {args.workers} sync workers, {os.cpu_count()} CPUs (load {load}), "
              f"cache {'redis' if redis_url else 'file'}, tasks {args.tasks}, {len(variants)} stocked variants")
        verdicts = {}
        if results:
            print()
            print(f"wrk {args.threads} threads x {args.connections} connections, {args.duration:g}s each; "
                  f"add-to-cart: a new guest every {args.adds_per_guest} adds per connection")
            print_load_table(results, floor_rps)
            for name, r in results.items():
                if name in cpu:
                    print(f"  {name}: {cpu_line(cpu[name], r['requests'], 'request')}")
            add = results.get("add-to-cart")
            if add and floor_rps:
                ratio = add["rps"] / floor_rps
                errs = add["non_2xx"] + add["socket_errors"] + add.get("refused", 0)
                verdicts["add-to-cart"] = {"target": ADD_TARGET, "ratio": round(ratio, 4), "pass": ratio >= ADD_TARGET and not errs}
                print(f"target add-to-cart >= {ADD_TARGET:.2f} x floor: {ratio:.3f}  {'PASS' if verdicts['add-to-cart']['pass'] else 'FAIL'}"
                      + (f" ({errs} errors, {add.get('refused', 0)} refused)" if errs else ""))
        if orders:
            print()
            print(f"orders: {orders['orders']} placed by {args.clients} clients in {orders['seconds']:.1f}s = {orders['orders_per_s']:.1f} orders/s "
                  f"({orders['requests_per_s']:.0f} req/s), {orders['errors']} errors"
                  + (f" by step {orders['error_steps']}" if orders["errors"] else ""))
            print_orders(orders)
            print(cpu_line(cpu["orders"], orders["orders"], "order"))
            ok = orders["orders_per_s"] >= ORDERS_TARGET and orders["errors"] == 0
            verdicts["orders"] = {"target": ORDERS_TARGET, "orders_per_s": round(orders["orders_per_s"], 2), "pass": ok}
            print(f"target orders >= {ORDERS_TARGET:g}/s with no errors: {orders['orders_per_s']:.1f}/s, {orders['errors']} errors  {'PASS' if ok else 'FAIL'}")
            for e in orders["first_errors"]:
                print(f"  error: {e}")
        print()
        print("consistency:")
        for c in checked["checks"]:
            print(f"  {'PASS' if c['pass'] else 'FAIL'}  {c['name']}: {c['detail']}")
        a = checked["after"]
        print(f"  stocked variants: on hand {before['on_hand_total']} -> {a['on_hand_total']}, allocated {before['allocated_total']} -> "
              f"{a['allocated_total']}; {a['orders_new']} new orders ({a['cancelled']} cancelled)"
              + (f"; {a['queued_tasks_dropped']} queued Celery tasks dropped" if drop_queue else ""))
        if profile:
            print()
            print_profile(profile)
        if server.proc is not None and "Traceback" in server.tail(20000):
            print(f"\nNOTE: tracebacks in the gunicorn log {server.log_path}")

        if not args.no_json:
            out = Path(args.json_path) if args.json_path else RESULTS_DIR / f"checkout-{args.products}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            if orders:
                orders = {k: v for k, v in orders.items() if k != "numbers"}
            out.write_text(json.dumps({
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "products": before["products"], "seed_seconds": round(seeded, 1) if seeded else None,
                "settings": {k: getattr(args, k) for k in ("workers", "threads", "connections", "duration", "warmup", "adds_per_guest", "clients",
                                                          "order_duration", "orders", "browser", "stocked", "stock", "tasks")}
                | {"cache": "redis" if redis_url else "file", "database": sf.redact(db_url)},
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
                "load": results, "floor_rps": floor_rps, "cpu": cpu, "orders": orders, "targets": verdicts,
                "consistency": checked, "before": {k: v for k, v in before.items() if k not in ("allocated", "variants")},
                "profile": profile,
            }, indent=2) + "\n")
            print(f"results written to {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
        failed = [c for c in checked["checks"] if not c["pass"]]
        status = 0 if not failed else 2
    except BenchError as exc:
        log(f"ERROR: {exc}")
    except KeyboardInterrupt:
        log("interrupted")
        status = 130
    except BrokenPipeError:
        status = 1
    finally:
        if worker is not None:
            worker.stop()
        if server is not None:
            server.stop()
        if created_db and args.drop_db:
            sf.drop_bench_database(DB_NAME)
        log(f"done in {time.monotonic() - started:.0f}s")
    return status


if __name__ == "__main__":
    sys.exit(main())
