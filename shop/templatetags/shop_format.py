"""`{% load shop_format %}`: money and dates for the buyer's language and country, addresses in the country's order.

    {{ order.total_gross|money:order.currency }}  €1,234.99 (en), 1.234,99 € (de), ￥1,235 (ja)

    {{ order.created_at|local_date }}            3 Dec 2026 (en-GB), Dec 3, 2026 (en-US), 2026/12/03 (ja)
    {{ order.delivery_latest|local_date:"long" }}
    {{ event.at|local_datetime:"short" }}
    {{ leg.earliest|date_span:leg.latest }}        3–5 Dec (en-GB), 3.–5. Dez. (de)
    {{ option.co2e_grams|co2 }}                   850 g CO₂e, 1.2 kg CO₂e, 1,2 kg CO₂e (de)
    {% for line in address|address_lines %}…{% endfor %}
"""

from django import template

from shop import formatting
from shop.money import format_money

register = template.Library()


@register.filter
def money(amount, currency):
    """A Decimal amount in `currency` for the active language: the one money format (shop.money.format_money), which
    the selectors and services also use when they hand templates an amount already formatted (product cards, the
    cart, checkout totals, e-mails, invoices)."""
    return format_money(amount, currency, formatting.active_language())


@register.filter
def local_date(value, format="medium"):
    return formatting.local_date(value, format)


@register.filter
def local_datetime(value, format="medium"):
    return formatting.local_datetime(value, format)


@register.filter
def co2(grams):
    """{{ leg.co2e_grams|co2 }}: 850 g CO₂e, 1.2 kg CO₂e (localised)."""
    return formatting.co2(grams)


@register.filter
def date_span(earliest, latest):
    """{{ option.earliest|date_span:option.latest }}: 3–5 Dec (localised)."""
    return formatting.date_span(earliest, latest)


@register.filter
def address_lines(address):
    """An address dict or Address as lines in the country's order (see shop.formatting.address_lines)."""
    if hasattr(address, "as_dict"):
        address = address.as_dict()
    return formatting.address_lines(address)
