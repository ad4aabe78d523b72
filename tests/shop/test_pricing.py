"""PricingPolicy (shop/pricing.py), conversion (shop/fx.py) and the denormalised listing prices
(shop/services/pricing.py).

The first half builds MarketInfo/StorefrontConfig by hand (no database); the second half uses the `markets` and
`catalog` fixtures and checks that refresh_market_prices agrees with the policy.
"""

import json
from decimal import Decimal

import pytest
from djmoney.contrib.exchange.models import Rate
from hypothesis import example, given, settings
from hypothesis import strategies as st

from shop.fx import MissingRateError, convert
from shop.models import Market, ProductMarketPrice, ProductVariant
from shop.money import apply_rounding_rule, exponent, format_money, quantize
from shop.plumbing.storefront_config import MarketInfo, StorefrontConfig, _load
from shop.pricing import Price, PricingPolicy
from shop.services.exchange_rates import FileExchangeBackend
from shop.services.pricing import refresh_market_prices
from tests import factories as f

D = Decimal
FAST = settings(max_examples=200, deadline=None)
RATES = {"EUR": D("1"), "USD": D("1.1"), "GBP": D("0.85"), "JPY": D("160"), "CNY": D("7.8"), "CHF": D("0.95"), "KWD": D("0.33")}
TAX = {("DE", "standard"): D("19"), ("US", "standard"): D("7"), ("JP", "standard"): D("10"), ("CH", "standard"): D("8.1"),
       ("GB", "standard"): D("20"), ("CN", "standard"): D("13"), ("KW", "standard"): D("0"), ("DE", "reduced"): D("7")}


def make_market(code="eu", currency="EUR", country="DE", include=True, rule="exact", default=False):
    return MarketInfo(
        id=abs(hash(code)) % 10_000, code=code, names={"en": code.upper()}, currency=currency, countries=(country,),
        default_country=country, default_language="en", prices_include_tax=include, rounding_rule=rule,
        is_default=default, warehouse_ids=(),
    )


def make_policy(market, rates=None, tax_rates=None, country=None):
    config = StorefrontConfig(markets=(market,), rates=dict(RATES if rates is None else rates),
                              tax_rates=dict(TAX if tax_rates is None else tax_rates))
    return PricingPolicy(market, config, country)


JP = make_market("jp", "JPY", "JP", True, "up_to_10")
US = make_market("us", "USD", "US", False, "ending_99")
EU = make_market("eu", "EUR", "DE", True, "ending_99", default=True)


# --- fx.convert -----------------------------------------------------------------------------------


def test_convert_same_currency_is_identity_and_unrounded():
    amount = D("12.3456789")
    assert convert(amount, "EUR", "EUR", RATES) is amount
    assert convert(amount, "EUR", "EUR", {}) is amount


def test_convert_through_the_base_currency():
    assert convert(D("10"), "EUR", "JPY", RATES) == D("1600")
    assert convert(D("1.1"), "USD", "EUR", RATES) == D("1")
    assert convert(D("11"), "USD", "JPY", RATES) == D("1600")


def test_convert_missing_rate_raises():
    with pytest.raises(MissingRateError):
        convert(D("10"), "EUR", "SEK", RATES)
    with pytest.raises(MissingRateError):
        convert(D("10"), "SEK", "EUR", RATES)


def test_file_exchange_backend_reads_and_pivots(tmp_path):
    path = tmp_path / "rates.json"
    path.write_text(json.dumps({"base": "EUR", "rates": {"USD": 1.1, "JPY": 160, "GBP": "0.85"}}), encoding="utf-8")
    backend = FileExchangeBackend(str(path))
    rates = backend.get_rates()
    assert rates == {"USD": D("1.1"), "JPY": D("160"), "GBP": D("0.85"), "EUR": D("1")}
    assert all(isinstance(v, Decimal) for v in rates.values())
    pivoted = backend.get_rates(base_currency="USD")
    assert pivoted["USD"] == D("1")
    assert pivoted["JPY"] == D("145.454545")
    with pytest.raises(MissingRateError):
        backend.get_rates(base_currency="SEK")


# --- hand-built policies --------------------------------------------------------------------------


def test_eur_base_to_jpy_with_up_to_10_and_ten_percent_tax():
    price = make_policy(JP).price(D("12.34"), "EUR", "standard")
    # 12.34 EUR * 160 = 1974.4 JPY net; * 1.10 = 2171.84 gross; up_to_10 -> 2180 shown.
    assert price == Price(net=D("1982"), gross=D("2180"), currency="JPY", tax_rate=D("10"), includes_tax=True)
    assert price.display == D("2180")
    assert price.tax == D("198")
    assert price.net + price.tax == price.gross
    assert make_policy(JP).format(price.display, "ja") == "￥2,180"


def test_tax_inclusive_market_shows_gross():
    price = make_policy(EU).price(D("10.00"), "EUR", "standard")
    # 10.00 * 1.19 = 11.90 -> ending_99 -> 11.99 with tax; net derived back: 11.99 / 1.19 = 10.0756 -> 10.08.
    assert price.includes_tax
    assert (price.gross, price.net, price.display) == (D("11.99"), D("10.08"), D("11.99"))
    assert price.tax_rate == D("19")


def test_tax_exclusive_market_shows_net():
    price = make_policy(US).price(D("10.00"), "EUR", "standard")
    # 10.00 EUR * 1.1 = 11.00 USD net -> ending_99 -> 10.99 shown without tax; gross = 10.99 * 1.07 = 11.7593 -> 11.76.
    assert not price.includes_tax
    assert price.display == price.net == D("10.99")
    assert price.gross == D("11.76")
    assert price.net + price.tax == price.gross


def test_same_market_exclusive_vs_inclusive():
    inclusive = make_policy(make_market("x", "EUR", "DE", True, "exact")).price(D("10.00"), "EUR", "standard")
    exclusive = make_policy(make_market("x", "EUR", "DE", False, "exact")).price(D("10.00"), "EUR", "standard")
    assert inclusive.display == D("11.90") and exclusive.display == D("10.00")
    assert inclusive.net == exclusive.net == D("10.00")
    assert inclusive.gross == exclusive.gross == D("11.90")


def test_unknown_tax_class_or_country_means_zero_tax():
    policy = make_policy(EU)
    assert policy.tax_rate("luxury") == 0
    price = policy.price(D("10.00"), "EUR", "luxury")
    assert price.net == price.gross == price.display == D("9.99")
    other_country = make_policy(EU, country="FR")  # no FR rate in TAX
    assert other_country.country == "FR"
    assert other_country.tax_rate("standard") == 0


def test_country_overrides_market_default_country():
    assert make_policy(EU).country == "DE"
    assert make_policy(EU, country="US").tax_rate("standard") == D("7")
    assert make_policy(EU).tax_rate("reduced") == D("7")


def test_fixed_price_overrides_conversion_and_is_not_re_rounded():
    policy = make_policy(JP)
    price = policy.price(D("12.34"), "EUR", "standard", fixed=D("1999"))
    assert price.is_fixed
    assert price.display == price.gross == D("1999")  # not up_to_10 -> 2000
    assert price.net == D("1817")  # 1999 / 1.1 = 1817.27
    eu_fixed = make_policy(EU).price(D("10.00"), "EUR", "standard", fixed=D("12.50"))
    assert eu_fixed.display == D("12.50")  # not ending_99 -> 12.99
    us_fixed = make_policy(US).price(D("10.00"), "EUR", "standard", fixed=D("9.50"))
    assert us_fixed.display == us_fixed.net == D("9.50")  # tax-exclusive market: fixed amount is the net shown
    assert us_fixed.gross == D("10.17")  # 9.50 * 1.07 = 10.165 -> half up


def test_fixed_price_is_only_quantized_to_the_currency():
    price = make_policy(JP).price(D("1"), "EUR", "standard", fixed=D("1234.5"))
    assert price.display == D("1235")
    assert -price.display.as_tuple().exponent == 0


def test_fixed_zero_price_is_honoured():
    price = make_policy(EU).price(D("10.00"), "EUR", "standard", fixed=D("0"))
    assert price.display == price.net == price.gross == 0
    assert price.is_fixed


def test_missing_rate_for_market_currency_raises():
    with pytest.raises(MissingRateError):
        make_policy(JP, rates={"EUR": D("1")}).price(D("10"), "EUR", "standard")


# --- hypothesis over policies ---------------------------------------------------------------------

base_prices = st.decimals(min_value=D("0.01"), max_value=D("10000"), places=2, allow_nan=False, allow_infinity=False)
fx_rates = st.decimals(min_value=D("0.01"), max_value=D("2000"), places=4, allow_nan=False, allow_infinity=False)
tax_percents = st.sampled_from([D("0"), D("5"), D("7"), D("8.1"), D("10"), D("19"), D("20"), D("21"), D("25"), D("27")])
currencies = st.sampled_from(["EUR", "USD", "GBP", "JPY", "KRW", "KWD", "CHF", "CNY"])
rules = st.sampled_from(["exact", "whole", "ending_99", "nearest_0_05", "up_to_10"])


@st.composite
def policies(draw):
    currency = draw(currencies)
    market = make_market("m", currency, "XX", draw(st.booleans()), draw(rules))
    rates = {"EUR": D("1"), currency: D("1") if currency == "EUR" else draw(fx_rates)}
    return make_policy(market, rates=rates, tax_rates={("XX", "standard"): draw(tax_percents)})


@FAST
@given(policy=policies(), base=base_prices)
def test_policy_price_is_stable_and_consistent(policy, base):
    price = policy.price(base, "EUR", "standard")
    again = policy.price(base, "EUR", "standard")
    assert price == again
    currency = policy.currency
    for amount in (price.net, price.gross, price.display):
        assert amount == quantize(amount, currency)
        assert -amount.as_tuple().exponent == exponent(currency)
    assert price.gross >= price.net >= 0
    assert price.net + price.tax == price.gross
    assert price.tax >= 0
    assert price.display == (price.gross if policy.market.prices_include_tax else price.net)
    assert not price.is_fixed


@FAST
@given(policy=policies(), base=base_prices)
def test_rounding_rule_on_a_shown_price_changes_nothing(policy, base):
    shown = policy.price(base, "EUR", "standard").display
    assert apply_rounding_rule(shown, policy.currency, policy.market.rounding_rule) == shown
    # and the shown price used as a fixed price gives the same shown price
    assert policy.price(base, "EUR", "standard", fixed=shown).display == shown


@FAST
@given(base=base_prices, include=st.booleans(), tax=tax_percents)
@example(base=D("0.01"), include=True, tax=D("27"))
def test_same_currency_with_exact_rule_returns_the_base_price(base, include, tax):
    market = make_market("e", "EUR", "XX", include, "exact")
    policy = make_policy(market, rates={"EUR": D("1")}, tax_rates={("XX", "standard"): tax})
    assert convert(base, "EUR", "EUR", policy.config.rates) == base
    price = policy.price(base, "EUR", "standard")
    assert price.net == base
    if not include:
        assert price.display == base
    assert price.gross == quantize(base * (1 + tax / 100), "EUR")


@FAST
@given(base=base_prices, rate=fx_rates)
def test_conversion_round_trip_is_stable_at_the_minor_unit(base, rate):
    rates = {"EUR": D("1"), "USD": rate}
    there = convert(base, "EUR", "USD", rates)
    back = convert(there, "USD", "EUR", rates)
    assert quantize(back, "EUR") == base


# --- with the database ----------------------------------------------------------------------------


def _expected_prices(product_ids=None):
    """{(market_id, product_id): (min, max)} straight from PricingPolicy.variant_price over active variants."""
    config = _load()
    variants = ProductVariant.objects.filter(is_active=True).select_related("product").prefetch_related("fixed_prices")
    if product_ids is not None:
        variants = variants.filter(product_id__in=product_ids)
    expected = {}
    for market in config.markets:
        policy = PricingPolicy(market, config)
        by_product = {}
        for variant in variants:
            by_product.setdefault(variant.product_id, []).append(policy.variant_price(variant).display)
        for product_id, displays in by_product.items():
            expected[(market.id, product_id)] = (min(displays), max(displays), market.currency)
    return expected


def _stored_prices(product_ids=None):
    rows = ProductMarketPrice.objects.all()
    if product_ids is not None:
        rows = rows.filter(product_id__in=product_ids)
    return {(r.market_id, r.product_id): (r.price_min, r.price_max, r.currency) for r in rows}


@pytest.mark.django_db
def test_refresh_writes_policy_prices_for_every_market(catalog):
    _, products = catalog
    stored = _stored_prices()
    expected = _expected_prices()
    assert len(stored) == len(products) * Market.objects.filter(is_active=True).count() == 12 * 6
    assert stored == expected


@pytest.mark.django_db
def test_policy_examples_against_fixture_markets(catalog):
    _, products = catalog
    config = _load()
    variant = products[0].variants.order_by("pk").first()  # 10.00 EUR net
    shown = {m.code: PricingPolicy(m, config).variant_price(variant).display for m in config.markets}
    assert shown == {
        "eu": D("11.99"),  # 10 * 1.19 = 11.90 -> 11.99
        "uk": D("10.99"),  # 10 * 0.85 * 1.20 = 10.20 -> 10.99
        "us": D("10.99"),  # 10 * 1.1 = 11.00 net -> 10.99 (tax excluded)
        "jp": D("1760"),  # 10 * 160 * 1.10 = 1760
        "cn": D("88"),  # 10 * 7.8 * 1.13 = 88.14 -> 88
        "ch": D("10.25"),  # 10 * 0.95 * 1.081 = 10.2695 -> 10.27 -> 10.25
    }
    stored = ProductMarketPrice.objects.get(product=products[0], market__code="jp")
    assert stored.price_min == D("1760") and stored.currency == "JPY"
    assert format_money(stored.price_min, "JPY", "ja") == "￥1,760"


@pytest.mark.django_db
def test_refresh_after_fixed_price_change(catalog):
    _, products = catalog
    product = products[0]
    variant = product.variants.order_by("pk").first()
    fixed = f.VariantPriceFactory(variant=variant, price=f.Money(D("5.00"), "USD"))
    refresh_market_prices([product.pk])
    us = ProductMarketPrice.objects.get(product=product, market__code="us")
    assert us.price_min == D("5.00")
    assert us.price_max == D("12.99")  # the other variant: 11.00 EUR * 1.1 = 12.10 USD -> 12.99
    assert _stored_prices() == _expected_prices()

    fixed.price = f.Money(D("20.00"), "USD")
    fixed.save()
    refresh_market_prices([product.pk])
    us.refresh_from_db()
    assert us.price_max == D("20.00")
    assert _stored_prices() == _expected_prices()

    fixed.delete()
    refresh_market_prices([product.pk])
    assert _stored_prices() == _expected_prices()
    us.refresh_from_db()
    assert us.price_max != D("20.00")


@pytest.mark.django_db
def test_refresh_after_rate_change(catalog):
    _, products = catalog
    before = ProductMarketPrice.objects.get(product=products[0], market__code="jp").price_min
    Rate.objects.filter(backend_id="caravan", currency="JPY").update(value=D("200"))
    refresh_market_prices()
    after = ProductMarketPrice.objects.get(product=products[0], market__code="jp").price_min
    assert before == D("1760")
    assert after == D("2200")  # 10 * 200 * 1.10
    assert _stored_prices() == _expected_prices()
    # other markets unaffected
    assert ProductMarketPrice.objects.get(product=products[0], market__code="eu").price_min == D("11.99")


@pytest.mark.django_db
def test_refresh_after_base_price_change_and_inactive_variant(catalog):
    _, products = catalog
    product = products[3]
    cheap, dear = list(product.variants.order_by("pk"))
    cheap.base_price = f.Money(D("100.00"), "EUR")
    cheap.save()
    refresh_market_prices([product.pk])
    assert _stored_prices([product.pk]) == _expected_prices([product.pk])
    dear.is_active = False
    dear.save()
    refresh_market_prices([product.pk])
    stored = _stored_prices([product.pk])
    assert stored == _expected_prices([product.pk])
    eu = stored[(Market.objects.get(code="eu").pk, product.pk)]
    assert eu[0] == eu[1] == D("118.99")  # 100 * 1.19 = 119.00 -> ending_99 -> 118.99


@pytest.mark.django_db(transaction=True)
def test_saving_many_rates_in_one_transaction_refreshes_listing_prices_once(markets, django_capture_on_commit_callbacks):
    from django.db import transaction
    from djmoney.contrib.exchange.models import Rate

    from shop import receivers as signals

    with transaction.atomic():
        for rate in Rate.objects.all():
            rate.save()
        connection = transaction.get_connection()
        pending = [entry for entry in connection.run_on_commit if entry[1] is signals._refresh_all_prices]
        assert len(pending) == 1


@pytest.mark.django_db(transaction=True)
def test_refresh_that_changes_nothing_keeps_the_listing_caches(catalog):
    """Every order refreshes its products' listing prices (stock decides where goods ship from); when no price
    moved, the catalogue's cache version must stay, or every order would empty the listing caches."""
    from shop.plumbing.storefront_config import catalog_version

    _, products = catalog
    product = products[0]
    refresh_market_prices([product.pk])
    before = catalog_version()
    refresh_market_prices([product.pk])
    assert catalog_version() == before
    variant = product.variants.order_by("pk").first()
    f.VariantPriceFactory(variant=variant, price=f.Money(D("5.00"), "USD"))
    refresh_market_prices([product.pk])
    assert catalog_version() != before
