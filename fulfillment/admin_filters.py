"""List filters for the consignment list (ConsignmentAdmin wires them): staff find what beat flagged."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from fulfillment.models import ConsignmentStatus


class DelayFilter(admin.SimpleListFilter):
    """Consignments on their way that beat flagged late or stuck in customs (fulfillment/services/delays.py)."""

    title = _("delay")
    parameter_name = "delay"

    def lookups(self, request, model_admin):
        return (
            ("any", _("late or stuck in customs")),
            ("late", _("late")),
            ("customs", _("stuck in customs")),
        )

    def queryset(self, request, queryset):
        value = self.value()
        if value not in ("any", "late", "customs"):
            return queryset
        queryset = queryset.filter(status=ConsignmentStatus.DISPATCHED)
        if value == "late":
            return queryset.filter(late_since__isnull=False)
        if value == "customs":
            return queryset.filter(customs_stuck_since__isnull=False)
        return queryset.exclude(late_since=None, customs_stuck_since=None)
