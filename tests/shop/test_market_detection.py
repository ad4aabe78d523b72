"""Which market a buyer lands in (shop/middleware.py): Accept-Language parsing, explicit ?market= / ?currency=
choices remembered in the session, and the currency the pages then show."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from shop.middleware import SESSION_KEY, countries_from_accept_language
from shop.models import ProductMarketPrice
from shop.money import format_money


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


# --- countries_from_accept_language (pure) --------------------------------------------------------


@pytest.mark.parametrize(
    "header,expected",
    [
        ("de-CH,de;q=0.9", ["CH", "DE"]),
        ("de-CH, de;q=0.9, en;q=0.8", ["CH", "DE", "US"]),
        ("ja", ["JP"]),
        ("ja-JP", ["JP"]),
        ("en-GB", ["GB"]),
        ("en_gb", ["GB"]),
        ("fr;q=0.5,en-GB;q=0.8", ["GB", "FR"]),
        ("zh-Hant", ["TW"]),
        ("zh-Hans-CN", ["CN"]),
        ("zh", ["CN"]),
        ("es-419", ["ES"]),  # numeric region is not a country: fall back to the language's country
        ("de;q=0.5,fr;q=0.5", ["DE", "FR"]),  # equal quality keeps header order
    ],
)
def test_countries_from_accept_language(header, expected):
    assert countries_from_accept_language(header) == expected


@pytest.mark.parametrize("header", ["", "   ", "garbage;;;,,", "!!!", "*", "x-klingon-tlh-foo", ";q=1", "123", ",,,,"])
def test_garbage_header_gives_no_countries(header):
    assert countries_from_accept_language(header) == []


@pytest.mark.parametrize(
    "header,expected",
    [("en-US;q=0", []), ("en;q=0,de", ["DE"]), ("ja;q=0.0, fr-CH", ["CH"]), ("de;q=abc,fr", ["FR"]), ("de;q=-1", [])],
)
def test_zero_or_invalid_quality_is_ignored(header, expected):
    assert countries_from_accept_language(header) == expected


def test_nan_quality_is_ignored_and_does_not_break_ordering():
    assert countries_from_accept_language("fr;q=0.5,de;q=nan,en-GB;q=0.8") == ["GB", "FR"]


def test_unknown_language_without_region_is_skipped():
    assert countries_from_accept_language("sv,pt-BR;q=0.9,ko;q=0.8") == ["BR"]


def test_huge_header_does_not_blow_up():
    header = ",".join(["de-DE;q=0.9"] * 200_000) + "," + "x" * 1_000_000
    result = countries_from_accept_language(header)
    assert result == ["DE"] * 20  # only the first 20 entries are considered
    assert countries_from_accept_language("a" * 1_000_000) == []
    assert countries_from_accept_language(";" * 1_000_000) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_header_returns_country_codes(header):
    result = countries_from_accept_language(header)
    assert isinstance(result, list)
    assert len(result) <= 20
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in result)


# --- through the HTTP client ----------------------------------------------------------------------


def _first_product_price(market_code, language):
    """The formatted listing price of the first featured product in a market."""
    row = ProductMarketPrice.objects.filter(market__code=market_code).order_by("product_id").first()
    return format_money(row.price_min, row.currency, language)


def _body(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.django_db
def test_default_market_german_page_shows_euros(client, catalog):
    body = _body(client.get(url("shop:home", "de")))
    assert "€" in body
    assert "£" not in body and "￥" not in body
    assert _first_product_price("eu", "de") in body


@pytest.mark.django_db
def test_accept_language_ja_jp_on_english_page_gives_yen(client, catalog):
    response = client.get(url("shop:home", "en"), HTTP_ACCEPT_LANGUAGE="ja-JP")
    body = _body(response)
    # English CLDR data writes the yen sign as U+00A5 '¥'; Japanese uses the full-width '￥' (see the /ja/ test).
    assert "¥" in body
    assert "€" not in body
    assert _first_product_price("jp", "en") in body
    assert _first_product_price("jp", "en").startswith("¥")
    assert response.wsgi_request.market.code == "jp"
    assert response.wsgi_request.market_explicit is False
    # detection from the header is not remembered as an explicit choice
    assert client.session.get(SESSION_KEY) is None


@pytest.mark.django_db
def test_accept_language_ja_on_japanese_page_gives_full_width_yen(client, catalog):
    response = client.get(url("shop:home", "ja"), HTTP_ACCEPT_LANGUAGE="ja-JP,ja;q=0.9")
    body = _body(response)
    assert "￥" in body
    assert "€" not in body
    assert _first_product_price("jp", "ja") in body
    assert response.wsgi_request.market.code == "jp"


@pytest.mark.django_db
def test_accept_language_for_country_without_market_falls_back_to_default(client, catalog):
    response = client.get(url("shop:home", "en"), HTTP_ACCEPT_LANGUAGE="pt-BR")
    assert "€" in _body(response)
    assert response.wsgi_request.market.code == "eu"


@pytest.mark.django_db
def test_market_parameter_gives_pounds_and_is_remembered(client, catalog):
    response = client.get(url("shop:home", "en") + "?market=uk")
    body = _body(response)
    assert "£" in body
    assert "€" not in body
    assert _first_product_price("uk", "en") in body
    assert client.session[SESSION_KEY] == "uk"

    # next request without the parameter (and with a header that would otherwise pick Japan) stays in the UK
    response = client.get(url("shop:home", "en"), HTTP_ACCEPT_LANGUAGE="ja-JP")
    body = _body(response)
    assert "£" in body
    assert "￥" not in body
    assert response.wsgi_request.market.code == "uk"
    assert response.wsgi_request.market_explicit is True


@pytest.mark.django_db
def test_market_parameter_is_case_and_space_insensitive(client, catalog):
    response = client.get(url("shop:home", "en"), {"market": " UK "})
    assert "£" in _body(response)


@pytest.mark.django_db
def test_unknown_market_parameter_gives_default_market(client, catalog):
    response = client.get(url("shop:home", "en") + "?market=nope")
    body = _body(response)
    assert "€" in body
    assert "£" not in body
    assert response.wsgi_request.market.code == "eu"
    assert client.session.get(SESSION_KEY) is None


@pytest.mark.django_db
def test_currency_parameter_picks_the_us_market(client, catalog):
    response = client.get(url("shop:home", "en") + "?currency=USD")
    body = _body(response)
    assert response.wsgi_request.market.code == "us"
    assert _first_product_price("us", "en") in body
    assert "$" in body
    assert "€" not in body
    assert client.session[SESSION_KEY] == "us"
    assert "$" in _body(client.get(url("shop:home", "en")))


@pytest.mark.django_db
def test_lowercase_currency_parameter_and_unknown_currency(client, catalog):
    assert client.get(url("shop:home", "en") + "?currency=jpy").wsgi_request.market.code == "jp"
    client.cookies.clear()
    response = client.get(url("shop:home", "en") + "?currency=XYZ")
    assert response.status_code == 200
    assert response.wsgi_request.market.code == "eu"


@pytest.mark.django_db
def test_japanese_product_page_in_japan_shows_yen(client, catalog):
    _, products = catalog
    response = client.get(url("shop:product", "ja", slug=products[0].slug), HTTP_ACCEPT_LANGUAGE="ja")
    body = _body(response)
    assert "￥" in body
    assert format_money(Decimal("1760"), "JPY", "ja") in body  # 10 EUR * 160 * 1.10
    assert products[0].name_ja in body


@pytest.mark.django_db
def test_explicit_market_overrides_remembered_market(client, catalog):
    client.get(url("shop:home", "en") + "?market=uk")
    response = client.get(url("shop:home", "de") + "?market=ch")
    assert "CHF" in _body(response)
    assert client.session[SESSION_KEY] == "ch"
    assert client.get(url("shop:home", "de")).wsgi_request.market.code == "ch"


@pytest.mark.django_db
def test_unknown_language_prefix_is_404(client, catalog):
    assert client.get("/xx/").status_code == 404
    assert client.get("/xx/c/whatever/").status_code == 404


@pytest.mark.django_db
def test_root_redirects_to_a_language_prefix(client, catalog):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/"  # no Accept-Language: the default language

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response.status_code in (301, 302)
    assert response.headers["Location"] == "/de/"
    assert "€" in _body(client.get(response.headers["Location"]))


@pytest.mark.django_db
def test_response_varies_on_cookie(client, catalog):
    response = client.get(url("shop:home", "en"))
    assert "Cookie" in response.headers["Vary"]
