"""Failures that must stay clean (issue 9, item 6): bad input is a 404, never a 500 (on PostgreSQL too, which refuses
NUL bytes in text); /healthz reports what is down as a 503 JSON; and without Redis the shop keeps serving pages and
taking orders."""

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail

from shop.models import Order
from tests.shop.test_checkout_flow import go_to_review, place, shop  # noqa: F401 - `shop` is a fixture

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A loopback port nothing listens on (bound and released: connecting to it is refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- Bad input: 404, never 500 ---------------------------------------------------------------------------------------


@pytest.fixture
def buyer_client(client, markets):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("buyer", "buyer@example.com", "pw-not-used-here"))
    return client


@pytest.mark.parametrize("path", ["/en/checkout/done/%00/", "/en/checkout/pay/%00/", "/en/checkout/done/CR-2026%00-1/"])
def test_nul_byte_in_an_order_number_is_not_found(client, markets, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/en/account/orders/%00/", "/en/account/orders/%00/invoice.pdf", "/en/account/orders/CR%00/"])
def test_nul_byte_in_an_account_order_number_is_not_found(buyer_client, path):
    assert buyer_client.get(path).status_code == 404


def test_session_cookie_with_a_nul_byte_is_no_session(client, markets):
    client.cookies["sessionid"] = "abcdefghijklmnop\x00qrstuvwxyz012345"
    response = client.get("/en/")
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["a" * 300, "b" * 5000 + ".pdf", "invoices/%00.pdf", "x/" * 3000])
def test_overlong_or_nul_media_name_is_not_found(client, name):
    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "page=99999999999999999999", "per_page=99999999999999999999", "per_page=%00", "page=%00", "q=%00",
        "min_price=1e400", "max_price=-1e400", "min_price=nan&max_price=inf", "sort=%00", "colour=%00", "market=%00",
        "currency=%00",
    ],
)
def test_listing_query_strings_with_nul_bytes_and_huge_numbers(client, catalog, query):
    category, products = catalog
    for path in ("/en/", "/en/search/", f"/en/c/{category.slug}/"):
        assert client.get(f"{path}?{query}").status_code == 200, path
    assert client.get(f"/en/p/{products[0].slug}/?variant=99999999999999999999").status_code == 200
    assert client.get(f"/en/p/{products[0].slug}/?variant=%00").status_code == 200


def test_cart_with_huge_or_nul_ids_is_a_clear_error(client, catalog):
    assert client.post("/en/cart/add/", {"variant": "99999999999999999999", "quantity": "1"}).status_code == 409
    assert client.post("/en/cart/add/", {"variant": "\x00", "quantity": "99999999999999999999"}).status_code == 409
    assert client.post("/en/cart/line/99999999999999999999/", {"quantity": "1"}).status_code in (302, 404)
    assert client.post("/en/checkout/voucher/", {"code": "\x00"}).status_code in (302, 400)


# --- /healthz --------------------------------------------------------------------------------------------------------


def test_healthz_is_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() | {"vendor": None} == {"status": "ok", "down": [], "database": "ok", "cache": "ok", "vendor": None}
    assert "no-store" in response["Cache-Control"]


HEALTHZ = (
    "import django, json; django.setup(); from django.test import Client; "
    "r = Client().get('/healthz', HTTP_HOST='10.0.0.5'); "  # a load balancer probes by IP, not by an allowed host name
    "print(json.dumps({'status': r.status_code, 'type': r['Content-Type'], 'body': r.json()}))"
)


def run_healthz(tmp_path, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_SECRET_KEY="healthz-test-" + "k" * 40,
               SQLITE_PATH=str(tmp_path / "ok.sqlite3"), CARAVAN_FILE_CACHE=str(tmp_path / "cache"))
    env.update(env_overrides)
    done = subprocess.run([sys.executable, "-c", HEALTHZ], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_healthz_names_an_unreachable_database_with_503_json(tmp_path):
    result = run_healthz(tmp_path, SQLITE_PATH=str(tmp_path / "no-such-folder" / "shop.sqlite3"))
    assert result["status"] == 503 and result["type"] == "application/json"
    assert result["body"]["down"] == ["database"] and result["body"]["database"].startswith("error")
    assert result["body"]["cache"] == "ok"


def test_healthz_names_an_unreachable_postgresql_with_503_json(tmp_path):
    result = run_healthz(tmp_path, DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port()}/caravan")
    assert result["status"] == 503 and result["body"]["down"] == ["database"]


def test_healthz_names_an_unreachable_redis_with_503_json(tmp_path):
    result = run_healthz(tmp_path, REDIS_URL=f"redis://127.0.0.1:{closed_port()}/0")
    assert result["status"] == 503 and result["type"] == "application/json"
    assert result["body"]["down"] == ["cache"] and result["body"]["database"] == "ok"


def test_healthz_is_200_in_a_fresh_process_when_all_is_well(tmp_path):
    result = run_healthz(tmp_path)
    assert result["status"] == 200 and result["body"]["down"] == []


# --- Without Redis ---------------------------------------------------------------------------------------------------


@pytest.fixture
def redis_down(settings):
    """The cache (and with it cached sessions) on a Redis that does not answer."""
    settings.CACHES = {"default": {"BACKEND": "config.cache.DegradingRedisCache", "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
                                   "KEY_PREFIX": "caravan"}}
    from django.core.cache import caches

    cache = caches["default"]
    assert cache.__class__.__name__ == "DegradingRedisCache"
    return cache


def test_without_redis_a_guest_browses_fills_a_cart_and_places_an_order(client, shop, redis_down, caplog,  # noqa: F811
                                                                        django_capture_on_commit_callbacks):
    caplog.set_level(logging.WARNING, logger="caravan.cache")
    assert client.get("/de/").status_code == 200
    assert client.get(f"/de/p/{shop['a'].product.slug}/").status_code == 200
    review = go_to_review(client, shop)  # cart, address, shipping, billing: the session lives in the database
    assert review.status_code == 200
    assert client.get("/de/cart/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = place(client, review)
    assert response.status_code == 302, response.content.decode()[:2000]
    order = Order.objects.get()
    assert client.get(response["Location"]).status_code == 200
    assert order.lines.count() == 2
    assert len(mail.outbox) == 1  # the confirmation went out
    warnings = [r for r in caplog.records if r.name == "caravan.cache"]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]  # said once, not on every cache call
    assert "Redis cache unavailable" in warnings[0].getMessage()


def test_degrading_cache_answers_like_an_empty_cache(redis_down):
    cache = redis_down
    assert cache.get("k", "default") == "default"
    assert cache.add("k", 1) is False
    assert cache.set("k", 1) is None
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("k") is False
    assert cache.delete("k") is False
    with pytest.raises(ValueError):
        cache.incr("k")  # like a missing key: callers start over
    with pytest.raises(Exception):  # noqa: B017 - whatever redis raises: /healthz must see the outage
        cache.check_health()


def test_a_dead_celery_broker_does_not_break_placing_an_order(client, shop, caplog, django_capture_on_commit_callbacks):  # noqa: F811
    """The order is committed first; its confirmation task then cannot be queued and runs in this process."""
    from config import celery as celery_module
    from config.celery import app

    celery_module._last_warning[0] = None
    caplog.set_level(logging.WARNING, logger="caravan.celery")
    conf = app.conf
    saved = conf.task_always_eager, conf.broker_url
    conf.task_always_eager, conf.broker_url = False, f"redis://127.0.0.1:{closed_port()}/0"
    app._pool = app.amqp._producer_pool = None  # connections to the in-memory broker of the eager runs: gone
    try:
        review = go_to_review(client, shop)
        with django_capture_on_commit_callbacks(execute=True):
            response = place(client, review)
    finally:
        conf.task_always_eager, conf.broker_url = saved
        app._pool = app.amqp._producer_pool = None
    assert response.status_code == 302
    order = Order.objects.get()
    assert [m.to for m in mail.outbox] == [[order.email]]  # the confirmation e-mail was sent in-process
    assert any("Celery broker unavailable" in r.getMessage() for r in caplog.records if r.name == "caravan.celery")


def test_without_redis_buyers_sign_in_sign_up_and_reset_their_password(client, markets, redis_down, caplog, settings):
    """allauth's rate limits take a lock with cache.add; while Redis is down they are skipped (logged), not turned
    into a 429 for every sign-in."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import SESSION_KEY, get_user_model

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    caplog.set_level(logging.WARNING)
    user = get_user_model().objects.create_user("buyer", "buyer@example.com", "caravan-demo-buyer")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    response = client.post("/en/accounts/login/", {"login": "buyer@example.com", "password": "caravan-demo-buyer"})
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.session[SESSION_KEY] == str(user.pk)
    client.logout()

    response = client.post("/en/accounts/password/reset/", {"email": "buyer@example.com"})
    assert response.status_code == 302, response.content.decode()[:500]
    assert len(mail.outbox) == 1

    response = client.post("/en/accounts/signup/", {"email": "new@example.com", "password1": "a-long-fresh-pass-42",
                                                     "password2": "a-long-fresh-pass-42"})
    assert response.status_code == 302, response.content.decode()[:500]
    assert get_user_model().objects.filter(email="new@example.com").exists()

    messages = [r.getMessage() for r in caplog.records]
    assert any("sign-in rate limits are not enforced" in m for m in messages), messages
