"""The money primitives every app shares, kept in the lowest app so that all may use them (shop imports them through
shop/money.py): a currency's exponent and smallest unit (ISO 4217, what card networks and Stripe use), rounding to
it, and amounts in minor units. Amounts are always `Decimal` with an explicit currency code."""

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import get_currency_precision

# Where Babel/CLDR and card networks disagree, follow ISO 4217 (what Stripe uses for minor units).
EXPONENT_OVERRIDES = {"JPY": 0, "KRW": 0, "KWD": 3, "BHD": 3, "JOD": 3, "OMR": 3, "TND": 3, "CLP": 0, "VND": 0}


class MoneyError(ValueError):
    pass


@lru_cache(maxsize=256)
def exponent(currency: str) -> int:
    currency = currency.upper()
    if currency in EXPONENT_OVERRIDES:
        return EXPONENT_OVERRIDES[currency]
    return get_currency_precision(currency)


@lru_cache(maxsize=256)
def minor_unit(currency: str) -> Decimal:
    return Decimal(1).scaleb(-exponent(currency))


def quantize(amount: Decimal, currency: str, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Round to the currency's smallest unit (half up unless told otherwise)."""
    if not isinstance(amount, Decimal):
        raise MoneyError(f"money amounts must be Decimal, not {type(amount).__name__}")
    return amount.quantize(minor_unit(currency), rounding=rounding)


def to_minor_units(amount: Decimal, currency: str) -> int:
    """Integer amount in the currency's minor units (what Stripe expects): 12.34 EUR → 1234, 1235 JPY → 1235."""
    exact = quantize(amount, currency)
    if exact != amount.normalize() and exact != amount:
        raise MoneyError(f"{amount} has more precision than {currency} allows")
    return int(exact.scaleb(exponent(currency)))


def from_minor_units(value: int, currency: str) -> Decimal:
    return quantize(Decimal(int(value)).scaleb(-exponent(currency)), currency)


def plain_amount(amount: Decimal, currency: str) -> str:
    """The amount with exactly the currency's decimals (100.00 EUR, 1320 JPY, 1.234 KWD), for admin and logs."""
    return str(amount.quantize(minor_unit(currency))) if currency else str(amount)
