"""Shipping an exchange: once the returned units arrived, the size or colour the buyer chose (held for them since the
request, under the return's reservation) is allocated to the order and leaves as a new consignment of the order — no
shipping charge — from a warehouse serving the buyer; the return becomes "exchanged".

Price differences: an exchange is for another size or colour of the same product at the same price (base price and
fixed prices equal); a variant priced differently is refused here with a message telling staff to refund instead,
so money never silently changes hands."""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.calendar import working_days_after
from fulfillment.models import Consignment, Warehouse
from fulfillment.services import ConsignmentLinePlan, ConsignmentPlan, InsufficientStock, allocate_stock, create_consignments
from fulfillment.territories import crosses_customs_border
from shop.models import ReturnRequest, ReturnResolution, ReturnStatus
from shop.services.orders.status import allocation_reference
from shop.services.returns.requests import exchange_reference
from shop.services.returns.status import ReturnError, move_return


def _same_price(old, new) -> bool:
    if old is None or new is None or old.base_price != new.base_price:
        return False
    fixed = lambda variant: {(p.price.currency.code, p.price.amount) for p in variant.fixed_prices.all()}  # noqa: E731
    return fixed(old) == fixed(new)


def ship_exchange(return_id: int, *, user=None) -> list[Consignment]:
    """Send the exchange's new variants (for the units that came back). Returns the new consignments; a second call
    finds the return exchanged and sends nothing."""
    with transaction.atomic():
        request = ReturnRequest.objects.select_for_update().select_related("order").get(pk=return_id)
        if request.status == ReturnStatus.EXCHANGED:
            return []
        if request.resolution != ReturnResolution.EXCHANGE or request.status != ReturnStatus.RECEIVED:
            raise ReturnError(_("Only a received exchange can be shipped."))
        order = request.order
        lines = list(request.lines.select_related("order_line__variant", "exchange_variant__product")
                     .prefetch_related("order_line__variant__fixed_prices", "exchange_variant__fixed_prices"))
        send: dict[int, int] = defaultdict(int)
        by_variant = {}
        for line in lines:
            if line.exchange_variant_id is None or not line.quantity_received:
                continue
            if not _same_price(line.order_line.variant, line.exchange_variant):
                raise ReturnError(_("%(sku)s is priced differently from what came back: refund the return instead.")
                                  % {"sku": line.exchange_variant.sku})
            send[line.exchange_variant_id] += line.quantity_received
            by_variant[line.exchange_variant_id] = line
        if not send:
            raise ReturnError(_("Nothing of this exchange has arrived yet."))
        country = (order.shipping_address or {}).get("country", "")
        warehouses = [w.pk for w in Warehouse.objects.filter(is_active=True).order_by("priority", "code") if w.serves(country)]
        try:
            allocations = allocate_stock(allocation_reference(order), dict(send), warehouses,
                                         reservation_reference=exchange_reference(request))
        except InsufficientStock:
            raise ReturnError(_("The size or colour chosen is out of stock now: refund the return instead.")) from None
        parts: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        for allocation in allocations:
            parts[allocation.stock.warehouse_id][allocation.stock.variant_id] += allocation.quantity
        origin = {w.pk: w.country.code for w in Warehouse.objects.filter(pk__in=list(parts))}
        today = timezone.localdate()
        plans = []
        for warehouse_id, picks in parts.items():
            plan_lines = tuple(
                ConsignmentLinePlan(variant_id, by_variant[variant_id].exchange_variant.sku, by_variant[variant_id].order_line.product_name,
                                    quantity, by_variant[variant_id].order_line.unit_net, by_variant[variant_id].exchange_variant.weight_grams,
                                    ean=by_variant[variant_id].exchange_variant.ean)
                for variant_id, quantity in picks.items())
            plans.append(ConsignmentPlan(warehouse_id, plan_lines, _("Exchange for %(number)s") % {"number": request.number},
                                         working_days_after(today, 2), working_days_after(today, 6),
                                         needs_customs=crosses_customs_border(origin[warehouse_id], country)))
        first = Consignment.objects.filter(order=order).count() + 1
        created = create_consignments(order.pk, order.number, allocation_reference(order), plans, ship_to=order.shipping_address,
                                      destination=country, email=order.email, language=order.language, currency=order.currency,
                                      ready=True, first_index=first)
        move_return(request.pk, ReturnStatus.EXCHANGED, user=user,
                    message=_("Sent as %(numbers)s") % {"numbers": ", ".join(c.number for c in created)})
    return created


