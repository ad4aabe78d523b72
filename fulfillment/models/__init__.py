"""fulfillment's data, by concern: stock.py (warehouses, stock rows, reservations, allocations, the stock ledger,
transfers and goods receipts), carriers.py (carriers, their services, lanes with transit times and distances,
emission factors, packaging) and consignments.py (what ships from one warehouse for one order: pick lists,
consignment lines, parcels, tracking events) and replenishment.py (suppliers, replenishment settings and the nightly
report lines)."""

from fulfillment.models.carriers import Carrier, CarrierService, EmissionFactor, Lane, PackagingType, TransportMode
from fulfillment.models.consignments import (
    TERMINAL_STATUSES,
    Consignment,
    ConsignmentLine,
    ConsignmentStatus,
    Parcel,
    PickList,
    TrackingEvent,
    TrackingKind,
)
from fulfillment.models.replenishment import ReplenishmentLine, ReplenishmentSettings, Supplier, SupplierItem
from fulfillment.models.stock import (
    BIN_LOCATION,
    Allocation,
    GoodsReceipt,
    GoodsReceiptLine,
    Reservation,
    Stock,
    StockMove,
    StockTransfer,
    StockTransferLine,
    Warehouse,
)

__all__ = [
    "BIN_LOCATION", "Allocation", "GoodsReceipt", "GoodsReceiptLine", "Reservation", "Stock", "StockMove", "StockTransfer",
    "StockTransferLine", "Warehouse",
    "Carrier", "CarrierService", "EmissionFactor", "Lane", "PackagingType", "TransportMode",
    "TERMINAL_STATUSES", "Consignment", "ConsignmentLine", "ConsignmentStatus", "Parcel", "PickList", "TrackingEvent", "TrackingKind",
    "ReplenishmentLine", "ReplenishmentSettings", "Supplier", "SupplierItem",
]
