"""Payments, refunds and provider events in admin: read-only (they change through services and webhooks), except
that staff can issue a refund (amount and reason) — the service checks it under the payment's lock."""

import uuid

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Payment, PaymentStatus, ProviderEvent, Refund
from .money import plain_amount
from .services import RefundError, refund_payment


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _amount_column(field: str, label, currency=lambda obj: obj.currency):
    """A list column showing `field` with exactly its currency's decimals (100.00 EUR, 1320 JPY), not the 3 stored."""

    @admin.display(description=label, ordering=field)
    def column(_model_admin, obj):
        return plain_amount(getattr(obj, field), currency(obj))

    return column


def refund_link(payment: Payment):
    """"Refund…": the add-refund form for this payment, while something can still be refunded."""
    if payment.status not in (PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED):
        return "—"
    return format_html('<a href="{}?payment={}">{}</a>', reverse("admin:payments_refund_add"), payment.pk, _("Refund…"))


class PaymentColumns:
    """The amount columns and the "Refund…" link, for the payments list and an order's payments."""

    amount_shown = _amount_column("amount", _("amount"))
    captured_shown = _amount_column("amount_captured", _("captured"))
    refunded_shown = _amount_column("amount_refunded", _("refunded"))

    @admin.display(description=_("refund"))
    def refund(self, payment):
        return refund_link(payment)


class PaymentInline(PaymentColumns, admin.TabularInline):
    """An order's payments, on its admin page (shop's OrderAdmin lists it: payments knows Payment, not orders)."""

    model = Payment
    extra = 0
    can_delete = False
    fields = ("created_at", "provider", "status", "amount_shown", "captured_shown", "refunded_shown", "currency",
              "provider_reference", "is_disputed", "refund")
    readonly_fields = fields
    verbose_name_plural = _("payments")

    def has_add_permission(self, request, obj=None):
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
class PaymentAdmin(PaymentColumns, ReadOnlyAdmin):
    list_display = ("order", "provider", "status", "amount_shown", "captured_shown", "refunded_shown", "currency", "is_disputed", "created_at",
                    "refund")
    list_filter = ("provider", "status", "is_disputed", "currency")
    search_fields = ("order__number", "provider_reference")
    list_select_related = ("order",)
    inlines = [RefundInline]


class RefundForm(forms.ModelForm):
    """Issuing a refund: the refund is made (under the payment's lock, through the provider) when the form is
    validated, so anything that refuses it (too much, not captured, Stripe says no) shows as a form error. The form
    carries its own idempotency key: submitting it twice refunds once."""

    request_key = forms.CharField(widget=forms.HiddenInput, max_length=64, initial=lambda: f"admin-{uuid.uuid4().hex}")
    user = None  # set by RefundAdmin.get_form: the staff member refunding

    class Meta:
        model = Refund
        fields = ("payment", "amount", "reason")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            self.refund = refund_payment(data["payment"].pk, data["amount"], reason=data.get("reason", ""),
                                         idempotency_key=data["request_key"], user=self.user)
        except RefundError as exc:
            raise forms.ValidationError(str(exc)) from None
        return data

    def validate_unique(self):
        pass  # the refund is checked (amount > 0, within what was captured) and made by refund_payment above

    def _post_clean(self):
        # The model's constraints (amount > 0 …) are refund_payment's rules too: when clean() refused the refund with
        # its message, don't add the database constraint's raw name as a second error.
        if self.errors:
            return
        super()._post_clean()

    def save(self, commit=True):
        return self.refund

    def save_m2m(self):
        pass


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = ("payment", "amount_shown", "status", "reason", "created_by", "created_at")
    list_filter = ("status",)
    list_select_related = ("payment__order",)
    amount_shown = _amount_column("amount", _("amount"), currency=lambda refund: refund.payment.currency)
    form = RefundForm
    raw_id_fields = ("payment",)

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("payments.add_refund")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user  # who refunds: kept on the refund and the order's event log
        return form

    def save_model(self, request, obj, form, change):
        pass  # made by RefundForm.clean through refund_payment


@admin.register(ProviderEvent)
class ProviderEventAdmin(ReadOnlyAdmin):
    list_display = ("event_id", "provider", "type", "payment", "outcome", "received_at")
    list_filter = ("provider", "type")
    search_fields = ("event_id",)
