"""Payments, refunds and the provider events that move them (docs/architecture.md §3).

A Payment belongs to an order (a string reference to `shop.Order`: data, not an import). Amounts are Decimals in
the payment's currency, each a whole number of the currency's minor units; providers that count in minor units
(Stripe) get them converted at the boundary. The database itself refuses a payment that would have more refunded
than captured, or more captured than its amount."""


from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .money import plain_amount


class Provider(models.TextChoices):
    STRIPE = "stripe", _("Card or local payment method")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    CASH_ON_DELIVERY = "cash_on_delivery", _("Cash on delivery")


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    PROCESSING = "processing", _("Processing")
    AUTHORIZED = "authorized", _("Authorized")
    CAPTURED = "captured", _("Captured")
    PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")
    REFUNDED = "refunded", _("Refunded")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


# Forward moves only: a late or replayed provider event can never move a payment back.
PAYMENT_TRANSITIONS = {
    PaymentStatus.PENDING: {PaymentStatus.PROCESSING, PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED, PaymentStatus.FAILED,
                            PaymentStatus.CANCELLED},
    PaymentStatus.PROCESSING: {PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED, PaymentStatus.FAILED, PaymentStatus.CANCELLED},
    PaymentStatus.FAILED: {PaymentStatus.PROCESSING, PaymentStatus.CAPTURED, PaymentStatus.CANCELLED},  # the buyer retries
    PaymentStatus.AUTHORIZED: {PaymentStatus.CAPTURED, PaymentStatus.CANCELLED},
    PaymentStatus.CAPTURED: {PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED},
    PaymentStatus.PARTIALLY_REFUNDED: {PaymentStatus.REFUNDED},
    PaymentStatus.REFUNDED: set(),
    # Money the provider really took after we gave up on it (the buyer paid in a tab left open while the order was
    # cancelled) must still be recorded, so it can be refunded: the one move out of "cancelled".
    PaymentStatus.CANCELLED: {PaymentStatus.CAPTURED},
}


def _amount(verbose_name):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=3, default=0)


class Payment(models.Model):
    order = models.ForeignKey("shop.Order", on_delete=models.PROTECT, related_name="payments", verbose_name=_("order"))
    provider = models.CharField(_("provider"), max_length=32, choices=Provider.choices)
    status = models.CharField(_("status"), max_length=24, choices=PaymentStatus.choices, default=PaymentStatus.PENDING,
                              db_index=True)
    currency = models.CharField(_("currency"), max_length=3)
    amount = _amount(_("amount"))
    amount_captured = _amount(_("captured"))
    amount_refunded = _amount(_("refunded"))
    provider_reference = models.CharField(_("provider reference"), max_length=255, blank=True,
                                          help_text=_("e.g. the Stripe PaymentIntent id"))
    idempotency_key = models.CharField(_("idempotency key"), max_length=80, unique=True)
    is_disputed = models.BooleanField(_("disputed"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0) & Q(amount_captured__gte=0) & Q(amount_refunded__gte=0),
                                   name="payment_amounts_non_negative"),
            models.CheckConstraint(condition=Q(amount_captured__lte=F("amount")), name="payment_captured_lte_amount"),
            models.CheckConstraint(condition=Q(amount_refunded__lte=F("amount_captured")), name="payment_refunded_lte_captured"),
            models.UniqueConstraint(fields=("provider", "provider_reference"), condition=~Q(provider_reference=""),
                                    name="payment_unique_provider_reference"),
        ]

    def __str__(self):
        return f"{self.get_provider_display()} {plain_amount(self.amount, self.currency)} {self.currency} ({self.get_status_display()})"


class RefundStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class Refund(models.Model):
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds", verbose_name=_("payment"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=3)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=RefundStatus.choices, default=RefundStatus.PENDING)
    provider_reference = models.CharField(_("provider reference"), max_length=255, blank=True)
    idempotency_key = models.CharField(_("idempotency key"), max_length=80, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive")]

    def __str__(self):
        return f"{self.amount} ({self.status})"


class ProviderEvent(models.Model):
    """A provider's notification (e.g. a Stripe webhook event), stored once by its id: a replay is a no-op."""

    provider = models.CharField(_("provider"), max_length=32, choices=Provider.choices)
    event_id = models.CharField(_("event id"), max_length=255)
    type = models.CharField(_("type"), max_length=100)
    payload = models.JSONField(_("payload"))
    payment = models.ForeignKey(Payment, on_delete=models.SET_NULL, null=True, blank=True, related_name="events",
                                verbose_name=_("payment"))
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    outcome = models.CharField(_("outcome"), max_length=200, blank=True)

    class Meta:
        ordering = ("-received_at",)
        verbose_name = _("provider event")
        verbose_name_plural = _("provider events")
        constraints = [models.UniqueConstraint(fields=("provider", "event_id"), name="providerevent_unique_id")]

    def __str__(self):
        return f"{self.provider} {self.type} {self.event_id}"
