#!/usr/bin/env python3
"""Storefront throughput benchmark: prints figures, asserts nothing (it is not a test).

Prepares a PostgreSQL database with `seed_demo`, starts gunicorn (sync workers) on 127.0.0.1 and
drives each storefront page with wrk (or a small Python load generator when wrk is missing):

    floor     /bench/floor      the cheapest response through the full middleware stack
    home      /en/
    category  /en/c/<slug>/     the top-level category with the most published products
    product   /en/p/<slug>/     a published product with active variants in that category
    search    /en/search/?q=<w> a common word of the English product names

Each page's req/s is compared with the floor's; targets: category >= 0.15 x floor,
product >= 0.3 x floor.

    .venv/bin/python bench/storefront.py --products 1000
    .venv/bin/python bench/storefront.py --products 100000 --reuse

Run it from anywhere; it works from the project root (the directory above bench/). Only standard
library modules are imported here: Django, gunicorn and the database drivers run in subprocesses.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
LOOPBACK = "127.0.0.1"
ADMIN_DB_URL = f"postgres://postgres@{LOOPBACK}:5432/postgres"
BENCH_DB_NAME = "caravan_bench"
DEFAULT_DB_URL = f"postgres://postgres@{LOOPBACK}:5432/{BENCH_DB_NAME}"
TARGETS = {"category": 0.15, "product": 0.3}  # minimum req/s as a fraction of the floor's
MARKER = "CARAVAN_BENCH_JSON:"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def log(message: str) -> None:
    try:
        print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)
    except (OSError, ValueError):  # stdout gone (e.g. piped into `head`): cleanup must still run
        pass


def _exit_on_signal(signum, _frame):
    raise SystemExit(128 + signum)  # unwinds through main()'s finally, which stops gunicorn


class BenchError(RuntimeError):
    pass


# --- Arguments -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--products", type=int, default=1000, help="number of products seed_demo creates (default 1000)")
    p.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or None,
        help=f"database to benchmark against (default: $DATABASE_URL, else a fresh {DEFAULT_DB_URL} dropped/created by this script). "
        "WARNING: seed_demo --reset wipes the catalogue of that database",
    )
    p.add_argument("--duration", type=float, default=10, help="seconds of measured load per page (default 10)")
    p.add_argument("--warmup", type=float, default=2, help="seconds of unmeasured load per page before measuring (default 2)")
    p.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    p.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    p.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    p.add_argument("--port", type=int, default=0, help="gunicorn port on 127.0.0.1 (default: a free port)")
    p.add_argument("--reuse", action="store_true", help="skip seeding (and keep the database) if it already has >= N products")
    p.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/1",
        help="cache (default $REDIS_URL, else redis://127.0.0.1:6379/1); 'none' for the in-process cache",
    )
    p.add_argument("--page-cache", action="store_true", help="turn on the app's page cache (reserved: reported as n/a while the app has none)")
    p.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto", help="load generator (default: wrk if installed, else python)")
    p.add_argument("--timeout", type=float, default=10, help="per-request timeout in seconds (wrk --timeout, default 10)")
    p.add_argument("--seed-timeout", type=float, default=None, help="seconds allowed for seed_demo (default: 600 + 0.1 s per product)")
    p.add_argument("--search-word", default=None, help="search term (default: a common word of the English product names)")
    p.add_argument("--pages", default="floor,home,category,product,search", help="comma-separated subset of floor,home,category,product,search (floor always runs)")
    p.add_argument("--json", dest="json_path", default=None, help="results file (default: bench/results/storefront-<N>.json)")
    p.add_argument("--no-json", action="store_true", help="do not write a results file")
    p.add_argument("--drop-db", action="store_true", help=f"drop {BENCH_DB_NAME} at the end if this script created it")
    args = p.parse_args(argv)
    if args.products < 1 or args.duration <= 0 or args.connections < 1 or args.workers < 1 or args.threads < 1:
        p.error("--products, --duration, --connections, --workers and --threads must be positive")
    args.threads = min(args.threads, args.connections)  # wrk refuses more threads than connections
    if args.seed_timeout is None:
        args.seed_timeout = 600 + 0.1 * args.products
    args.port = args.port or free_port()
    args.pages = [p_.strip() for p_ in args.pages.split(",") if p_.strip()]
    unknown = set(args.pages) - {"floor", "home", "category", "product", "search"}
    if unknown:
        p.error(f"unknown pages: {', '.join(sorted(unknown))}")
    if "floor" not in args.pages:
        args.pages.insert(0, "floor")  # every ratio is relative to it
    return args


def redact(url: str) -> str:
    """The URL without credentials."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return parts._replace(netloc=host).geturl()


def require_loopback(url: str, what: str) -> None:
    parsed = urllib.parse.urlsplit(url)
    if parsed.hostname and parsed.hostname not in LOOPBACK_HOSTS:
        raise BenchError(f"{what} must be on the loopback interface (127.0.0.1), got host {parsed.hostname!r}")


# --- Database and cache ----------------------------------------------------------------------------


def _psycopg():
    try:
        import psycopg  # noqa: PLC0415 - only needed when this script manages the database
    except ImportError:
        return None
    return psycopg


def _db_exists(name: str) -> bool:
    psycopg = _psycopg()
    if psycopg:
        with psycopg.connect(ADMIN_DB_URL.replace("postgres://", "postgresql://"), autocommit=True, connect_timeout=10) as conn:
            return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None
    out = run(["psql", "-h", LOOPBACK, "-U", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"], timeout=30, capture=True)
    return out.strip() == "1"


def _db_drop_create(name: str, create: bool) -> None:
    psycopg = _psycopg()
    if psycopg:
        with psycopg.connect(ADMIN_DB_URL.replace("postgres://", "postgresql://"), autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if create:
                conn.execute(f'CREATE DATABASE "{name}"')
        return
    run(["dropdb", "-h", LOOPBACK, "-U", "postgres", "--if-exists", "--force", name], timeout=60)
    if create:
        run(["createdb", "-h", LOOPBACK, "-U", "postgres", name], timeout=60)


def drop_bench_database(name: str) -> None:
    """Drop the database a run created (`--drop-db`); a failure is reported, never masks the run's own outcome."""
    log(f"dropping database {name}")
    try:
        _db_drop_create(name, create=False)
    except Exception as exc:  # noqa: BLE001
        log(f"could not drop {name}: {exc}")


def prepare_database(args, name: str = BENCH_DB_NAME) -> tuple[str, bool]:
    """(database url, whether this script created it): --database-url, else database `name` on loopback, kept with
    --reuse, otherwise created afresh."""
    if args.database_url:
        require_loopback(args.database_url, "--database-url")
        return args.database_url, False
    url = f"postgres://postgres@{LOOPBACK}:5432/{name}"
    if args.reuse and _db_exists(name):
        log(f"reusing existing database {name}")
        return url, False
    log(f"creating a fresh database {name} on {LOOPBACK}:5432")
    _db_drop_create(name, create=True)
    return url, True


def check_redis(url: str) -> bool:
    parsed = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parsed.hostname or LOOPBACK, parsed.port or 6379), timeout=3) as sock:
            if parsed.password:
                user = urllib.parse.unquote(parsed.username or "")
                pw = urllib.parse.unquote(parsed.password)
                parts = ["AUTH"] + ([user] if user else []) + [pw]
                sock.sendall((f"*{len(parts)}\r\n" + "".join(f"${len(x.encode())}\r\n{x}\r\n" for x in parts)).encode())
                sock.recv(1024)
            sock.sendall(b"*1\r\n$4\r\nPING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


# --- Subprocesses ----------------------------------------------------------------------------------


def run(cmd, *, env=None, timeout, capture=False, check=True) -> str:
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, timeout=timeout, text=True,
            stdout=subprocess.PIPE if capture else None, stderr=subprocess.PIPE if capture else None,
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"timed out after {timeout:.0f}s: {' '.join(map(str, cmd))}") from exc
    if check and proc.returncode != 0:
        detail = f"\n{proc.stderr[-3000:]}" if capture and proc.stderr else ""
        raise BenchError(f"exit {proc.returncode}: {' '.join(map(str, cmd))}{detail}")
    return proc.stdout or ""


def manage(env, *args, timeout=600, capture=False, check=True) -> str:
    return run([sys.executable, "manage.py", *args], env=env, timeout=timeout, capture=capture, check=check)


def django_json(env, code: str, timeout=300) -> dict:
    """Run code in `manage.py shell -c`; it must print MARKER + json."""
    out = manage(env, "shell", "-c", code, timeout=timeout, capture=True)
    for line in reversed(out.splitlines()):
        if line.startswith(MARKER):
            return json.loads(line[len(MARKER):])
    raise BenchError(f"no result from manage.py shell:\n{out[-2000:]}")


COUNT_CODE = f"""
import json
from shop.models import Product
print({MARKER!r} + json.dumps({{"products": Product.objects.count()}}))
"""

# Invalidates the app's cached catalogue (the cache may outlive a re-seeded database), then picks the URLs.
DISCOVER_CODE = f"""
import json, re
from collections import Counter
from django.db.models import Count
from django.db.models.functions import Coalesce
from shop.models import Category, Product
from shop.plumbing.storefront_config import bump_catalog_version, bump_config_version

bump_catalog_version()
bump_config_version()
published = Product.objects.filter(is_published=True, category__is_active=True)
tops = (
    published.annotate(top=Coalesce("category__parent_id", "category_id"))
    .values("top").annotate(n=Count("id")).order_by("-n")
)
category = None
for row in tops:
    category = Category.objects.filter(pk=row["top"], is_active=True, parent__isnull=True).first()
    if category:
        category_products = row["n"]
        break
result = {{"products": Product.objects.count(), "published": published.count(), "categories": Category.objects.count()}}
if category:
    result["category"] = category.slug
    result["category_products"] = category_products
    in_category = published.filter(category__in=[category.pk, *category.children.values_list("pk", flat=True)])
    with_variants = in_category.filter(variants__is_active=True).distinct().order_by("pk")
    n = with_variants.count()
    product = with_variants[n // 2] if n else in_category.order_by("pk").first()
    result["product"] = product.slug if product else None
name_field = "name_en" if hasattr(Product, "name_en") else "name"
stop = set("with from that this your their have into made over under more than much very pack".split())
words = Counter()
for name in published.order_by("pk").values_list(name_field, flat=True)[:5000]:
    words.update({{w.lower() for w in re.findall(r"[A-Za-z]{{4,}}", name or "")}} - stop)
result["search_words"] = [w for w, _ in words.most_common(5)]
print({MARKER!r} + json.dumps(result))
"""


# --- Server ----------------------------------------------------------------------------------------


class Server:
    def __init__(self, env, port: int, workers: int, log_path: Path):
        self.env, self.port, self.workers, self.log_path = env, port, workers, log_path
        self.proc = None

    def start(self, timeout=90) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        cmd = [str(gunicorn)] if gunicorn.exists() else [sys.executable, "-m", "gunicorn"]
        cmd += [
            "config.wsgi:application",
            "--bind", f"{LOOPBACK}:{self.port}",
            "--workers", str(self.workers),
            "--worker-class", "sync",
            "--timeout", "60",
            "--graceful-timeout", "10",
            "--error-logfile", str(self.log_path),
            "--log-level", "warning",
        ]  # no --access-logfile: access logging stays off
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        log(f"gunicorn pid {self.proc.pid} on {LOOPBACK}:{self.port}, {self.workers} sync workers")
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"gunicorn exited with {self.proc.returncode}; see {self.log_path}\n{self.tail()}")
            try:
                status, _body = http_get(self.port, "/healthz", timeout=5)
                if status == 200:
                    return
                last = f"HTTP {status}"
            except OSError as exc:
                last = exc.__class__.__name__
            time.sleep(0.3)
        raise BenchError(f"/healthz did not answer 200 within {timeout}s (last: {last}); see {self.log_path}")

    def tail(self, n=3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            log(f"stopping gunicorn pid {self.proc.pid}")
        stop_process_group(self.proc)
        self._log.close()
        self.proc = None


def stop_process_group(proc: subprocess.Popen) -> None:
    """SIGTERM, wait up to 20 s, then SIGKILL whatever is left in the process group it was started in (workers)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def http_get(port: int, path: str, timeout=10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


# --- Load generators -------------------------------------------------------------------------------

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not m:
        raise ValueError(text)
    return float(m.group(1)) * _UNITS[m.group(2)]


def parse_wrk(out: str) -> dict:
    def grab(pattern, cast=float, default=None):
        m = re.search(pattern, out, re.MULTILINE)
        return cast(m.group(1)) if m else default

    socket_errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        socket_errors = sum(int(x) for x in m.groups())
    rps = grab(r"^Requests/sec:\s+([\d.]+)")
    if rps is None:
        raise BenchError(f"could not parse wrk output:\n{out}")
    return {
        "rps": rps,
        "p50_ms": grab(r"^\s+50%\s+(\S+)", _ms),
        "p99_ms": grab(r"^\s+99%\s+(\S+)", _ms),
        "requests": grab(r"^\s+(\d+) requests in", int, 0),
        "non_2xx": grab(r"Non-2xx or 3xx responses: (\d+)", int, 0),
        "socket_errors": socket_errors,
    }


def run_wrk(url: str, args, duration: float) -> dict:
    cmd = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{max(1, round(duration))}s", "--timeout", f"{max(1, round(args.timeout))}s", "--latency", url]
    out = run(cmd, timeout=duration + args.timeout + 30, capture=True)
    return parse_wrk(out)


def run_python_load(url: str, args, duration: float) -> dict:
    """Threaded keep-alive load; same figures as wrk (much less load per CPU, so compare like with like)."""
    parsed = urllib.parse.urlsplit(url)
    path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
    latencies: list[list[float]] = [[] for _ in range(args.connections)]
    errors = [[0, 0] for _ in range(args.connections)]  # [non-2xx/3xx, socket errors]
    start_at = time.monotonic() + 0.05
    deadline = start_at + duration

    def worker(i: int) -> None:
        conn = None
        while time.monotonic() < start_at:
            time.sleep(0.005)
        while time.monotonic() < deadline:
            if conn is None:
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=args.timeout)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                latencies[i].append((time.perf_counter() - t0) * 1000)
                if not 200 <= resp.status < 400:
                    errors[i][0] += 1
                if resp.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                errors[i][1] += 1
                conn.close()
                conn = None
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + args.timeout + 10)
    elapsed = max(time.monotonic() - start_at, 1e-9)
    merged = sorted(x for per in latencies for x in per)

    def pct(q):
        return merged[min(len(merged) - 1, int(q * len(merged)))] if merged else None

    return {
        "rps": len(merged) / min(elapsed, duration) if merged else 0.0,
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "requests": len(merged),
        "non_2xx": sum(e[0] for e in errors),
        "socket_errors": sum(e[1] for e in errors),
    }


# --- Main ------------------------------------------------------------------------------------------


def discover_pages(env, args) -> tuple[dict, dict]:
    info = django_json(env, DISCOVER_CODE)
    pages = {"floor": "/bench/floor", "home": "/en/"}
    if info.get("category"):
        pages["category"] = f"/en/c/{info['category']}/"
    if info.get("product"):
        pages["product"] = f"/en/p/{info['product']}/"
    word = args.search_word or next(iter(info.get("search_words") or []), "shirt")
    info["search_word"] = word
    pages["search"] = "/en/search/?" + urllib.parse.urlencode({"q": word})
    return {name: pages[name] for name in args.pages if name in pages}, info


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def print_table(results: dict, floor_rps: float | None) -> None:
    header = f"{'page':<10} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'x floor':>8}  url"
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        ratio = r["rps"] / floor_rps if floor_rps else None
        errors = r["non_2xx"] + r["socket_errors"]
        print(f"{name:<10} {r['rps']:>9.1f} {fmt(r['p50_ms'], '>8.2f')} {fmt(r['p99_ms'], '>8.2f')} {errors:>7d} {fmt(ratio, '>8.3f')}  {r['path']}")


def main(argv=None) -> int:
    args = parse_args(argv)
    os.chdir(ROOT)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    signal.signal(signal.SIGHUP, _exit_on_signal)
    started = time.monotonic()
    server = None
    created_db = False
    status = 1
    try:
        if args.redis_url.lower() != "none":
            require_loopback(args.redis_url, "--redis-url")
        db_url, created_db = prepare_database(args)

        env = os.environ.copy()
        env.update(
            DATABASE_URL=db_url,
            DJANGO_SETTINGS_MODULE="config.settings",
            DJANGO_DEBUG="0",
            SERVE_MEDIA="0",
            # Run Celery tasks (e.g. listing price refreshes after seeding) in-process: never publish to a
            # broker whose workers may serve another database.
            CELERY_TASK_ALWAYS_EAGER="1",
            PYTHONUNBUFFERED="1",
            DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or "caravan-bench-only-" + "x" * 40,
        )
        env.pop("DJANGO_ALLOWED_HOSTS", None)  # default allows 127.0.0.1
        redis_url = None if args.redis_url.lower() == "none" else args.redis_url
        if redis_url and not check_redis(redis_url):
            log(f"WARNING: no Redis answering at {redis_url}: falling back to the in-process cache")
            redis_url = None
        if redis_url:
            env["REDIS_URL"] = redis_url
        else:
            env.pop("REDIS_URL", None)

        page_cache = "n/a"
        if args.page_cache:
            # Reserved: the storefront has no page cache yet. When it gets one, switch it on here.
            log("--page-cache: the app has no page cache: n/a")

        log("manage.py migrate")
        manage(env, "migrate", "--noinput", "-v0", timeout=900)
        log("manage.py collectstatic")
        manage(env, "collectstatic", "--noinput", "-v0", timeout=600)
        log("manage.py compilemessages (failure ignored)")
        try:
            manage(env, "compilemessages", "-v0", "--ignore=.venv", timeout=300, capture=True)
        except BenchError as exc:
            log(f"compilemessages failed, continuing: {str(exc).splitlines()[0]}")

        count = django_json(env, COUNT_CODE)["products"]
        seeded = False
        if args.reuse and count >= args.products:
            log(f"--reuse: database has {count} products (>= {args.products}), not seeding")
        else:
            log(f"manage.py seed_demo --reset --products {args.products} --quiet (timeout {args.seed_timeout:.0f}s)")
            t0 = time.monotonic()
            # Captured: seed_demo prints a freshly generated admin password, which has no place in benchmark logs.
            out = manage(env, "seed_demo", "--reset", "--products", str(args.products), "--quiet", timeout=args.seed_timeout, capture=True)
            for line in out.splitlines():
                if "seeded" in line.lower():
                    log(line.strip())
            seeded = time.monotonic() - t0
            log(f"seeded in {seeded:.1f}s")

        pages, info = discover_pages(env, args)
        log(f"catalogue: {info.get('products')} products ({info.get('published')} published), {info.get('categories')} categories; "
            f"category {info.get('category')!r} has {info.get('category_products')} products; search word {info.get('search_word')!r}")
        for missing in [p for p in args.pages if p not in pages]:
            log(f"WARNING: no {missing} page to benchmark (empty catalogue?)")

        log_path = Path(tempfile.gettempdir()) / f"caravan-bench-gunicorn-{args.port}.log"
        log_path.write_text("")
        server = Server(env, args.port, args.workers, log_path)
        server.start()

        # Every page must answer 200 before it is measured: a fast 404 would flatter the figures.
        for name, path in pages.items():
            code, body = http_get(args.port, path, timeout=60)
            if code != 200:
                raise BenchError(f"{name} {path} answered HTTP {code}; gunicorn log:\n{server.tail()}")
            if name == "search" and b"/en/p/" not in body:
                log(f"WARNING: search for {info['search_word']!r} found no products")

        tool = args.tool
        if tool in ("auto", "wrk") and not shutil.which("wrk"):
            if tool == "wrk":
                raise BenchError("wrk is not installed (apt-get install -y wrk)")
            log("wrk not found (apt-get install -y wrk): using the Python load generator, figures are not comparable with wrk's")
            tool = "python"
        elif tool == "auto":
            tool = "wrk"
        load = run_wrk if tool == "wrk" else run_python_load

        results = {}
        for name, path in pages.items():
            url = f"http://{LOOPBACK}:{args.port}{path}"
            log(f"{name}: warm-up {args.warmup:g}s, then {args.duration:g}s x {args.connections} connections  {path}")
            if args.warmup > 0:
                load(url, args, args.warmup)
            results[name] = {"path": path, **load(url, args, args.duration)}
            if server.proc.poll() is not None:
                raise BenchError(f"gunicorn died during the {name} run:\n{server.tail()}")

        floor_rps = results.get("floor", {}).get("rps") or None
        print()
        print(f"Caravan storefront benchmark: {info.get('products')} products, gunicorn {args.workers} sync workers, "
              f"{tool} {args.threads if tool == 'wrk' else args.connections} threads x {args.connections} connections, "
              f"{args.duration:g}s per page, {os.cpu_count()} CPUs, cache {'redis' if redis_url else 'in-process'}, page cache {page_cache}")
        print()
        print_table(results, floor_rps)
        print()
        verdicts = {}
        for name, minimum in TARGETS.items():
            if name not in results or not floor_rps:
                verdicts[name] = {"target": minimum, "ratio": None, "pass": None}
                print(f"target {name:<9} >= {minimum:.2f} x floor: n/a")
                continue
            ratio = results[name]["rps"] / floor_rps
            errors = results[name]["non_2xx"] + results[name]["socket_errors"]
            ok = ratio >= minimum and errors == 0
            verdicts[name] = {"target": minimum, "ratio": round(ratio, 4), "pass": ok}
            note = f" ({errors} errors)" if errors else ""
            print(f"target {name:<9} >= {minimum:.2f} x floor: {ratio:.3f}  {'PASS' if ok else 'FAIL'}{note}")
        print(f"page cache: {page_cache}")
        errored = [n for n, r in results.items() if r["non_2xx"] or r["socket_errors"]]
        if errored:
            print(f"errors on: {', '.join(errored)} (non-2xx/3xx responses or socket errors; see {server.log_path})")

        if not args.no_json:
            out = Path(args.json_path) if args.json_path else RESULTS_DIR / f"storefront-{args.products}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps({
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "products_requested": args.products,
                "catalogue": {k: info.get(k) for k in ("products", "published", "categories", "category", "category_products", "product", "search_word")},
                "seed_seconds": round(seeded, 1) if seeded else None,
                "settings": {
                    "tool": tool, "duration": args.duration, "warmup": args.warmup, "connections": args.connections,
                    "threads": args.threads, "workers": args.workers, "worker_class": "sync",
                    "cache": "redis" if redis_url else "locmem", "page_cache": page_cache,
                    "database": redact(db_url),
                },
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
                "results": results,
                "floor_rps": floor_rps,
                "targets": verdicts,
            }, indent=2) + "\n")
            print(f"results written to {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
        status = 0
    except BenchError as exc:
        log(f"ERROR: {exc}")
    except KeyboardInterrupt:
        log("interrupted")
        status = 130
    except BrokenPipeError:  # output piped into e.g. `head`, which has gone away
        status = 1
    finally:
        if server is not None:
            server.stop()
        if created_db and args.drop_db:
            drop_bench_database(BENCH_DB_NAME)
        log(f"done in {time.monotonic() - started:.0f}s")
    return status


if __name__ == "__main__":
    sys.exit(main())
