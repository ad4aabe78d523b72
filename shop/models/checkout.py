"""Carts and what checkout needs: the buyer's address book, shipping methods priced by weight band, vouchers."""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from djmoney.models.fields import MoneyField
from djmoney.models.validators import MinMoneyValidator

from payments.models import Provider as PaymentMethod  # an order's payment method is its payment provider
from shop.models.catalog import CURRENCY_CHOICES, Market, ProductVariant


class Cart(models.Model):
    """A buyer's cart: kept by token in the guest's session, or tied to an account. Prices are never stored
    here; they come from the pricing policy of the cart's market each time, so switching market re-prices it.
    The checkout fields hold what the buyer typed so far; the order copies them when it is placed."""

    token = models.UUIDField(_("token"), unique=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="carts", verbose_name=_("user")
    )
    market = models.ForeignKey(Market, on_delete=models.PROTECT, related_name="carts", verbose_name=_("market"))
    email = models.EmailField(_("e-mail"), blank=True)
    shipping_address = models.JSONField(_("shipping address"), null=True, blank=True)
    billing_address = models.JSONField(_("billing address"), null=True, blank=True, help_text=_("Empty: same as shipping."))
    shipping_method = models.ForeignKey(
        "ShippingMethod", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("shipping method")
    )
    voucher = models.ForeignKey("Voucher", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("voucher"))
    payment_method = models.CharField(_("payment method"), max_length=32, choices=PaymentMethod.choices, blank=True)
    reserved_until = models.DateTimeField(_("stock reserved until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("cart")
        verbose_name_plural = _("carts")

    def __str__(self):
        return str(self.token)

    @property
    def reservation_reference(self) -> str:
        return f"cart:{self.pk}"


class CartLine(models.Model):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="lines", verbose_name=_("cart"))
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, related_name="+", verbose_name=_("variant"))
    quantity = models.PositiveIntegerField(_("quantity"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")
        verbose_name = _("cart line")
        verbose_name_plural = _("cart lines")
        constraints = [
            models.UniqueConstraint(fields=("cart", "variant"), name="cartline_unique_variant"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="cartline_quantity_positive"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.variant_id}"


ADDRESS_FIELDS = ("full_name", "company", "line1", "line2", "postcode", "city", "region", "country", "phone")


class Address(models.Model):
    """An entry in a buyer's address book. Checkout and orders keep copies (dicts of ADDRESS_FIELDS), so editing
    or deleting an entry never changes a placed order."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="addresses", verbose_name=_("user"))
    full_name = models.CharField(_("full name"), max_length=120)
    company = models.CharField(_("company"), max_length=120, blank=True)
    line1 = models.CharField(_("address"), max_length=200)
    line2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)  # Japan: part of the street address
    region = models.CharField(_("region / state / prefecture"), max_length=100, blank=True)
    country = CountryField(_("country"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True)
    is_default = models.BooleanField(_("default address"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-is_default", "-created_at")
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self):
        return f"{self.full_name}, {self.city} ({self.country.code})"

    def as_dict(self) -> dict:
        data = {name: str(getattr(self, name) or "") for name in ADDRESS_FIELDS}
        data["country"] = self.country.code
        return data


class ShippingLevel(models.TextChoices):
    ECONOMY = "economy", _("economy")
    STANDARD = "standard", _("standard")
    EXPRESS = "express", _("express")


class ShippingMethod(models.Model):
    """A carrier service from one warehouse; priced by the parcel's weight band (ShippingRate)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    carrier = models.CharField(_("carrier"), max_length=60)
    warehouse = models.ForeignKey(
        "fulfillment.Warehouse", on_delete=models.CASCADE, related_name="shipping_methods", verbose_name=_("ships from")
    )
    countries = CountryField(
        _("destinations"), multiple=True, blank=True, help_text=_("Empty: every country the warehouse serves.")
    )
    service = models.ForeignKey(
        "fulfillment.CarrierService", on_delete=models.PROTECT, null=True, blank=True, related_name="shipping_methods",
        verbose_name=_("carrier service"),
        help_text=_("Its lanes give transit days and distance per destination, and its transport mode the CO2 estimate."))
    level = models.CharField(_("speed"), max_length=12, choices=ShippingLevel.choices, default=ShippingLevel.STANDARD,
                             help_text=_("When an order ships from several warehouses, each parcel goes at the same speed."))
    min_days = models.PositiveSmallIntegerField(_("delivery from (working days)"), default=2)
    max_days = models.PositiveSmallIntegerField(_("delivery up to (working days)"), default=5)
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ("position", "code")
        verbose_name = _("shipping method")
        verbose_name_plural = _("shipping methods")
        constraints = [models.CheckConstraint(condition=Q(max_days__gte=F("min_days")), name="shipping_days_range")]

    def __str__(self):
        return f"{self.name} ({self.carrier})"


class ShippingRate(models.Model):
    """Net price of a parcel up to `max_weight_grams` (the lightest band that fits applies)."""

    method = models.ForeignKey(ShippingMethod, on_delete=models.CASCADE, related_name="rates", verbose_name=_("shipping method"))
    max_weight_grams = models.PositiveIntegerField(_("up to weight (g)"))
    price = MoneyField(
        _("net price"), max_digits=12, decimal_places=3, default_currency=settings.BASE_CURRENCY, currency_choices=CURRENCY_CHOICES,
        validators=[MinMoneyValidator(0)],  # djmoney's: Django's MinValueValidator cannot compare Money with 0 (500 on save)
    )

    class Meta:
        ordering = ("method", "max_weight_grams")
        verbose_name = _("weight band")
        verbose_name_plural = _("weight bands")
        constraints = [models.UniqueConstraint(fields=("method", "max_weight_grams"), name="shippingrate_unique_band")]

    def __str__(self):
        return f"≤ {self.max_weight_grams} g: {self.price}"


class VoucherKind(models.TextChoices):
    PERCENTAGE = "percentage", _("Percentage off the goods")
    FIXED = "fixed", _("Fixed amount off the goods")


class Voucher(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True, help_text=_("Buyers type it in any case; stored in capitals."))
    kind = models.CharField(_("kind"), max_length=16, choices=VoucherKind.choices, default=VoucherKind.PERCENTAGE)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=3, validators=[MinValueValidator(0)],
                                help_text=_("Percent, or an amount in the voucher's currency."))
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, default=settings.BASE_CURRENCY,
                                help_text=_("Currency of a fixed amount and of the minimum spend; converted for other markets."))
    min_spend = models.DecimalField(_("minimum spend"), max_digits=12, decimal_places=3, null=True, blank=True,
                                    help_text=_("Goods total as shown to the buyer, in the voucher's currency."))
    markets = models.ManyToManyField(Market, blank=True, related_name="vouchers", verbose_name=_("markets"),
                                     help_text=_("Empty: every market."))
    starts_at = models.DateTimeField(_("valid from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("valid until"), null=True, blank=True)
    usage_limit = models.PositiveIntegerField(_("total uses"), null=True, blank=True, help_text=_("Empty: unlimited."))
    per_customer_limit = models.PositiveIntegerField(_("uses per customer"), null=True, blank=True, help_text=_("Empty: unlimited."))
    email = models.EmailField(_("only for e-mail"), blank=True, help_text=_("Tie the code to one buyer's e-mail address."))
    times_used = models.PositiveIntegerField(_("times used"), default=0, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("voucher")
        verbose_name_plural = _("vouchers")
        constraints = [
            models.CheckConstraint(condition=Q(kind="fixed") | Q(value__lte=100), name="voucher_percentage_lte_100"),
            models.CheckConstraint(condition=Q(usage_limit__isnull=True) | Q(times_used__lte=F("usage_limit")),
                                   name="voucher_used_lte_limit"),
        ]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        self.code = self.code.strip().upper()
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class VoucherRedemption(models.Model):
    voucher = models.ForeignKey(Voucher, on_delete=models.PROTECT, related_name="redemptions", verbose_name=_("voucher"))
    order = models.OneToOneField("Order", on_delete=models.CASCADE, related_name="voucher_redemption", verbose_name=_("order"))
    email = models.EmailField(_("e-mail"), db_index=True)
    email_normalized = models.CharField(_("customer e-mail (normalised)"), max_length=254, blank=True, editable=False,
                                        help_text=_("Lower case, without +tag; Gmail without dots: once-per-customer "
                                                    "limits count by it."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("account"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voucher use")
        verbose_name_plural = _("voucher uses")
        indexes = [
            models.Index(fields=("voucher", "email_normalized"), name="redemption_voucher_email"),
            models.Index(fields=("voucher", "user"), name="redemption_voucher_user"),
        ]

    def __str__(self):
        return f"{self.voucher_id} → {self.order_id}"
