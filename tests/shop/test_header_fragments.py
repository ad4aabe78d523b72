"""The header (hreflang links, language and market switchers, category menu) is kept rendered in the per-process
fragment cache under a key naming what it depends on; a merchant's edit or another page must never show a stale one."""

import pytest

from shop.models import Category, Market

pytestmark = pytest.mark.django_db


def test_header_follows_the_page_the_market_and_merchant_edits(client, catalog):
    category, _products = catalog
    first = client.get("/en/").content.decode()
    assert 'hreflang="de" href="http://testserver/de/"' in first and "European Union · EUR" in first
    assert f'href="/en/c/{category.slug}/">{category.name_en}</a>' in first

    # Another page: its own alternates and switcher links, not the cached ones of the home page.
    page = client.get(f"/en/c/{category.slug}/").content.decode()
    assert f'hreflang="de" href="http://testserver/de/c/{category.slug}/"' in page
    assert f'href="/en/c/{category.slug}/?market=uk"' in page

    # The merchant renames the market and the category: the next page shows the new names.
    Market.objects.filter(code="eu").update(name_en="Eurozone")  # update(): no model signal ...
    market = Market.objects.get(code="eu")
    market.save()  # ... then a save, as admin does, bumps the configuration version
    renamed = Category.objects.get(pk=category.pk)
    renamed.name_en = "Kitchen things"
    renamed.save()
    after = client.get("/en/").content.decode()
    assert "Eurozone · EUR" in after and "European Union · EUR" not in after
    assert f'href="/en/c/{category.slug}/">Kitchen things</a>' in after

    # Another market and language: their own switchers.
    japanese = client.get("/ja/?market=jp").content.decode()
    assert 'aria-current="true">日本 · JPY' in japanese or "日本 · JPY" in japanese
