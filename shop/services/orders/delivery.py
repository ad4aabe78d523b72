"""A consignment was delivered (fulfillment's `consignment_delivered`): the order is delivered once every parcel it
still ships is, and cash the carrier collected pays a cash-on-delivery order once all of its cash is in.

Dispatch itself moves the order to partially shipped / shipped (the dispatch service); this only finishes the job."""

import logging

from django.db import transaction

from fulfillment.models import Consignment, ConsignmentStatus, TrackingEvent, TrackingKind
from payments.providers import get_provider
from shop.models import Order, OrderEvent, OrderStatus
from shop.services.orders.payments import mark_paid
from shop.services.orders.status import change_status

logger = logging.getLogger(__name__)


def settle_delivered_consignment(consignment_id: int, *, cod_collected: bool = False) -> Order:
    """Called once a delivery event is committed. Under the order's row lock (two parcels delivered at the same
    moment serialise here): a shipped order whose non-cancelled consignments are all delivered becomes delivered (one
    partially shipped stays: a parcel has not left yet); a cash-on-delivery order not yet paid is marked paid when the
    carrier collected the cash of every parcel that carries some. Idempotent: a second call changes nothing."""
    order_id = Consignment.objects.values_list("order_id", flat=True).get(pk=consignment_id)
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        consignments = list(Consignment.objects.filter(order_id=order_id).exclude(status=ConsignmentStatus.CANCELLED)
                            .values_list("pk", "number", "status", "cod_amount"))
        all_delivered = bool(consignments) and all(status == ConsignmentStatus.DELIVERED for _, _, status, _ in consignments)
        if all_delivered and order.status == OrderStatus.SHIPPED:
            order = change_status(order_id, OrderStatus.DELIVERED, message="Delivered: every parcel arrived",
                                  only_from=(OrderStatus.SHIPPED,))
        if cod_collected and order.paid_at is None and get_provider(order.payment_method).collects_on_delivery:
            _record_cash(order, consignment_id, consignments)
    return order


def _record_cash(order: Order, consignment_id: int, consignments: list[tuple]) -> None:
    """The carrier collected cash for this parcel: note it on the order once; when the cash of every parcel that
    carries some (of every parcel, when none names an amount) is in, the payment is recorded, as staff record cash
    collected (mark_paid)."""
    number = next(number for pk, number, _, _ in consignments if pk == consignment_id)
    noted = OrderEvent.objects.filter(order=order, kind=OrderEvent.Kind.NOTE, data__cod_collected=number).exists()
    if not noted:
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.NOTE, message=f"Carrier collected the cash for {number}",
                                  data={"cod_collected": number})
    carrying = [pk for pk, _, _, amount in consignments if amount > 0] or [pk for pk, _, _, _ in consignments]
    collected = set(
        TrackingEvent.objects.filter(consignment_id__in=carrying, kind=TrackingKind.DELIVERED, cod_collected=True)
        .values_list("consignment_id", flat=True)
    )
    if collected >= set(carrying):
        mark_paid(order.pk, reference=f"cash collected by the carrier ({', '.join(n for pk, n, _, _ in consignments if pk in carrying)})")
