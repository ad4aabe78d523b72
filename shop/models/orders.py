"""Orders, their event log, invoices and the gapless counters behind order and invoice numbers.

An order is a snapshot: currency, every unit price, tax rate, the FX rate and the addresses are copied when it is
placed and never recomputed. Amounts are Decimals in `Order.currency` (3 decimal places stored so 3-decimal
currencies fit; each amount is already rounded to the currency's minor unit)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from shop.models.catalog import Market, ProductVariant
from shop.models.checkout import PaymentMethod, ShippingMethod, Voucher
from shop.storage import private_storage


def _amount(verbose_name):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=3, default=0)


class OrderStatus(models.TextChoices):
    AWAITING_PAYMENT = "awaiting_payment", _("Awaiting payment")
    PAID = "paid", _("Paid")
    PARTIALLY_SHIPPED = "partially_shipped", _("Partially shipped")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


# Allowed moves of the status machine. Cash on delivery orders may be shipped before they are paid.
ORDER_TRANSITIONS = {
    OrderStatus.AWAITING_PAYMENT: {OrderStatus.PAID, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.CANCELLED},
    OrderStatus.PAID: {OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.CANCELLED},
    OrderStatus.PARTIALLY_SHIPPED: {OrderStatus.SHIPPED},
    OrderStatus.SHIPPED: {OrderStatus.DELIVERED},
    OrderStatus.DELIVERED: set(),
    OrderStatus.CANCELLED: set(),
}


class TaxTreatment(models.TextChoices):
    DOMESTIC = "domestic", _("VAT of the destination")
    IOSS = "ioss", _("Import VAT collected at checkout (IOSS)")
    UK_LOW_VALUE = "uk_low_value", _("UK VAT collected at checkout (consignment up to £135)")
    IMPORT_ON_DELIVERY = "import_on_delivery", _("Import VAT and duties due on delivery")
    REVERSE_CHARGE = "reverse_charge", _("Reverse charge")


class Order(models.Model):
    number = models.CharField(_("number"), max_length=32, unique=True)
    cart_token = models.UUIDField(_("cart"), unique=True, null=True, blank=True, editable=False,
                                  help_text=_("The cart it was placed from: a second submit finds this order."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="orders",
                             verbose_name=_("account"))
    email = models.EmailField(_("e-mail"), db_index=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    market = models.ForeignKey(Market, on_delete=models.PROTECT, related_name="orders", verbose_name=_("market"))
    currency = models.CharField(_("currency"), max_length=3)
    prices_include_tax = models.BooleanField(_("prices shown with tax"))
    status = models.CharField(_("status"), max_length=24, choices=OrderStatus.choices, default=OrderStatus.AWAITING_PAYMENT,
                              db_index=True)
    payment_method = models.CharField(_("payment method"), max_length=32, choices=PaymentMethod.choices)
    shipping_address = models.JSONField(_("shipping address"))
    billing_address = models.JSONField(_("billing address"))
    vat_number = models.CharField(_("buyer's VAT number"), max_length=20, blank=True)
    vat_number_check = models.CharField(
        _("VAT number check"), max_length=16, blank=True,
        choices=[("not_checked", _("Not checked (VIES not configured)")), ("valid", _("Confirmed by VIES")),
                 ("invalid", _("Not valid according to VIES")), ("unavailable", _("VIES did not answer"))],
        help_text=_("What the EU's VIES service said about the buyer's VAT number when the order was placed."))
    vat_number_checked_at = models.DateTimeField(_("VAT number checked at"), null=True, blank=True)
    vat_number_consultation = models.CharField(_("VIES consultation number"), max_length=64, blank=True)
    shipping_method = models.ForeignKey(ShippingMethod, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                        verbose_name=_("shipping method"))
    shipping_method_name = models.CharField(_("shipping"), max_length=120)
    carrier = models.CharField(_("carrier"), max_length=60)
    delivery_earliest = models.DateField(_("delivery from"))
    delivery_latest = models.DateField(_("delivery by"))
    shipping_net = _amount(_("shipping net"))
    shipping_gross = _amount(_("shipping gross"))
    shipping_tax_rate = models.DecimalField(_("shipping tax rate %"), max_digits=6, decimal_places=3, default=0)
    subtotal_net = _amount(_("goods net"))
    subtotal_gross = _amount(_("goods gross"))
    discount = _amount(_("discount"))
    voucher = models.ForeignKey(Voucher, on_delete=models.SET_NULL, null=True, blank=True, related_name="orders",
                                verbose_name=_("voucher"))
    voucher_code = models.CharField(_("voucher code"), max_length=40, blank=True)
    total_net = _amount(_("total net"))
    total_tax = _amount(_("total tax"))
    total_gross = _amount(_("total"))
    base_currency = models.CharField(_("base currency"), max_length=3, default=settings.BASE_CURRENCY)
    fx_rate = models.DecimalField(_("exchange rate"), max_digits=20, decimal_places=10, default=1,
                                  help_text=_("Units of the order currency per unit of the base currency when placed."))
    total_net_base = _amount(_("total net (base currency)"))
    total_gross_base = _amount(_("total (base currency)"))
    ioss_number = models.CharField(_("IOSS number"), max_length=20, blank=True)
    tax_notes = models.JSONField(_("tax notes"), default=list, blank=True, help_text=_("Codes of the tax treatments that apply."))
    created_at = models.DateTimeField(_("placed"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    needs_confirmation = models.BooleanField(
        _("needs confirmation"), default=False,
        help_text=_("Cash on delivery from an unverified e-mail address: the buyer (by the link in the order e-mail) or "
                    "staff must confirm it within CARAVAN_COD_CONFIRM_HOURS, else it is cancelled."))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        constraints = [
            models.CheckConstraint(condition=Q(total_gross__gte=0) & Q(total_net__gte=0) & Q(discount__gte=0), name="order_totals_non_negative"),
        ]
        indexes = [models.Index(fields=("status", "payment_method", "created_at"), name="order_unpaid_sweep")]

    def __str__(self):
        return self.number

    @property
    def awaiting_confirmation(self) -> bool:
        return self.needs_confirmation and self.confirmed_at is None and self.status == OrderStatus.AWAITING_PAYMENT


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines", verbose_name=_("order"))
    variant = models.ForeignKey(ProductVariant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("variant"))
    product_name = models.CharField(_("product"), max_length=200)
    variant_name = models.CharField(_("variant"), max_length=200, blank=True)
    sku = models.CharField(_("SKU"), max_length=64)
    quantity = models.PositiveIntegerField(_("quantity"))
    unit_net = _amount(_("unit net"))
    unit_gross = _amount(_("unit gross"))
    tax_rate = models.DecimalField(_("tax rate %"), max_digits=6, decimal_places=3)
    tax_treatment = models.CharField(_("tax treatment"), max_length=24, choices=TaxTreatment.choices, default=TaxTreatment.DOMESTIC)
    discount = _amount(_("discount"))
    total_net = _amount(_("line net"))
    total_gross = _amount(_("line gross"))
    weight_grams = models.PositiveIntegerField(_("unit weight (g)"), default=0)

    class Meta:
        ordering = ("pk",)
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="orderline_quantity_positive"),
            models.CheckConstraint(condition=Q(total_gross__gte=F("total_net")), name="orderline_gross_gte_net"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.sku}"

    @property
    def total_tax(self):
        return self.total_gross - self.total_net


class OrderEvent(models.Model):
    class Kind(models.TextChoices):
        PLACED = "placed", _("Placed")
        STATUS = "status", _("Status changed")
        PAYMENT = "payment", _("Payment")
        EMAIL = "email", _("E-mail sent")
        INVOICE = "invoice", _("Invoice issued")
        NOTE = "note", _("Note")

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events", verbose_name=_("order"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    message = models.CharField(_("message"), max_length=300)
    data = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("by"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")
        verbose_name = _("order event")
        verbose_name_plural = _("order events")

    def __str__(self):
        return f"{self.order_id} {self.kind}: {self.message}"


class Counter(models.Model):
    """A gapless sequence per name and year: the row is locked with SELECT … FOR UPDATE in the transaction that
    uses the number, so a rolled-back transaction gives its number back and two transactions never share one."""

    name = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("name", "year"), name="counter_unique_name_year")]

    def __str__(self):
        return f"{self.name} {self.year}: {self.value}"


def invoice_path(instance, filename):
    return f"invoices/{instance.year}/{filename}"


class Invoice(models.Model):
    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="invoice", verbose_name=_("order"))
    number = models.CharField(_("number"), max_length=32, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    pdf = models.FileField(_("PDF"), upload_to=invoice_path, storage=private_storage, blank=True, max_length=255)

    class Meta:
        ordering = ("-year", "-sequence")
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [models.UniqueConstraint(fields=("year", "sequence"), name="invoice_unique_year_sequence")]

    def __str__(self):
        return self.number
