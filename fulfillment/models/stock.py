"""Warehouses and stock. Stock rows point at `shop.ProductVariant` by string reference (data, not import)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

BIN_LOCATION = RegexValidator(
    r"^[A-Z]{1,3}-\d{2}-\d{2}$", _("Enter the bin as aisle-shelf-bin: one to three letters, then two digits twice, for example A-03-12.")
)


class Warehouse(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=120)
    country = CountryField(_("country"))
    countries_served = CountryField(_("countries served"), multiple=True, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Lower numbers are preferred when several warehouses can ship.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    address = models.TextField(_("address"), blank=True, help_text=_("Printed as the sender on labels and customs documents."))
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    language = models.CharField(_("staff language"), max_length=10, choices=settings.LANGUAGES, default="en",
                                help_text=_("Pick lists and packing documents for staff are printed in it."))
    accepts_returns = models.BooleanField(_("takes returns"), default=False,
                                          help_text=_("Buyers in the countries below send returns here."))
    return_countries = CountryField(_("takes returns from"), multiple=True, blank=True,
                                    help_text=_("Empty: every country the warehouse serves."))

    class Meta:
        ordering = ("priority", "code")
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    def served_countries(self) -> set[str]:
        """Country codes this warehouse ships to: those it serves and its own."""
        return {c.code for c in self.countries_served} | {self.country.code}

    def serves(self, country_code: str) -> bool:
        return country_code in self.served_countries()

    def takes_returns_from(self, country_code: str) -> bool:
        if not (self.accepts_returns and self.is_active):
            return False
        return country_code in ({c.code for c in self.return_countries} or self.served_countries())


class Stock(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, related_name="stocks", verbose_name=_("warehouse"))
    variant = models.ForeignKey(
        "shop.ProductVariant", on_delete=models.CASCADE, related_name="stocks", verbose_name=_("variant")
    )
    quantity = models.PositiveIntegerField(_("on hand"), default=0)
    quantity_allocated = models.PositiveIntegerField(_("allocated"), default=0)
    bin_location = models.CharField(
        _("bin"), max_length=16, blank=True, validators=[BIN_LOCATION],
        help_text=_("Where it lies in the warehouse: aisle-shelf-bin, for example A-03-12. Pick lists are sorted by it."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stock")
        verbose_name_plural = _("stock")
        constraints = [
            models.UniqueConstraint(fields=("variant", "warehouse"), name="stock_unique_variant_warehouse"),
            models.CheckConstraint(condition=Q(quantity_allocated__lte=F("quantity")), name="stock_allocated_lte_on_hand"),
        ]
        indexes = [models.Index(fields=("warehouse", "bin_location"), name="stock_warehouse_bin")]

    def __str__(self):
        return f"{self.variant_id}@{self.warehouse_id}: {self.quantity}"

    @property
    def quantity_available(self) -> int:
        return self.quantity - self.quantity_allocated


class Reservation(models.Model):
    """Units held for a buyer while they check out. Live while `expires_at` is in the future: availability is a
    filter on that, so correctness never waits for the cleanup task. `reference` names the holder (e.g. a cart
    line), since fulfillment does not know shop's models."""

    stock = models.ForeignKey(Stock, on_delete=models.CASCADE, related_name="reservations", verbose_name=_("stock"))
    reference = models.CharField(_("reference"), max_length=64, db_index=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0), name="reservation_quantity_positive")]
        indexes = [models.Index(fields=("stock", "expires_at"), name="reservation_stock_live")]

    def __str__(self):
        return f"{self.reference}: {self.quantity} × {self.stock_id}"


class Allocation(models.Model):
    """Units of a warehouse's stock promised to an order line (`reference`); counted in Stock.quantity_allocated."""

    stock = models.ForeignKey(Stock, on_delete=models.PROTECT, related_name="allocations", verbose_name=_("stock"))
    reference = models.CharField(_("reference"), max_length=64, db_index=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0), name="allocation_quantity_positive")]

    def __str__(self):
        return f"{self.reference}: {self.quantity} × {self.stock_id}"


class StockMove(models.Model):
    """One change of a stock row, written in the same transaction as the change by the service that makes it
    (fulfillment/services/): on hand and allocated always equal the sums of their rows' moves
    (`manage.py check_stock_ledger`). Append-only: moves are never edited or deleted by hand."""

    class Reason(models.TextChoices):
        OPENING_BALANCE = "opening_balance", _("opening balance")
        RECEIPT = "receipt", _("goods receipt")
        ADJUSTMENT = "adjustment", _("adjustment")
        WRITE_OFF = "write_off", _("write-off")
        ALLOCATION = "allocation", _("allocated to an order")
        DEALLOCATION = "deallocation", _("allocation released")
        TRANSFER_OUT = "transfer_out", _("sent to another warehouse")
        TRANSFER_IN = "transfer_in", _("received from another warehouse")
        DISPATCH = "dispatch", _("dispatched to the buyer")
        SHORT_PICK = "short_pick", _("not found when picking")
        RETURN = "return", _("returned by the buyer")

    stock = models.ForeignKey(Stock, on_delete=models.CASCADE, related_name="moves", verbose_name=_("stock"))
    delta_on_hand = models.IntegerField(_("change on hand"), default=0)
    delta_allocated = models.IntegerField(_("change allocated"), default=0)
    reason = models.CharField(_("reason"), max_length=32, choices=Reason.choices)
    reference = models.CharField(_("reference"), max_length=64, blank=True, help_text=_("The order, receipt or document it belongs to."))
    note = models.CharField(_("note"), max_length=200, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("stock move")
        verbose_name_plural = _("stock ledger")
        ordering = ("-at", "-pk")
        constraints = [
            models.CheckConstraint(condition=~Q(delta_on_hand=0, delta_allocated=0), name="stockmove_changes_something"),
        ]
        indexes = [models.Index(fields=("stock", "at"), name="stockmove_stock_at"), models.Index(fields=("-at",), name="stockmove_at")]

    def __str__(self):
        return f"{self.get_reason_display()} {self.delta_on_hand:+d}/{self.delta_allocated:+d} × {self.stock_id}"


class StockTransfer(models.Model):
    """Goods moved from one warehouse to another: drafted, dispatched (leaving the source's stock) and received
    (arriving in the destination's stock), each step one service call writing its ledger moves."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_TRANSIT = "in_transit", _("in transit")
        RECEIVED = "received", _("received")

    source = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="+", verbose_name=_("from warehouse"))
    destination = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="+", verbose_name=_("to warehouse"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    dispatched_at = models.DateTimeField(_("dispatched"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)

    class Meta:
        verbose_name = _("stock transfer")
        verbose_name_plural = _("stock transfers")
        ordering = ("-created_at", "-pk")
        constraints = [models.CheckConstraint(condition=~Q(source=F("destination")), name="transfer_between_two_warehouses")]

    def __str__(self):
        return f"T-{self.pk}"

    @property
    def reference(self) -> str:
        return f"transfer:{self.pk}"


class StockTransferLine(models.Model):
    transfer = models.ForeignKey(StockTransfer, on_delete=models.CASCADE, related_name="lines", verbose_name=_("stock transfer"))
    variant = models.ForeignKey("shop.ProductVariant", on_delete=models.PROTECT, related_name="+", verbose_name=_("variant"))
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        verbose_name = _("line")
        verbose_name_plural = _("lines")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="transferline_quantity_positive"),
            models.UniqueConstraint(fields=("transfer", "variant"), name="transferline_unique_variant"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.variant_id}"


class GoodsReceipt(models.Model):
    """A supplier's delivery into a warehouse: drafted with its lines, then posted once (each line a receipt move)."""

    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="+", verbose_name=_("warehouse"))
    supplier = models.CharField(_("supplier"), max_length=120)
    supplier_reference = models.CharField(_("supplier's delivery note"), max_length=64, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    posted_at = models.DateTimeField(_("posted"), null=True, blank=True)

    class Meta:
        verbose_name = _("goods receipt")
        verbose_name_plural = _("goods receipts")
        ordering = ("-created_at", "-pk")

    def __str__(self):
        return f"R-{self.pk}"

    @property
    def reference(self) -> str:
        return f"receipt:{self.pk}"


class GoodsReceiptLine(models.Model):
    receipt = models.ForeignKey(GoodsReceipt, on_delete=models.CASCADE, related_name="lines", verbose_name=_("goods receipt"))
    variant = models.ForeignKey("shop.ProductVariant", on_delete=models.PROTECT, related_name="+", verbose_name=_("variant"))
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        verbose_name = _("line")
        verbose_name_plural = _("lines")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="receiptline_quantity_positive"),
            models.UniqueConstraint(fields=("receipt", "variant"), name="receiptline_unique_variant"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.variant_id}"

