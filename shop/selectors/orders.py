"""Reads of a placed order: its tax per rate, as invoices, e-mails, the account page and admin print it."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from shop.models import Order
from shop.tax import legal_notes


class InvoiceTotalsMismatch(ValueError):
    """The order's stored lines and shipping do not add up to its stored totals: no invoice may show that."""


@dataclass(frozen=True)
class TaxRow:
    rate: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal


def tax_breakdown(order: Order, lines=None) -> list[TaxRow]:
    """Net, tax and gross per tax rate, from the stored lines plus shipping (their totals already include the
    discount). The rows add up exactly to the order's total_net / total_tax / total_gross, or this raises."""
    lines = list(order.lines.all()) if lines is None else lines
    sums: dict[Decimal, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for line in lines:
        sums[line.tax_rate][0] += line.total_net
        sums[line.tax_rate][1] += line.total_gross
    if order.shipping_net or order.shipping_gross:
        sums[order.shipping_tax_rate][0] += order.shipping_net
        sums[order.shipping_tax_rate][1] += order.shipping_gross
    rows = [TaxRow(rate=rate, net=net, tax=gross - net, gross=gross) for rate, (net, gross) in sorted(sums.items())]
    net, tax, gross = (sum((getattr(r, f) for r in rows), Decimal(0)) for f in ("net", "tax", "gross"))
    if (net, tax, gross) != (order.total_net, order.total_tax, order.total_gross):
        raise InvoiceTotalsMismatch(
            f"order {order.number}: lines + shipping give net {net}, tax {tax}, gross {gross}; "
            f"the order says {order.total_net}, {order.total_tax}, {order.total_gross}"
        )
    return rows


def tax_note_texts(order: Order) -> list[str]:
    """The legal notes for the order's tax treatments, in the active language (shop/tax/notes.py)."""
    return legal_notes(order.tax_notes, order.ioss_number or settings.CARAVAN_SELLER.get("ioss_number", ""))
