"""Returns, credit notes and the merchant's return rules per market.

A return is a state machine (`RETURN_TRANSITIONS`): requested → approved / refused → in transit → received →
refunded / exchanged → closed (or cancelled before it is received). Every move is a service call
(shop/services/returns/) that writes a ReturnEvent. A credit note is the document of money given back (a return's
refund, a shipped line cancelled, a parcel lost), numbered gaplessly per year like invoices."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from shop.models.catalog import Market
from shop.models.orders import Invoice, Order, OrderLine
from shop.storage import private_storage


class ReturnReason(models.TextChoices):
    WRONG_SIZE = "wrong_size", _("It does not fit")
    NOT_AS_DESCRIBED = "not_as_described", _("It is not as described")
    DAMAGED = "damaged", _("It arrived damaged or faulty")
    WRONG_ITEM = "wrong_item", _("I received the wrong item")
    CHANGED_MIND = "changed_mind", _("I changed my mind")
    ARRIVED_LATE = "arrived_late", _("It arrived too late")
    OTHER = "other", _("Another reason")


class ReturnPolicy(models.Model):
    """The merchant's return rules for one market. EU markets never go below the 14-day right of withdrawal."""

    market = models.OneToOneField(Market, on_delete=models.CASCADE, related_name="return_policy", verbose_name=_("market"))
    window_days = models.PositiveSmallIntegerField(
        _("return window (days after delivery)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(365)])
    auto_approve_reasons = models.JSONField(
        _("reasons approved without review"), default=list, blank=True,
        help_text=_("Returns giving one of these reasons are approved at once; the others wait for staff."))
    buyer_pays_return_shipping = models.BooleanField(
        _("buyer pays return shipping"), default=False,
        help_text=_("The return shipping fee is deducted from the refund (never for damaged or wrong items)."))
    return_shipping_fee = models.DecimalField(_("return shipping fee"), max_digits=12, decimal_places=3, default=0,
                                              validators=[MinValueValidator(0)], help_text=_("In the market's currency."))
    restocking_fee_percent = models.DecimalField(_("restocking fee (%)"), max_digits=5, decimal_places=2, default=0,
                                                 validators=[MinValueValidator(0), MaxValueValidator(50)])

    class Meta:
        verbose_name = _("return policy")
        verbose_name_plural = _("return policies")

    def __str__(self):
        return str(self.market)


class ReturnStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    IN_TRANSIT = "in_transit", _("On its way back")
    RECEIVED = "received", _("Received")
    REFUNDED = "refunded", _("Refunded")
    EXCHANGED = "exchanged", _("Exchanged")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


RETURN_TRANSITIONS = {
    ReturnStatus.REQUESTED: {ReturnStatus.APPROVED, ReturnStatus.REFUSED, ReturnStatus.CANCELLED},
    ReturnStatus.APPROVED: {ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.CANCELLED},
    ReturnStatus.IN_TRANSIT: {ReturnStatus.RECEIVED},
    ReturnStatus.RECEIVED: {ReturnStatus.REFUNDED, ReturnStatus.EXCHANGED, ReturnStatus.CLOSED},
    ReturnStatus.REFUNDED: {ReturnStatus.CLOSED},
    ReturnStatus.EXCHANGED: {ReturnStatus.CLOSED},
    ReturnStatus.REFUSED: set(),
    ReturnStatus.CLOSED: set(),
    ReturnStatus.CANCELLED: set(),
}


class ReturnResolution(models.TextChoices):
    REFUND = "refund", _("Refund")
    EXCHANGE = "exchange", _("Exchange for another size or colour")


def return_photo_path(instance, filename: str) -> str:
    return f"returns/{instance.order_id}/{filename}"


class ReturnRequest(models.Model):
    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="returns", verbose_name=_("order"))
    number = models.CharField(_("number"), max_length=40, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=ReturnStatus.choices, default=ReturnStatus.REQUESTED,
                              db_index=True)
    resolution = models.CharField(_("resolution"), max_length=16, choices=ReturnResolution.choices, default=ReturnResolution.REFUND)
    reason = models.CharField(_("reason"), max_length=24, choices=ReturnReason.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    photo = models.ImageField(_("photo"), upload_to=return_photo_path, storage=private_storage, blank=True, max_length=255)
    warehouse = models.ForeignKey("fulfillment.Warehouse", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("returns to"), help_text=_("The nearest warehouse that takes returns from the buyer's country."))
    staff_note = models.CharField(_("staff note"), max_length=300, blank=True)
    refund_amount = models.DecimalField(_("refunded"), max_digits=14, decimal_places=3, default=0)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("return")
        verbose_name_plural = _("returns")
        indexes = [models.Index(fields=("status", "created_at"), name="return_status_created")]

    def __str__(self):
        return self.number


class ReturnToReceive(ReturnRequest):
    """Returns as the warehouse sees them (admin → Returns to receive): approved or on their way, or partly received."""

    class Meta:
        proxy = True
        verbose_name = _("return to receive")
        verbose_name_plural = _("returns to receive")


class ReturnLine(models.Model):
    class Condition(models.TextChoices):
        SELLABLE = "sellable", _("as new: back on sale")
        DAMAGED = "damaged", _("damaged: written off")

    return_request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="lines", verbose_name=_("return"))
    order_line = models.ForeignKey(OrderLine, on_delete=models.PROTECT, related_name="return_lines", verbose_name=_("order line"))
    quantity = models.PositiveIntegerField(_("quantity"))
    quantity_received = models.PositiveIntegerField(_("units received"), default=0)
    quantity_restocked = models.PositiveIntegerField(_("restocked"), default=0)
    quantity_written_off = models.PositiveIntegerField(_("written off"), default=0)
    exchange_variant = models.ForeignKey("shop.ProductVariant", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                         verbose_name=_("exchange for"))

    class Meta:
        ordering = ("pk",)
        verbose_name = _("return line")
        verbose_name_plural = _("return lines")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="returnline_quantity_positive"),
            models.CheckConstraint(condition=Q(quantity_received__lte=F("quantity")), name="returnline_received_lte_quantity"),
            models.CheckConstraint(condition=Q(quantity_received=F("quantity_restocked") + F("quantity_written_off")),
                                   name="returnline_received_is_restocked_plus_written_off"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.order_line_id}"


class ReturnEvent(models.Model):
    return_request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("return"))
    from_status = models.CharField(_("from status"), max_length=16, choices=ReturnStatus.choices, blank=True)
    to_status = models.CharField(_("to status"), max_length=16, choices=ReturnStatus.choices)
    message = models.CharField(_("message"), max_length=300, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("by"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ("at", "pk")
        verbose_name = _("return event")
        verbose_name_plural = _("return events")

    def __str__(self):
        return f"{self.return_request_id}: {self.from_status} → {self.to_status}"


def credit_note_path(instance, filename: str) -> str:
    return f"credit-notes/{instance.year}/{filename}"


class CreditNote(models.Model):
    """Money given back on an order, as a document referencing its invoice. Amounts are positive (what is credited)."""

    class Cause(models.TextChoices):
        RETURN = "return", _("Return")
        CANCELLED_LINE = "cancelled_line", _("Shipped line cancelled")
        LOST_PARCEL = "lost_parcel", _("Parcel lost by the carrier")

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="credit_notes", verbose_name=_("order"))
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="credit_notes", verbose_name=_("invoice"))
    return_request = models.ForeignKey(ReturnRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="credit_notes",
                                       verbose_name=_("return"))
    cause = models.CharField(_("cause"), max_length=16, choices=Cause.choices)
    number = models.CharField(_("number"), max_length=32, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    currency = models.CharField(_("currency"), max_length=3)
    total_net = models.DecimalField(_("net"), max_digits=14, decimal_places=3)
    total_tax = models.DecimalField(_("tax"), max_digits=14, decimal_places=3)
    total_gross = models.DecimalField(_("total"), max_digits=14, decimal_places=3)
    fees = models.DecimalField(_("fees deducted"), max_digits=14, decimal_places=3, default=0)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    pdf = models.FileField(_("PDF"), upload_to=credit_note_path, storage=private_storage, blank=True, max_length=255)

    class Meta:
        ordering = ("-year", "-sequence")
        verbose_name = _("credit note")
        verbose_name_plural = _("credit notes")
        constraints = [
            models.UniqueConstraint(fields=("year", "sequence"), name="creditnote_unique_year_sequence"),
            models.CheckConstraint(condition=Q(total_gross__gte=F("total_net")) & Q(total_net__gte=0) & Q(fees__gte=0),
                                   name="creditnote_amounts"),
        ]

    def __str__(self):
        return self.number


class CreditNoteLine(models.Model):
    credit_note = models.ForeignKey(CreditNote, on_delete=models.CASCADE, related_name="lines", verbose_name=_("credit note"))
    order_line = models.ForeignKey(OrderLine, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                   verbose_name=_("order line"))
    description = models.CharField(_("description"), max_length=300)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    tax_rate = models.DecimalField(_("tax rate %"), max_digits=6, decimal_places=3)
    net = models.DecimalField(_("net"), max_digits=14, decimal_places=3)
    tax = models.DecimalField(_("tax"), max_digits=14, decimal_places=3)
    gross = models.DecimalField(_("gross"), max_digits=14, decimal_places=3)

    class Meta:
        ordering = ("pk",)
        verbose_name = _("credit note line")
        verbose_name_plural = _("credit note lines")

    def __str__(self):
        return f"{self.description}: {self.gross}"
