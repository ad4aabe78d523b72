"""Admin for the shop's pages (imprint, terms, withdrawal, privacy, shipping and returns, contact)."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from shop.models import ShopPage


@admin.register(ShopPage)
class ShopPageAdmin(TabbedTranslationAdmin):
    list_display = ("title", "kind", "is_published", "updated_at")
    list_editable = ("is_published",)
    fields = ("kind", "title", "body", "is_published")
    search_fields = ("title", "body")
