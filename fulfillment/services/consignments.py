"""Consignments come to be when an order is placed (one per warehouse the goods ship from, as priced and dated at
checkout), become pickable when the order is paid or confirmed, and are cancelled with their order.

shop's order services call these with plain values (fulfillment never imports shop)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from fulfillment.models import Consignment, ConsignmentLine, ConsignmentStatus


@dataclass(frozen=True)
class ConsignmentLinePlan:
    variant_id: int
    sku: str
    name: str
    quantity: int
    unit_value: Decimal = Decimal(0)  # net, in the order's currency: the customs value
    unit_weight_grams: int = 0
    order_line_id: int | None = None
    ean: str = ""


@dataclass(frozen=True)
class ConsignmentPlan:
    """One warehouse's part of an order, as the buyer was shown it at checkout."""

    warehouse_id: int
    lines: tuple[ConsignmentLinePlan, ...]
    method_name: str
    promised_earliest: date
    promised_latest: date
    shipping_method_id: int | None = None
    carrier_id: int | None = None
    service_id: int | None = None
    shipping_net: Decimal = Decimal(0)
    shipping_gross: Decimal = Decimal(0)
    shipping_tax_rate: Decimal = Decimal(0)
    transit_min_days: int = 0
    transit_max_days: int = 0
    distance_km: int = 0
    co2e_grams: int = 0
    needs_customs: bool = False
    import_vat_scheme: str = ""
    import_vat_number: str = ""
    cod_amount: Decimal = Decimal(0)
    extra: dict = field(default_factory=dict)

    @property
    def weight_grams(self) -> int:
        return sum(line.unit_weight_grams * line.quantity for line in self.lines)

    @property
    def goods_value(self) -> Decimal:
        return sum((line.unit_value * line.quantity for line in self.lines), Decimal(0))


@transaction.atomic
def create_consignments(order_id: int, order_number: str, allocation_reference: str, plans: list[ConsignmentPlan], *,
                        ship_to: dict, destination: str, email: str, language: str, currency: str,
                        ready: bool, first_index: int = 1) -> list[Consignment]:
    """One consignment per plan, numbered `<order number>-1`, `-2`, … in the order given (from `first_index`: an
    exchange shipped later continues the order's numbers); pickable at once when `ready` (paid, or cash on delivery
    needing no confirmation), else pending until `release_consignments`."""
    now = timezone.now()
    created = []
    for index, plan in enumerate(plans, start=first_index):
        consignment = Consignment.objects.create(
            order_id=order_id, number=f"{order_number}-{index}", warehouse_id=plan.warehouse_id,
            status=ConsignmentStatus.READY if ready else ConsignmentStatus.PENDING, ready_at=now if ready else None,
            allocation_reference=allocation_reference, ship_to=ship_to, destination=destination, email=email,
            language=language, currency=currency, shipping_net=plan.shipping_net, shipping_gross=plan.shipping_gross,
            shipping_tax_rate=plan.shipping_tax_rate, goods_value=plan.goods_value, cod_amount=plan.cod_amount,
            needs_customs=plan.needs_customs, import_vat_scheme=plan.import_vat_scheme, import_vat_number=plan.import_vat_number,
            method_name=plan.method_name, shipping_method_id=plan.shipping_method_id, carrier_id=plan.carrier_id,
            service_id=plan.service_id, weight_grams=plan.weight_grams, distance_km=plan.distance_km, co2e_grams=plan.co2e_grams,
            transit_min_days=plan.transit_min_days, transit_max_days=plan.transit_max_days,
            promised_earliest=plan.promised_earliest, promised_latest=plan.promised_latest,
            estimated_delivery=plan.promised_latest, created_at=now,
        )
        ConsignmentLine.objects.bulk_create([
            ConsignmentLine(consignment=consignment, order_line_id=line.order_line_id, variant_id=line.variant_id, sku=line.sku,
                            ean=line.ean, name=line.name[:300], quantity=line.quantity, unit_value=line.unit_value,
                            unit_weight_grams=line.unit_weight_grams)
            for line in plan.lines
        ])
        created.append(consignment)
    return created


def release_consignments(order_id: int) -> int:
    """The order is paid or confirmed: its pending consignments are ready to pick. Returns how many changed."""
    return Consignment.objects.filter(order_id=order_id, status=ConsignmentStatus.PENDING).update(
        status=ConsignmentStatus.READY, ready_at=timezone.now())


def cancel_consignments(order_id: int) -> int:
    """The order is cancelled: what has not left the warehouse is cancelled (the order's cancel releases the
    allocations). Returns how many changed."""
    return Consignment.objects.filter(
        order_id=order_id,
        status__in=(ConsignmentStatus.PENDING, ConsignmentStatus.READY, ConsignmentStatus.PICKING, ConsignmentStatus.PICKED,
                    ConsignmentStatus.PACKED),
    ).update(status=ConsignmentStatus.CANCELLED, pick_list=None)
