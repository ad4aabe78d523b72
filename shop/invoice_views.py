"""Invoice downloads from the buyer's account (staff may download any invoice)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Invoice
from .services.invoices import ensure_invoice_pdf


@login_required
def account_invoice(request, number):
    """The invoice PDF of the signed-in buyer's order `number`; another buyer's order is a 404."""
    invoices = Invoice.objects.select_related("order")
    if not request.user.is_staff:
        invoices = invoices.filter(order__user=request.user)
    invoice = get_object_or_404(invoices, order__number=number)
    response = HttpResponse(ensure_invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename=invoice-{invoice.number}.pdf"
    response["Cache-Control"] = "private, no-store"
    return response
