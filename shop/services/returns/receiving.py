"""Receiving a return at the warehouse: per line, how many units arrived and in what condition. Sellable units go back
on the shelf of the return's warehouse (a `return` ledger move: on sale again there); damaged ones arrive and are
written off at once (`return` + `write_off` moves, with the reason). A partial receipt is allowed: more units of the
same return can be received later, never more than the buyer said they would send.

One transaction: the return row locked first, then the stock rows (inside fulfillment's services), so two people
receiving the same parcel at once receive it once — the second is told how many units are still expected. The
return moves to "received" with the first units (the buyer hears of it once, after commit)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from fulfillment.services import return_to_stock, write_off_returned
from shop.models import ReturnLine, ReturnRequest, ReturnStatus
from shop.services.returns.emails import queue_return_email
from shop.services.returns.status import ReturnError, move_return

RECEIVABLE = (ReturnStatus.APPROVED, ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED)
MAX_UNITS = 100_000


@dataclass(frozen=True)
class LineReceipt:
    sellable: int = 0
    damaged: int = 0
    note: str = ""


def _units(value, sku: str) -> int:
    try:
        units = int(str(value if value not in (None, "") else 0).strip())
    except (TypeError, ValueError):
        raise ReturnError(_("%(sku)s: enter a whole number of units.") % {"sku": sku}) from None
    if not 0 <= units <= MAX_UNITS:
        raise ReturnError(_("%(sku)s: enter a whole number of units.") % {"sku": sku})
    return units


def receive_return(return_id: int, received: dict[int, LineReceipt], *, user=None) -> ReturnRequest:
    """Book what arrived ({return line id: LineReceipt}). Lines left out received nothing this time. Raises
    ReturnError (nothing written) for a return not expected at the warehouse, unknown lines, or more units than
    still expected."""
    with transaction.atomic():
        request = ReturnRequest.objects.select_for_update().select_related("order").get(pk=return_id)
        if request.status not in RECEIVABLE:
            raise ReturnError(_("Return %(number)s is %(status)s: nothing is expected for it.")
                              % {"number": request.number, "status": request.get_status_display().lower()})
        lines = {line.pk: line for line in ReturnLine.objects.filter(return_request=request).select_related("order_line")}
        if set(received) - set(lines):
            raise ReturnError(_("That line is not part of return %(number)s.") % {"number": request.number})
        booked = 0
        for line_id, receipt in received.items():
            line = lines[line_id]
            sku = line.order_line.sku
            sellable, damaged = _units(receipt.sellable, sku), _units(receipt.damaged, sku)
            if not sellable and not damaged:
                continue
            expected = line.quantity - line.quantity_received
            if sellable + damaged > expected:
                raise ReturnError(_("%(sku)s: %(count)s more units are expected, not %(received)s.")
                                  % {"sku": sku, "count": expected, "received": sellable + damaged})
            variant_id = line.order_line.variant_id
            if variant_id is None:
                raise ReturnError(_("%(sku)s is no longer in the catalogue: it cannot be put back on the shelf.") % {"sku": sku})
            if sellable:
                return_to_stock(variant_id, request.warehouse_id, sellable, reference=request.number, user=user,
                                note=receipt.note or "returned, sellable")
            if damaged:
                write_off_returned(variant_id, request.warehouse_id, damaged, reference=request.number, user=user,
                                   note=(receipt.note or "returned damaged")[:200])
            line.quantity_received += sellable + damaged
            line.quantity_restocked += sellable
            line.quantity_written_off += damaged
            line.save(update_fields=["quantity_received", "quantity_restocked", "quantity_written_off"])
            booked += sellable + damaged
        if not booked:
            raise ReturnError(_("Enter how many units arrived."))
        first = request.status != ReturnStatus.RECEIVED
        if first:
            request, _moved = move_return(request.pk, ReturnStatus.RECEIVED, user=user,
                                          message=_("%(count)s units received") % {"count": booked})
        if first:
            queue_return_email(request.pk, ReturnStatus.RECEIVED)  # after commit: the buyer hears of it once
    return request


def units_still_expected(request: ReturnRequest) -> int:
    return sum(line.quantity - line.quantity_received for line in request.lines.all())
