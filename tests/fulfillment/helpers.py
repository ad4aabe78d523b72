"""Consignments for fulfillment tests, made the way orders make them: the order's stock allocated (real allocation
service, ledger moves), then `create_consignments` with one plan per warehouse."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from fulfillment.models import Carrier, CarrierService, Stock
from fulfillment.services import ConsignmentLinePlan, ConsignmentPlan, allocate_stock, create_consignments
from tests.factories import OrderFactory, OrderLineFactory, StockFactory


def carrier_service(code="dhl", name="DHL", service="paket", mode="road",
                    template="https://track.example/{tracking_number}") -> CarrierService:
    carrier, _ = Carrier.objects.get_or_create(code=code, defaults={"name": name, "tracking_url_template": template})
    svc, _ = CarrierService.objects.get_or_create(carrier=carrier, code=service, defaults={"name": service.title(), "mode": mode})
    return svc


def make_consignments(parts: dict, *, order=None, ready=True, destination="DE", language="en", currency="EUR",
                      service=None, needs_customs=False, **order_kwargs):
    """`parts` = {warehouse: [(variant, quantity), ...]}: an order with one line per (variant, quantity), its stock
    allocated in those warehouses (stock rows made with 10 on hand where missing), one consignment per warehouse.
    Returns (order, [consignment, ...])."""
    order = order or OrderFactory(language=language, currency=currency, **order_kwargs)
    reference = f"order:{order.pk}"
    plans = []
    for warehouse, picks in parts.items():
        lines = []
        for variant, quantity in picks:
            if not Stock.objects.filter(variant=variant, warehouse=warehouse).exists():
                StockFactory(variant=variant, warehouse=warehouse, quantity=max(10, quantity))
            allocate_stock(reference, {variant.pk: quantity}, [warehouse.pk])
            line = OrderLineFactory(order=order, variant=variant, sku=variant.sku, quantity=quantity,
                                    product_name=variant.product.name_en or variant.sku)
            lines.append(ConsignmentLinePlan(variant.pk, variant.sku, line.product_name, quantity, Decimal("16.80"),
                                             variant.weight_grams, order_line_id=line.pk, ean=variant.ean))
        today = timezone.localdate()
        plans.append(ConsignmentPlan(
            warehouse.pk, tuple(lines), "Standard", today + timedelta(days=2), today + timedelta(days=4),
            carrier_id=service.carrier_id if service else None, service_id=service.pk if service else None,
            shipping_net=Decimal("4.20"), shipping_gross=Decimal("5.00"), shipping_tax_rate=Decimal("19"),
            transit_min_days=2, transit_max_days=4, distance_km=500, co2e_grams=250, needs_customs=needs_customs,
        ))
    consignments = create_consignments(order.pk, order.number, reference, plans, ship_to=order.shipping_address,
                                       destination=destination, email=order.email, language=language, currency=currency,
                                       ready=ready)
    return order, consignments


__all__ = ["carrier_service", "make_consignments", "date"]
