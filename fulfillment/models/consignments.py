"""Consignments: the part of an order that ships from one warehouse, priced and dated at checkout, then picked
(batched on a pick list, sorted by bin), packed into parcels, dispatched with a carrier's tracking number and
followed by tracking events until it is delivered.

fulfillment does not import shop: the order and its lines are referenced by string, and what documents need
(address, language, values, customs numbers) is copied onto the consignment when shop creates it."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class ConsignmentStatus(models.TextChoices):
    PENDING = "pending", _("awaiting payment")
    BACKORDERED = "backordered", _("back-ordered")
    READY = "ready", _("ready to pick")
    PICKING = "picking", _("on a pick list")
    PICKED = "picked", _("picked")
    PACKED = "packed", _("packed")
    DISPATCHED = "dispatched", _("dispatched")
    DELIVERED = "delivered", _("delivered")
    RETURNED = "returned", _("returned to sender")
    CANCELLED = "cancelled", _("cancelled")


TERMINAL_STATUSES = (ConsignmentStatus.DELIVERED, ConsignmentStatus.RETURNED, ConsignmentStatus.CANCELLED)
OPEN_STATUSES = (ConsignmentStatus.READY, ConsignmentStatus.PICKING, ConsignmentStatus.PICKED, ConsignmentStatus.PACKED)


class TrackingKind(models.TextChoices):
    PICKED_UP = "picked_up", _("picked up by the carrier")
    IN_TRANSIT = "in_transit", _("in transit")
    CUSTOMS_HOLD = "customs_hold", _("held at customs")
    CUSTOMS_CLEARED = "customs_cleared", _("cleared customs")
    OUT_FOR_DELIVERY = "out_for_delivery", _("out for delivery")
    DELIVERED = "delivered", _("delivered")
    EXCEPTION = "exception", _("delivery problem")
    RETURNED = "returned", _("returned to sender")


class PickList(models.Model):
    """A batch of a warehouse's paid, unshipped consignments, picked in one walk through the bins."""

    warehouse = models.ForeignKey("fulfillment.Warehouse", on_delete=models.PROTECT, related_name="pick_lists",
                                  verbose_name=_("warehouse"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("by"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("pick list")
        verbose_name_plural = _("pick lists")
        indexes = [models.Index(fields=("warehouse", "completed_at"), name="picklist_open")]

    def __str__(self):
        return f"P-{self.pk}"


class Consignment(models.Model):
    order = models.ForeignKey("shop.Order", on_delete=models.CASCADE, related_name="consignments", verbose_name=_("order"))
    number = models.CharField(_("number"), max_length=40, unique=True)
    warehouse = models.ForeignKey("fulfillment.Warehouse", on_delete=models.PROTECT, related_name="consignments",
                                  verbose_name=_("ships from"))
    status = models.CharField(_("status"), max_length=16, choices=ConsignmentStatus.choices, default=ConsignmentStatus.PENDING,
                              db_index=True)
    allocation_reference = models.CharField(_("allocation reference"), max_length=64, editable=False,
                                            help_text=_("The allocations it ships (the order's)."))
    # Copied from the order when it is created: documents and e-mails need nothing from shop.
    ship_to = models.JSONField(_("ship to"), default=dict)
    destination = CountryField(_("to country"))
    email = models.EmailField(_("buyer's e-mail"), blank=True)
    language = models.CharField(_("buyer's language"), max_length=10, choices=settings.LANGUAGES, default="en")
    currency = models.CharField(_("currency"), max_length=3)
    shipping_net = models.DecimalField(_("shipping net"), max_digits=14, decimal_places=3, default=0)
    shipping_gross = models.DecimalField(_("shipping gross"), max_digits=14, decimal_places=3, default=0)
    shipping_tax_rate = models.DecimalField(_("shipping tax rate %"), max_digits=6, decimal_places=3, default=0)
    goods_value = models.DecimalField(_("goods value (net)"), max_digits=14, decimal_places=3, default=0,
                                      help_text=_("What the buyer paid for the goods in it, net of VAT: the customs value."))
    cod_amount = models.DecimalField(_("to collect on delivery"), max_digits=14, decimal_places=3, default=0)
    needs_customs = models.BooleanField(_("leaves the customs territory"), default=False)
    import_vat_scheme = models.CharField(_("import VAT scheme"), max_length=24, blank=True,
                                         help_text=_("ioss or uk_low_value when VAT was collected at checkout."))
    import_vat_number = models.CharField(_("IOSS / UK VAT number"), max_length=24, blank=True)
    # The shipping the buyer chose for it.
    method_name = models.CharField(_("shipping"), max_length=120)
    shipping_method_id = models.PositiveIntegerField(_("shipping method id"), null=True, blank=True)
    carrier = models.ForeignKey("fulfillment.Carrier", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("carrier"))
    service = models.ForeignKey("fulfillment.CarrierService", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("service"))
    tracking_number = models.CharField(_("tracking number"), max_length=64, blank=True, db_index=True)
    weight_grams = models.PositiveIntegerField(_("goods weight (g)"), default=0)
    distance_km = models.PositiveIntegerField(_("distance (km)"), default=0)
    co2e_grams = models.PositiveIntegerField(_("CO2e estimate (g)"), default=0)
    transit_min_days = models.PositiveSmallIntegerField(_("transit from (working days)"), default=0)
    transit_max_days = models.PositiveSmallIntegerField(_("transit up to (working days)"), default=0)
    promised_earliest = models.DateField(_("promised from"))
    promised_latest = models.DateField(_("promised by"))
    estimated_delivery = models.DateField(_("estimated delivery"), null=True, blank=True)
    pick_list = models.ForeignKey(PickList, on_delete=models.SET_NULL, null=True, blank=True, related_name="consignments",
                                  verbose_name=_("pick list"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    ready_at = models.DateTimeField(_("ready to pick"), null=True, blank=True)
    picked_at = models.DateTimeField(_("picked"), null=True, blank=True)
    packed_at = models.DateTimeField(_("packed"), null=True, blank=True)
    dispatched_at = models.DateTimeField(_("dispatched"), null=True, blank=True, db_index=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    late_since = models.DateTimeField(_("flagged late"), null=True, blank=True)
    customs_stuck_since = models.DateTimeField(_("flagged stuck in customs"), null=True, blank=True)
    buyer_told_delay_at = models.DateTimeField(_("buyer told of the delay"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("consignment")
        verbose_name_plural = _("consignments")
        indexes = [
            models.Index(fields=("warehouse", "status", "created_at"), name="consignment_wh_status"),
            models.Index(fields=("status", "promised_latest"), name="consignment_status_promised"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(shipping_gross__gte=F("shipping_net")) & Q(shipping_net__gte=0),
                                   name="consignment_shipping_amounts"),
            models.CheckConstraint(condition=Q(promised_latest__gte=F("promised_earliest")), name="consignment_promise_range"),
        ]

    def __str__(self):
        return self.number

    @property
    def tracking_url(self) -> str:
        return self.carrier.tracking_url(self.tracking_number) if self.carrier_id else ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def co2e_kg(self):
        return (Decimal(self.co2e_grams) / 1000).quantize(Decimal("0.01"))


class ConsignmentLine(models.Model):
    consignment = models.ForeignKey(Consignment, on_delete=models.CASCADE, related_name="lines", verbose_name=_("consignment"))
    order_line = models.ForeignKey("shop.OrderLine", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                   verbose_name=_("order line"))
    variant = models.ForeignKey("shop.ProductVariant", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("variant"))
    sku = models.CharField(_("SKU"), max_length=64)
    ean = models.CharField(_("EAN"), max_length=14, blank=True)
    name = models.CharField(_("name"), max_length=300)
    quantity = models.PositiveIntegerField(_("quantity"))
    quantity_picked = models.PositiveIntegerField(_("picked"), null=True, blank=True)
    unit_value = models.DecimalField(_("unit value (net)"), max_digits=14, decimal_places=3, default=0)
    unit_weight_grams = models.PositiveIntegerField(_("unit weight (g)"), default=0)
    # Customs facts: read from the variant when documents are made, frozen here at dispatch.
    hs_code = models.CharField(_("HS code"), max_length=12, blank=True)
    origin_country = CountryField(_("country of origin"), blank=True)
    customs_description = models.CharField(_("customs description"), max_length=200, blank=True)

    class Meta:
        ordering = ("pk",)
        verbose_name = _("consignment line")
        verbose_name_plural = _("consignment lines")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="consignmentline_quantity_positive"),
            models.CheckConstraint(condition=Q(quantity_picked__isnull=True) | Q(quantity_picked__lte=F("quantity")),
                                   name="consignmentline_picked_lte_quantity"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.sku}"


class Parcel(models.Model):
    consignment = models.ForeignKey(Consignment, on_delete=models.CASCADE, related_name="parcels", verbose_name=_("consignment"))
    packaging = models.ForeignKey("fulfillment.PackagingType", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                  verbose_name=_("packaging"))
    weight_grams = models.PositiveIntegerField(_("weight (g)"))
    length_mm = models.PositiveIntegerField(_("length (mm)"))
    width_mm = models.PositiveIntegerField(_("width (mm)"))
    height_mm = models.PositiveIntegerField(_("height (mm)"))
    created_at = models.DateTimeField(_("packed"), default=timezone.now)

    class Meta:
        ordering = ("pk",)
        verbose_name = _("parcel")
        verbose_name_plural = _("parcels")
        constraints = [models.CheckConstraint(condition=Q(weight_grams__gt=0), name="parcel_weight_positive")]

    def __str__(self):
        return f"{self.consignment_id}: {self.weight_grams} g"


class TrackingEvent(models.Model):
    class Source(models.TextChoices):
        STAFF = "staff", _("staff")
        CARRIER = "carrier", _("carrier")
        PARTNER = "partner", _("partner")
        SYSTEM = "system", _("system")

    consignment = models.ForeignKey(Consignment, on_delete=models.CASCADE, related_name="tracking_events", verbose_name=_("consignment"))
    kind = models.CharField(_("event"), max_length=20, choices=TrackingKind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    location = models.CharField(_("where"), max_length=120, blank=True)
    message = models.CharField(_("message"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.STAFF)
    external_id = models.CharField(_("carrier's event id"), max_length=64, blank=True,
                                   help_text=_("A carrier sending the same event twice records it once."))
    estimated_delivery = models.DateField(_("new estimated delivery"), null=True, blank=True)
    cod_collected = models.BooleanField(_("cash collected"), default=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("by"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("at", "pk")
        verbose_name = _("tracking event")
        verbose_name_plural = _("tracking events")
        constraints = [
            models.UniqueConstraint(fields=("consignment", "external_id"), condition=~Q(external_id=""),
                                    name="trackingevent_unique_external_id"),
        ]
        indexes = [models.Index(fields=("consignment", "at"), name="trackingevent_consignment_at")]

    def __str__(self):
        return f"{self.consignment_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"
