"""Tax arithmetic: one rounding method for every quote, order, invoice and e-mail.

**Tax is rounded once per rate**, on the summed amounts of that rate (goods after discount plus shipping), from the
side the market shows its prices on:

* net-displayed markets: ``tax = round(net × rate / 100)``, ``gross = net + tax``;
* gross-displayed markets: ``tax = round(gross × rate / (100 + rate))``, ``net = gross − tax``.

Rounding is half up to the currency's exponent (whole yen for JPY). The shown amounts (line totals, shipping) are
never changed, so the price on the product page, in the cart and on the order stay the same; the other side of each
line is then an allocation of the rate's tax over its lines (largest remainders), so lines and shipping add up
exactly to the per-rate totals that are printed.

Why the gross side in gross-displayed markets: a gross amount need not be reachable from any net amount (at 19 %,
a net of 8.39 gives 9.98 and 8.40 gives 10.00 — no net gives 9.99), so "19 % on <net> = <tax>" cannot be true for
every gross total; "19 % included in <gross> = <tax>" always is.

Also here: the tax treatment of a consignment (domestic, IOSS, UK low value, import on delivery, reverse charge),
decided from where it ships from and where it goes.
"""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from shop.fx import convert
from shop.money import minor_unit, quantize

HUNDRED = Decimal(100)

EU_MEMBER_STATES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
EU_IMPORT_LIMIT = (Decimal(150), "EUR")  # IOSS: consignments up to €150 have VAT collected at checkout
UK_IMPORT_LIMIT = (Decimal(135), "GBP")  # UK: consignments up to £135 have VAT collected by the seller


class Treatment:
    """Codes of the tax treatments (the values of models.TaxTreatment)."""

    DOMESTIC = "domestic"
    IOSS = "ioss"
    UK_LOW_VALUE = "uk_low_value"
    IMPORT_ON_DELIVERY = "import_on_delivery"
    REVERSE_CHARGE = "reverse_charge"


ZERO_RATED = frozenset({Treatment.REVERSE_CHARGE, Treatment.IMPORT_ON_DELIVERY})


def consignment_treatment(warehouse_country: str, country: str, net_value: Decimal, currency: str, rates,
                          eu_business: bool) -> str:
    """How a consignment from `warehouse_country` to `country` worth `net_value` (as charged) is taxed."""
    if eu_business and country in EU_MEMBER_STATES:
        if warehouse_country in EU_MEMBER_STATES and warehouse_country != country:
            return Treatment.REVERSE_CHARGE  # intra-Community supply: the goods cross a border inside the EU
        if warehouse_country not in EU_MEMBER_STATES:
            return Treatment.IMPORT_ON_DELIVERY  # a business imports and pays import VAT itself (IOSS is B2C only)
        return Treatment.DOMESTIC  # dispatched and delivered in the same member state
    if country in EU_MEMBER_STATES and warehouse_country not in EU_MEMBER_STATES:
        limit, limit_currency = EU_IMPORT_LIMIT
        within = convert(net_value, currency, limit_currency, rates) <= limit
        return Treatment.IOSS if within else Treatment.IMPORT_ON_DELIVERY
    if country == "GB" and warehouse_country != "GB":
        limit, limit_currency = UK_IMPORT_LIMIT
        within = convert(net_value, currency, limit_currency, rates) <= limit
        return Treatment.UK_LOW_VALUE if within else Treatment.IMPORT_ON_DELIVERY
    return Treatment.DOMESTIC


def import_limit(country: str) -> tuple[Decimal, str] | None:
    """The consignment value up to which import VAT is collected at checkout for `country` (None: no such rule)."""
    if country == "GB":
        return UK_IMPORT_LIMIT
    if country in EU_MEMBER_STATES:
        return EU_IMPORT_LIMIT
    return None


def zero_rated(price):
    """The price without tax (reverse charge, import VAT paid on delivery): the buyer pays the net."""
    from dataclasses import replace

    return replace(price, gross=price.net, tax_rate=Decimal(0))


def origin_note(origin_country: str, treatment: str, language: str | None = None) -> str:
    """Where an item ships from and what that means for VAT and duties, for the product page and the cart."""
    from django.utils.translation import gettext
    from django_countries import countries

    if not origin_country:
        return ""
    place = {"country": countries.name(origin_country) or origin_country}
    if treatment == Treatment.UK_LOW_VALUE:
        return gettext("Ships from %(country)s · UK VAT included, no import charges on delivery (orders up to £135)") % place
    if treatment == Treatment.IOSS:
        return gettext("Ships from %(country)s · EU VAT included (IOSS), no import charges on delivery (orders up to €150)") % place
    if treatment == Treatment.IMPORT_ON_DELIVERY:
        return gettext("Ships from %(country)s · price without VAT: import VAT and duties may be due on delivery") % place
    return gettext("Ships from %(country)s") % place


# --- Rounding per rate --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateTotal:
    rate: Decimal  # percent
    net: Decimal
    tax: Decimal
    gross: Decimal


def tax_of(amount: Decimal, rate: Decimal, includes_tax: bool, currency: str) -> Decimal:
    """The tax of a rate's summed amount, rounded half up to the currency: from the net (`includes_tax` False) or
    the tax contained in a gross amount (`includes_tax` True)."""
    if not rate:
        return quantize(Decimal(0), currency)
    if includes_tax:
        return quantize(amount * rate / (HUNDRED + rate), currency)
    return quantize(amount * rate / HUNDRED, currency)


def rate_total(rate: Decimal, shown: Decimal, includes_tax: bool, currency: str) -> RateTotal:
    """Net, tax and gross of one rate from its summed shown amount (gross or net as the market shows)."""
    tax = tax_of(shown, rate, includes_tax, currency)
    if includes_tax:
        return RateTotal(rate, shown - tax, tax, shown)
    return RateTotal(rate, shown, tax, shown + tax)


def allocate(amounts: list[Decimal], total: Decimal, currency: str) -> list[Decimal]:
    """Spread `total` over items in proportion to `amounts`, in whole minor units, largest remainders first; the
    parts add up to exactly `total` (which must not exceed the sum of `amounts`) and no part exceeds its item."""
    whole = sum(amounts, Decimal(0))
    if not amounts or total <= 0 or whole <= 0:
        return [Decimal(0)] * len(amounts)
    total = min(total, whole)
    unit = minor_unit(currency)
    raw = [total * a / whole for a in amounts]
    parts = [(r / unit).to_integral_value(rounding=ROUND_FLOOR) * unit for r in raw]
    leftover = int(((total - sum(parts, Decimal(0))) / unit).to_integral_value())
    order = sorted(range(len(amounts)), key=lambda i: (raw[i] - parts[i], amounts[i]), reverse=True)
    for i in order:
        if leftover <= 0:
            break
        if parts[i] + unit <= amounts[i]:
            parts[i] += unit
            leftover -= 1
    return parts


def split_by_rate(items: list[tuple[Decimal, Decimal]], includes_tax: bool, currency: str
                  ) -> tuple[list[RateTotal], list[tuple[Decimal, Decimal]]]:
    """Per-rate totals of `items` [(rate, shown amount)], highest rate first, and each item's (net, gross): its
    shown side unchanged, the other side carrying its share of the rate's tax, so items add up to their rate."""
    by_rate: dict[Decimal, list[int]] = {}
    for index, (rate, _shown) in enumerate(items):
        by_rate.setdefault(rate, []).append(index)
    totals, sides = [], [(Decimal(0), Decimal(0))] * len(items)
    for rate, indexes in by_rate.items():
        shown = [items[i][1] for i in indexes]
        total = rate_total(rate, sum(shown, Decimal(0)), includes_tax, currency)
        totals.append(total)
        for i, part in zip(indexes, allocate(shown, total.tax, currency), strict=True):
            amount = items[i][1]
            sides[i] = (amount - part, amount) if includes_tax else (amount, amount + part)
    return sorted(totals, key=lambda t: t.rate, reverse=True), sides


# --- How a rate's tax is printed -----------------------------------------------------------------------------------


def tax_row_label(rate: Decimal, net: Decimal, gross: Decimal, includes_tax: bool, currency: str, language: str) -> str:
    """The text before a rate's tax amount, stating the base it was computed from so that it is arithmetically
    true: "Tax 19 % on 148.72 €" (net-displayed markets) or "Tax 19 % included in 176.97 €" (gross-displayed)."""
    from babel.numbers import format_decimal
    from django.utils.translation import gettext

    from shop.money import babel_locale, format_money

    shown_rate = format_decimal(rate.normalize() if rate else Decimal(0), locale=babel_locale(language), decimal_quantization=False)
    if includes_tax:
        return gettext("Tax %(rate)s %% included in %(gross)s") % {"rate": shown_rate, "gross": format_money(gross, currency, language)}
    return gettext("Tax %(rate)s %% on %(net)s") % {"rate": shown_rate, "net": format_money(net, currency, language)}


def tax_rows(rate_totals, includes_tax: bool, currency: str, language: str) -> list[dict]:
    """Printable rows ({label, tax, net, gross, rate}) of per-rate totals (RateTotal or invoices.TaxRow)."""
    from shop.money import format_money

    return [
        {
            "rate": row.rate,
            "label": tax_row_label(row.rate, row.net, row.gross, includes_tax, currency, language),
            "net": format_money(row.net, currency, language),
            "tax": format_money(row.tax, currency, language),
            "gross": format_money(row.gross, currency, language),
        }
        for row in rate_totals
    ]
