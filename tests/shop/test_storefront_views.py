import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def test_home_lists_featured_products_in_german_with_euro_prices(client, catalog):
    response = client.get(url("shop:home", "de"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Produkt" in body
    assert "€" in body
    assert 'hreflang="ja"' in body
    assert 'lang="de"' in body


def test_category_page_shows_products_and_filters(client, catalog):
    category, products = catalog
    response = client.get(url("shop:category", "en", slug=category.slug))
    assert response.status_code == 200
    body = response.content.decode()
    assert products[0].name_en in body
    assert "Red" in body and "Blue" in body


def test_product_page_in_japanese_market_shows_yen(client, catalog):
    _, products = catalog
    response = client.get(url("shop:product", "ja", slug=products[0].slug) + "?market=jp")
    assert response.status_code == 200
    body = response.content.decode()
    assert products[0].name_ja in body
    assert "￥" in body


def test_price_and_text_edits_show_up_at_once_on_cached_pages(client, catalog):
    from decimal import Decimal

    from djmoney.money import Money

    _, products = catalog
    path = url("shop:product", "en", slug=products[0].slug) + "?market=us"
    before = client.get(path).content.decode()
    assert products[0].name_en in before
    variant = products[0].variants.first()
    variant.base_price = Money(Decimal("500.00"), "EUR")
    variant.save()
    products[0].name_en = "Renamed Product"
    products[0].save()
    after = client.get(path + f"&variant={variant.pk}")
    assert "Renamed Product" in after.content.decode()
    assert after.context["chosen"]["price_display"] == "$549.99"  # 500 EUR x 1.1 = 550.00 -> .99 rule


def test_product_description_is_escaped_once_and_shown_as_paragraphs(client, catalog):
    _, products = catalog
    products[0].description_en = "First line <b>bold?</b>\n\nSecond paragraph"
    products[0].save()
    body = client.get(url("shop:product", "en", slug=products[0].slug)).content.decode()
    assert "<p>First line &lt;b&gt;bold?&lt;/b&gt;</p>" in body
    assert "<p>Second paragraph</p>" in body
    assert "&lt;p&gt;" not in body


def test_search_finds_products_in_the_active_language_ranked_by_name(client, markets):
    from django.db import connection

    from shop.services.search import refresh_search_documents
    from tests import factories as f
    from tests.conftest import make_catalog

    category, products = make_catalog(n_products=3)
    products[0].name_de = "Leinenhemd Classic"
    products[0].description_de = "Ein leichtes Hemd."
    products[0].save()
    products[1].name_de = "Wollpullover"
    products[1].description_de = "Passt gut zu einem Leinenhemd."
    products[1].save()
    f.ProductFactory(category=category, name_de="Leinenhemd ohne Preis")  # no variants: not listed
    refresh_search_documents()
    names = [c["name"] for c in client.get(url("shop:search", "de") + "?q=leinenhemd").context["page"].cards]
    assert set(names) == {"Leinenhemd Classic", "Wollpullover"}
    if connection.vendor == "postgresql":
        # German stemming finds the plural, and a match in the name ranks above one in the description.
        names = [c["name"] for c in client.get(url("shop:search", "de") + "?q=Leinenhemden").context["page"].cards]
        assert names == ["Leinenhemd Classic", "Wollpullover"]


def test_japanese_and_chinese_searches_find_products_by_their_own_names(client, markets):
    """Japanese and Chinese have no stemmer and no spaces between words: a word inside a name still finds it, on
    SQLite and on PostgreSQL alike."""
    from shop.services.search import refresh_search_documents
    from tests.conftest import make_catalog

    _, products = make_catalog(n_products=4)
    products[0].name_ja, products[0].description_ja = "本革の長財布", "職人が仕上げた財布です。"
    products[1].name_ja, products[1].description_ja = "綿のトートバッグ", "長財布も入る大きさ。"
    products[2].name_zh_hans = "真皮长钱包"
    products[3].name_ja = "Ｔシャツ（白）"
    for product in products[:4]:
        product.save()
    refresh_search_documents()

    def names(lang, q):
        response = client.get(url("shop:search", lang), {"q": q})
        assert response.status_code == 200
        return {c["name"] for c in response.context["page"].cards}

    assert names("ja", "長財布") == {"本革の長財布", "綿のトートバッグ"}  # in the name, and in a description
    assert names("ja", "本革") == {"本革の長財布"}
    assert names("ja", "本革\u3000財布") == {"本革の長財布"}  # words separated by an ideographic space
    assert names("ja", "Tシャツ") == {"Ｔシャツ（白）"}  # half-width T finds the full-width Ｔ
    assert names("ja", "ゴム手袋") == set()
    assert names("zh-hans", "钱包") == {"真皮长钱包"}


def test_moving_a_subcategory_moves_its_products_between_top_level_pages(client, markets):
    from tests import factories as f
    from tests.conftest import make_catalog

    clothing = f.CategoryFactory(slug="clothing", name_en="Clothing")
    shoes = f.CategoryFactory(slug="shoes", name_en="Shoes")
    boots = f.CategoryFactory(slug="boots", name_en="Boots", parent=clothing)
    _, products = make_catalog(n_products=2, category=boots)
    assert client.get(url("shop:category", "en", slug="clothing")).context["page"].paginator.count == 2
    boots.parent = shoes
    boots.save()
    assert client.get(url("shop:category", "en", slug="clothing")).context["page"].paginator.count == 0
    assert client.get(url("shop:category", "en", slug="shoes")).context["page"].paginator.count == 2
    assert client.get(url("shop:category", "en", slug="boots")).context["page"].paginator.count == 2


def test_a_flushed_shared_cache_never_resurrects_old_cached_pages(client, catalog):
    from django.core.cache import cache

    _, products = catalog
    path = url("shop:product", "en", slug=products[0].slug)
    assert products[0].name_en in client.get(path).content.decode()
    cache.clear()  # Redis restarted or flushed: versions start again, but never at an old number
    products[0].name_en = "Fresh Name"
    products[0].save()
    assert "Fresh Name" in client.get(path).content.decode()
