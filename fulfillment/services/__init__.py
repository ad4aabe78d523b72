"""Every write to stock and shipments, by concern: consignments.py (made from orders, released, cancelled),
stock.py (reservations, allocations, receipts and counts: the stock ledger's
core), transfers.py (stock moved between warehouses, suppliers' deliveries posted), tracking.py (what carriers and
staff report about dispatched consignments) and delays.py (beat's late and customs flags)."""

from fulfillment.services.consignments import (
    ConsignmentLinePlan,
    ConsignmentPlan,
    cancel_consignments,
    create_consignments,
    release_consignments,
)
from fulfillment.services.delays import flag_delayed_consignments, note_buyer_told_of_delay
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
    return_to_stock,
    set_bin_location,
    set_stock_level,
    write_off_returned,
)
from fulfillment.services.tracking import TrackingError, record_tracking_event
from fulfillment.services.transfers import dispatch_transfer, post_goods_receipt, receive_transfer

__all__ = [
    "ConsignmentLinePlan", "ConsignmentPlan", "cancel_consignments", "create_consignments", "release_consignments",
    "InsufficientStock", "Shortage", "StockError", "allocate_stock", "deallocate_stock", "delete_expired_reservations",
    "plan_fulfilment", "receive_stock", "release_reservations", "rename_allocations", "reserve_stock", "return_to_stock",
    "set_bin_location", "set_stock_level", "write_off_returned",
    "dispatch_transfer", "receive_transfer", "post_goods_receipt",
    "TrackingError", "record_tracking_event", "flag_delayed_consignments", "note_buyer_told_of_delay",
]
