"""Merchant back-office for orders, vouchers, shipping methods and address books (imported by admin.py)."""


from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from fulfillment.models import Consignment
from payments.admin import PaymentInline
from shop.admin.credit_notes import credit_notes_display, refund_lines_action
from shop.admin.reports import OrderReportsMixin
from shop.formatting import address_lines, co2
from shop.models import (
    Address,
    Invoice,
    Order,
    OrderEvent,
    OrderLine,
    OrderStatus,
    ShippingMethod,
    ShippingRate,
    Voucher,
    VoucherRedemption,
)
from shop.money import format_money
from shop.selectors.orders import shipping_parts, tax_breakdown
from shop.services import orders as order_services
from shop.views.invoices import invoice_response


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    extra = 0
    can_delete = False
    fields = ("sku", "product_name", "variant_name", "quantity", "unit_net_display", "unit_gross_display", "rate", "tax_treatment",
              "discount_display", "total_net_display", "total_gross_display")
    readonly_fields = fields

    def _money(self, line, amount):
        return format_money(amount, line.order.currency, "en")

    @admin.display(description=_("unit net"))
    def unit_net_display(self, line):
        return self._money(line, line.unit_net)

    @admin.display(description=_("unit gross"))
    def unit_gross_display(self, line):
        return self._money(line, line.unit_gross)

    @admin.display(description=_("tax rate %"))
    def rate(self, line):
        return f"{line.tax_rate.normalize():f} %"

    @admin.display(description=_("discount"))
    def discount_display(self, line):
        return self._money(line, line.discount) if line.discount else "—"

    @admin.display(description=_("line net"))
    def total_net_display(self, line):
        return self._money(line, line.total_net)

    @admin.display(description=_("line gross"))
    def total_gross_display(self, line):
        return self._money(line, line.total_gross)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("order")

    def has_add_permission(self, request, obj=None):
        return False


class OrderEventInline(admin.TabularInline):
    model = OrderEvent
    extra = 0
    can_delete = False
    fields = ("created_at", "kind", "message", "user")
    readonly_fields = fields
    ordering = ("created_at", "pk")
    verbose_name_plural = _("event log")

    def has_add_permission(self, request, obj=None):
        return False


class ConsignmentInline(admin.TabularInline):
    """The order's parcels as fulfillment ships them (read-only here: the packing desk and the consignment page change them)."""

    model = Consignment
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("number", "warehouse", "status", "method_name", "shipping_gross", "carrier", "tracking_number", "promised_latest",
              "estimated_delivery", "co2e_grams")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("warehouse", "carrier")


@admin.register(Order)
class OrderAdmin(OrderReportsMixin, admin.ModelAdmin):
    list_display = ("number", "created_at", "email", "ship_to", "market", "status", "payment_method", "total_display", "base_total")
    list_filter = ("status", "payment_method", "needs_confirmation", "market", "created_at")
    search_fields = ("number", "email", "lines__sku")
    date_hierarchy = "created_at"
    list_select_related = ("market",)
    inlines = [OrderLineInline, ConsignmentInline, PaymentInline, OrderEventInline]
    actions = ["confirm_cod_orders", "mark_payment_received", "mark_shipped", "mark_delivered", "cancel_orders", refund_lines_action]
    readonly_fields = (
        "number", "status", "created_at", "paid_at", "cancelled_at", "user", "email", "language", "market", "currency",
        "prices_include_tax", "payment_method", "addresses", "vat_number", "vat_number_check",
        "vat_number_checked_at", "vat_number_consultation", "shipping_method_name", "carrier", "delivery_earliest",
        "delivery_latest", "voucher_code", "totals", "fx", "ioss_number", "tax_notes", "invoice_link", "needs_confirmation",
        "confirmed_at", "credit_notes",
    )
    fieldsets = (
        (None, {"fields": ("number", "status", "created_at", "paid_at", "cancelled_at", "invoice_link", "needs_confirmation",
                           "confirmed_at")}),
        (_("Buyer"), {"fields": ("user", "email", "language", "addresses", "vat_number", "vat_number_check",
                                   "vat_number_checked_at", "vat_number_consultation")}),
        (_("Delivery"), {"fields": ("shipping_method_name", "carrier", "delivery_earliest", "delivery_latest")}),
        (_("Money"), {"fields": ("market", "currency", "prices_include_tax", "payment_method", "voucher_code", "totals", "fx",
                                 "ioss_number", "tax_notes", "credit_notes")}),
    )

    def has_add_permission(self, request):
        return False  # orders come from checkout (and later the partner API)

    def has_delete_permission(self, request, obj=None):
        return False  # cancel instead: stock and invoices must stay consistent

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("market", "invoice")

    @admin.display(description=_("total"), ordering="total_gross")
    def total_display(self, order):
        return format_money(order.total_gross, order.currency, "en")

    @admin.display(description=_("total (base currency)"), ordering="total_gross_base")
    def base_total(self, order):
        return format_money(order.total_gross_base, order.base_currency, "en")

    @admin.display(description=_("ship to"))
    def ship_to(self, order):
        return ", ".join(address_lines(order.shipping_address, phone=False))

    @admin.display(description=_("addresses"))
    def addresses(self, order):
        def block(address):  # in the country's order (a Japanese address starts with 〒postcode)
            return format_html_join(format_html("<br>"), "{}", ((line,) for line in address_lines(address)))

        return format_html("<strong>{}</strong><br>{}<br><br><strong>{}</strong><br>{}", _("Shipping"), block(order.shipping_address),
                           _("Billing"), block(order.billing_address))

    @admin.display(description=_("totals"))
    def totals(self, order):
        c = order.currency

        def m(amount):
            return format_money(amount, c, "en")

        rows = [(_("Goods (after discount), net"), m(order.subtotal_net)), (_("Goods, gross"), m(order.subtotal_gross))]
        if order.discount:
            rows.append((_("Discount"), "−" + m(order.discount)))
        parts = shipping_parts(order)
        rows.append((_("Shipping, gross"), m(order.shipping_gross)))
        for part in (p for p in parts if p.number):  # one row per consignment: its shipping, rate, method and CO2 estimate
            rows.append((f"· {part.number} {part.origin}", f"{m(part.gross)} · {part.tax_rate.normalize()} % · {part.method_name} · "
                                                           f"{co2(part.co2e_grams, 'en')}"))
        rows.append((_("Net"), m(order.total_net)))
        try:
            rows += [(_("Tax %(rate)s %%") % {"rate": row.rate.normalize()}, m(row.tax)) for row in tax_breakdown(order, parts=parts)]
        except ValueError as exc:  # a snapshot that does not add up: show it rather than hide the order
            rows.append((_("Tax"), str(exc)))
        rows.append((_("Total"), m(order.total_gross)))
        return format_html("<table>{}</table>", format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows))

    @admin.display(description=_("exchange rate"))
    def fx(self, order):
        return format_html("1 {} = {} {} · {} / {}", order.base_currency, order.fx_rate.normalize(), order.currency,
                           format_money(order.total_net_base, order.base_currency, "en"),
                           format_money(order.total_gross_base, order.base_currency, "en"))

    @admin.display(description=_("invoice"))
    def invoice_link(self, order):
        invoice = getattr(order, "invoice", None)
        if invoice is None:
            return "—"
        url = reverse("admin:shop_invoice_pdf", kwargs={"pk": invoice.pk})
        return format_html('<a href="{}">{} (PDF)</a>', url, invoice.number)

    @admin.display(description=_("Credit notes"))
    def credit_notes(self, order):
        return credit_notes_display(order)

    @admin.action(description=_("Confirm cash-on-delivery order"))
    def confirm_cod_orders(self, request, queryset):
        """Staff confirm (e.g. by phone) a cash-on-delivery order the buyer has not confirmed by e-mail, so the
        unconfirmed-order sweep keeps it; one that needs no confirmation (or has it) is reported, not changed."""
        confirmed, unchanged = [], []
        for pk, number in queryset.values_list("pk", "number"):
            try:
                _order, changed = order_services.confirm_cod_order(pk, user=request.user, via="staff")
            except order_services.OrderError as exc:
                self.message_user(request, f"{number}: {exc}", messages.ERROR)
                continue
            (confirmed if changed else unchanged).append(number)
        if confirmed:
            self.message_user(request, _("Confirmed: %(orders)s") % {"orders": ", ".join(confirmed)}, messages.SUCCESS)
        if unchanged:
            self.message_user(request, _("Nothing to confirm (confirmed already, or no confirmation needed): %(orders)s")
                              % {"orders": ", ".join(unchanged)}, messages.INFO)

    @admin.action(description=_("Mark offline payment as received"))
    def mark_payment_received(self, request, queryset):
        self._apply(request, queryset, lambda pk: order_services.mark_paid(pk, user=request.user, reference=_("confirmed in admin")),
                    OrderStatus.PAID)

    @admin.action(description=_("Mark as shipped"))
    def mark_shipped(self, request, queryset):
        self._apply(request, queryset, lambda pk: order_services.change_status(pk, OrderStatus.SHIPPED, user=request.user),
                    OrderStatus.SHIPPED)

    @admin.action(description=_("Mark as delivered"))
    def mark_delivered(self, request, queryset):
        self._apply(request, queryset, lambda pk: order_services.change_status(pk, OrderStatus.DELIVERED, user=request.user),
                    OrderStatus.DELIVERED)

    @admin.action(description=_("Cancel orders (stock goes back on sale)"))
    def cancel_orders(self, request, queryset):
        self._apply(request, queryset, lambda pk: order_services.cancel_order(pk, user=request.user, reason=_("Cancelled in admin")),
                    OrderStatus.CANCELLED)

    def _apply(self, request, queryset, change, status):
        """Run a status change on each selected order; report what moved and, one by one, what was refused."""
        done, already = [], []
        for pk, number, current in queryset.values_list("pk", "number", "status"):
            if current == status and status != OrderStatus.PAID:  # mark_paid says itself that the payment is recorded
                already.append(number)  # nothing to do: say so instead of reporting it done a second time
                continue
            try:
                change(pk)
                done.append(number)
            except order_services.OrderError as exc:
                self.message_user(request, f"{number}: {exc}", messages.ERROR)
        if already:
            self.message_user(request, _("Already %(status)s, nothing changed: %(orders)s")
                              % {"status": OrderStatus(status).label.lower(), "orders": ", ".join(already)}, messages.WARNING)
        if done:
            self.message_user(request, _("%(status)s: %(orders)s") % {"status": OrderStatus(status).label, "orders": ", ".join(done)},
                              messages.SUCCESS)


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ("number", "order", "issued_at", "pdf_link")
    search_fields = ("number", "order__number")
    readonly_fields = ("number", "order", "year", "sequence", "issued_at", "pdf_link")
    exclude = ("pdf",)

    def get_urls(self):
        pdf = self.admin_site.admin_view(self.pdf_view, cacheable=True)  # it sets its own "private, no-store"
        return [path("<int:pk>/pdf/", pdf, name="shop_invoice_pdf"), *super().get_urls()]

    def pdf_view(self, request, pk):
        """The invoice PDF for staff allowed to view invoices (the file itself is private, never served as media)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return invoice_response(get_object_or_404(Invoice, pk=pk))

    @admin.display(description=_("PDF"))
    def pdf_link(self, invoice):
        return format_html('<a href="{}">{}</a>', reverse("admin:shop_invoice_pdf", kwargs={"pk": invoice.pk}),
                           f"invoice-{invoice.number}.pdf")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # invoice numbers are gapless


class ShippingRateInline(admin.TabularInline):
    model = ShippingRate
    extra = 1


@admin.register(ShippingMethod)
class ShippingMethodAdmin(TabbedTranslationAdmin):
    list_display = ("code", "name", "carrier", "warehouse", "service", "level", "min_days", "max_days", "is_active")
    list_filter = ("warehouse", "level", "carrier", "is_active")
    list_select_related = ("warehouse", "service__carrier")
    search_fields = ("code", "name", "carrier")
    autocomplete_fields = ("service",)
    inlines = [ShippingRateInline]


class VoucherRedemptionInline(admin.TabularInline):
    model = VoucherRedemption
    extra = 0
    can_delete = False
    fields = ("order", "email", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class VoucherForm(forms.ModelForm):
    class Meta:
        model = Voucher
        fields = ("code", "kind", "value", "currency", "min_spend", "markets", "starts_at", "ends_at", "usage_limit",
                  "per_customer_limit", "email", "is_active")

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if Voucher.objects.filter(code__iexact=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A voucher with this code already exists."))
        return code

    def clean_usage_limit(self):
        limit = self.cleaned_data.get("usage_limit")
        if limit is not None and self.instance.pk and limit < self.instance.times_used:
            raise forms.ValidationError(_("It has already been used %(count)s times.") % {"count": self.instance.times_used})
        return limit


@admin.register(Voucher)
class VoucherAdmin(admin.ModelAdmin):
    form = VoucherForm
    list_display = ("code", "kind", "value", "currency", "min_spend", "starts_at", "ends_at", "times_used", "usage_limit", "email",
                    "is_active")
    list_filter = ("kind", "is_active", "markets")
    search_fields = ("code", "email")
    filter_horizontal = ("markets",)
    readonly_fields = ("times_used",)
    inlines = [VoucherRedemptionInline]


@admin.register(Address)
class AddressAdmin(admin.ModelAdmin):
    list_display = ("full_name", "user", "city", "country", "is_default")
    search_fields = ("full_name", "user__email", "city", "postcode")
    list_filter = ("country",)
    raw_id_fields = ("user",)


__all__ = ["OrderAdmin", "OrderStatus"]
