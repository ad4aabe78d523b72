"""The code bench/checkout.py runs inside Django (`manage.py shell -c`): preparing stock, checking what the orders
wrote, profiling requests. Parameters are substituted as JSON."""

from __future__ import annotations

import json

from storefront import MARKER

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
from shop.plumbing.storefront_config import bump_catalog_version, bump_config_version

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
# Orders are invoiced when paid or shipped, never when placed (an order nobody pays uses no invoice number).
without = run_orders.filter(invoice__isnull=True, paid_at__isnull=False).count()
if without:
    problems.append(f"{without} paid orders without an invoice")
early = run_orders.filter(invoice__isnull=False, paid_at__isnull=True, status__in=["awaiting_payment", "cancelled"]).count()
if early:
    problems.append(f"{early} unpaid, unshipped orders with an invoice")
check("invoice numbers gapless, unique, = counter; one per paid order", not problems, "; ".join(problems) or f"per year {per_year}")

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
