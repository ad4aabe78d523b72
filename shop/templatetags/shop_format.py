"""`{% load shop_format %}`: dates for the buyer's language and country, addresses in the country's order.

    {{ order.created_at|local_date }}            3 Dec 2026 (en-GB), Dec 3, 2026 (en-US), 2026/12/03 (ja)
    {{ order.delivery_latest|local_date:"long" }}
    {{ event.at|local_datetime:"short" }}
    {% for line in address|address_lines %}…{% endfor %}
"""

from django import template

from shop import formatting

register = template.Library()


@register.filter
def local_date(value, format="medium"):
    return formatting.local_date(value, format)


@register.filter
def local_datetime(value, format="medium"):
    return formatting.local_datetime(value, format)


@register.filter
def address_lines(address):
    """An address dict or Address as lines in the country's order (see shop.formatting.address_lines)."""
    if hasattr(address, "as_dict"):
        address = address.as_dict()
    return formatting.address_lines(address)
