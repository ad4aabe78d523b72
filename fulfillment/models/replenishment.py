"""Replenishment: who supplies what (suppliers and their items), the merchant's settings (service level, review
period) and the nightly report lines (one per warehouse × variant, replaced wholesale by each run of
`fulfillment.services.replenishment.compute_replenishment`, which documents the formulas)."""

from decimal import Decimal
from statistics import NormalDist

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fulfillment.models.stock import Warehouse


class Supplier(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"), default=14,
                                                      help_text=_("Days from placing an order to the goods on the shelf."))
    min_order_quantity = models.PositiveIntegerField(_("minimum order"), default=1, validators=[MinValueValidator(1)])
    order_multiple = models.PositiveIntegerField(_("order multiple"), default=1, validators=[MinValueValidator(1)],
                                                 help_text=_("Orders are rounded up to a multiple of it (a carton, a pallet layer)."))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")

    def __str__(self):
        return self.name


class SupplierItem(models.Model):
    """A supplier delivers this variant: to one warehouse, or (warehouse empty) to every warehouse without its own row."""

    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="items", verbose_name=_("supplier"))
    variant = models.ForeignKey("shop.ProductVariant", on_delete=models.CASCADE, related_name="+", verbose_name=_("variant"))
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("warehouse"),
                                  help_text=_("Empty: every warehouse."))
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"), null=True, blank=True, help_text=_("Empty: the supplier's."))
    pack_size = models.PositiveIntegerField(_("pack size"), null=True, blank=True, validators=[MinValueValidator(1)],
                                            help_text=_("Empty: the supplier's order multiple."))

    class Meta:
        verbose_name = _("supplier item")
        verbose_name_plural = _("supplier items")
        constraints = [
            models.UniqueConstraint(fields=("variant", "warehouse"), name="supplieritem_unique_variant_warehouse"),
            models.UniqueConstraint(fields=("variant",), condition=Q(warehouse=None), name="supplieritem_unique_variant_everywhere"),
        ]

    def __str__(self):
        return f"{self.supplier} → {self.variant_id}"


class ReplenishmentSettings(models.Model):
    """The merchant's choices, one row (`load()`)."""

    service_level = models.DecimalField(_("service level"), max_digits=5, decimal_places=4, default=Decimal("0.95"),
                                        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("0.9999"))],
                                        help_text=_("Share of replenishment cycles without running out, e.g. 0.95 for 95 %."))
    review_days = models.PositiveSmallIntegerField(_("review period (days)"), default=7,
                                                   help_text=_("Days between two orders: an order covers them too."))
    default_lead_time_days = models.PositiveSmallIntegerField(_("lead time without a supplier (days)"), default=14)
    surplus_cover_days = models.PositiveSmallIntegerField(_("surplus above (days of cover)"), default=30,
                                                          help_text=_("Stock above the reorder point plus this many days of sales may be sent to another warehouse."))

    class Meta:
        verbose_name = _("replenishment settings")
        verbose_name_plural = _("replenishment settings")

    def __str__(self):
        return str(_("replenishment settings"))

    @classmethod
    def load(cls) -> "ReplenishmentSettings":
        return cls.objects.get_or_create(pk=1)[0]

    @property
    def z(self) -> float:
        """The standard normal quantile of the service level (0.95 → 1.645)."""
        return NormalDist().inv_cdf(float(self.service_level))


class ReplenishmentLine(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, related_name="+", verbose_name=_("warehouse"))
    variant = models.ForeignKey("shop.ProductVariant", on_delete=models.CASCADE, related_name="+", verbose_name=_("variant"))
    supplier = models.ForeignKey(Supplier, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("supplier"))
    computed_at = models.DateTimeField(_("computed"))
    velocity_28 = models.FloatField(_("sales per day (28 days)"))
    velocity_90 = models.FloatField(_("sales per day (90 days)"))
    demand_std_dev = models.FloatField(_("daily demand std. dev."))
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"))
    safety_stock = models.PositiveIntegerField(_("safety stock"))
    reorder_point = models.PositiveIntegerField(_("reorder point"))
    on_hand = models.PositiveIntegerField(_("on hand"))
    allocated = models.PositiveIntegerField(_("allocated"))
    in_transit = models.PositiveIntegerField(_("in transit"))
    available = models.IntegerField(_("available"))
    days_of_cover = models.FloatField(_("days of cover"), null=True, blank=True)
    urgency = models.FloatField(_("cover ÷ lead time"), null=True, blank=True, db_index=True,
                                help_text=_("Below 1: it runs out before a new order can arrive. Empty: no sales."))
    suggested_order_quantity = models.PositiveIntegerField(_("order"))
    transfer_from = models.ForeignKey(Warehouse, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                      verbose_name=_("transfer from"))
    transfer_quantity = models.PositiveIntegerField(_("transfer"), default=0)

    class Meta:
        verbose_name = _("replenishment line")
        verbose_name_plural = _("replenishment")
        indexes = [models.Index(fields=("warehouse", "variant"), name="replenishment_wh_variant")]

    def __str__(self):
        return f"{self.variant} @ {self.warehouse}"
