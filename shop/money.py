"""Money arithmetic: rounding rules and locale formatting (Babel), on top of the currency exponents, minor units and
rounding to them that payments/money.py holds for every app.

Amounts are always `Decimal` with an explicit ISO 4217 currency code. Rounding rules:

* ``exact``: round half up to the currency's smallest unit (0.01 EUR, 1 JPY, 0.001 KWD).
* ``whole``: round half up to whole units.
* ``ending_99``: round up to the next ``.99`` ending (10.01 → 10.99, 10.00 → 9.99, 9.99 → 9.99); it never lowers a
  price by more than one minor unit. Three-decimal currencies end in ``.999``; currencies without decimals fall
  back to ``whole``.
* ``nearest_0_05``: round half up to a multiple of 0.05 (Swiss cash rounding).
* ``up_to_10``: round up to the next multiple of 10 (yen, yuan shelf prices).

Every rule is idempotent: rounding a rounded price gives the same price.
"""

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.numbers import format_currency

from payments.money import MoneyError, exponent, minor_unit, quantize  # noqa: F401 (shop's money API: shared primitives)

BABEL_LOCALES = {
    "en": "en_US",
    "de": "de_DE",
    "fr": "fr_FR",
    "es": "es_ES",
    "ja": "ja_JP",
    "zh-hans": "zh_Hans_CN",
}

ZERO = Decimal("0")
RULES = frozenset({"exact", "whole", "ending_99", "nearest_0_05", "up_to_10"})


def apply_rounding_rule(amount: Decimal, currency: str, rule: str) -> Decimal:
    """Round a (converted) price by a market's rounding rule. The result is quantized to the currency.

    `whole`, `nearest_0_05` and `up_to_10` work on the unrounded amount (no double rounding); `ending_99` works on
    the price rounded to the currency's minor unit, so it never lowers that price by more than one minor unit.
    """
    if rule not in RULES:
        raise MoneyError(f"unknown rounding rule {rule!r}")
    if not isinstance(amount, Decimal):
        raise MoneyError(f"money amounts must be Decimal, not {type(amount).__name__}")
    if amount <= ZERO:
        return quantize(max(amount, ZERO), currency)
    if rule == "exact":
        return quantize(amount, currency)
    if rule == "whole" or (rule == "ending_99" and exponent(currency) < 2):
        return quantize(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP), currency)
    if rule == "ending_99":
        exact = quantize(amount, currency)
        if exact <= ZERO:
            return exact
        # .99 endings for 2-decimal currencies; 3-decimal currencies (KWD) end in .999.
        return quantize(exact.to_integral_value(rounding=ROUND_CEILING) - minor_unit(currency), currency)
    if rule == "nearest_0_05":
        if exponent(currency) < 2:
            return quantize(amount, currency)
        step = Decimal("0.05")
        return quantize((amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step, currency)
    # up_to_10
    step = Decimal(10)
    return quantize((amount / step).to_integral_value(rounding=ROUND_CEILING) * step, currency)


def parse_amount(raw: str) -> Decimal | None:
    """Parse a user-typed amount ("12.5", "12,50", "1 234") into a Decimal, or None if it is not a number."""
    if raw is None:
        return None
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if "," in text and "." in text:
        # Both separators: the last one is the decimal separator ("1.234,56" or "1,234.56").
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_sep == "," else ",", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    if text.count(".") > 1:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > Decimal("1e12"):
        return None
    # At most three decimals (the finest currency); also keeps absurd exponents (1e-999999) away from SQL.
    return value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP) + ZERO  # + ZERO turns -0 into 0


@lru_cache(maxsize=16)
def babel_locale(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(language, "en_US"))


def format_money(amount: Decimal, currency: str, language: str) -> str:
    """Format for the active locale: `1.234,99 €` (de), `￥1,235` (ja), `$1,234.99` (en)."""
    if not isinstance(amount, Decimal):
        raise MoneyError(f"money amounts must be Decimal, not {type(amount).__name__}")
    return _format_money(amount, currency, language)


@lru_cache(maxsize=65536)
def _format_money(amount: Decimal, currency: str, language: str) -> str:
    return format_currency(quantize(amount, currency), currency, locale=babel_locale(language), currency_digits=True)
