"""The monthly emissions report: the CO2e estimates consignments keep (weight × distance × mode factor, fixed when
the order was placed), summed per month by market and by warehouse. Cancelled consignments emitted nothing."""

from datetime import date

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from fulfillment.models import Consignment, ConsignmentStatus


def month_bounds(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return start, end


def emissions_for_month(year: int, month: int) -> dict:
    """{"by_market": [(market name, consignments, kg CO2e, kg shipped)], "by_warehouse": [...], "total": (n, kg, kg)}
    for consignments created in that month (three queries)."""
    start, end = month_bounds(year, month)
    base = (Consignment.objects.exclude(status=ConsignmentStatus.CANCELLED)
            .filter(created_at__date__gte=start, created_at__date__lt=end))

    def grouped(field: str):
        rows = base.values(field).annotate(n=Count("pk"), grams=Sum("co2e_grams"), weight=Sum("weight_grams")).order_by(field)
        return [(row[field], row["n"], (row["grams"] or 0) / 1000, (row["weight"] or 0) / 1000) for row in rows]

    totals = base.aggregate(n=Count("pk"), grams=Sum("co2e_grams"), weight=Sum("weight_grams"))
    return {
        "by_market": grouped("order__market__name"),
        "by_warehouse": grouped("warehouse__name"),
        "total": (totals["n"], (totals["grams"] or 0) / 1000, (totals["weight"] or 0) / 1000),
    }


def months_with_consignments(limit: int = 24) -> list[date]:
    return list(Consignment.objects.annotate(month=TruncMonth("created_at")).values_list("month", flat=True)
                .distinct().order_by("-month")[:limit])
