"""Warehouses and stock. Stock rows point at `shop.ProductVariant` by string reference (data, not import)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Warehouse(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=120)
    country = CountryField(_("country"))
    countries_served = CountryField(_("countries served"), multiple=True, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Lower numbers are preferred when several warehouses can ship.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ("priority", "code")
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    def serves(self, country_code: str) -> bool:
        return country_code in {c.code for c in self.countries_served} or country_code == self.country.code


class Stock(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, related_name="stocks", verbose_name=_("warehouse"))
    variant = models.ForeignKey(
        "shop.ProductVariant", on_delete=models.CASCADE, related_name="stocks", verbose_name=_("variant")
    )
    quantity = models.PositiveIntegerField(_("on hand"), default=0)
    quantity_allocated = models.PositiveIntegerField(_("allocated"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stock")
        verbose_name_plural = _("stock")
        constraints = [
            models.UniqueConstraint(fields=("variant", "warehouse"), name="stock_unique_variant_warehouse"),
            models.CheckConstraint(condition=Q(quantity_allocated__lte=F("quantity")), name="stock_allocated_lte_on_hand"),
        ]

    def __str__(self):
        return f"{self.variant_id}@{self.warehouse_id}: {self.quantity}"

    @property
    def quantity_available(self) -> int:
        return self.quantity - self.quantity_allocated
