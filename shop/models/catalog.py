"""Catalogue, markets and tax. Translated fields are registered in `translation.py` (modeltranslation)."""

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from djmoney.models.fields import MoneyField
from djmoney.models.validators import MinMoneyValidator

from payments.providers import available_providers, is_registered, registered_providers

CURRENCY_CHOICES = [(c, c) for c in settings.CURRENCIES]

HS_CODE = RegexValidator(r"^\d{6,10}$", _("Enter the HS code as 6 to 10 digits, without dots or spaces."))


def validate_gtin(value: str) -> None:
    """An EAN-8, UPC-A (12), EAN-13 or GTIN-14 with a correct check digit (python-stdnum)."""
    from stdnum import ean

    if value and not ean.is_valid(value):
        raise ValidationError(_("This is not a valid EAN/GTIN: 8, 12, 13 or 14 digits with a correct check digit."))


class RoundingRule(models.TextChoices):
    EXACT = "exact", _("Round to the currency's smallest unit")
    WHOLE = "whole", _("Round to whole units")
    ENDING_99 = "ending_99", _("Round up to .99 endings")
    NEAREST_0_05 = "nearest_0_05", _("Round to the nearest 0.05")
    UP_TO_10 = "up_to_10", _("Round up to the next 10 (e.g. yen)")


def default_payment_methods() -> list[str]:
    """A new market offers every registered payment provider (settings.CARAVAN_PAYMENT_PROVIDERS) until the merchant chooses."""
    return list(registered_providers())


class Market(models.Model):
    code = models.SlugField(_("code"), max_length=16, unique=True, help_text=_("Used in links, after ?market= (for example ?market=eu)."))
    name = models.CharField(_("name"), max_length=80)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)
    countries = CountryField(_("countries"), multiple=True)
    default_country = CountryField(_("default country"), help_text=_("Used for tax display before an address is known."))
    default_language = models.CharField(_("default language"), max_length=10, choices=settings.LANGUAGES)
    prices_include_tax = models.BooleanField(_("prices include tax"), default=True)
    rounding_rule = models.CharField(_("rounding rule"), max_length=20, choices=RoundingRule.choices, default=RoundingRule.EXACT)
    is_default = models.BooleanField(_("default market"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    payment_methods = models.JSONField(
        _("payment methods"), default=default_payment_methods,
        help_text=_("Offered at checkout. Card payments appear only when Stripe keys are configured."),
    )
    invoice_registration_label = models.CharField(
        _("registration label on invoices"), max_length=80, blank=True,
        help_text=_("For example “Registration number (T-number)”, “UK VAT number”, “MWST-Nr.”."),
    )
    invoice_registration_number = models.CharField(
        _("registration number on invoices"), max_length=40, blank=True,
        help_text=_("The seller's tax registration in this market, printed on its invoices: Japan's qualified-invoice "
                    "number (T + 13 digits), a VAT number. Empty: the VAT numbers from the settings."),
    )

    class Meta:
        ordering = ("position", "code")
        verbose_name = _("market")
        verbose_name_plural = _("markets")
        constraints = [
            models.UniqueConstraint(fields=("is_default",), condition=Q(is_default=True), name="market_single_default"),
        ]

    def __str__(self):
        return f"{self.name} ({self.currency})"

    def clean(self):
        if self.default_country and self.countries and self.default_country.code not in {c.code for c in self.countries}:
            raise ValidationError({"default_country": _("The default country must be one of the market's countries.")})
        methods = self.payment_methods
        if not isinstance(methods, list) or not methods or any(not is_registered(m) for m in methods) or len(set(methods)) < len(methods):
            raise ValidationError({"payment_methods": _("Choose at least one payment method.")})
        if not available_providers(methods):
            raise ValidationError({"payment_methods": _("Card payments need Stripe keys, which are not configured: add another payment method.")})


class TaxClass(models.TextChoices):
    STANDARD = "standard", _("Standard rate")
    REDUCED = "reduced", _("Reduced rate")
    ZERO = "zero", _("Zero rate")


class TaxRate(models.Model):
    country = CountryField(_("country"))
    tax_class = models.CharField(_("tax class"), max_length=16, choices=TaxClass.choices, default=TaxClass.STANDARD)
    rate = models.DecimalField(
        _("rate (%)"), max_digits=6, decimal_places=3, validators=[MinValueValidator(Decimal("0"))]
    )
    name = models.CharField(_("name"), max_length=40, blank=True, help_text=_("e.g. VAT, MwSt, GST, Sales tax"))

    class Meta:
        ordering = ("country", "tax_class")
        verbose_name = _("tax rate")
        verbose_name_plural = _("tax rates")
        constraints = [
            models.UniqueConstraint(fields=("country", "tax_class"), name="taxrate_unique_country_class"),
            models.CheckConstraint(condition=Q(rate__gte=0) & Q(rate__lt=100), name="taxrate_rate_range"),
        ]

    def __str__(self):
        return f"{self.country.code} {self.get_tax_class_display()} {self.rate}%"


class Category(models.Model):
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_featured = models.BooleanField(_("featured on home page"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    colour = models.CharField(
        _("colour"), max_length=7, default="#5b7083", validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$")]
    )

    class Meta:
        ordering = ("position", "slug")
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("A category cannot be its own parent.")})
            if self.parent.parent_id:
                raise ValidationError({"parent": _("Categories are two levels deep: choose a top-level parent.")})
            if self.pk and self.children.exists():
                raise ValidationError({"parent": _("This category has subcategories, so it must stay top-level.")})


class Attribute(models.Model):
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ("position", "slug")
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")

    def __str__(self):
        return self.name


class AttributeValue(models.Model):
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="values", verbose_name=_("attribute"))
    slug = models.SlugField(_("slug"), max_length=40)
    name = models.CharField(_("name"), max_length=60)
    swatch = models.CharField(
        _("swatch colour"), max_length=7, blank=True, validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$")]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ("attribute__position", "position", "slug")
        verbose_name = _("attribute value")
        verbose_name_plural = _("attribute values")
        constraints = [models.UniqueConstraint(fields=("attribute", "slug"), name="attrvalue_unique_slug")]

    def __str__(self):
        return f"{self.attribute} {self.name}"


class Product(models.Model):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products", verbose_name=_("category"))
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    tax_class = models.CharField(_("tax class"), max_length=16, choices=TaxClass.choices, default=TaxClass.STANDARD)
    is_published = models.BooleanField(_("published"), default=True)
    is_featured = models.BooleanField(_("featured"), default=False)
    is_returnable = models.BooleanField(_("returnable"), default=True,
                                        help_text=_("Untick for goods that cannot be sent back once opened (e.g. hygiene items)."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Stored full-text documents (PostgreSQL) for the languages it can stem, kept by shop.services.search.
    search_en = SearchVectorField(null=True, editable=False)
    search_de = SearchVectorField(null=True, editable=False)
    search_fr = SearchVectorField(null=True, editable=False)
    search_es = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [
            models.Index(fields=("category", "is_published", "-created_at"), name="product_cat_pub_created"),
            models.Index(fields=("is_featured", "is_published"), name="product_featured"),
        ]

    def __str__(self):
        return self.name


def product_image_path(instance, filename):
    return f"products/{instance.product_id or 'new'}/{filename}"


class ProductImage(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images", verbose_name=_("product"))
    image = models.ImageField(_("image"), upload_to=product_image_path, max_length=255)
    alt = models.CharField(_("alternative text"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ("position", "pk")
        verbose_name = _("product image")
        verbose_name_plural = _("product images")

    def __str__(self):
        return self.image.name


class ProductVariant(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants", verbose_name=_("product"))
    sku = models.CharField(_("SKU"), max_length=64, unique=True)
    attribute_values = models.ManyToManyField(AttributeValue, blank=True, related_name="variants", verbose_name=_("attributes"))
    base_price = MoneyField(
        _("base price (net)"),
        max_digits=14,
        decimal_places=3,
        default_currency=settings.BASE_CURRENCY,
        currency_choices=CURRENCY_CHOICES,
        validators=[MinMoneyValidator(0)],
        help_text=_("Net of tax. Other currencies are converted from it unless a fixed price is set."),
    )
    weight_grams = models.PositiveIntegerField(_("weight (g)"), default=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    ean = models.CharField(_("EAN / GTIN"), max_length=14, blank=True, db_index=True, validators=[validate_gtin],
                           help_text=_("The barcode on the item; scanning it at the packing desk finds the line."))
    hs_code = models.CharField(_("HS code"), max_length=12, blank=True, validators=[HS_CODE],
                               help_text=_("Customs tariff number, 6 to 10 digits (e.g. 6109100010). Needed to ship outside the "
                                           "warehouse's customs territory."))
    origin_country = CountryField(_("country of origin"), blank=True, help_text=_("Where it was made, for customs."))
    customs_description = models.CharField(
        _("customs description"), max_length=200, blank=True,
        help_text=_("What it is, plainly, for customs officers (e.g. \"men's cotton T-shirt, knitted\"); translated where the "
                    "destination needs it."))
    image = models.ForeignKey(ProductImage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("picture"),
                              help_text=_("One of the product's pictures, shown when a buyer chooses this variant."))

    class Meta:
        ordering = ("position", "pk")
        verbose_name = _("variant")
        verbose_name_plural = _("variants")
        constraints = [models.CheckConstraint(condition=Q(base_price__gte=0), name="variant_base_price_non_negative")]

    def __str__(self):
        return self.sku


class VariantPrice(models.Model):
    """A fixed price for one currency; it replaces the converted base price in every market using that currency.

    The amount is what the buyer sees: tax included where the market shows prices with tax.
    """

    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, related_name="fixed_prices", verbose_name=_("variant"))
    price = MoneyField(
        _("price"), max_digits=14, decimal_places=3, currency_choices=CURRENCY_CHOICES, validators=[MinMoneyValidator(0)]
    )

    class Meta:
        verbose_name = _("fixed price")
        verbose_name_plural = _("fixed prices")
        constraints = [
            models.UniqueConstraint(fields=("variant", "price_currency"), name="variantprice_unique_currency"),
            models.CheckConstraint(condition=Q(price__gte=0), name="variantprice_non_negative"),
        ]

    def __str__(self):
        return f"{self.variant} {self.price}"


class ProductMarketPrice(models.Model):
    """A product's listing entry in one market: its 'from' price there, computed by the pricing policy, plus
    copies of the product fields listings filter and sort on.

    Listing pages filter, count, sort and paginate on this narrow table alone (then load the 24 or 48 products
    shown), so a category page stays fast with 100 000 products. Rows are refreshed whenever a price, rate,
    tax rate, market or the product changes (`shop.services.pricing.refresh_market_prices`).
    """

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="market_prices")
    market = models.ForeignKey(Market, on_delete=models.CASCADE, related_name="product_prices")
    price_min = models.DecimalField(max_digits=14, decimal_places=3)
    price_max = models.DecimalField(max_digits=14, decimal_places=3)
    currency = models.CharField(max_length=3)
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+", db_index=False)
    root_category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+", db_index=False)
    is_published = models.BooleanField(default=True)
    is_featured = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=("market", "product"), name="productmarketprice_unique")]
        # Every listing (a subcategory, a top-level category with its subcategories, featured products) is an
        # equality prefix of one of these, so the newest/cheapest page is read in index order, not sorted.
        indexes = [
            models.Index(fields=("market", "category", "is_published", "created_at", "product"), name="pmp_cat_newest"),
            models.Index(fields=("market", "category", "is_published", "price_min", "product"), name="pmp_cat_price"),
            models.Index(fields=("market", "root_category", "is_published", "created_at", "product"), name="pmp_root_newest"),
            models.Index(fields=("market", "root_category", "is_published", "price_min", "product"), name="pmp_root_price"),
            models.Index(fields=("market", "is_featured", "is_published", "created_at", "product"), name="pmp_featured"),
        ]

    def __str__(self):
        return f"{self.product_id}@{self.market_id}: {self.price_min} {self.currency}"
