"""Every write to stock: reservations while buyers check out, allocations when orders are placed, goods received and
stock adjusted by staff. Every change of on hand or allocated writes a StockMove (the stock ledger) in the same
transaction, so the ledger's sums always equal the stock rows (`manage.py check_stock_ledger`).

Rules (docs/architecture.md §3): available = on hand − allocated − live reservations. Every change locks the stock rows it
touches with SELECT … FOR UPDATE in ascending primary-key order (so two transactions never wait on each other
in opposite orders: no deadlocks), inside one transaction. Shortages are collected for every line and reported
together; nothing is written when any line is short.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.models import BIN_LOCATION, Allocation, Reservation, Stock, StockMove


class StockError(ValueError):
    """A stock change that is refused; the message is for staff."""


@dataclass(frozen=True)
class Shortage:
    variant_id: int
    requested: int
    available: int

    @property
    def missing(self) -> int:
        return self.requested - self.available


class InsufficientStock(Exception):
    def __init__(self, shortages: list[Shortage]):
        self.shortages = shortages
        super().__init__(", ".join(f"variant {s.variant_id}: {s.available} of {s.requested}" for s in shortages))


def _validate(lines: dict[int, int]) -> dict[int, int]:
    cleaned = {}
    for variant_id, quantity in lines.items():
        quantity = int(quantity)
        if quantity <= 0:
            raise ValueError(f"quantity for variant {variant_id} must be positive, not {quantity}")
        cleaned[int(variant_id)] = quantity
    return cleaned


def _locked_stock(variant_ids, warehouse_ids) -> list[Stock]:
    """The stock rows of the variants in the warehouses, locked, in primary-key order."""
    return list(
        Stock.objects.select_for_update()
        .filter(variant_id__in=list(variant_ids), warehouse_id__in=list(warehouse_ids))
        .order_by("pk")
    )


def _reserved_by_others(stock_ids, now, exclude_reference: str | None) -> dict[int, int]:
    qs = Reservation.objects.filter(stock_id__in=list(stock_ids), expires_at__gt=now)
    if exclude_reference:
        qs = qs.exclude(reference=exclude_reference)
    return {row["stock_id"]: row["total"] for row in qs.values("stock_id").annotate(total=Sum("quantity"))}


def _free_by_stock(stocks: list[Stock], now, exclude_reference: str | None) -> dict[int, int]:
    reserved = _reserved_by_others([s.pk for s in stocks], now, exclude_reference)
    return {s.pk: max(0, s.quantity - s.quantity_allocated - reserved.get(s.pk, 0)) for s in stocks}


def _plan(lines: dict[int, int], stocks: list[Stock], free: dict[int, int], warehouse_ids: list[int]):
    """Take each line from the warehouses: one warehouse that can ship everything (by priority) if there is one,
    else each line split across warehouses by priority. Returns [(stock, quantity)] or raises InsufficientStock."""
    rank = {wid: i for i, wid in enumerate(warehouse_ids)}
    by_variant: dict[int, list[Stock]] = defaultdict(list)
    for stock in sorted(stocks, key=lambda s: rank.get(s.warehouse_id, len(rank))):
        by_variant[stock.variant_id].append(stock)
    for warehouse_id in warehouse_ids:
        picks = []
        for variant_id, quantity in lines.items():
            stock = next((s for s in by_variant[variant_id] if s.warehouse_id == warehouse_id), None)
            if stock is None or free[stock.pk] < quantity:
                break
            picks.append((stock, quantity))
        else:
            return picks
    picks, shortages = [], []
    for variant_id, quantity in lines.items():
        available = sum(free[s.pk] for s in by_variant[variant_id])
        if available < quantity:
            shortages.append(Shortage(variant_id, quantity, available))
            continue
        remaining = quantity
        for stock in by_variant[variant_id]:
            take = min(remaining, free[stock.pk])
            if take:
                picks.append((stock, take))
                remaining -= take
            if not remaining:
                break
    if shortages:
        raise InsufficientStock(shortages)
    return picks


@transaction.atomic
def reserve_stock(reference: str, lines: dict[int, int], warehouse_ids: list[int], ttl: timedelta) -> list[Reservation]:
    """Hold the lines' units for `ttl`, replacing what `reference` held before. Raises InsufficientStock."""
    lines = _validate(lines)
    now = timezone.now()
    stocks = _locked_stock(lines, warehouse_ids)
    free = _free_by_stock(stocks, now, exclude_reference=reference)
    picks = _plan(lines, stocks, free, list(warehouse_ids))
    Reservation.objects.filter(reference=reference).delete()
    return Reservation.objects.bulk_create(
        [Reservation(stock=stock, reference=reference, quantity=q, expires_at=now + ttl) for stock, q in picks]
    )


@transaction.atomic
def release_reservations(reference: str) -> int:
    deleted, _ = Reservation.objects.filter(reference=reference).delete()
    return deleted


def delete_expired_reservations(now=None) -> int:
    """Tidy up: expired reservations already count for nothing, this only removes the rows."""
    deleted, _ = Reservation.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted


@transaction.atomic
def allocate_stock(
    reference: str, lines: dict[int, int], warehouse_ids: list[int], reservation_reference: str | None = None
) -> list[Allocation]:
    """Allocate the lines to warehouses for `reference` (e.g. an order line), consuming the buyer's own
    reservations (`reservation_reference`). Raises InsufficientStock, writing nothing, if any line is short."""
    lines = _validate(lines)
    now = timezone.now()
    stocks = _locked_stock(lines, warehouse_ids)
    free = _free_by_stock(stocks, now, exclude_reference=reservation_reference)
    picks = _plan(lines, stocks, free, list(warehouse_ids))
    for stock, quantity in picks:
        Stock.objects.filter(pk=stock.pk).update(quantity_allocated=F("quantity_allocated") + quantity)
    StockMove.objects.bulk_create(
        [StockMove(stock=stock, delta_allocated=q, reason=StockMove.Reason.ALLOCATION, reference=reference, at=now) for stock, q in picks]
    )
    if reservation_reference:
        Reservation.objects.filter(reference=reservation_reference).delete()
    return Allocation.objects.bulk_create([Allocation(stock=stock, reference=reference, quantity=q) for stock, q in picks])


@transaction.atomic
def rename_allocations(reference: str, new_reference: str) -> int:
    """Give the allocations made under `reference` another one (an order allocates under a temporary reference
    before it has its id). Returns how many allocations were renamed."""
    return Allocation.objects.filter(reference=reference).update(reference=new_reference)


def deallocate_stock(reference: str) -> int:
    """Give back what `reference` (e.g. a cancelled order) holds: allocations removed, stock rows unlocked in
    primary-key order. Returns the number of units released."""
    allocations = list(Allocation.objects.filter(reference=reference).order_by("stock_id", "pk"))
    if not allocations:
        return 0
    list(Stock.objects.select_for_update().filter(pk__in={a.stock_id for a in allocations}).order_by("pk"))
    released = 0
    for allocation in allocations:
        Stock.objects.filter(pk=allocation.stock_id).update(quantity_allocated=F("quantity_allocated") - allocation.quantity)
        released += allocation.quantity
    StockMove.objects.bulk_create(
        [StockMove(stock_id=a.stock_id, delta_allocated=-a.quantity, reason=StockMove.Reason.DEALLOCATION, reference=reference)
         for a in allocations]
    )
    Allocation.objects.filter(pk__in=[a.pk for a in allocations]).delete()
    return released


def consume_allocation(reference: str, stock: Stock, quantity: int) -> None:
    """Take `quantity` units off the allocations of `reference` on `stock` (rows emptied are deleted): the units left the
    warehouse (dispatch) or were never there (a short pick). The caller holds the stock row's lock."""
    remaining = quantity
    for allocation in Allocation.objects.select_for_update().filter(reference=reference, stock=stock).order_by("pk"):
        take = min(remaining, allocation.quantity)
        if take == allocation.quantity:
            allocation.delete()
        else:
            Allocation.objects.filter(pk=allocation.pk).update(quantity=F("quantity") - take)
        remaining -= take
        if not remaining:
            return
    raise StockError(_("The order holds fewer units of this item in the warehouse than the consignment lists."))


def _locked_row(variant_id: int, warehouse_id: int) -> Stock:
    """The stock row of the variant in the warehouse, made if missing, locked."""
    Stock.objects.get_or_create(variant_id=variant_id, warehouse_id=warehouse_id)
    return Stock.objects.select_for_update().get(variant_id=variant_id, warehouse_id=warehouse_id)


@transaction.atomic
def receive_stock(variant_id: int, warehouse_id: int, quantity: int, *, reference: str = "", note: str = "", user=None) -> Stock:
    """Goods received into a warehouse (a supplier's delivery): on hand grows by `quantity`; the stock row is made if
    the warehouse had none of the variant."""
    quantity = _positive_units(quantity)
    stock = _locked_row(variant_id, warehouse_id)
    stock.quantity += quantity
    stock.save(update_fields=["quantity", "updated_at"])  # a model save: listeners (listing prices) hear of it
    StockMove.objects.create(stock=stock, delta_on_hand=quantity, reason=StockMove.Reason.RECEIPT, reference=reference[:64],
                             note=note[:200], user=_staff(user))
    return stock


@transaction.atomic
def return_to_stock(variant_id: int, warehouse_id: int, quantity: int, *, reference: str = "", note: str = "", user=None) -> Stock:
    """Goods a buyer sent back, checked and fit to sell again, go back on the shelf: on hand grows by `quantity` (a
    `return` move naming the order or consignment in `reference`). Returns that cannot be sold are not put back."""
    quantity = _positive_units(quantity)
    stock = _locked_row(variant_id, warehouse_id)
    stock.quantity += quantity
    stock.save(update_fields=["quantity", "updated_at"])  # a model save: listeners (listing prices) hear of it
    StockMove.objects.create(stock=stock, delta_on_hand=quantity, reason=StockMove.Reason.RETURN, reference=reference[:64],
                             note=note[:200], user=_staff(user))
    return stock


@transaction.atomic
def write_off_returned(variant_id: int, warehouse_id: int, quantity: int, *, reference: str = "", note: str = "", user=None) -> Stock:
    """Goods a buyer sent back that cannot be sold again: they arrive (a `return` move) and are written off at once (a
    `write_off` move with `note` as the reason), so the ledger shows both and on hand does not change."""
    quantity = _positive_units(quantity)
    stock = _locked_row(variant_id, warehouse_id)
    staff = _staff(user)
    StockMove.objects.bulk_create([
        StockMove(stock=stock, delta_on_hand=quantity, reason=StockMove.Reason.RETURN, reference=reference[:64], note=note[:200], user=staff),
        StockMove(stock=stock, delta_on_hand=-quantity, reason=StockMove.Reason.WRITE_OFF, reference=reference[:64], note=note[:200],
                  user=staff),
    ])
    return stock


@transaction.atomic
def set_stock_level(stock_id: int, quantity: int, *, reason: str = StockMove.Reason.ADJUSTMENT, note: str = "", user=None) -> StockMove | None:
    """Staff counted `quantity` units on hand (a stock take, damage, a correction): on hand becomes `quantity`, the
    difference is a ledger move with `reason` (adjustment or write-off) and `note`. Never below what is allocated to
    orders (StockError, nothing changes). Returns the move, or None when the count matches."""
    if reason not in (StockMove.Reason.ADJUSTMENT, StockMove.Reason.WRITE_OFF):
        raise StockError(_("Choose adjustment or write-off as the reason."))
    quantity = _units(quantity)
    stock = Stock.objects.select_for_update().get(pk=stock_id)
    if quantity < stock.quantity_allocated:
        raise StockError(_("%(count)s units are allocated to orders: on hand cannot go below that.") % {"count": stock.quantity_allocated})
    delta = quantity - stock.quantity
    if delta == 0:
        return None
    stock.quantity = quantity
    stock.save(update_fields=["quantity", "updated_at"])  # a model save: listeners (listing prices) hear of it
    return StockMove.objects.create(stock=stock, delta_on_hand=delta, reason=reason, note=note[:200], user=_staff(user))


@transaction.atomic
def set_bin_location(stock_id: int, bin_location: str) -> Stock:
    """Where the stock lies in its warehouse (aisle-shelf-bin, e.g. A-03-12; empty: not shelved yet). Not a stock
    change, so no ledger move. A badly formed bin raises StockError."""
    bin_location = (bin_location or "").strip().upper()
    if bin_location:
        try:
            BIN_LOCATION(bin_location)
        except ValidationError as exc:
            raise StockError(exc.messages[0]) from None
    stock = Stock.objects.select_for_update().get(pk=stock_id)
    stock.bin_location = bin_location
    stock.save(update_fields=["bin_location", "updated_at"])
    return stock


def _units(value) -> int:
    try:
        units = int(value)
    except (TypeError, ValueError):
        raise StockError(_("Enter a whole number of units.")) from None
    if not 0 <= units <= 2_000_000_000:
        raise StockError(_("Enter a whole number of units between 0 and 2,000,000,000."))
    return units


def _positive_units(value) -> int:
    units = _units(value)
    if units == 0:
        raise StockError(_("Enter a whole number of units between 1 and 2,000,000,000."))
    return units


def _staff(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def plan_fulfilment(lines: dict[int, int], warehouse_ids: list[int], exclude_reference: str | None = None):
    """Where the lines would ship from right now, without locking or writing (for shipping options and tax at
    checkout; placing the order decides for real under locks). Returns ({warehouse_id: {variant_id: qty}},
    [Shortage])."""
    lines = _validate(lines)
    stocks = list(Stock.objects.filter(variant_id__in=list(lines), warehouse_id__in=list(warehouse_ids)).order_by("pk"))
    free = _free_by_stock(stocks, timezone.now(), exclude_reference)
    try:
        picks = _plan(lines, stocks, free, list(warehouse_ids))
    except InsufficientStock as short:
        return {}, short.shortages
    plan: dict[int, dict[int, int]] = defaultdict(dict)
    for stock, quantity in picks:
        plan[stock.warehouse_id][stock.variant_id] = plan[stock.warehouse_id].get(stock.variant_id, 0) + quantity
    return dict(plan), []
