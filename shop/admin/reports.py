"""The merchant's reports, on the order list (admin → Orders → "Shipping emissions", "Returns report"): views that
read selectors and render; no rule lives here."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.models import ReturnReason
from shop.money import format_money
from shop.selectors import returns_report
from shop.selectors.emissions import emissions_for_month, month_bounds, months_with_consignments


class OrderReportsMixin:
    def get_urls(self):
        return [path("emissions/", self.admin_site.admin_view(self.emissions_view), name="shop_order_emissions"),
                path("returns-report/", self.admin_site.admin_view(self.returns_report_view), name="shop_order_returns_report"),
                *super().get_urls()]

    def returns_report_view(self, request):
        """Return rates and reasons per product, category, market and warehouse; refunds in the base currency
        (?days=30|90|365, default 90: orders placed in the last so many days)."""
        if not request.user.has_perm("shop.view_order"):
            raise PermissionDenied
        days = request.GET.get("days", "90")
        days = int(days) if days in ("30", "90", "365") else 90
        end = timezone.localdate() + timedelta(days=1)
        start = end - timedelta(days=days)
        refunded, notes = returns_report.refunds_in_base_currency(start, end)
        return TemplateResponse(request, "admin/shop/returns_report.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": _("Returns report"), "days": days,
            "sections": [(label, returns_report.return_rates(key, start, end)) for key, label in (
                ("product", _("By product")), ("category", _("By category")), ("market", _("By market")), ("warehouse", _("By warehouse")))],
            "reasons": [(ReturnReason(code).label, n, units) for code, n, units in returns_report.reasons(start, end)],
            "refunded": format_money(refunded, settings.BASE_CURRENCY, "en"), "notes": notes,
        })

    def emissions_view(self, request):
        """The monthly emissions report per market and per warehouse (?month=YYYY-MM, default this month)."""
        if not request.user.has_perm("shop.view_order"):
            raise PermissionDenied
        today = timezone.localdate()
        try:
            year, month = (int(part) for part in request.GET.get("month", "").split("-"))
            if not 2000 <= year <= 9998:
                raise ValueError(year)
            month_bounds(year, month)
        except (TypeError, ValueError, OverflowError):
            year, month = today.year, today.month
        return TemplateResponse(request, "admin/shop/emissions.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": _("Shipping emissions"),
            "month": date(year, month, 1), "report": emissions_for_month(year, month), "months": months_with_consignments(),
        })

