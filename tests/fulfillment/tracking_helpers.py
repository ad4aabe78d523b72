"""Dispatched consignments for tracking tests, without the dispatch service (packing and dispatch live elsewhere):
a consignment made the way orders make them, then moved to dispatched with a carrier and a tracking number."""

from datetime import timedelta

from django.utils import timezone

from fulfillment.models import Consignment, ConsignmentStatus
from tests import factories as f
from tests.fulfillment.helpers import carrier_service, make_consignments


def mark_dispatched(consignment, *, at=None, tracking_number=None, service=None):
    """Set the consignment dispatched (with `service`'s carrier, default DHL) at `at` (default: an hour ago)."""
    service = service or carrier_service()
    at = at or timezone.now() - timedelta(hours=1)
    Consignment.objects.filter(pk=consignment.pk).update(
        status=ConsignmentStatus.DISPATCHED, dispatched_at=at, tracking_number=tracking_number or f"JJD{consignment.pk:010d}",
        carrier=service.carrier, service=service,
    )
    consignment.refresh_from_db()
    return consignment


def shipped_order(*, warehouses=("berlin",), dispatch=True, language="en", **order_kwargs):
    """An order with one line and one consignment per warehouse (cities named after their codes), every consignment
    dispatched unless `dispatch` is False. Returns (order, [consignment, ...])."""
    parts = {}
    for code in warehouses:
        warehouse = f.WarehouseFactory(code=code, country="DE", countries_served=["DE", "FR", "JP"], city=code.title())
        parts[warehouse] = [(f.ProductVariantFactory(weight_grams=400), 1)]
    order, consignments = make_consignments(parts, service=carrier_service(), language=language, **order_kwargs)
    if dispatch:
        consignments = [mark_dispatched(c) for c in consignments]
    return order, consignments
