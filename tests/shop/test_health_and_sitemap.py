import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["database"] == "ok"


def test_sitemap_lists_products_in_every_language(client, catalog):
    _, products = catalog
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert b"sitemap-products.xml" in index.content
    response = client.get("/sitemap-products.xml")
    assert response.status_code == 200
    body = response.content.decode()
    for lang in ["en", "de", "fr", "es", "ja", "zh-hans"]:
        with translation.override(lang):
            path = reverse("shop:product", kwargs={"slug": products[0].slug})
        assert path in body
    assert 'hreflang="ja"' in body


def test_every_page_has_language_switcher_and_hreflang(client, catalog):
    category, products = catalog
    for path in ["/de/", f"/de/c/{category.slug}/", f"/de/p/{products[0].slug}/", "/de/search/?q=x"]:
        body = client.get(path).content.decode()
        assert 'id="language-switcher"' in body
        assert 'id="market-switcher"' in body
        for lang in ["en", "de", "fr", "es", "ja", "zh-hans"]:
            assert f'hreflang="{lang}"' in body


def test_root_redirects_to_language(client, catalog):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 302
    assert response["Location"].startswith("/ja/")
