"""How a rate's tax is printed: stating the base it was computed from, so that the line is arithmetically true."""

from decimal import Decimal

from babel.numbers import format_decimal
from django.utils.translation import gettext

from shop.money import babel_locale, format_money


def tax_row_label(rate: Decimal, net: Decimal, gross: Decimal, includes_tax: bool, currency: str, language: str) -> str:
    """The text before a rate's tax amount, stating the base it was computed from so that it is arithmetically
    true: "Tax 19 % on 148.72 €" (net-displayed markets) or "Tax 19 % included in 176.97 €" (gross-displayed)."""
    shown_rate = format_decimal(rate.normalize() if rate else Decimal(0), locale=babel_locale(language), decimal_quantization=False)
    if includes_tax:
        return gettext("Tax %(rate)s %% included in %(gross)s") % {"rate": shown_rate, "gross": format_money(gross, currency, language)}
    return gettext("Tax %(rate)s %% on %(net)s") % {"rate": shown_rate, "net": format_money(net, currency, language)}


def tax_rows(rate_totals, includes_tax: bool, currency: str, language: str) -> list[dict]:
    """Printable rows ({label, tax, net, gross, rate}) of per-rate totals (RateTotal or selectors.orders.TaxRow)."""
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
