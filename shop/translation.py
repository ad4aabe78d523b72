from modeltranslation.translator import TranslationOptions, register

from shop.models import Attribute, AttributeValue, Category, Market, Product, ProductImage, ProductVariant, ShippingMethod, ShopPage


@register(Market)
class MarketTranslation(TranslationOptions):
    fields = ("name", "invoice_registration_label")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Attribute)
class AttributeTranslation(TranslationOptions):
    fields = ("name",)


@register(AttributeValue)
class AttributeValueTranslation(TranslationOptions):
    fields = ("name",)


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("name", "description")


@register(ProductImage)
class ProductImageTranslation(TranslationOptions):
    fields = ("alt",)


@register(ShippingMethod)
class ShippingMethodTranslation(TranslationOptions):
    fields = ("name",)


@register(ShopPage)
class ShopPageTranslation(TranslationOptions):
    fields = ("title", "body")


@register(ProductVariant)
class ProductVariantTranslation(TranslationOptions):
    fields = ("customs_description",)
