"""Money arithmetic (shop/money.py, on payments/money.py): rounding rules, minor units, formatting and parsing.

Pure functions: no database. Property tests use hypothesis over every rounding rule and a spread of currencies
with 0, 2 and 3 decimal places.
"""

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from payments.money import from_minor_units, to_minor_units
from shop.money import (
    MoneyError,
    apply_rounding_rule,
    exponent,
    format_money,
    minor_unit,
    parse_amount,
    quantize,
)

D = Decimal
RULES = ["exact", "whole", "ending_99", "nearest_0_05", "up_to_10"]
CURRENCIES = ["EUR", "USD", "GBP", "JPY", "KRW", "KWD", "CHF", "CNY"]
EXPECTED_EXPONENTS = {"EUR": 2, "USD": 2, "GBP": 2, "JPY": 0, "KRW": 0, "KWD": 3, "CHF": 2, "CNY": 2}
TWO_DECIMALS = [c for c in CURRENCIES if EXPECTED_EXPONENTS[c] == 2]

FAST = settings(max_examples=200, deadline=None)

# Unrounded amounts, e.g. a converted price with tax: up to 6 decimals.
raw_amounts = st.decimals(min_value=0, max_value=10_000_000, places=6, allow_nan=False, allow_infinity=False)


@st.composite
def priced(draw, currencies=CURRENCIES):
    """(currency, price) where the price is already a valid amount in that currency."""
    currency = draw(st.sampled_from(currencies))
    places = EXPECTED_EXPONENTS[currency]
    amount = draw(st.decimals(min_value=0, max_value=10_000_000, places=places, allow_nan=False, allow_infinity=False))
    return currency, amount


def places_of(value: Decimal) -> int:
    return -value.as_tuple().exponent


# --- exponents ------------------------------------------------------------------------------------


@pytest.mark.parametrize("currency,places", sorted(EXPECTED_EXPONENTS.items()))
def test_exponent_and_minor_unit(currency, places):
    assert exponent(currency) == places
    assert exponent(currency.lower()) == places
    assert minor_unit(currency) == D(1).scaleb(-places)


# --- properties shared by every rounding rule -----------------------------------------------------


@pytest.mark.parametrize("rule", RULES)
@FAST
@given(currency=st.sampled_from(CURRENCIES), amount=raw_amounts)
def test_rounded_result_is_quantized_to_the_currency_exponent(rule, currency, amount):
    result = apply_rounding_rule(amount, currency, rule)
    assert isinstance(result, Decimal)
    assert places_of(result) == EXPECTED_EXPONENTS[currency]
    assert result == quantize(result, currency)


@pytest.mark.parametrize("rule", RULES)
@FAST
@given(currency=st.sampled_from(CURRENCIES), amount=raw_amounts)
def test_rounding_is_idempotent(rule, currency, amount):
    once = apply_rounding_rule(amount, currency, rule)
    twice = apply_rounding_rule(once, currency, rule)
    assert twice == once
    assert places_of(twice) == places_of(once)


@pytest.mark.parametrize("rule", RULES)
@FAST
@given(currency=st.sampled_from(CURRENCIES), amount=raw_amounts)
@example(currency="EUR", amount=D("0.004"))
@example(currency="EUR", amount=D("0"))
@example(currency="JPY", amount=D("0.4"))
def test_never_negative_for_non_negative_input(rule, currency, amount):
    assert apply_rounding_rule(amount, currency, rule) >= 0


@pytest.mark.parametrize("rule", RULES)
def test_zero_stays_zero(rule):
    for currency in CURRENCIES:
        assert apply_rounding_rule(D("0"), currency, rule) == 0


# --- exact -----------------------------------------------------------------------------------------


@FAST
@given(currency=st.sampled_from(CURRENCIES), amount=raw_amounts)
def test_exact_is_half_up_to_the_minor_unit(currency, amount):
    result = apply_rounding_rule(amount, currency, "exact")
    assert abs(result - amount) <= minor_unit(currency) / 2


@pytest.mark.parametrize(
    "amount,currency,expected",
    [("10.005", "EUR", "10.01"), ("10.004", "EUR", "10.00"), ("1234.5", "JPY", "1235"), ("1.2345", "KWD", "1.235")],
)
def test_exact_examples(amount, currency, expected):
    assert apply_rounding_rule(D(amount), currency, "exact") == D(expected)


# --- ending_99 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount,expected",
    [("10.01", "10.99"), ("10.00", "9.99"), ("9.99", "9.99"), ("10.50", "10.99"), ("0.01", "0.99"), ("1", "0.99")],
)
def test_ending_99_documented_examples(amount, expected):
    assert apply_rounding_rule(D(amount), "EUR", "ending_99") == D(expected)


def _assert_ending_99_bounds(price, currency):
    result = apply_rounding_rule(price, currency, "ending_99")
    assert result >= price - minor_unit(currency)
    assert result - price < 1


@FAST
@given(priced([c for c in CURRENCIES if c != "KWD"]))
@example(("EUR", D("10.00")))
@example(("EUR", D("10.01")))
@example(("JPY", D("1000")))
def test_ending_99_never_lowers_more_than_one_minor_unit_nor_raises_a_whole_unit(currency_price):
    currency, price = currency_price
    _assert_ending_99_bounds(price, currency)


@FAST
@given(priced(["KWD"]))
@example(("KWD", D("10.000")))
def test_ending_99_never_lowers_more_than_one_minor_unit_for_kwd(currency_price):
    currency, price = currency_price
    _assert_ending_99_bounds(price, currency)


@FAST
@given(priced(TWO_DECIMALS))
def test_ending_99_always_ends_in_99_for_two_decimal_currencies(currency_price):
    currency, price = currency_price
    result = apply_rounding_rule(price, currency, "ending_99")
    if price > 0:
        assert result % 1 == D("0.99")
        assert str(result).endswith(".99")
    else:
        assert result == 0


@FAST
@given(priced(["JPY", "KRW"]))
def test_ending_99_falls_back_to_whole_for_currencies_without_decimals(currency_price):
    currency, price = currency_price
    assert apply_rounding_rule(price, currency, "ending_99") == apply_rounding_rule(price, currency, "whole") == price


# --- up_to_10 -------------------------------------------------------------------------------------


@FAST
@given(currency=st.sampled_from(CURRENCIES), amount=raw_amounts)
@example(currency="JPY", amount=D("1230"))
@example(currency="JPY", amount=D("1231"))
@example(currency="EUR", amount=D("0.01"))
def test_up_to_10_never_lowers_and_raises_less_than_10(currency, amount):
    result = apply_rounding_rule(amount, currency, "up_to_10")
    assert result >= amount
    assert result - amount < 10
    assert result % 10 == 0


@pytest.mark.parametrize("amount,expected", [("1231", "1240"), ("1230", "1230"), ("1", "10"), ("1239.4", "1240"), ("1230.4", "1240")])
def test_up_to_10_examples_in_yen(amount, expected):
    assert apply_rounding_rule(D(amount), "JPY", "up_to_10") == D(expected)


# --- nearest_0_05 ---------------------------------------------------------------------------------


@FAST
@given(currency=st.sampled_from(TWO_DECIMALS + ["KWD"]), amount=raw_amounts)
@example(currency="CHF", amount=D("1.025"))
@example(currency="CHF", amount=D("1.0249"))
def test_nearest_0_05_is_within_0_025_and_a_multiple_of_0_05(currency, amount):
    price = quantize(amount, currency)
    result = apply_rounding_rule(amount, currency, "nearest_0_05")
    assert abs(result - price) <= D("0.025")
    assert result % D("0.05") == 0


@FAST
@given(currency=st.sampled_from(TWO_DECIMALS), amount=raw_amounts)
def test_nearest_0_05_is_within_0_025_of_the_unrounded_amount_for_two_decimal_currencies(currency, amount):
    assert abs(apply_rounding_rule(amount, currency, "nearest_0_05") - amount) <= D("0.025")


@pytest.mark.parametrize(
    "amount,expected", [("1.02", "1.00"), ("1.03", "1.05"), ("1.025", "1.05"), ("1.0249", "1.00"), ("12.47", "12.45"), ("12.48", "12.50")]
)
def test_nearest_0_05_examples_in_chf(amount, expected):
    assert apply_rounding_rule(D(amount), "CHF", "nearest_0_05") == D(expected)


@FAST
@given(priced(["JPY", "KRW"]))
def test_nearest_0_05_leaves_whole_unit_currencies_alone(currency_price):
    currency, price = currency_price
    assert apply_rounding_rule(price, currency, "nearest_0_05") == price


# --- whole ----------------------------------------------------------------------------------------


@FAST
@given(currency=st.sampled_from(CURRENCIES), amount=raw_amounts)
def test_whole_is_integral_and_within_half_a_unit_of_the_price(currency, amount):
    price = quantize(amount, currency)
    result = apply_rounding_rule(amount, currency, "whole")
    assert result == result.to_integral_value()
    assert abs(result - price) <= D("0.5")


@FAST
@given(currency=st.sampled_from(CURRENCIES), amount=raw_amounts)
@example(currency="EUR", amount=D("10.495"))
def test_whole_is_within_half_a_unit_of_the_unrounded_amount(currency, amount):
    assert abs(apply_rounding_rule(amount, currency, "whole") - amount) <= D("0.5")


def test_unknown_rule_is_rejected():
    with pytest.raises(MoneyError):
        apply_rounding_rule(D("10.00"), "EUR", "ending_95")


# --- quantize rejects floats ----------------------------------------------------------------------


@pytest.mark.parametrize("bad", [1.5, 10.0, 0.1])
def test_quantize_rejects_floats(bad):
    with pytest.raises(MoneyError):
        quantize(bad, "EUR")
    with pytest.raises(MoneyError):
        apply_rounding_rule(bad, "EUR", "exact")
    with pytest.raises(MoneyError):
        to_minor_units(bad, "EUR")


def test_money_error_is_a_value_error():
    assert issubclass(MoneyError, ValueError)


# --- minor units ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount,currency,minor",
    [("12.34", "EUR", 1234), ("1235", "JPY", 1235), ("1.234", "KWD", 1234), ("0", "EUR", 0), ("12.340", "EUR", 1234), ("5000", "KRW", 5000)],
)
def test_to_and_from_minor_units_examples(amount, currency, minor):
    assert to_minor_units(D(amount), currency) == minor
    assert from_minor_units(minor, currency) == D(amount)
    assert places_of(from_minor_units(minor, currency)) == EXPECTED_EXPONENTS[currency]


@FAST
@given(currency=st.sampled_from(CURRENCIES), minor=st.integers(min_value=0, max_value=10**12))
def test_minor_units_round_trip_from_int(currency, minor):
    assert to_minor_units(from_minor_units(minor, currency), currency) == minor


@FAST
@given(priced())
def test_minor_units_round_trip_from_price(currency_price):
    currency, price = currency_price
    minor = to_minor_units(price, currency)
    assert isinstance(minor, int)
    assert from_minor_units(minor, currency) == price


@pytest.mark.parametrize("amount,currency", [("1.005", "EUR"), ("12.341", "USD"), ("1.5", "JPY"), ("0.0001", "KWD"), ("1.2345", "KWD")])
def test_to_minor_units_rejects_over_precise_amounts(amount, currency):
    with pytest.raises(MoneyError):
        to_minor_units(D(amount), currency)


# --- formatting -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount,currency,language,expected",
    [
        ("1234.99", "EUR", "de", "1.234,99\xa0€"),
        ("1235", "JPY", "ja", "￥1,235"),
        ("1234.99", "USD", "en", "$1,234.99"),
        ("1234.5", "GBP", "en", "£1,234.50"),
        ("1234.994", "EUR", "de", "1.234,99\xa0€"),  # quantized before formatting
    ],
)
def test_format_money_examples(amount, currency, language, expected):
    assert format_money(D(amount), currency, language) == expected


def test_format_money_shows_three_decimals_for_kwd():
    text = format_money(D("1.234"), "KWD", "en")
    assert "1.234" in text
    assert text == "KWD1.234"
    assert format_money(D("1.2"), "KWD", "en").endswith("1.200")


def test_format_money_shows_no_decimals_for_yen_and_won():
    assert format_money(D("1235.4"), "JPY", "ja") == "￥1,235"
    assert "," in format_money(D("12345"), "KRW", "en") and "." not in format_money(D("12345"), "KRW", "en")


def test_format_money_rejects_floats():
    with pytest.raises(MoneyError):
        format_money(8765.25, "EUR", "en")


def test_format_money_rejects_floats_even_after_the_equal_decimal_was_cached():
    assert format_money(D("4321.25"), "EUR", "en") == "€4,321.25"
    with pytest.raises(MoneyError):
        format_money(4321.25, "EUR", "en")


def test_format_money_unknown_language_falls_back_to_english():
    assert format_money(D("1234.99"), "USD", "xx") == "$1,234.99"


# --- parse_amount ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("12,50", D("12.50")),
        ("12.5", D("12.5")),
        ("1 234", D("1234")),
        ("1\u00a0234", D("1234")),
        ("  42  ", D("42")),
        ("1,234.56", D("1234.56")),
        ("0", D("0")),
    ],
)
def test_parse_amount_accepts_numbers(raw, expected):
    assert parse_amount(raw) == expected


@pytest.mark.parametrize(
    "raw", ["abc", "-5", "-0.01", "NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", "1e400", "1e13", "", "   ", None, "12€", "1.2.3"]
)
def test_parse_amount_rejects_non_numbers(raw):
    assert parse_amount(raw) is None


def test_parse_amount_german_thousands_separator():
    assert parse_amount("1.234,56") in (D("1234.56"), None)


@FAST
@given(st.text(max_size=40))
def test_parse_amount_never_raises_and_is_non_negative_and_bounded(raw):
    value = parse_amount(raw)
    if value is not None:
        assert value.is_finite()
        assert 0 <= value <= D("1e12")
