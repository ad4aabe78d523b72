"""Liveness for load balancers and the benchmark floor."""

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache


def _check_database() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        connection.close()  # a broken connection is not reused by the next request
        raise


def _check_cache() -> None:
    check = getattr(cache, "check_health", None)  # the Redis cache degrades on its own: ask Redis directly
    if check is not None:
        check()
        return
    token = get_random_string(12)
    cache.set("healthz", token, 10)
    if cache.get("healthz") != token:
        raise RuntimeError("the cache did not keep a value")


@never_cache
def healthz(request):
    """200 when the database and the cache answer, else 503 naming what is down. Served by HealthCheckMiddleware
    before any other middleware (they need the database), so it answers JSON even when the database is down."""
    checks = {"database": _check_database, "cache": _check_cache}
    report, down = {}, []
    for name, check in checks.items():
        try:
            check()
            report[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - report any failure, never raise
            report[name] = f"error: {exc.__class__.__name__}"
            down.append(name)
    status = 503 if down else 200
    response = JsonResponse({"status": "degraded" if down else "ok", "down": down, **report, "vendor": connection.vendor}, status=status)
    return response


def floor(request):
    """Benchmark floor: the cheapest response Django can give through the full middleware stack."""
    return HttpResponse(b"ok", content_type="text/plain")
