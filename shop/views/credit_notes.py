"""Credit note downloads. Like invoices, credit notes live in the private storage; these views are the only way to
them: the signed-in buyer's own order (account), the holder of the order's signed tracking link (a guest), and staff
with the "view credit note" permission (admin, see admin/credit_notes.py). Anyone else gets a 404."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from shop.models import CreditNote
from shop.selectors.orders import order_for_tracking_token
from shop.services.returns.credit_notes import ensure_credit_note_pdf


def credit_note_response(note: CreditNote, *, inline: bool = False) -> HttpResponse:
    """The credit note PDF as a download that no shared cache may keep."""
    response = HttpResponse(ensure_credit_note_pdf(note), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="credit-note-{note.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, ("Cookie",))
    return response


@login_required
@require_GET
def account_credit_note(request, number, credit_note):
    """A credit note of the signed-in buyer's own order; anyone else's (or none) is a 404."""
    note = get_object_or_404(CreditNote, number=credit_note, order__number=number, order__user=request.user)
    return credit_note_response(note)


@never_cache
@require_GET
def tracking_credit_note(request, token, credit_note):
    """A credit note of the order the (signed) tracking link names; a forged token or another order's note is a 404."""
    order = order_for_tracking_token(token)
    if order is None:
        raise Http404("No such order")
    return credit_note_response(get_object_or_404(CreditNote, number=credit_note, order=order))
