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
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import storefront as sf  # noqa: E402 - bench/ is not a package: its helpers are imported by path
from checkout_clients import ACCEPT_LANGUAGE, ADDRESS, STEPS, CpuMeter, cpu_line, run_orders  # noqa: E402
from checkout_django import CHECK_CODE, PREPARE_CODE, PROFILE_CODE, shell_code  # noqa: E402
from storefront import LOOPBACK, RESULTS_DIR, ROOT, BenchError, django_json, log, manage  # noqa: E402

DB_NAME = "caravan_bench_checkout"
DEFAULT_REDIS_URL = f"redis://{LOOPBACK}:6379/6"
ADD_TARGET = 0.2  # add-to-cart req/s as a fraction of the floor's
ORDERS_TARGET = 25.0  # orders per second
PHASES = ("floor", "add", "orders")


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
        db_url, created_db = sf.prepare_database(args, DB_NAME)

        env = os.environ.copy()
        env.update(DATABASE_URL=db_url, DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="0", SERVE_MEDIA="0",
                   CELERY_TASK_ALWAYS_EAGER="1", PYTHONUNBUFFERED="1")
        env.pop("DJANGO_ALLOWED_HOSTS", None)  # the default allows 127.0.0.1 and the test client's testserver
        env.setdefault("DJANGO_SECRET_KEY", "caravan-bench-only-" + "x" * 40)  # DEBUG off needs a key of its own
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
        # Every simulated buyer comes from 127.0.0.1: the per-IP checkout limits (10 orders an hour) would refuse them.
        web_env = dict(env, CELERY_TASK_ALWAYS_EAGER="1" if args.tasks == "eager" else "0",
                       EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
                       CARAVAN_RATELIMIT_PLACE_ORDER="1000000/h", CARAVAN_RATELIMIT_CHECKOUT="1000000/h")

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
