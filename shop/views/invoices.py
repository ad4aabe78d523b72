"""Invoice downloads. Invoices live in the private storage (never served as media); these views are the only way
to them: the signed-in buyer's own order (account), the browser that placed a guest order (confirmation page),
and staff with the "view invoice" permission (admin, see admin_orders.InvoiceAdmin). Anyone else gets a 404."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers

from shop.models import Invoice
from shop.services.invoices import ensure_invoice_pdf
from shop.views.checkout import buyers_order


def invoice_response(invoice: Invoice, *, inline: bool = False) -> HttpResponse:
    """The invoice PDF as a download that no shared cache (proxy, CDN) may keep."""
    response = HttpResponse(ensure_invoice_pdf(invoice), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="invoice-{invoice.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, ("Cookie",))
    return response


@login_required
def account_invoice(request, number):
    """The invoice PDF of the signed-in buyer's own order `number`; anyone else's order (or none) is a 404.
    Staff download invoices in admin, with the permission to view them."""
    invoice = get_object_or_404(Invoice.objects.select_related("order"), order__number=number, order__user=request.user)
    return invoice_response(invoice)


def guest_invoice(request, number):
    """The invoice of an order this browser placed (a guest's order, from its confirmation page): the same check as
    the confirmation page itself; 404 for any other order or one without an invoice yet."""
    order = buyers_order(request, number)
    invoice = Invoice.objects.filter(order=order).first()
    if invoice is None:
        raise Http404
    return invoice_response(invoice)
