"""The replenishment report (read-only, most urgent first, CSV export with the list's filters), suppliers and the
merchant's replenishment settings. Stock itself is edited in the stock admin, never here."""

import csv

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import StreamingHttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from fulfillment.models import ReplenishmentLine, ReplenishmentSettings, Supplier, SupplierItem
from fulfillment.services.replenishment import draft_suggested_transfers


class SupplierItemInline(admin.TabularInline):
    model = SupplierItem
    extra = 0
    autocomplete_fields = ("variant",)
    fields = ("variant", "warehouse", "lead_time_days", "pack_size")


@admin.register(Supplier)
class SupplierAdmin(admin.ModelAdmin):
    list_display = ("name", "lead_time_days", "min_order_quantity", "order_multiple", "is_active")
    list_editable = ("lead_time_days", "min_order_quantity", "order_multiple", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name",)
    inlines = (SupplierItemInline,)


@admin.register(SupplierItem)
class SupplierItemAdmin(admin.ModelAdmin):
    list_display = ("variant", "supplier", "warehouse", "lead_time_days", "pack_size")
    list_filter = ("supplier", "warehouse")
    search_fields = ("variant__sku", "supplier__name")
    list_select_related = ("variant", "supplier", "warehouse")
    autocomplete_fields = ("variant",)


@admin.register(ReplenishmentSettings)
class ReplenishmentSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "service_level", "review_days", "default_lead_time_days", "surplus_cover_days")

    def changelist_view(self, request, extra_context=None):
        ReplenishmentSettings.load()  # the one row, made with its defaults the first time
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NeedsOrderFilter(admin.SimpleListFilter):
    title = _("needs ordering")
    parameter_name = "order"

    def lookups(self, request, model_admin):
        return (("yes", _("Yes")), ("no", _("No")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(suggested_order_quantity__gt=0)
        if self.value() == "no":
            return queryset.filter(suggested_order_quantity=0)
        return queryset


class TransferFilter(admin.SimpleListFilter):
    title = _("transfer suggested")
    parameter_name = "transfer"

    def lookups(self, request, model_admin):
        return (("yes", _("Yes")), ("no", _("No")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(transfer_quantity__gt=0)
        if self.value() == "no":
            return queryset.filter(transfer_quantity=0)
        return queryset


CSV_COLUMNS = (
    ("sku", _("SKU")), ("warehouse", _("warehouse")), ("supplier", _("supplier")), ("velocity_28", _("sales per day (28 days)")),
    ("velocity_90", _("sales per day (90 days)")), ("demand_std_dev", _("daily demand std. dev.")), ("lead_time_days", _("lead time (days)")),
    ("safety_stock", _("safety stock")), ("reorder_point", _("reorder point")), ("on_hand", _("on hand")), ("allocated", _("allocated")),
    ("in_transit", _("in transit")), ("available", _("available")), ("days_of_cover", _("days of cover")),
    ("urgency", _("cover ÷ lead time")), ("suggested_order_quantity", _("order")), ("transfer_from", _("transfer from")),
    ("transfer_quantity", _("transfer")),
)


def _csv_value(line: ReplenishmentLine, key: str):
    if key == "sku":
        return line.variant.sku
    if key == "warehouse":
        return line.warehouse.code
    if key == "supplier":
        return line.supplier.name if line.supplier_id else ""
    if key == "transfer_from":
        return line.transfer_from.code if line.transfer_from_id else ""
    value = getattr(line, key)
    if value is None:
        return ""
    return f"{value:.3f}" if isinstance(value, float) else value


class _Echo:
    def write(self, value):
        return value


def csv_response(lines, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow([str(label) for _key, label in CSV_COLUMNS])
        for line in lines.select_related("variant", "warehouse", "supplier", "transfer_from").iterator(chunk_size=2000):
            yield writer.writerow([_csv_value(line, key) for key, _label in CSV_COLUMNS])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@admin.register(ReplenishmentLine)
class ReplenishmentLineAdmin(admin.ModelAdmin):
    # on hand, allocated and in transit (which make up available) are on each line's page and in the CSV
    list_display = ("sku", "warehouse_code", "supplier", "v28", "v90", "sigma", "lead_time_days", "safety_stock", "reorder_point",
                    "available", "cover", "urgency_display", "suggested_order_quantity", "transfer")
    list_filter = ("warehouse", NeedsOrderFilter, TransferFilter, "supplier")
    search_fields = ("variant__sku",)
    list_select_related = ("variant", "warehouse", "supplier", "transfer_from")
    ordering = (F("urgency").asc(nulls_last=True), "warehouse_id", "variant_id")
    list_per_page = 100
    show_full_result_count = False
    actions = ("export_csv", "draft_transfers")
    fields = ("warehouse", "variant", "supplier", "computed_at", "v28", "v90", "sigma", "lead_time_days", "safety_stock", "reorder_point",
              "on_hand", "allocated", "in_transit", "available", "cover", "urgency_display", "suggested_order_quantity", "transfer")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("SKU"), ordering="variant__sku")
    def sku(self, obj):
        return obj.variant.sku

    @admin.display(description=_("warehouse"), ordering="warehouse__code")
    def warehouse_code(self, obj):
        return obj.warehouse.code

    @admin.display(description=_("sales/day (28 d)"), ordering="velocity_28")
    def v28(self, obj):
        return f"{obj.velocity_28:.2f}"

    @admin.display(description=_("sales/day (90 d)"), ordering="velocity_90")
    def v90(self, obj):
        return f"{obj.velocity_90:.2f}"

    @admin.display(description=_("std. dev. (σ)"), ordering="demand_std_dev")
    def sigma(self, obj):
        return f"{obj.demand_std_dev:.2f}"

    @admin.display(description=_("days of cover"), ordering="days_of_cover")
    def cover(self, obj):
        return "—" if obj.days_of_cover is None else f"{obj.days_of_cover:.1f}"

    @admin.display(description=_("cover ÷ lead time"), ordering=F("urgency").asc(nulls_last=True))
    def urgency_display(self, obj):
        return "—" if obj.urgency is None else f"{obj.urgency:.2f}"

    @admin.display(description=_("transfer"))
    def transfer(self, obj):
        if not obj.transfer_quantity:
            return ""
        return format_html("{} ← {}", obj.transfer_quantity, obj.transfer_from.code)

    def get_urls(self):
        return [path("csv/", self.admin_site.admin_view(self.csv_view), name="fulfillment_replenishment_csv"), *super().get_urls()]

    def csv_view(self, request):
        """The list as CSV, with the filters and search of the page it was opened from."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return csv_response(changelist.get_queryset(request), f"replenishment-{timezone.localdate():%Y-%m-%d}.csv")

    @admin.action(description=_("Export selected lines as CSV"))
    def export_csv(self, request, queryset):
        return csv_response(queryset.order_by(*self.ordering), f"replenishment-{timezone.localdate():%Y-%m-%d}.csv")

    @admin.action(description=_("Create draft transfers for the suggested transfers"))
    def draft_transfers(self, request, queryset):
        if not request.user.has_perm("fulfillment.add_stocktransfer"):
            raise PermissionDenied
        transfers = draft_suggested_transfers(queryset.values_list("pk", flat=True))
        if not transfers:
            self.message_user(request, _("None of the selected lines suggests a transfer."), messages.WARNING)
            return None
        for transfer in transfers:
            url = reverse("admin:fulfillment_stocktransfer_change", args=[transfer.pk])
            self.message_user(request, format_html(_("Draft transfer <a href=\"{}\">{}</a> created: check it, then dispatch it."), url, transfer),
                              messages.SUCCESS)
        return None
