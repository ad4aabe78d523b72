"""Dispatch: a packed consignment leaves with a carrier and a tracking number. In one transaction, with the
consignment row locked and then its stock rows in primary-key order, the order's allocations in this warehouse are
consumed (`dispatch` ledger moves: on hand and allocated both drop), the carrier and tracking number are recorded and
the estimated delivery is set from the lane's transit time. Dispatching twice ships once (the second call returns
"nothing changed"). Database constraints keep on hand and allocated from going negative whatever happens.

After commit, `consignment_dispatched` tells shop, which moves the order to partially shipped / shipped and
e-mails the buyer."""

import re

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.calendar import working_days_after
from fulfillment.models import Carrier, Consignment, ConsignmentStatus, Stock, StockMove
from fulfillment.services.customs import customs_problems, freeze_customs_data
from fulfillment.services.stock import StockError, _staff, consume_allocation
from fulfillment.signals import consignment_dispatched

TRACKING_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{3,39}$")


class DispatchError(StockError):
    """A dispatch that is refused; the message is for staff."""


def clean_tracking_number(value) -> str:
    number = re.sub(r"\s+", "", str(value or "")).upper()
    if not TRACKING_NUMBER.match(number):
        raise DispatchError(_("Enter the carrier's tracking number: 4 to 40 letters, digits or dashes."))
    return number


def dispatch_consignment(consignment_id: int, *, tracking_number: str, carrier_id: int | None = None, user=None,
                         check_customs=None) -> tuple[Consignment, bool]:
    """Ship the packed consignment. `check_customs(consignment) -> [problems]` (fulfillment.services.customs by
    default) must find nothing when the consignment crosses a customs border. Returns (consignment, changed)."""
    number = clean_tracking_number(tracking_number)
    with transaction.atomic():
        consignment = Consignment.objects.select_for_update(of=("self",)).select_related("warehouse").get(pk=consignment_id)
        if consignment.status in (ConsignmentStatus.DISPATCHED, ConsignmentStatus.DELIVERED, ConsignmentStatus.RETURNED):
            return consignment, False
        if consignment.status != ConsignmentStatus.PACKED:
            raise DispatchError(_("%(number)s is %(status)s: pack it before dispatching.")
                                % {"number": consignment.number, "status": consignment.get_status_display()})
        carrier_id = carrier_id or consignment.carrier_id
        if carrier_id is None or not Carrier.objects.filter(pk=carrier_id, is_active=True).exists():
            raise DispatchError(_("Choose the carrier taking it."))
        if consignment.needs_customs:
            problems = (check_customs or customs_problems)(consignment)
            if problems:
                raise DispatchError(_("Customs data is missing: %(problems)s") % {"problems": "; ".join(problems)})
        lines = list(consignment.lines.exclude(variant_id=None).order_by("pk"))
        stocks = {s.variant_id: s for s in Stock.objects.select_for_update()
                  .filter(warehouse_id=consignment.warehouse_id, variant_id__in=[line.variant_id for line in lines]).order_by("pk")}
        now = timezone.now()
        moves = []
        for line in lines:
            stock = stocks.get(line.variant_id)
            if stock is None:
                raise DispatchError(_("%(sku)s has no stock row in this warehouse.") % {"sku": line.sku})
            consume_allocation(consignment.allocation_reference, stock, line.quantity)
            Stock.objects.filter(pk=stock.pk).update(quantity=F("quantity") - line.quantity,
                                                     quantity_allocated=F("quantity_allocated") - line.quantity)
            moves.append(StockMove(stock=stock, delta_on_hand=-line.quantity, delta_allocated=-line.quantity,
                                   reason=StockMove.Reason.DISPATCH, reference=consignment.number, user=_staff(user), at=now))
        StockMove.objects.bulk_create(moves)
        if consignment.needs_customs:
            freeze_customs_data(consignment)
        consignment.status = ConsignmentStatus.DISPATCHED
        consignment.dispatched_at = now
        consignment.tracking_number = number
        consignment.carrier_id = carrier_id
        consignment.estimated_delivery = (working_days_after(timezone.localdate(), consignment.transit_max_days, consignment.warehouse.country.code)
                                          if consignment.transit_max_days else consignment.promised_latest)
        consignment.save(update_fields=["status", "dispatched_at", "tracking_number", "carrier", "estimated_delivery"])
    transaction.on_commit(lambda: consignment_dispatched.send_robust(sender=Consignment, consignment=consignment), robust=True)
    return consignment, True

