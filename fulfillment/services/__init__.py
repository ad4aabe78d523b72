"""Every write to stock and shipments, by concern: consignments.py (made from orders, released, cancelled),
stock.py (reservations, allocations, receipts and counts: the stock ledger's
core) and transfers.py (stock moved between warehouses, suppliers' deliveries posted)."""

from fulfillment.services.consignments import (
    ConsignmentLinePlan,
    ConsignmentPlan,
    cancel_consignments,
    create_consignments,
    release_consignments,
)
from fulfillment.services.stock import (
    InsufficientStock,
    Shortage,
    StockError,
    allocate_stock,
    deallocate_stock,
    delete_expired_reservations,
    plan_fulfilment,
    receive_stock,
    release_reservations,
    rename_allocations,
    reserve_stock,
    set_bin_location,
    set_stock_level,
)
from fulfillment.services.transfers import dispatch_transfer, post_goods_receipt, receive_transfer

__all__ = [
    "ConsignmentLinePlan", "ConsignmentPlan", "cancel_consignments", "create_consignments", "release_consignments",
    "InsufficientStock", "Shortage", "StockError", "allocate_stock", "deallocate_stock", "delete_expired_reservations",
    "plan_fulfilment", "receive_stock", "release_reservations", "rename_allocations", "reserve_stock", "set_bin_location", "set_stock_level",
    "dispatch_transfer", "receive_transfer", "post_goods_receipt",
]
