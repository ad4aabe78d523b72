"""Reads of a placed order: its tax per rate, as invoices, e-mails, the account page and admin print it; its
parcels with their tracking timelines, for the account page and the guest's tracking link (a signed token)."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_percent
from django.conf import settings
from django.core import signing
from django.db.models import Prefetch
from django.utils.translation import gettext

from fulfillment.models import Consignment, ConsignmentStatus, TrackingEvent
from shop.formatting import co2, country_name, date_span, local_date, local_moment
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


# --- Parcels and tracking -----------------------------------------------------------------------------------------

TRACKING_SALT = "caravan.shop.order-tracking"
# What the buyer sees of a consignment's status (the warehouse's steps before dispatch are one: being prepared).
ON_THE_WAY = (ConsignmentStatus.DISPATCHED, ConsignmentStatus.DELIVERED, ConsignmentStatus.RETURNED)


def order_tracking_token(order: Order) -> str:
    """The signed token of the order's tracking link (e-mailed to the buyer; works without an account, no expiry:
    it shows the parcels, never payment details or the full address)."""
    return signing.dumps(order.number, salt=TRACKING_SALT)


def order_for_tracking_token(token: str) -> Order | None:
    """The order a tracking link names, or None for a forged or altered token. One query."""
    try:
        number = signing.loads(token, salt=TRACKING_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(number, str):
        return None
    return Order.objects.filter(number=number).first()


def order_parcels(order: Order, language: str) -> list[dict]:
    """The order's consignments (cancelled ones left out) as the buyer follows them: "parcel k of n from <city>",
    carrier and tracking link, the promised window and the current estimate, the tracking events newest first and
    the goods in it. Three queries whatever the number of parcels and events."""
    consignments = list(
        Consignment.objects.filter(order_id=order.pk).exclude(status=ConsignmentStatus.CANCELLED)
        .select_related("warehouse", "carrier")
        .prefetch_related("lines", Prefetch("tracking_events", queryset=TrackingEvent.objects.order_by("-at", "-pk"), to_attr="timeline"))
        .order_by("pk")
    )
    count = len(consignments)
    parcels = []
    for index, consignment in enumerate(consignments, start=1):
        warehouse = consignment.warehouse
        on_the_way = consignment.status in ON_THE_WAY
        delivered = consignment.status == ConsignmentStatus.DELIVERED
        parcels.append({
            "number": consignment.number,
            "index": index,
            "count": count,
            "city": warehouse.city or country_name(warehouse.country.code),
            "status": consignment.status if on_the_way else "preparing",
            "status_label": _parcel_status_label(consignment.status),
            "carrier": consignment.carrier.name if consignment.carrier_id else order.carrier,
            "tracking_number": consignment.tracking_number if on_the_way else "",
            "tracking_url": consignment.tracking_url if on_the_way else "",
            "promised_earliest": local_date(consignment.promised_earliest, "medium", language),
            "promised_latest": local_date(consignment.promised_latest, "medium", language),
            "estimated": local_date(consignment.estimated_delivery, "medium", language)
            if consignment.estimated_delivery and not delivered and consignment.status != ConsignmentStatus.RETURNED else "",
            "estimate_moved": bool(consignment.estimated_delivery and consignment.estimated_delivery > consignment.promised_latest),
            "dispatched": local_date(consignment.dispatched_at, "medium", language) if on_the_way else "",
            "delivered": local_date(consignment.delivered_at, "medium", language) if delivered else "",
            "delayed": consignment.status == ConsignmentStatus.DISPATCHED
            and (consignment.late_since is not None or consignment.customs_stuck_since is not None),
            "events": [
                {
                    "at": local_moment(event.at, language),
                    "iso": event.at.isoformat(),
                    "kind": event.kind,
                    "label": event.get_kind_display(),
                    "location": event.location,
                    "message": event.message,
                }
                for event in consignment.timeline
            ],
            "lines": [{"name": line.name, "sku": line.sku, "quantity": line.quantity} for line in consignment.lines.all()],
        })
    return parcels


def _parcel_status_label(status: str) -> str:
    """A parcel's state in the buyer's words: the warehouse's steps before dispatch are one."""
    if status == ConsignmentStatus.DISPATCHED:
        return gettext("on its way")
    if status in ON_THE_WAY:
        return ConsignmentStatus(status).label
    return gettext("being prepared")


def order_tracking(token: str, language: str) -> dict | None:
    """What the guest's tracking link shows: the order's number, date and status, and its parcels; the destination
    only as city and country (no street, no name, no payment), and its credit notes to download. None for a bad
    token. Five queries."""
    from shop.selectors.credit_notes import credit_note_rows

    order = order_for_tracking_token(token)
    if order is None:
        return None
    address = order.shipping_address or {}
    return {
        "order": order,
        "number": order.number,
        "date": local_date(order.created_at, "medium", language),
        "status": order.status,
        "status_label": order.get_status_display(),
        "destination": ", ".join(part for part in (address.get("city", ""), country_name(address.get("country", ""))) if part),
        "parcels": order_parcels(order, language),
        "credit_notes": credit_note_rows(order, list(order.credit_notes.order_by("year", "sequence")), language, token=token),
    }
