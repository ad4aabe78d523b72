"""Read-only views of payments, refunds and provider events (they change only through services and webhooks)."""

from django.contrib import admin

from .models import Payment, ProviderEvent, Refund


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RefundInline(admin.TabularInline):
    model = Refund
    extra = 0
    fields = ("created_at", "amount", "reason", "status", "provider_reference")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ("order", "provider", "status", "amount", "amount_captured", "amount_refunded", "currency", "is_disputed", "created_at")
    list_filter = ("provider", "status", "is_disputed", "currency")
    search_fields = ("order__number", "provider_reference")
    list_select_related = ("order",)
    inlines = [RefundInline]


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = ("payment", "amount", "status", "reason", "created_at")
    list_filter = ("status",)
    list_select_related = ("payment__order",)


@admin.register(ProviderEvent)
class ProviderEventAdmin(ReadOnlyAdmin):
    list_display = ("event_id", "provider", "type", "payment", "outcome", "received_at")
    list_filter = ("provider", "type")
    search_fields = ("event_id",)
