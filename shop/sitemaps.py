from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from shop.models import Category, Product, ShopPage


class TranslatedSitemap(Sitemap):
    """A URL per language, with hreflang alternates and x-default."""

    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        return ["shop:home"]

    def location(self, item):
        return reverse(item)


class CategorySitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.filter(is_active=True).order_by("pk").only("pk", "slug")

    def location(self, item):
        return reverse("shop:category", kwargs={"slug": item.slug})


class ProductSitemap(TranslatedSitemap):
    changefreq = "weekly"
    limit = 2000  # products per sitemap page; each yields a URL per language with hreflang alternates

    def items(self):
        return Product.objects.filter(is_published=True).order_by("pk").only("pk", "slug", "updated_at")

    def location(self, item):
        return reverse("shop:product", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.updated_at


class ShopPageSitemap(TranslatedSitemap):
    """Imprint, terms, withdrawal, privacy, shipping and returns, contact: the published ones."""

    changefreq = "monthly"

    def items(self):
        return ShopPage.objects.filter(is_published=True).order_by("kind").only("kind", "updated_at")

    def location(self, item):
        return reverse("shop:page", kwargs={"slug": item.kind})

    def lastmod(self, item):
        return item.updated_at


sitemaps = {"pages": StaticSitemap, "info": ShopPageSitemap, "categories": CategorySitemap, "products": ProductSitemap}
