"""No N+1: page query counts stay within budget for 12 or 48 products per page, every language and market."""

import pytest
from django.urls import reverse
from django.utils import translation

from shop.plumbing.storefront_config import bump_catalog_version
from tests.conftest import make_catalog

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "de", "fr", "es", "ja", "zh-hans"]
MARKETS = ["eu", "uk", "us", "jp", "cn", "ch"]


@pytest.fixture
def big_catalog(markets):
    return make_catalog(n_products=60, variants=3, warehouses=("de", "jp", "us"))


def _url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("per_page", [12, 48])
@pytest.mark.parametrize("lang,market", list(zip(LANGUAGES, MARKETS, strict=True)))
def test_category_page_queries(client, big_catalog, django_assert_max_num_queries, per_page, lang, market):
    category, _ = big_catalog
    client.get(_url("shop:home", lang) + f"?market={market}")  # choose the market (stored in the session)
    with django_assert_max_num_queries(8):
        response = client.get(_url("shop:category", lang, slug=category.slug) + f"?per_page={per_page}&sort=price_asc")
    assert response.status_code == 200
    assert len(response.context["page"].cards) == per_page


@pytest.mark.parametrize("lang,market", list(zip(LANGUAGES, MARKETS, strict=True)))
def test_filtered_category_page_queries(client, big_catalog, django_assert_max_num_queries, lang, market):
    category, _ = big_catalog
    path = _url("shop:category", lang, slug=category.slug) + "?colour=red&in_stock=1&min_price=1&per_page=48"
    client.get(path + f"&market={market}")  # warm the per-process caches (config, category tree, facets)
    with django_assert_max_num_queries(8):
        response = client.get(path)
    assert response.status_code == 200
    assert response.context["page"].cards


@pytest.mark.parametrize("lang,market", list(zip(LANGUAGES, MARKETS, strict=True)))
def test_product_page_queries(client, big_catalog, django_assert_max_num_queries, lang, market):
    _, products = big_catalog
    client.get(_url("shop:home", lang) + f"?market={market}")
    bump_catalog_version()  # as after a merchant edit: nothing of the catalogue is cached
    with django_assert_max_num_queries(10):
        response = client.get(_url("shop:product", lang, slug=products[3].slug))
    assert response.status_code == 200
    assert len(response.context["options"]) == 3
    # Warm: the product snapshot comes from the cache, only stock is read live.
    with django_assert_max_num_queries(1):
        response = client.get(_url("shop:product", lang, slug=products[3].slug))
    assert len(response.context["options"]) == 3


def test_product_page_stock_is_live_while_the_snapshot_is_cached(client, big_catalog):
    from fulfillment.models import Stock

    _, products = big_catalog
    path = _url("shop:product", "en", slug=products[0].slug) + "?market=eu"
    assert client.get(path).context["chosen"]["in_stock"]
    Stock.objects.filter(variant__product=products[0]).update(quantity=0)
    response = client.get(path)
    assert not response.context["chosen"]["in_stock"]
    assert "Out of stock" in response.content.decode()


def test_product_page_queries_do_not_grow_with_variants(client, markets, django_assert_max_num_queries):
    _, products = make_catalog(n_products=2, variants=12)
    client.get(_url("shop:product", "en", slug=products[1].slug))  # warm the per-process caches
    bump_catalog_version()
    with django_assert_max_num_queries(10):
        response = client.get(_url("shop:product", "en", slug=products[0].slug))
    assert len(response.context["options"]) == 12


def test_home_page_queries(client, big_catalog, django_assert_max_num_queries):
    client.get(_url("shop:home", "en"))  # load the per-process configuration snapshot
    bump_catalog_version()
    with django_assert_max_num_queries(6):
        response = client.get(_url("shop:home", "de"))
    assert response.status_code == 200
    assert response.context["featured_html"].count("class=\"card\"") == 8


def test_search_page_queries(client, big_catalog, django_assert_max_num_queries):
    client.get(_url("shop:home", "en"))  # load the per-process configuration snapshot
    bump_catalog_version()
    with django_assert_max_num_queries(8):
        response = client.get(_url("shop:search", "en") + "?q=Product&per_page=48")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 60
