"""Reads for carts and checkout. A cart page or checkout step needs, per line, the variant's names, SKU, weight,
base and fixed prices — facts that change only with the catalogue. They are cached per catalogue version (the
version is bumped by any product, variant or price edit), so a step reads just the cart's lines from the
database."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import Prefetch

from fulfillment.selectors import variant_free_units_sql
from shop.models import AttributeValue, CartLine, Product, ProductVariant
from shop.plumbing.storefront_config import catalog_version, versioned_get_many, versioned_set_many

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class VariantFacts:
    id: int
    sku: str
    product_names: dict  # language -> name
    variant_names: dict  # language -> "Blue / M"
    base_amount: Decimal
    base_currency: str
    tax_class: str
    weight_grams: int
    fixed_prices: dict  # currency -> amount
    for_sale: bool  # active variant of a published product
    ean: str = ""  # printed on consignments' pick lists and customs papers

    def product_name(self, language: str) -> str:
        return self.product_names.get(language) or self.product_names.get("en", "")

    def variant_name(self, language: str) -> str:
        return self.variant_names.get(language) or self.variant_names.get("en", "")


def _field(language: str) -> str:
    return language.replace("-", "_")


def _translated(obj, name: str) -> dict:
    values = {lang: getattr(obj, f"{name}_{_field(lang)}", None) or "" for lang in LANGUAGES}
    fallback = values.get("en") or getattr(obj, name, "")
    return {lang: value or fallback for lang, value in values.items()}


def _load(ids) -> dict[int, VariantFacts]:
    values = AttributeValue.objects.select_related("attribute").order_by("attribute__position", "position")
    variants = (
        ProductVariant.objects.filter(pk__in=list(ids))
        .select_related("product")
        .prefetch_related("fixed_prices", Prefetch("attribute_values", queryset=values))
    )
    facts = {}
    for v in variants:
        attribute_names = [_translated(value, "name") for value in v.attribute_values.all()]
        facts[v.pk] = VariantFacts(
            id=v.pk,
            sku=v.sku,
            product_names=_translated(v.product, "name"),
            variant_names={lang: " / ".join(names[lang] for names in attribute_names) for lang in LANGUAGES},
            base_amount=v.base_price.amount,
            base_currency=str(v.base_price.currency),
            tax_class=v.product.tax_class,
            weight_grams=v.weight_grams,
            fixed_prices={fp.price_currency: fp.price.amount for fp in v.fixed_prices.all()},
            for_sale=v.is_active and v.product.is_published,
            ean=v.ean,
        )
    return facts


def variant_facts(ids) -> dict[int, VariantFacts]:
    """Facts per variant id: from this process, else the shared cache, else one database read for the rest."""
    ids = sorted({int(i) for i in ids})
    if not ids:
        return {}
    version = catalog_version()
    keys = {i: f"caravan:variant-facts:{version}:{i}" for i in ids}
    found = versioned_get_many(list(keys.values()))
    facts = {i: found[key] for i, key in keys.items() if key in found}
    missing = [i for i in ids if i not in facts]
    if missing:
        loaded = _load(missing)
        versioned_set_many({keys[i]: f for i, f in loaded.items()})
        facts.update(loaded)
    return facts


def cart_lines(cart) -> list[tuple[int, int]]:
    """(variant id, quantity) of the cart's lines, oldest first (one query)."""
    return list(CartLine.objects.filter(cart=cart).order_by("created_at", "pk").values_list("variant_id", "quantity"))


def sellable_quantity(variant_id: int, warehouse_ids) -> int | None:
    """Units of an active variant of a published product the warehouses can sell now (on hand − allocated − live
    reservations, fulfillment's rule); None when the variant is not for sale at all. One round trip: it runs on
    the storefront's hottest write path (add to cart)."""
    free_units, params = variant_free_units_sql("v.id", warehouse_ids)
    sql = (
        f"SELECT {free_units} FROM {ProductVariant._meta.db_table} v JOIN {Product._meta.db_table} p ON p.id = v.product_id "
        "WHERE v.id = %s AND v.is_active AND p.is_published"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, int(variant_id)])
        row = cursor.fetchone()
    return None if row is None else int(row[0])

