import os
from decimal import Decimal

import pytest
from django.core.cache import cache

from shop.plumbing import storefront_config
from tests import factories as f

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    """Without Redis the cache is a file cache; give each test run its own folder, so a test run never clears (or
    reads) the cache of a running dev server or of another test run on the same checkout."""
    import tempfile

    from django.conf import settings

    default = settings.CACHES["default"]
    if default["BACKEND"].endswith("FileBasedCache"):
        default["LOCATION"] = config._caravan_cache_dir = tempfile.mkdtemp(prefix="caravan-test-cache-")


def pytest_unconfigure(config):
    import shutil

    folder = getattr(config, "_caravan_cache_dir", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _celery_runs_tasks_in_process():
    """Tasks are thin wrappers over services: run them in the test's process, even when REDIS_URL is set."""
    from config.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True


@pytest.fixture(autouse=True)
def _default_language():
    """Requests activate the buyer's language in the test's thread; start every test in the default one."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The database rolls back between tests; the cache (Redis in CI) and the config memo must too."""
    cache.clear()
    storefront_config.clear_local_cache()
    yield
    storefront_config.clear_local_cache()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path_factory, monkeypatch):
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    # Tests render templates without running collectstatic first; private files go to a folder of their own.
    settings.CARAVAN_PRIVATE_ROOT = tmp_path_factory.mktemp("private")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "private": {**settings.STORAGES["private"],  # the project's options (file modes), this test's folder
                    "OPTIONS": {**settings.STORAGES["private"].get("OPTIONS", {}), "location": settings.CARAVAN_PRIVATE_ROOT}},
    }
    # A FileField calls its storage callable once, when the model is loaded: hand it this test's private storage.
    from django.core.files.storage import storages

    from shop.models import Invoice

    monkeypatch.setattr(Invoice._meta.get_field("pdf"), "storage", storages["private"])


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def markets(db):
    """The six standard markets with tax rates, exchange rates and a warehouse per region."""
    f.create_rates()
    eu = f.MarketFactory(
        code="eu", name_en="European Union", name_de="Europäische Union", name_ja="EU", currency="EUR",
        countries=["DE", "FR", "ES", "IT", "NL", "AT"], default_country="DE", default_language="de",
        rounding_rule="ending_99", is_default=True, position=0,
    )
    uk = f.MarketFactory(code="uk", name_en="United Kingdom", currency="GBP", countries=["GB"], default_country="GB",
                         default_language="en", rounding_rule="ending_99", position=1)
    us = f.MarketFactory(code="us", name_en="United States", currency="USD", countries=["US"], default_country="US",
                         default_language="en", prices_include_tax=False, rounding_rule="ending_99", position=2)
    jp = f.MarketFactory(code="jp", name_en="Japan", name_ja="日本", currency="JPY", countries=["JP"], default_country="JP",
                         default_language="ja", rounding_rule="up_to_10", position=3)
    cn = f.MarketFactory(code="cn", name_en="China", currency="CNY", countries=["CN"], default_country="CN",
                         default_language="zh-hans", rounding_rule="whole", position=4)
    ch = f.MarketFactory(code="ch", name_en="Switzerland", currency="CHF", countries=["CH"], default_country="CH",
                         default_language="de", rounding_rule="nearest_0_05", position=5)
    for country, rate in {"DE": "19", "FR": "20", "ES": "21", "IT": "22", "NL": "21", "AT": "20", "GB": "20",
                          "US": "0", "JP": "10", "CN": "13", "CH": "8.1"}.items():
        f.TaxRateFactory(country=country, tax_class="standard", rate=Decimal(rate))
    f.WarehouseFactory(code="de", country="DE", countries_served=["DE", "FR", "ES", "IT", "NL", "AT", "CH", "GB"], priority=20)
    f.WarehouseFactory(code="jp", country="JP", countries_served=["JP", "CN"], priority=10)
    f.WarehouseFactory(code="us", country="US", countries_served=["US"], priority=10)
    return {"eu": eu, "uk": uk, "us": us, "jp": jp, "cn": cn, "ch": ch}


def make_catalog(n_products=12, category=None, warehouses=("de", "jp"), variants=2, featured=True):
    """Products with `variants` variants each (colour values), stock in the given warehouses, and images."""
    from fulfillment.models import Warehouse

    category = category or f.CategoryFactory(is_featured=True)
    red = f.AttributeValueFactory(slug="red", name_en="Red", name_de="Rot", name_ja="赤", swatch="#cc0000")
    blue = f.AttributeValueFactory(slug="blue", name_en="Blue", name_de="Blau", name_ja="青", swatch="#0000cc")
    whs = list(Warehouse.objects.filter(code__in=warehouses))
    products = []
    for i in range(n_products):
        product = f.ProductFactory(category=category, is_featured=featured and i < 8)
        f.ProductImageFactory(product=product)
        for v in range(variants):
            variant = f.ProductVariantFactory(
                product=product, base_price=f.Money(Decimal("10.00") + i + v, "EUR"), values=[red if v % 2 == 0 else blue]
            )
            for wh in whs:
                f.StockFactory(variant=variant, warehouse=wh, quantity=(0 if i % 5 == 4 else 5))
        products.append(product)
    # on_commit hooks do not fire inside a test transaction: refresh listing prices explicitly.
    from shop.services.pricing import refresh_market_prices
    from shop.services.search import refresh_search_documents

    refresh_market_prices([p.pk for p in products])
    refresh_search_documents([p.pk for p in products])
    return category, products


@pytest.fixture
def catalog(markets):
    return make_catalog()


@pytest.fixture(scope="session")
def localstripe_url():
    """A localstripe server (a stateful fake of Stripe's API) on a free loopback port, for the official SDK."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = (
        "import aiohttp.web, localstripe.resources as r, localstripe.server as s; "
        "r.Store.dump_to_disk = lambda self: None; "  # in memory only: no writes to localstripe's shared /tmp file
        f"aiohttp.web.run_app(s.app, host='127.0.0.1', port={port}, print=None, access_log=None)"
    )
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"{url}/js.stripe.com/v3/", timeout=1).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("localstripe did not start: " + server.stderr.read().decode()[-2000:]) from None
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(10)


@pytest.fixture
def stripe_client(localstripe_url):
    """The official Stripe SDK pointed at localstripe, with a test key and no retries."""
    import stripe

    return stripe.StripeClient("sk_test_caravan", base_addresses={"api": localstripe_url}, max_network_retries=0)


@pytest.fixture
def vies_confirms(httpserver, settings):
    """A local fake of the EU's VIES service (pytest-httpserver) that confirms every VAT number it is asked about:
    the reverse charge applies only to numbers VIES confirmed."""
    import json as _json

    from werkzeug.wrappers import Response

    def answer(request):
        body = _json.loads(request.data or b"{}")
        return Response(_json.dumps({"countryCode": body.get("countryCode", ""), "vatNumber": body.get("vatNumber", ""),
                                     "requestDate": "2026-12-02T01:00:00.000Z", "valid": True,
                                     "requestIdentifier": "WAPIAAAAZTEST0001", "name": "---", "address": "---"}),
                        content_type="application/json")

    httpserver.expect_request("/check-vat-number", method="POST").respond_with_handler(answer)
    settings.CARAVAN_VIES_URL = httpserver.url_for("/check-vat-number")
    settings.CARAVAN_VIES_TIMEOUT = 2
    cache.clear()
    return httpserver
