"""Stock moved between warehouses, and suppliers' deliveries posted into one.

A transfer is dispatched once (its units leave the source warehouse: `transfer_out` ledger moves) and received once
(they arrive at the destination: `transfer_in`); a goods receipt is posted once (a `receipt` move per line). Each
step is one transaction that locks the document row first, then the stock rows in primary-key order, so two staff
pressing the same button at once do it once, and a second press changes nothing (it returns False)."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.models import GoodsReceipt, Stock, StockMove, StockTransfer
from fulfillment.services.picking import release_backorders
from fulfillment.services.stock import StockError, _free_by_stock, _staff, receive_stock


@transaction.atomic
def dispatch_transfer(transfer_id: int, *, user=None) -> tuple[StockTransfer, bool]:
    """Send a drafted transfer: its units leave the source's stock. Never takes units that orders or buyers' live
    checkout holds need: every short line is reported at once (StockError) and nothing changes. (transfer, False)
    when it was dispatched already."""
    transfer = StockTransfer.objects.select_for_update().get(pk=transfer_id)
    if transfer.status != StockTransfer.Status.DRAFT:
        return transfer, False
    lines = list(transfer.lines.select_related("variant").order_by("variant_id"))
    if not lines:
        raise StockError(_("Add the goods to send first."))
    stocks = {
        s.variant_id: s
        for s in Stock.objects.select_for_update().filter(warehouse_id=transfer.source_id, variant_id__in=[line.variant_id for line in lines]).order_by("pk")
    }
    now = timezone.now()
    free_by_stock = _free_by_stock(list(stocks.values()), now, exclude_reference=None)  # the rule allocations use
    short = []
    for line in lines:
        stock = stocks.get(line.variant_id)
        free = 0 if stock is None else free_by_stock[stock.pk]
        if free < line.quantity:
            short.append(_("%(sku)s: %(free)s free to send, %(quantity)s on the transfer.")
                         % {"sku": line.variant.sku, "free": free, "quantity": line.quantity})
    if short:
        raise StockError(" ".join(short))
    for line in lines:
        stock = stocks[line.variant_id]
        Stock.objects.filter(pk=stock.pk).update(quantity=F("quantity") - line.quantity, updated_at=now)
    StockMove.objects.bulk_create([
        StockMove(stock=stocks[line.variant_id], delta_on_hand=-line.quantity, reason=StockMove.Reason.TRANSFER_OUT,
                  reference=transfer.reference, user=_staff(user), at=now)
        for line in lines
    ])
    transfer.status, transfer.dispatched_at = StockTransfer.Status.IN_TRANSIT, now
    transfer.save(update_fields=["status", "dispatched_at"])
    return transfer, True


@transaction.atomic
def receive_transfer(transfer_id: int, *, user=None) -> tuple[StockTransfer, bool]:
    """The transfer arrived: its units join the destination's stock (rows made where the warehouse had none).
    (transfer, False) when it is not in transit (not sent yet, or received already)."""
    transfer = StockTransfer.objects.select_for_update().get(pk=transfer_id)
    if transfer.status != StockTransfer.Status.IN_TRANSIT:
        return transfer, False
    lines = list(transfer.lines.order_by("variant_id"))
    for line in lines:
        Stock.objects.get_or_create(variant_id=line.variant_id, warehouse_id=transfer.destination_id)
    stocks = {
        s.variant_id: s
        for s in Stock.objects.select_for_update().filter(warehouse_id=transfer.destination_id, variant_id__in=[line.variant_id for line in lines]).order_by("pk")
    }
    now = timezone.now()
    for line in lines:
        stock = stocks[line.variant_id]
        stock.quantity += line.quantity
        stock.save(update_fields=["quantity", "updated_at"])  # a model save: listing prices follow where goods are
    StockMove.objects.bulk_create([
        StockMove(stock=stocks[line.variant_id], delta_on_hand=line.quantity, reason=StockMove.Reason.TRANSFER_IN,
                  reference=transfer.reference, user=_staff(user), at=now)
        for line in lines
    ])
    transfer.status, transfer.received_at = StockTransfer.Status.RECEIVED, now
    transfer.save(update_fields=["status", "received_at"])
    release_backorders(transfer.destination_id)  # back-ordered consignments there may ship now
    return transfer, True


@transaction.atomic
def post_goods_receipt(receipt_id: int, *, user=None) -> tuple[GoodsReceipt, bool]:
    """Book a supplier's delivery into the warehouse's stock (a receipt move per line). (receipt, False) when it was
    posted already."""
    receipt = GoodsReceipt.objects.select_for_update().get(pk=receipt_id)
    if receipt.posted_at is not None:
        return receipt, False
    lines = list(receipt.lines.order_by("variant_id"))
    if not lines:
        raise StockError(_("Add the goods received first."))
    for line in lines:
        receive_stock(line.variant_id, receipt.warehouse_id, line.quantity, reference=receipt.reference,
                      note=receipt.supplier_reference, user=user)
    receipt.posted_at = timezone.now()
    receipt.save(update_fields=["posted_at"])
    release_backorders(receipt.warehouse_id)  # back-ordered consignments there may ship now
    return receipt, True
