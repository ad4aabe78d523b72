"""The returns report: return rate and reasons per product, category, market and warehouse, and what was refunded in
the base currency, for orders placed in a period. Rates are units returned (received back, or asked for and not
refused/cancelled) over units sold, so a product sold 40 times and returned 4 times has a 10 % return rate."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import Coalesce

from shop.models import CreditNote, OrderLine, OrderStatus, ReturnLine, ReturnStatus

COUNTED = (ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.REFUNDED,
           ReturnStatus.EXCHANGED, ReturnStatus.CLOSED)
GROUPS = {
    "product": ("order_line__variant__product__name", "variant__product__name"),
    "category": ("order_line__variant__product__category__name", "variant__product__category__name"),
    "market": ("order_line__order__market__name", "order__market__name"),
    "warehouse": ("return_request__warehouse__name", None),
}


@dataclass(frozen=True)
class RateRow:
    name: str
    sold: int
    returned: int

    @property
    def rate(self) -> Decimal:
        if not self.sold:
            return Decimal(0)
        return (Decimal(self.returned) * 100 / self.sold).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _period(start: date, end: date) -> Q:
    return Q(order__created_at__date__gte=start, order__created_at__date__lt=end)


def return_rates(by: str, start: date, end: date, limit: int = 50) -> list[RateRow]:
    """Units sold and returned per `by` (product, category, market, warehouse), most returned first. Two queries.
    For warehouses, "sold" is not known per return warehouse: the rows give returned units only (sold 0)."""
    returned_field, sold_field = GROUPS[by]
    returns = (ReturnLine.objects.filter(return_request__status__in=COUNTED)
               .filter(order_line__order__created_at__date__gte=start, order_line__order__created_at__date__lt=end)
               .values(returned_field).annotate(units=Sum("quantity")).order_by("-units")[:limit])
    returned = {row[returned_field]: row["units"] for row in returns}
    sold: dict = {}
    if sold_field:
        lines = (OrderLine.objects.filter(_period(start, end)).exclude(order__status=OrderStatus.CANCELLED)
                 .filter(**{f"{sold_field}__in": list(returned)}).values(sold_field).annotate(units=Sum("quantity")))
        sold = {row[sold_field]: row["units"] for row in lines}
    return [RateRow(str(name or "—"), sold.get(name, 0), units) for name, units in returned.items()]


def reasons(start: date, end: date) -> list[tuple[str, int, int]]:
    """(reason code, returns, units) for returns of orders placed in the period, most frequent first."""
    rows = (ReturnLine.objects.filter(return_request__status__in=COUNTED)
            .filter(order_line__order__created_at__date__gte=start, order_line__order__created_at__date__lt=end)
            .values("return_request__reason").annotate(returns=Count("return_request", distinct=True), units=Sum("quantity"))
            .order_by("-returns"))
    return [(row["return_request__reason"], row["returns"], row["units"]) for row in rows]


def refunds_in_base_currency(start: date, end: date) -> tuple[Decimal, int]:
    """What credit notes issued in the period gave back, in the base currency (each at its order's exchange rate,
    as the order's base totals are), and how many notes."""
    base = ExpressionWrapper(F("total_gross") / F("order__fx_rate"), output_field=DecimalField(max_digits=20, decimal_places=6))
    totals = (CreditNote.objects.filter(issued_at__date__gte=start, issued_at__date__lt=end)
              .aggregate(total=Coalesce(Sum(base), Decimal(0), output_field=DecimalField(max_digits=20, decimal_places=6)),
                         notes=Count("pk")))
    return Decimal(totals["total"]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), totals["notes"]
