from django.contrib import admin
from django.db.models import F, Sum

from .models import Allocation, Reservation, Stock, Warehouse


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
    list_display = ("variant", "warehouse", "quantity", "quantity_allocated", "available", "updated_at")
    list_filter = ("warehouse",)
    list_editable = ("quantity",)
    search_fields = ("variant__sku",)
    list_select_related = ("variant", "warehouse")
    autocomplete_fields = ("variant",)
    readonly_fields = ("quantity_allocated",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_available=F("quantity") - F("quantity_allocated"))

    @admin.display(description="available", ordering="_available")
    def available(self, obj):
        return obj._available


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
