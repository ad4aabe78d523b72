from django import forms
from django.contrib import admin, messages
from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _

from .models import Allocation, GoodsReceipt, GoodsReceiptLine, Reservation, Stock, StockMove, StockTransfer, StockTransferLine, Warehouse
from .services import StockError, dispatch_transfer, post_goods_receipt, receive_stock, receive_transfer, set_bin_location, set_stock_level


class StockLevelForm(forms.ModelForm):
    """On hand as staff type it: never below what is allocated to orders. Saving goes through the stock services
    (a ledger move per change), never straight to the row."""

    class Meta:
        model = Stock
        fields = ("warehouse", "variant", "quantity", "bin_location")

    def clean_bin_location(self):
        return (self.cleaned_data.get("bin_location") or "").strip().upper()

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if self.instance.pk and quantity is not None and quantity < self.instance.quantity_allocated:
            raise forms.ValidationError(
                _("%(count)s units are allocated to orders: on hand cannot go below that.") % {"count": self.instance.quantity_allocated}
            )
        return quantity


def save_stock_level(request, stock: Stock, form) -> Stock:
    """Save a stock row typed in admin through the services: a new row is a goods receipt, a changed quantity an
    adjustment (both ledger moves, by the signed-in staff member)."""
    if stock.pk is None:
        if stock.quantity:
            saved = receive_stock(stock.variant_id, stock.warehouse_id, stock.quantity, note="admin", user=request.user)
        else:
            saved, _created = Stock.objects.get_or_create(variant_id=stock.variant_id, warehouse_id=stock.warehouse_id)
        if stock.bin_location:
            set_bin_location(saved.pk, stock.bin_location)
        stock.pk = saved.pk
        return saved
    if "quantity" in form.changed_data:
        set_stock_level(stock.pk, stock.quantity, note="admin", user=request.user)
    if "bin_location" in form.changed_data:
        set_bin_location(stock.pk, stock.bin_location)
    return stock


@admin.register(Warehouse)
class WarehouseAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "country", "served", "priority", "is_active", "units_on_hand")
    list_editable = ("priority", "is_active")
    list_filter = ("country", "is_active")
    search_fields = ("code", "name")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_units=Sum("stocks__quantity"))

    @admin.display(description="countries served")
    def served(self, obj):
        return ", ".join(c.code for c in obj.countries_served)

    @admin.display(description="units on hand", ordering="_units")
    def units_on_hand(self, obj):
        return obj._units or 0


@admin.register(Stock)
class StockAdmin(admin.ModelAdmin):
    form = StockLevelForm
    list_display = ("variant", "warehouse", "bin_location", "quantity", "quantity_allocated", "available", "updated_at")
    list_filter = ("warehouse",)
    list_editable = ("bin_location", "quantity")
    search_fields = ("variant__sku", "bin_location")
    list_select_related = ("variant", "warehouse")
    autocomplete_fields = ("variant",)
    readonly_fields = ("quantity_allocated",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_available=F("quantity") - F("quantity_allocated"))

    @admin.display(description="available", ordering="_available")
    def available(self, obj):
        return obj._available

    def get_readonly_fields(self, request, obj=None):
        return ("variant", "warehouse", "quantity_allocated") if obj is not None else ("quantity_allocated",)

    def get_changelist_form(self, request, **kwargs):
        return StockLevelForm

    def save_model(self, request, obj, form, change):
        try:
            save_stock_level(request, obj, form)
        except StockError as exc:  # changed meanwhile (an order allocated units): nothing was saved
            messages.error(request, str(exc))

    def has_delete_permission(self, request, obj=None):
        return False  # set on hand to 0 instead: a stock row keeps its ledger


@admin.register(StockMove)
class StockMoveAdmin(admin.ModelAdmin):
    """The stock ledger: every change of on hand or allocated, with who, when and why. Read-only."""

    list_display = ("at", "sku", "warehouse", "reason", "delta_on_hand", "delta_allocated", "reference", "user", "note")
    list_filter = ("reason", "stock__warehouse")
    search_fields = ("reference", "stock__variant__sku", "note")
    list_select_related = ("stock__variant", "stock__warehouse", "user")
    date_hierarchy = "at"
    show_full_result_count = False  # the ledger grows large: no second COUNT(*) per page

    @admin.display(description=_("SKU"), ordering="stock__variant__sku")
    def sku(self, obj):
        return obj.stock.variant.sku

    @admin.display(description=_("warehouse"), ordering="stock__warehouse__code")
    def warehouse(self, obj):
        return obj.stock.warehouse.code

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Reservation)
class ReservationAdmin(admin.ModelAdmin):
    list_display = ("reference", "stock", "quantity", "expires_at", "created_at")
    list_filter = ("stock__warehouse",)
    search_fields = ("reference", "stock__variant__sku")
    list_select_related = ("stock__variant", "stock__warehouse")
    readonly_fields = ("stock", "reference", "quantity", "expires_at", "created_at")

    def has_add_permission(self, request):
        return False  # made by checkout, not by hand


@admin.register(Allocation)
class AllocationAdmin(admin.ModelAdmin):
    list_display = ("reference", "stock", "quantity", "created_at")
    list_filter = ("stock__warehouse",)
    search_fields = ("reference", "stock__variant__sku")
    list_select_related = ("stock__variant", "stock__warehouse")
    readonly_fields = ("stock", "reference", "quantity", "created_at")

    def has_add_permission(self, request):
        return False  # made when an order is placed

    def has_delete_permission(self, request, obj=None):
        return False  # releasing stock goes through the order's cancellation, which updates Stock too


def _run_step(modeladmin, request, queryset, step, done: str, skipped: str) -> None:
    """Run a document step (dispatch, receive, post) for each selected document, in its own transaction: say what
    happened, which were skipped because they were past that step, and what was refused and why."""
    changed, unchanged = [], []
    for document in queryset.order_by("pk"):
        try:
            _document, did = step(document.pk, user=request.user)
        except StockError as exc:
            modeladmin.message_user(request, f"{document}: {exc}", messages.ERROR)
            continue
        (changed if did else unchanged).append(str(document))
    if changed:
        modeladmin.message_user(request, done % {"documents": ", ".join(changed)}, messages.SUCCESS)
    if unchanged:
        modeladmin.message_user(request, skipped % {"documents": ", ".join(unchanged)}, messages.WARNING)


class DocumentLineInline(admin.TabularInline):
    """A document's lines, editable only while the document is open (a transfer not yet sent, a receipt not yet
    posted): `is_open(document)` says so."""

    extra = 1
    autocomplete_fields = ("variant",)

    def is_open(self, document) -> bool:
        raise NotImplementedError

    def has_add_permission(self, request, obj=None):
        return obj is None or self.is_open(obj)

    def has_change_permission(self, request, obj=None):
        return obj is None or self.is_open(obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or self.is_open(obj)


class StockTransferLineInline(DocumentLineInline):
    model = StockTransferLine

    def is_open(self, document) -> bool:
        return document.status == StockTransfer.Status.DRAFT


@admin.register(StockTransfer)
class StockTransferAdmin(admin.ModelAdmin):
    list_display = ("__str__", "source", "destination", "status", "line_count", "created_at", "dispatched_at", "received_at")
    list_filter = ("status", "source", "destination")
    list_select_related = ("source", "destination")
    inlines = [StockTransferLineInline]
    actions = ["dispatch", "receive"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_lines=Sum("lines__quantity"))

    @admin.display(description=_("units"), ordering="_lines")
    def line_count(self, obj):
        return obj._lines or 0

    def get_readonly_fields(self, request, obj=None):
        fixed = ("status", "dispatched_at", "received_at")
        return fixed + ("source", "destination") if obj is not None and obj.status != StockTransfer.Status.DRAFT else fixed

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.status == StockTransfer.Status.DRAFT

    @admin.action(description=_("Dispatch the selected transfers (the goods leave the source warehouse)"))
    def dispatch(self, request, queryset):
        _run_step(self, request, queryset, dispatch_transfer, _("Dispatched: %(documents)s"),
                  _("Already dispatched, nothing changed: %(documents)s"))

    @admin.action(description=_("Mark the selected transfers received (the goods join the destination's stock)"))
    def receive(self, request, queryset):
        _run_step(self, request, queryset, receive_transfer, _("Received: %(documents)s"),
                  _("Not in transit, nothing changed: %(documents)s"))


class GoodsReceiptLineInline(DocumentLineInline):
    model = GoodsReceiptLine

    def is_open(self, document) -> bool:
        return document.posted_at is None


@admin.register(GoodsReceipt)
class GoodsReceiptAdmin(admin.ModelAdmin):
    list_display = ("__str__", "warehouse", "supplier", "supplier_reference", "units", "created_at", "posted_at")
    list_filter = ("warehouse", "posted_at")
    search_fields = ("supplier", "supplier_reference")
    list_select_related = ("warehouse",)
    inlines = [GoodsReceiptLineInline]
    actions = ["post"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_units=Sum("lines__quantity"))

    @admin.display(description=_("units"), ordering="_units")
    def units(self, obj):
        return obj._units or 0

    def get_readonly_fields(self, request, obj=None):
        return ("posted_at", "warehouse") if obj is not None and obj.posted_at is not None else ("posted_at",)

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.posted_at is None

    @admin.action(description=_("Post the selected receipts (the goods join the warehouse's stock)"))
    def post(self, request, queryset):
        _run_step(self, request, queryset, post_goods_receipt, _("Posted: %(documents)s"),
                  _("Already posted, nothing changed: %(documents)s"))



# --- Carriers, lanes, emission factors, packaging (checkout prices, dates and CO2 from these) ----------------------
# (imported here so this block merges as one piece with other additions to this file)
from .models import Carrier, CarrierService, EmissionFactor, Lane, PackagingType  # noqa: E402


class CarrierServiceInline(admin.TabularInline):
    model = CarrierService
    extra = 0
    fields = ("code", "name", "mode")


@admin.register(Carrier)
class CarrierAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "tracking_url_template", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "code")
    inlines = [CarrierServiceInline]


@admin.register(CarrierService)
class CarrierServiceAdmin(admin.ModelAdmin):
    """Listed for the shipping methods' service field (autocomplete); edited inline on its carrier."""

    list_display = ("__str__", "code", "mode")
    list_filter = ("mode", "carrier")
    list_select_related = ("carrier",)
    search_fields = ("name", "code", "carrier__name")

    def has_module_permission(self, request):
        return False  # reached through carriers; not its own entry in the menu


@admin.register(Lane)
class LaneAdmin(admin.ModelAdmin):
    list_display = ("service", "warehouse", "destination", "min_days", "max_days", "distance_km")
    list_filter = ("warehouse", "service__carrier", "destination")
    list_editable = ("min_days", "max_days", "distance_km")
    list_select_related = ("service__carrier", "warehouse")
    search_fields = ("service__name", "service__carrier__name", "warehouse__code", "destination")


@admin.register(EmissionFactor)
class EmissionFactorAdmin(admin.ModelAdmin):
    list_display = ("mode", "grams_per_tonne_km", "source", "updated_at")
    readonly_fields = ("updated_at",)


@admin.register(PackagingType)
class PackagingTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_reusable", "length_mm", "width_mm", "height_mm", "tare_grams", "max_weight_grams", "is_active")
    list_filter = ("is_reusable", "is_active")
    search_fields = ("name", "code")

from fulfillment import consignment_admin, replenishment_admin  # noqa: E402,F401  (consignments and the packing desk; suppliers and replenishment)
