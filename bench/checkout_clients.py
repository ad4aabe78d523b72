"""The order clients of bench/checkout.py (Python browsers, one cookie jar each, placing guest orders through the
real pages) and the CPU accounting of the processes under load."""

from __future__ import annotations

import http.client
import http.cookies
import os
import random
import re
import threading
import time
import urllib.parse

from storefront import LOOPBACK

ACCEPT_LANGUAGE = "de-DE,de;q=0.9,en;q=0.8"  # a German buyer: the EU market even before ?market=eu
ADDRESS = {"full_name": "Erika Mustermann", "line1": "Hauptstraße 5", "postcode": "10115", "city": "Berlin", "country": "DE"}
STEPS = ("add", "checkout GET", "checkout POST", "shipping GET", "shipping POST", "billing GET", "billing POST",
         "review GET", "place POST", "done GET")


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
