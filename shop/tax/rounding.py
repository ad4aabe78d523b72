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
"""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from shop.money import minor_unit, quantize

HUNDRED = Decimal(100)


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
