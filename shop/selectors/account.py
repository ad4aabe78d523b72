"""Reads for the buyer's account pages: order history, one order in full, the address book.

Every read is scoped to the buyer: another buyer's order or address is simply not found. Amounts are formatted
in the order's own currency (frozen when it was placed) for the active language."""

from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from fulfillment.models import Consignment
from payments.providers import get_provider
from shop import formatting
from shop.formatting import local_date
from shop.models import Address, CreditNote, Order, OrderEvent, OrderStatus
from shop.money import format_money
from shop.selectors.credit_notes import credit_note_rows
from shop.selectors.orders import order_parcels, order_tracking_token, parcel_rows, shipping_parts, tax_breakdown, tax_note_texts
from shop.tax import tax_rows as tax_rows_for

ORDERS_PER_PAGE = 20
# What a buyer may see of an order's log; e-mails, invoice bookkeeping and staff notes stay internal.
PUBLIC_EVENT_KINDS = (OrderEvent.Kind.PLACED, OrderEvent.Kind.STATUS, OrderEvent.Kind.PAYMENT)


def _date(value, language: str) -> str:
    """As the buyer's language and market write dates (3 Dec 2026 in en-GB, Dec 3, 2026 in en-US)."""
    return local_date(value, "medium", language)


def _status_label(value: str) -> str:
    try:
        return OrderStatus(value).label
    except ValueError:
        return value


def order_history(user, language: str, page_number=None):
    """A page of the buyer's orders, newest first, each with its total formatted. Two queries."""
    orders = Order.objects.filter(user=user).only("number", "created_at", "status", "currency", "total_gross").order_by("-created_at", "-pk")
    page = Paginator(orders, ORDERS_PER_PAGE).get_page(page_number)
    page.rows = [
        {
            "number": order.number,
            "date": _date(order.created_at, language),
            "status": order.status,
            "status_label": order.get_status_display(),
            "total": format_money(order.total_gross, order.currency, language),
        }
        for order in page.object_list
    ]
    return page


def address_lines(address: dict | None) -> list[str]:
    """An address snapshot (Address.as_dict()) as display lines in its country's order, the country named in the
    active language."""
    return formatting.address_lines(address)


def order_for_buyer(user, placed_numbers, session_cart_token: str = "", *, number: str = "", cart_token: str = "",
                    with_lines: bool = False) -> Order | None:
    """The order with `number` (or made from the cart `cart_token`) if this buyer may see it: it is the signed-in
    user's, or this browser placed it (its number is among `placed_numbers`, or it was made from the session's cart).
    None otherwise, so order numbers cannot be probed. One query (two with the lines)."""
    orders = Order.objects.select_related("market").prefetch_related("lines") if with_lines else Order.objects
    order = orders.filter(number=number).first() if number else orders.filter(cart_token=cart_token).first()
    if order is None:
        return None
    mine = user.is_authenticated and order.user_id == user.pk
    placed_here = order.number in placed_numbers or (session_cart_token and str(order.cart_token) == session_cart_token)
    return order if mine or placed_here else None


def order_detail(user, number: str, language: str) -> dict | None:
    """One of the buyer's orders with everything its page shows, or None. Seven queries whatever its size: the
    order with its invoice, its lines, its public events, its credit notes, and its parcels with their goods and tracking events."""
    order = (
        Order.objects.filter(user=user, number=number)
        .select_related("invoice")
        .prefetch_related(
            Prefetch("lines"),
            Prefetch("consignments", queryset=Consignment.objects.select_related("warehouse", "carrier").order_by("pk")),
            Prefetch("events", queryset=OrderEvent.objects.filter(kind__in=PUBLIC_EVENT_KINDS).order_by("created_at", "pk"),
                     to_attr="public_events"),
            Prefetch("credit_notes", queryset=CreditNote.objects.order_by("year", "sequence")),
        )
        .first()
    )
    if order is None:
        return None
    currency, gross = order.currency, order.prices_include_tax

    def money(amount: Decimal) -> str:
        return format_money(amount, currency, language)

    lines = list(order.lines.all())
    # Tax per rate: the invoice's breakdown (lines plus shipping, which must add up to the order's totals).
    parts = shipping_parts(order, list(order.consignments.all()))
    tax_rows = tax_rows_for([row for row in tax_breakdown(order, lines, parts) if row.rate or row.tax], gross, currency, language)
    events = []
    for event in order.public_events:
        text = event.get_kind_display()
        kind = event.kind
        if event.kind == OrderEvent.Kind.STATUS and isinstance(event.data, dict) and event.data.get("to"):
            text = f"{text}: {_status_label(str(event.data['to']))}"
        elif event.kind == OrderEvent.Kind.PAYMENT and isinstance(event.data, dict) and "refunded" in event.data:
            kind = "refund"  # a refund is not a second payment: say so, with what it gave back
            amount = event.data.get("refund_amount")
            text = _("Refund %(amount)s") % {"amount": money(Decimal(amount))} if amount else _("Refund")
        elif event.kind == OrderEvent.Kind.PAYMENT:
            data = event.data if isinstance(event.data, dict) else {}
            if data.get("amount"):
                text = _("Payment received: %(amount)s") % {"amount": money(Decimal(data["amount"]))}
            elif data.get("refund"):
                kind, text = "refund", _("Refund")
            else:
                continue  # notes for staff (a short capture, a dispute, money to pay back by hand), not the buyer's history
        events.append({"date": _date(event.created_at, language), "kind": kind, "text": text})
    try:
        invoice = order.invoice
    except Order.invoice.RelatedObjectDoesNotExist:
        invoice = None
    return {
        "order": order,
        "number": order.number,
        "date": _date(order.created_at, language),
        "status": order.status,
        "status_label": order.get_status_display(),
        "payment_method": get_provider(order.payment_method).label,
        "can_pay_online": order.status == OrderStatus.AWAITING_PAYMENT and get_provider(order.payment_method).pays_online,
        "prices_include_tax": gross,
        "lines": [
            {
                "name": line.product_name,
                "variant_name": line.variant_name,
                "sku": line.sku,
                "quantity": line.quantity,
                "unit": money(line.unit_gross if gross else line.unit_net),
                "total": money(line.total_gross if gross else line.total_net),
            }
            for line in lines
        ],
        "subtotal": money(order.subtotal_gross if gross else order.subtotal_net),
        "shipping_name": order.shipping_method_name,
        "carrier": order.carrier,
        "shipping": money(order.shipping_gross if gross else order.shipping_net),
        "shipping_parcels": parcel_rows(parts, order, language),
        "discount": money(order.discount) if order.discount else "",
        "voucher_code": order.voucher_code,
        "total_net": money(order.total_net),
        "tax_rows": tax_rows,
        "tax_notes": tax_note_texts(order),
        "total_tax": money(order.total_tax),
        "total": money(order.total_gross),
        "delivery_earliest": _date(order.delivery_earliest, language),
        "delivery_latest": _date(order.delivery_latest, language),
        "shipping_lines": address_lines(order.shipping_address),
        "billing_lines": address_lines(order.billing_address),
        "vat_number": order.vat_number,
        "events": events,
        "invoice": invoice,
        "parcels": order_parcels(order, language),
        "tracking_token": order_tracking_token(order),
        "credit_notes": credit_note_rows(order, list(order.credit_notes.all()), language),
    }


def addresses(user) -> list[Address]:
    """The buyer's address book, default first. One query."""
    return list(Address.objects.filter(user=user).order_by("-is_default", "-created_at", "-pk"))


def address_book(user, countries) -> list[Address]:
    """The signed-in buyer's saved addresses in these countries (a market's), default first; [] for guests. One query."""
    if not user.is_authenticated:
        return []
    return list(Address.objects.filter(user=user, country__in=list(countries)).order_by("-is_default", "-created_at", "-pk"))


def address(user, address_id) -> Address | None:
    return Address.objects.filter(user=user, pk=address_id).first()
