"""Reads of a placed order: its tax per rate, as invoices, e-mails, the account page and admin print it."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_percent
from django.conf import settings

from shop.formatting import co2, date_span
from shop.models import Order
from shop.money import babel_locale, format_money
from shop.tax import legal_notes


class InvoiceTotalsMismatch(ValueError):
    """The order's stored lines and shipping do not add up to its stored totals: no invoice may show that."""


@dataclass(frozen=True)
class TaxRow:
    rate: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal


@dataclass(frozen=True)
class ShippingPart:
    """One parcel's shipping as the order charged it: a consignment's, or the order's own when it has none."""

    number: str  # the consignment's number ("" for the order's own shipping)
    origin: str  # where it ships from (the warehouse's city or name)
    method_name: str
    net: Decimal
    gross: Decimal
    tax_rate: Decimal
    earliest: object  # date
    latest: object  # date
    co2e_grams: int = 0
    tracking_url: str = ""
    tracking_number: str = ""
    status: str = ""


def shipping_parts(order: Order, consignments=None) -> list[ShippingPart]:
    """The order's shipping per consignment (each at its own tax rate), main one first; one part from the order's own
    fields when it has no consignments (or they do not add up to what the order charged, say a hand-made one)."""
    if consignments is None:
        consignments = list(order.consignments.select_related("warehouse", "carrier").order_by("pk")) if order.pk else []
    parts = [
        ShippingPart(c.number, c.warehouse.city or c.warehouse.name, c.method_name, c.shipping_net, c.shipping_gross,
                     c.shipping_tax_rate, c.promised_earliest, c.promised_latest, c.co2e_grams, c.tracking_url, c.tracking_number,
                     c.get_status_display())
        for c in consignments
    ]
    if parts and (sum(p.net for p in parts), sum(p.gross for p in parts)) == (order.shipping_net, order.shipping_gross):
        return parts
    name = f"{order.shipping_method_name} ({order.carrier})" if order.carrier else order.shipping_method_name
    return [ShippingPart("", "", name, order.shipping_net, order.shipping_gross, order.shipping_tax_rate, order.delivery_earliest,
                         order.delivery_latest, sum(c.co2e_grams for c in consignments))]


def parcel_rows(parts: list[ShippingPart], order: Order, language: str, country: str | None = None) -> list[dict]:
    """The parcels as pages, e-mails and the invoice print them: where from, how, shipping on the side the market
    shows, net/gross/rate, the delivery window and the CO2 estimate, formatted for `language` (and `country`)."""
    gross = order.prices_include_tax
    rows = []
    for part in parts:
        rows.append({
            "number": part.number, "origin": part.origin, "method_name": part.method_name,
            "price": format_money(part.gross if gross else part.net, order.currency, language),
            "net": format_money(part.net, order.currency, language), "gross": format_money(part.gross, order.currency, language),
            "tax_rate": format_percent(part.tax_rate / 100, locale=babel_locale(language), decimal_quantization=False),
             "dates": date_span(part.earliest, part.latest, language, country),
            "co2": co2(part.co2e_grams, language, country) if part.co2e_grams else "", "tracking_url": part.tracking_url,
            "tracking_number": part.tracking_number, "status": part.status,
        })
    return rows


def tax_breakdown(order: Order, lines=None, parts: list[ShippingPart] | None = None) -> list[TaxRow]:
    """Net, tax and gross per tax rate, from the stored lines plus shipping per consignment (their totals already
    include the discount). The rows add up exactly to the order's total_net / total_tax / total_gross, or this raises."""
    lines = list(order.lines.all()) if lines is None else lines
    parts = shipping_parts(order) if parts is None else parts
    sums: dict[Decimal, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for line in lines:
        sums[line.tax_rate][0] += line.total_net
        sums[line.tax_rate][1] += line.total_gross
    for part in parts:
        if part.net or part.gross:
            sums[part.tax_rate][0] += part.net
            sums[part.tax_rate][1] += part.gross
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
