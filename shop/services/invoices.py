"""Invoices: gapless numbers per year, the PDF (WeasyPrint) in the buyer's language and the order currency.

`issue_invoice` runs inside the transaction that places the order (the number comes from a counter row locked
in that transaction, docs/architecture.md §3); the PDF is rendered later (`ensure_invoice_pdf`, from the e-mail task or the
download view) and stored once, so the document a buyer received never changes afterwards."""

import datetime
import logging
from decimal import Decimal

from babel.numbers import format_percent
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from payments.providers import get_provider
from shop import formatting
from shop.formatting import local_date
from shop.models import Invoice, Order, OrderEvent
from shop.money import format_money
from shop.selectors.orders import parcel_rows, shipping_parts, tax_breakdown, tax_note_texts
from shop.services.numbers import next_number
from shop.tax import tax_row_label

logger = logging.getLogger(__name__)

INVOICE_COUNTER = "invoice"


# --- Numbers -----------------------------------------------------------------------------------------------------

def format_invoice_number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:06d}"


def issue_invoice(order: Order, *, now: datetime.datetime | None = None, new_order: bool = False) -> Invoice:
    """The order's invoice, issued now with the next gapless number of the year (`2026-000001`) if it has none.

    Must run inside the transaction that places (or bills) the order: the counter row and the order row stay
    locked until it commits, so numbers never repeat or skip and an order never gets two invoices. `now` is the
    issue time (default: the current time); its year picks the sequence."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("issue_invoice() must run inside the transaction that places the order")
    if not new_order:  # an order inserted in this very transaction cannot have an invoice yet, nor another biller
        # Lock the order first: two callers billing the same order queue here, and the second finds the invoice.
        Order.objects.select_for_update().filter(pk=order.pk).values_list("pk", flat=True).first()
        existing = Invoice.objects.filter(order_id=order.pk).first()
        if existing is not None:
            return existing
    issued_at = now or timezone.now()
    year = timezone.localtime(issued_at).year
    sequence = next_number(INVOICE_COUNTER, year)
    invoice = Invoice.objects.create(order=order, number=format_invoice_number(year, sequence), year=year, sequence=sequence)
    if now is not None:  # issued_at is auto_now_add: set an explicit time on the stored row afterwards
        invoice.issued_at = now
        invoice.save(update_fields=["issued_at"])
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.INVOICE, message=f"Invoice {invoice.number} issued",
                              data={"invoice": invoice.number})
    return invoice


# --- What the documents say ----------------------------------------------------------------------------------------

def babel_locale_name(language: str) -> str:
    """Django language code → Babel locale name (`zh-hans` → `zh_Hans`, `de` → `de`)."""
    return translation.to_locale(language or settings.LANGUAGE_CODE)


def format_long_date(value: datetime.date, language: str, country: str = "") -> str:
    """A date as the order's language and market write it ("3 December 2026" in en-GB, "December 3, 2026" in en-US)."""
    return local_date(value, "long", language, country)


def format_rate(rate: Decimal, language: str) -> str:
    return format_percent(rate / 100, locale=babel_locale_name(language), decimal_quantization=False)


def address_lines(address: dict | None, language: str) -> list[str]:
    """An address snapshot as printable lines in its country's order, the country named in the active language."""
    return formatting.address_lines(address, phone=False)


def seller_registrations(order: Order, ships_to_gb: bool) -> list[tuple[str, str]]:
    """(label, number) of the seller's tax registrations printed on the order's invoice: the one the merchant set
    on the order's market (Japan's T-number, the UK or Swiss VAT number), else the VAT numbers from the settings
    (CARAVAN_SELLER_VAT_NUMBER, and CARAVAN_SELLER_UK_VAT_NUMBER for goods sent to the UK)."""
    market = order.market
    if market.invoice_registration_number:
        return [(market.invoice_registration_label or gettext("Registration number"), market.invoice_registration_number)]
    seller = settings.CARAVAN_SELLER
    rows = [(gettext("VAT number"), seller.get("vat_number", ""))]
    if ships_to_gb and seller.get("uk_vat_number"):
        rows.append((gettext("UK VAT number"), seller["uk_vat_number"]))
    return [(label, number) for label, number in rows if number]


def document_context(order: Order) -> dict:
    """What the invoice and the confirmation e-mail show about an order, formatted for its language and currency.
    Call inside `translation.override(order.language)`."""
    language, currency = order.language, order.currency
    country = order.market.default_country.code if order.market_id else ""

    def money(amount):
        return format_money(amount, currency, language)

    lines = list(order.lines.all())
    parts = shipping_parts(order)
    rows = tax_breakdown(order, lines, parts)
    goods_net = sum((line.total_net for line in lines), Decimal(0))
    goods_gross = sum((line.total_gross for line in lines), Decimal(0))
    seller = settings.CARAVAN_SELLER
    ships_to_gb = (order.shipping_address or {}).get("country") == "GB"
    return {
        "order": order,
        "language": language,
        "shop_name": settings.CARAVAN_SHOP_NAME,
        "seller": seller,
        "seller_address_lines": [s for s in seller.get("address", "").splitlines() if s.strip()],
        "seller_registrations": seller_registrations(order, ships_to_gb),
        "billing_lines": address_lines(order.billing_address, language),
        "shipping_lines": address_lines(order.shipping_address, language),
        "lines": [
            {
                "product_name": line.product_name,
                "variant_name": line.variant_name,
                "sku": line.sku,
                "quantity": line.quantity,
                "unit_net": money(line.unit_net),
                "unit_gross": money(line.unit_gross),
                "tax_rate": format_rate(line.tax_rate, language),
                "discount": money(line.discount) if line.discount else "",
                "total_net": money(line.total_net),
                "total_gross": money(line.total_gross),
                # the side the market shows: unit × quantity − discount = total, exactly
                "unit": money(line.unit_gross if order.prices_include_tax else line.unit_net),
                "total": money(line.total_gross if order.prices_include_tax else line.total_net),
            }
            for line in lines
        ],
        "prices_include_tax": order.prices_include_tax,
        "goods": money(goods_gross if order.prices_include_tax else goods_net),
        "shipping": money(order.shipping_gross if order.prices_include_tax else order.shipping_net),
        "goods_net": money(goods_net),
        "goods_gross": money(goods_gross),
        "shipping_net": money(order.shipping_net),
        "shipping_gross": money(order.shipping_gross),
        "shipping_tax_rate": format_rate(order.shipping_tax_rate, language),
        "parcels": parcel_rows(parts, order, language, country),  # one shipping row each on the invoice
        "discount": money(order.discount) if order.discount else "",
        "total_net": money(order.total_net),
        "total_tax": money(order.total_tax),
        "total_gross": money(order.total_gross),
        "tax_rows": [
            {"rate": format_rate(r.rate, language), "net": money(r.net), "tax": money(r.tax), "gross": money(r.gross),
             "label": tax_row_label(r.rate, r.net, r.gross, order.prices_include_tax, currency, language)}
            for r in rows
        ],
        "tax_notes": tax_note_texts(order),
        "order_date": format_long_date(timezone.localdate(order.created_at), language, country) if order.created_at else "",
        "delivery_earliest": format_long_date(order.delivery_earliest, language, country),
        "delivery_latest": format_long_date(order.delivery_latest, language, country),
        "payment_method": get_provider(order.payment_method).label,
        "payment_provider": get_provider(order.payment_method),  # its flags say what to print (bank details, …)
    }


# --- The PDF -------------------------------------------------------------------------------------------------------

def render_invoice_pdf(invoice: Invoice) -> bytes:
    """The invoice as a PDF (A4), in the order's language with amounts in the order's currency."""
    from weasyprint import HTML  # heavy import: only where PDFs are made

    return HTML(string=render_invoice_html(invoice), base_url=str(settings.BASE_DIR)).write_pdf()


def render_invoice_html(invoice: Invoice) -> str:
    """The invoice's HTML (what the PDF is made from), in the order's language."""
    order = Order.objects.select_related("market").get(pk=invoice.order_id)
    with translation.override(order.language):
        context = document_context(order)
        context.update(invoice=invoice, invoice_date=format_long_date(timezone.localdate(invoice.issued_at), order.language,
                                                                     order.market.default_country.code))
        return render_to_string("shop/invoice.html", context)


def ensure_invoice_pdf(invoice: Invoice) -> bytes:
    """The stored PDF of the invoice, rendered and stored on the first call. A stored PDF is never replaced."""
    if invoice.pdf:
        try:
            with invoice.pdf.open("rb") as fh:
                return fh.read()
        except FileNotFoundError:
            logger.error("invoice %s: stored PDF %s is missing; rendering it again", invoice.number, invoice.pdf.name)
            Invoice.objects.filter(pk=invoice.pk).update(pdf="")
            invoice.pdf = ""
    data = render_invoice_pdf(invoice)
    storage = invoice.pdf.storage
    name = storage.save(invoice.pdf.field.generate_filename(invoice, f"invoice-{invoice.number}.pdf"), ContentFile(data))
    # Only the first renderer stores its file; a concurrent one drops its copy and serves the stored PDF.
    if Invoice.objects.filter(pk=invoice.pk, pdf="").update(pdf=name):
        invoice.pdf = name
        return data
    storage.delete(name)
    invoice.refresh_from_db(fields=["pdf"])
    with invoice.pdf.open("rb") as fh:
        return fh.read()
