"""Picking: a warehouse's ready consignments batched onto a pick list (one walk through the bins), then each
consignment's picked quantities confirmed. A short pick (fewer units on the shelf than the stock row said) writes
the missing units off (`short_pick` ledger moves, releasing their allocation) and re-plans them: from another
warehouse serving the buyer's country if one has them free (added to that warehouse's open consignment of the
order, or a new one), else a back-ordered consignment. The buyer is told (`consignment_short_picked`).

Every step is one transaction that locks the consignment rows (then stock rows in primary-key order, inside the
stock services), so two people confirming the same consignment change it once."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.models import (
    Consignment,
    ConsignmentLine,
    ConsignmentStatus,
    PickList,
    Stock,
    StockMove,
    Warehouse,
)
from fulfillment.services.stock import InsufficientStock, StockError, _staff, allocate_stock, consume_allocation
from fulfillment.signals import consignment_short_picked
from fulfillment.territories import crosses_customs_border


class PickingError(StockError):
    """A pick that is refused; the message is for staff."""


@dataclass(frozen=True)
class ShortPickResult:
    consignment: Consignment
    moved: list  # (sku, quantity, warehouse name)
    backordered: list  # (sku, quantity)


def _default_batch() -> int:
    return int(getattr(settings, "CARAVAN_PICK_LIST_SIZE", 40))


@transaction.atomic
def create_pick_list(warehouse_id: int, *, user=None, limit: int | None = None) -> PickList | None:
    """Batch the warehouse's ready consignments (oldest first, at most `limit`) onto a new pick list. Consignments
    another person is batching at this moment are skipped (SKIP LOCKED), so two lists never share one. Returns None
    when nothing is ready."""
    limit = limit or _default_batch()
    ready = (Consignment.objects.select_for_update(skip_locked=True)
             .filter(warehouse_id=warehouse_id, status=ConsignmentStatus.READY, pick_list__isnull=True)
             .order_by("ready_at", "pk").values_list("pk", flat=True)[:limit])
    ids = list(ready)
    if not ids:
        return None
    pick_list = PickList.objects.create(warehouse_id=warehouse_id, created_by=_staff(user))
    Consignment.objects.filter(pk__in=ids).update(pick_list=pick_list, status=ConsignmentStatus.PICKING)
    return pick_list


def _parse_quantity(value, line: ConsignmentLine) -> int:
    try:
        quantity = int(str(value).strip())
    except (TypeError, ValueError):
        raise PickingError(_("%(sku)s: enter the number of units picked.") % {"sku": line.sku}) from None
    if not 0 <= quantity <= line.quantity:
        raise PickingError(_("%(sku)s: picked must be between 0 and %(quantity)s.") % {"sku": line.sku, "quantity": line.quantity})
    return quantity


def confirm_pick(consignment_id: int, picked: dict[int, int] | None = None, *, user=None) -> ShortPickResult:
    """Record what was picked for each line ({line id: units}; lines left out were picked in full). Idempotent: a
    consignment already picked (or further along) is returned unchanged. Short lines are written off and
    re-planned (see the module's docstring)."""
    with transaction.atomic():
        consignment = Consignment.objects.select_for_update().select_related("warehouse").get(pk=consignment_id)
        if consignment.status not in (ConsignmentStatus.READY, ConsignmentStatus.PICKING):
            if consignment.status == ConsignmentStatus.PENDING:
                raise PickingError(_("%(number)s is not paid yet: it cannot be picked.") % {"number": consignment.number})
            return ShortPickResult(consignment, [], [])
        lines = list(consignment.lines.order_by("pk"))
        picked = {int(k): v for k, v in (picked or {}).items()}
        unknown = set(picked) - {line.pk for line in lines}
        if unknown:
            raise PickingError(_("That line is not part of %(number)s.") % {"number": consignment.number})
        quantities = {line.pk: _parse_quantity(picked.get(line.pk, line.quantity), line) for line in lines}
        shortfalls = {}
        for line in lines:
            line.quantity_picked = quantities[line.pk]
            if line.quantity_picked < line.quantity and line.variant_id is not None:
                shortfalls[line] = line.quantity - line.quantity_picked
        moved, backordered = [], []
        if shortfalls:
            _write_off_short(consignment, shortfalls, user)
            moved, backordered = _replan(consignment, shortfalls)
        kept = []
        for line in lines:
            if line.quantity_picked == 0:
                line.delete()
                continue
            line.quantity = line.quantity_picked
            line.save(update_fields=["quantity", "quantity_picked"])
            kept.append(line)
        now = timezone.now()
        consignment.status = ConsignmentStatus.PICKED if kept else ConsignmentStatus.CANCELLED
        consignment.picked_at = now
        consignment.weight_grams = sum(line.unit_weight_grams * line.quantity for line in kept)
        consignment.goods_value = sum((line.unit_value * line.quantity for line in kept), Decimal(0))
        consignment.save(update_fields=["status", "picked_at", "weight_grams", "goods_value"])
        _complete_pick_list(consignment.pick_list_id)
        result = ShortPickResult(consignment, moved, backordered)
    if moved or backordered:
        transaction.on_commit(lambda: consignment_short_picked.send_robust(
            sender=Consignment, consignment=consignment, moved=moved, backordered=backordered))
    return result


def _write_off_short(consignment: Consignment, shortfalls: dict, user) -> None:
    """The missing units were not there: on hand and allocated both drop by them (a `short_pick` move each), and the
    order's allocation in this warehouse shrinks."""
    variant_ids = [line.variant_id for line in shortfalls]
    stocks = {s.variant_id: s for s in Stock.objects.select_for_update()
              .filter(warehouse_id=consignment.warehouse_id, variant_id__in=variant_ids).order_by("pk")}
    for line, missing in shortfalls.items():
        stock = stocks[line.variant_id]
        consume_allocation(consignment.allocation_reference, stock, missing)
        Stock.objects.filter(pk=stock.pk).update(quantity=F("quantity") - missing, quantity_allocated=F("quantity_allocated") - missing)
        StockMove.objects.create(stock=stock, delta_on_hand=-missing, delta_allocated=-missing, reason=StockMove.Reason.SHORT_PICK,
                                 reference=consignment.number, note=_("Not found when picking"), user=_staff(user))


def _replan(consignment: Consignment, shortfalls: dict) -> tuple[list, list]:
    """Find the missing units elsewhere (other active warehouses serving the destination, by priority), else back-order."""
    candidates = [w for w in Warehouse.objects.filter(is_active=True).exclude(pk=consignment.warehouse_id).order_by("priority", "code")
                  if w.serves(consignment.destination.code)]
    moved, backordered = [], []
    for line, missing in shortfalls.items():
        placed = False
        for warehouse in candidates:
            try:
                allocate_stock(consignment.allocation_reference, {line.variant_id: missing}, [warehouse.pk])
            except InsufficientStock:
                continue
            target = _open_consignment(consignment, warehouse, ConsignmentStatus.READY)
            _add_line(target, line, missing)
            moved.append((line.sku, missing, warehouse.name))
            placed = True
            break
        if not placed:
            target = _open_consignment(consignment, consignment.warehouse, ConsignmentStatus.BACKORDERED)
            _add_line(target, line, missing)
            backordered.append((line.sku, missing))
    return moved, backordered


def _open_consignment(original: Consignment, warehouse: Warehouse, status: str) -> Consignment:
    """The order's consignment from `warehouse` in `status` not yet on a pick list, or a new one: same promise and
    destination as the original, no extra shipping charge (the merchant pays for the split)."""
    existing = (Consignment.objects.select_for_update()
                .filter(order_id=original.order_id, warehouse=warehouse, status=status, pick_list__isnull=True).first())
    if existing is not None:
        return existing
    prefix = original.number.rsplit("-", 1)[0]
    taken = set(Consignment.objects.filter(order_id=original.order_id).values_list("number", flat=True))
    index = len(taken) + 1
    while f"{prefix}-{index}" in taken:
        index += 1
    fresh = Consignment.objects.get(pk=original.pk)
    fresh.pk = None
    fresh.number = f"{prefix}-{index}"
    fresh.warehouse = warehouse
    fresh.status = status
    fresh.pick_list = None
    fresh.shipping_net = fresh.shipping_gross = 0
    fresh.cod_amount = 0
    fresh.weight_grams = 0
    fresh.goods_value = 0
    fresh.created_at = fresh.ready_at = timezone.now()
    fresh.picked_at = fresh.packed_at = fresh.dispatched_at = fresh.delivered_at = None
    fresh.needs_customs = crosses_customs_border(warehouse.country.code, original.destination.code)
    fresh.save(force_insert=True)
    return fresh


def _add_line(target: Consignment, line: ConsignmentLine, quantity: int) -> None:
    existing = target.lines.filter(variant_id=line.variant_id).first()
    if existing is not None:
        ConsignmentLine.objects.filter(pk=existing.pk).update(quantity=F("quantity") + quantity)
    else:
        ConsignmentLine.objects.create(consignment=target, order_line_id=line.order_line_id, variant_id=line.variant_id, sku=line.sku,
                                       ean=line.ean, name=line.name, quantity=quantity, unit_value=line.unit_value,
                                       unit_weight_grams=line.unit_weight_grams)
    Consignment.objects.filter(pk=target.pk).update(weight_grams=F("weight_grams") + line.unit_weight_grams * quantity,
                                                    goods_value=F("goods_value") + line.unit_value * quantity)


def _complete_pick_list(pick_list_id: int | None) -> None:
    if pick_list_id is None:
        return
    still_picking = Consignment.objects.filter(pick_list_id=pick_list_id, status=ConsignmentStatus.PICKING).exists()
    if not still_picking:
        PickList.objects.filter(pk=pick_list_id, completed_at__isnull=True).update(completed_at=timezone.now())


@transaction.atomic
def release_backorders(warehouse_id: int | None = None) -> int:
    """Try again to allocate back-ordered consignments (after a goods receipt): each one whose units are all free now
    becomes ready to pick. Returns how many did."""
    qs = Consignment.objects.select_for_update(skip_locked=True).filter(status=ConsignmentStatus.BACKORDERED)
    if warehouse_id is not None:
        qs = qs.filter(warehouse_id=warehouse_id)
    released = 0
    for consignment in qs.order_by("created_at", "pk"):
        lines = {line.variant_id: line.quantity for line in consignment.lines.all() if line.variant_id}
        try:
            allocate_stock(consignment.allocation_reference, lines, [consignment.warehouse_id])
        except InsufficientStock:
            continue
        Consignment.objects.filter(pk=consignment.pk).update(status=ConsignmentStatus.READY, ready_at=timezone.now())
        released += 1
    return released
