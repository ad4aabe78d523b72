"""Merchant back-office for markets, catalogue, prices, tax and exchange rates.

Translated fields get a tab per language (modeltranslation's tabbed admin).
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from djmoney.contrib.exchange.models import ExchangeBackend, Rate
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from fulfillment.admin import StockLevelForm, save_stock_level
from fulfillment.models import Stock
from fulfillment.services import StockError
from payments.providers import provider_choices
from shop.admin.returns import ReturnPolicyInline
from shop.models import (
    Attribute,
    AttributeValue,
    Cart,
    CartLine,
    Category,
    Market,
    Product,
    ProductImage,
    ProductVariant,
    TaxRate,
    VariantPrice,
)


class MarketForm(forms.ModelForm):
    payment_methods = forms.MultipleChoiceField(
        label=_("Payment methods"), choices=provider_choices, widget=forms.CheckboxSelectMultiple,
        help_text=Market._meta.get_field("payment_methods").help_text,
    )


@admin.register(Market)
class MarketAdmin(TabbedTranslationAdmin):
    form = MarketForm
    list_display = ("code", "name", "currency", "prices_include_tax", "rounding_rule", "default_language", "is_default", "is_active")
    list_editable = ("is_active",)
    list_filter = ("currency", "prices_include_tax", "is_active")
    search_fields = ("code", "name")
    ordering = ("position", "code")
    inlines = [ReturnPolicyInline]


@admin.register(TaxRate)
class TaxRateAdmin(admin.ModelAdmin):
    list_display = ("country", "tax_class", "rate", "name")
    list_filter = ("tax_class",)
    search_fields = ("country", "name")
    list_editable = ("rate",)


class SubcategoryInline(TranslationTabularInline):
    model = Category
    fk_name = "parent"
    fields = ("name", "slug", "position", "is_active")
    extra = 0
    show_change_link = True


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "parent", "position", "is_featured", "is_active", "product_count")
    list_filter = ("is_featured", "is_active", "parent")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    list_select_related = ("parent",)
    inlines = [SubcategoryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_products=Count("products"))

    @admin.display(description=_("products"), ordering="_products")
    def product_count(self, obj):
        return obj._products

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = Category.objects.filter(parent__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AttributeValueInline(TranslationTabularInline):
    model = AttributeValue
    extra = 1
    fields = ("name", "slug", "swatch", "position")


@admin.register(Attribute)
class AttributeAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "position")
    inlines = [AttributeValueInline]


class ProductImageInline(TranslationStackedInline):
    model = ProductImage
    extra = 0
    fields = ("image", "preview", "alt", "position")
    readonly_fields = ("preview",)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if obj.pk and obj.image:
            return format_html('<img src="{}" alt="" style="max-height:120px;border-radius:6px">', obj.image.url)
        return "—"


class VariantInline(admin.TabularInline):
    model = ProductVariant
    extra = 0
    fields = ("sku", "attribute_values", "base_price", "weight_grams", "image", "position", "is_active")
    show_change_link = True
    autocomplete_fields = ("attribute_values",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "image":  # only this product's pictures
            product_id = (request.resolver_match.kwargs or {}).get("object_id") if request.resolver_match else None
            kwargs["queryset"] = ProductImage.objects.filter(product_id=product_id) if product_id else ProductImage.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Product)
class ProductAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "category", "tax_class", "variant_count", "is_published", "is_featured", "is_returnable", "created_at")
    list_filter = ("is_published", "is_featured", "is_returnable", "tax_class", "category")
    list_editable = ("is_published", "is_featured")
    search_fields = ("name", "slug", "variants__sku")
    prepopulated_fields = {"slug": ("name_en",)}
    list_select_related = ("category",)
    autocomplete_fields = ("category",)
    inlines = [VariantInline, ProductImageInline]
    date_hierarchy = "created_at"
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_variants=Count("variants", distinct=True))

    @admin.display(description=_("variants"), ordering="_variants")
    def variant_count(self, obj):
        return obj._variants


class VariantPriceInline(admin.TabularInline):
    model = VariantPrice
    extra = 1
    verbose_name = _("fixed price for a currency")
    verbose_name_plural = _("fixed prices per currency (the price buyers see; overrides conversion)")


class StockInline(admin.TabularInline):
    """On hand per warehouse. Saved through fulfillment's stock services (a ledger move per change), see save_formset."""

    model = Stock
    form = StockLevelForm
    extra = 0
    fields = ("warehouse", "bin_location", "quantity", "quantity_allocated")
    readonly_fields = ("quantity_allocated",)
    can_delete = False  # set on hand to 0 instead: a stock row keeps its ledger


@admin.register(ProductVariant)
class ProductVariantAdmin(admin.ModelAdmin):
    list_display = ("sku", "product", "base_price", "weight_grams", "is_active")
    list_filter = ("is_active", "product__category")
    search_fields = ("sku", "product__name")
    list_select_related = ("product",)
    autocomplete_fields = ("product", "attribute_values")
    inlines = [VariantPriceInline, StockInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Stock:
            return super().save_formset(request, form, formset, change)
        # What formset.save() would record, for the change message in the admin's history.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for stock_form in formset.forms:
            if stock_form.has_changed() and stock_form.is_valid() and stock_form.cleaned_data:
                stock = stock_form.save(commit=False)
                stock.variant = form.instance
                is_new = stock.pk is None
                try:
                    save_stock_level(request, stock, stock_form)
                except StockError as exc:
                    messages.error(request, str(exc))
                    continue
                if is_new:
                    formset.new_objects.append(stock)
                else:
                    formset.changed_objects.append((stock, stock_form.changed_data))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "image":  # only the variant's product's pictures
            object_id = (request.resolver_match.kwargs or {}).get("object_id") if request.resolver_match else None
            product_id = ProductVariant.objects.filter(pk=object_id).values("product_id")[:1] if object_id else None
            kwargs["queryset"] = ProductImage.objects.filter(product_id__in=product_id) if product_id is not None else ProductImage.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(AttributeValue)
class AttributeValueAdmin(TabbedTranslationAdmin):
    list_display = ("name", "attribute", "slug", "swatch", "position")
    list_filter = ("attribute",)
    search_fields = ("name", "slug", "attribute__name")


class RateInline(admin.TabularInline):
    model = Rate
    extra = 1
    fields = ("currency", "value")


# Exchange rates live in djmoney.contrib.exchange (which registers read-only admins); replace them with
# editable ones so merchants can maintain rates here.
for _model in (ExchangeBackend, Rate):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(ExchangeBackend)
class ExchangeBackendAdmin(admin.ModelAdmin):
    list_display = ("name", "base_currency", "last_update")
    inlines = [RateInline]


@admin.register(Rate)
class RateAdmin(admin.ModelAdmin):
    list_display = ("currency", "value", "backend")
    list_filter = ("backend",)
    list_editable = ("value",)
    search_fields = ("currency",)


class CartLineInline(admin.TabularInline):
    model = CartLine
    extra = 0
    fields = ("variant", "quantity", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("variant",)


@admin.register(Cart)
class CartAdmin(admin.ModelAdmin):
    list_display = ("token", "user", "market", "line_count", "updated_at")
    list_filter = ("market",)
    search_fields = ("token", "user__email")
    list_select_related = ("user", "market")
    readonly_fields = ("token", "created_at", "updated_at")
    inlines = [CartLineInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_lines=Count("lines"))

    @admin.display(description=_("lines"), ordering="_lines")
    def line_count(self, obj):
        return obj._lines
