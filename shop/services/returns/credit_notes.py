"""Credit notes: the document of money given back on an order (a return's refund, a shipped line cancelled, a parcel
lost), referencing the order's invoice. Numbered gaplessly per year like invoices (`CN-2026-000001`: the
CARAVAN_CREDIT_NOTE_PREFIX, the year, the counter "credit_note"), with a PDF in the buyer's language rendered once and
stored privately, and e-mailed to the buyer once."""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.models import CreditNote, CreditNoteLine, Invoice, Order, OrderEvent
from shop.money import format_money
from shop.services.invoices import (
    address_lines,
    format_long_date,
    format_rate,
    issue_invoice,
    seller_registrations,
)
from shop.services.numbers import next_number
from shop.services.returns.refunds import RefundCalculation, RefundError, compute_refund
from shop.tax import tax_row_label

logger = logging.getLogger(__name__)

CREDIT_NOTE_COUNTER = "credit_note"


def format_credit_note_number(year: int, sequence: int) -> str:
    return f"{settings.CARAVAN_CREDIT_NOTE_PREFIX}-{year}-{sequence:06d}"


def issue_credit_note(order: Order, refund_calc: RefundCalculation, *, cause: str, return_request=None,
                      now: datetime.datetime | None = None) -> CreditNote:
    """The credit note of `refund_calc`, with the next gapless number of the year. Runs in one transaction (its own,
    or the caller's) that locks the order row first: two refunds of one order queue there, and the refund is worked
    out again under the lock (what the caller computed may be stale: another refund of the same units just committed
    → RefundError). An order without an invoice yet (cash on delivery lost before it was billed) is invoiced first:
    a credit note corrects an invoice and must name one."""
    with transaction.atomic():
        order = Order.objects.select_for_update(of=("self",)).select_related("market").get(pk=order.pk)
        fresh = compute_refund(order, refund_calc.quantities, include_shipping=refund_calc.include_shipping, fees=refund_calc.fees)
        if (fresh.total_gross, fresh.amount, len(fresh.rows)) != (refund_calc.total_gross, refund_calc.amount, len(refund_calc.rows)):
            raise RefundError(_("This order's refunds changed meanwhile; reload it."))
        invoice = Invoice.objects.filter(order_id=order.pk).first() or issue_invoice(order)
        issued_at = now or timezone.now()
        year = timezone.localtime(issued_at).year
        sequence = next_number(CREDIT_NOTE_COUNTER, year)
        note = CreditNote.objects.create(
            order=order, invoice=invoice, return_request=return_request, cause=cause,
            number=format_credit_note_number(year, sequence), year=year, sequence=sequence, currency=order.currency,
            total_net=fresh.total_net, total_tax=fresh.total_tax, total_gross=fresh.total_gross, fees=fresh.fees,
        )
        CreditNoteLine.objects.bulk_create([
            CreditNoteLine(credit_note=note, order_line_id=row.order_line_id, description=row.description[:300], quantity=row.units,
                           tax_rate=row.tax_rate, net=row.net, tax=row.tax, gross=row.gross)
            for row in fresh.rows
        ])
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.INVOICE,
                                  message=f"Credit note {note.number} issued ({cause}): {note.total_gross} {note.currency}"
                                          + (f", fees {note.fees}" if note.fees else ""),
                                  data={"credit_note": note.number, "cause": cause})
    return note


# --- The document ------------------------------------------------------------------------------------------------

def credit_note_context(note: CreditNote) -> dict:
    """What the credit note (PDF and e-mail) shows, formatted for the order's language. Call inside translation.override."""
    order = note.order
    language, currency = order.language, note.currency
    country = order.market.default_country.code if order.market_id else ""

    def money(amount):
        return format_money(amount, currency, language)

    lines = list(note.lines.all())
    by_rate: dict = {}
    for line in lines:
        row = by_rate.setdefault(line.tax_rate, [0, 0, 0])
        row[0] += line.net
        row[1] += line.tax
        row[2] += line.gross
    include_tax = order.prices_include_tax
    seller = settings.CARAVAN_SELLER
    ships_to_gb = (order.shipping_address or {}).get("country") == "GB"
    return {
        "note": note,
        "order": order,
        "invoice": note.invoice,
        "language": language,
        "seller": seller,
        "seller_address_lines": [s for s in seller.get("address", "").splitlines() if s.strip()],
        "seller_registrations": seller_registrations(order, ships_to_gb),
        "billing_lines": address_lines(order.billing_address, language),
        "cause": note.get_cause_display(),
        "return_number": note.return_request.number if note.return_request_id else "",
        "note_date": format_long_date(timezone.localdate(note.issued_at), language, country),
        "invoice_date": format_long_date(timezone.localdate(note.invoice.issued_at), language, country),
        "prices_include_tax": include_tax,
        "lines": [
            {"description": line.description, "sku": line.order_line.sku if line.order_line_id else "", "quantity": line.quantity,
             "tax_rate": format_rate(line.tax_rate, language), "amount": money(line.gross if include_tax else line.net)}
            for line in lines
        ],
        "tax_rows": [
            {"label": tax_row_label(rate, net, gross, include_tax, currency, language), "net": money(net), "tax": money(tax),
             "gross": money(gross)}
            for rate, (net, tax, gross) in sorted(by_rate.items())
        ],
        "total_net": money(note.total_net),
        "total_tax": money(note.total_tax),
        "total_gross": money(note.total_gross),
        "fees": money(note.fees) if note.fees else "",
        "payback": money(note.total_gross - note.fees),
    }


def render_credit_note_html(note: CreditNote) -> str:
    note = CreditNote.objects.select_related("order__market", "invoice", "return_request").get(pk=note.pk)
    with translation.override(note.order.language):
        return render_to_string("shop/credit_note.html", credit_note_context(note))


def render_credit_note_pdf(note: CreditNote) -> bytes:
    from weasyprint import HTML  # heavy import: only where PDFs are made

    return HTML(string=render_credit_note_html(note), base_url=str(settings.BASE_DIR)).write_pdf()


def ensure_credit_note_pdf(note: CreditNote) -> bytes:
    """The stored PDF of the credit note, rendered and stored on the first call; never replaced afterwards."""
    if note.pdf:
        try:
            with note.pdf.open("rb") as fh:
                return fh.read()
        except FileNotFoundError:
            logger.error("credit note %s: stored PDF %s is missing; rendering it again", note.number, note.pdf.name)
            CreditNote.objects.filter(pk=note.pk).update(pdf="")
            note.pdf = ""
    data = render_credit_note_pdf(note)
    storage = note.pdf.storage
    name = storage.save(note.pdf.field.generate_filename(note, f"credit-note-{note.number}.pdf"), ContentFile(data))
    if CreditNote.objects.filter(pk=note.pk, pdf="").update(pdf=name):  # only the first renderer stores its file
        note.pdf = name
        return data
    storage.delete(name)
    note.refresh_from_db(fields=["pdf"])
    with note.pdf.open("rb") as fh:
        return fh.read()


# --- The e-mail --------------------------------------------------------------------------------------------------

def send_credit_note_email(credit_note_id: int) -> bool:
    """Send the buyer their credit note (PDF attached) in their language, once per credit note."""
    from shop.services.emails import _account_order_url, _send_once, _was_sent  # the order e-mails' once-only machinery

    note = CreditNote.objects.select_related("order__market", "invoice", "return_request").get(pk=credit_note_id)
    order = note.order
    template = f"credit_note:{note.number}"
    if _was_sent(order.pk, template):
        return False
    pdf = ensure_credit_note_pdf(note)  # rendered outside the order lock _send_once takes
    with translation.override(order.language):
        context = credit_note_context(note)
        context.update(
            shop_name=settings.CARAVAN_SHOP_NAME,
            greeting_name=(order.billing_address or {}).get("full_name") or (order.shipping_address or {}).get("full_name", ""),
            order_url=_account_order_url(order) if order.user_id else "",
            tracking_url=_tracking_url(order),
        )
        subject = " ".join(render_to_string("shop/email/credit_note.subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string("shop/email/credit_note.txt", context)
        html = render_to_string("shop/email/credit_note.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[order.email])
    message.attach_alternative(html, "text/html")
    message.attach(f"credit-note-{note.number}.pdf", pdf, "application/pdf")
    return _send_once(order, template, message)


def _tracking_url(order: Order) -> str:
    from django.urls import reverse

    from shop.selectors.orders import order_tracking_token
    from shop.services.emails import absolute_url

    return absolute_url(reverse("shop:order-tracking", kwargs={"token": order_tracking_token(order)}))
