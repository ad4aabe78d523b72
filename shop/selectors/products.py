"""Reads for the product page: the product with its images and variants, the variants' options, prices and stock."""

from collections import OrderedDict

from django.db.models import Prefetch
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext

from shop.formatting import active_language
from shop.models import AttributeValue, Product, ProductImage, ProductVariant
from shop.money import format_money
from shop.plumbing.storefront_config import catalog_version, versioned_get, versioned_set
from shop.selectors.listings import related_cards
from shop.tax import ZERO_RATED, origin_note

# --- Product page ---------------------------------------------------------------------------------


def product_for_page(slug: str):
    """The published product with category, variants (with attribute values and fixed prices) and images."""
    return (
        Product.objects.filter(slug=slug, is_published=True, category__is_active=True)
        .exclude(category__parent__is_active=False)
        .select_related("category", "category__parent")
        .prefetch_related(
            Prefetch(
                "variants",
                queryset=ProductVariant.objects.filter(is_active=True)
                .order_by("position", "pk")
                .prefetch_related(
                    Prefetch("attribute_values", queryset=AttributeValue.objects.select_related("attribute")),
                    "fixed_prices",
                ),
            ),
            Prefetch("images", queryset=ProductImage.objects.order_by("position", "pk")),
        )
        .first()
    )


def variant_options(product, policy, language: str) -> tuple[list[dict], list[dict]]:
    """Per-variant price (for the buyer's market) and the attribute groups for the chooser. No stock here."""
    options = []
    groups: dict = OrderedDict()
    pictures = {image.pk: image.image.url for image in product.images.all()}  # prefetched with the product
    # A variant without a picture of its own shows the product's first one, never the last variant's colour.
    first_picture = next(iter(pictures.values()), "")
    for variant in product.variants.all():
        price = policy.variant_price(variant, tax_class=product.tax_class)
        values = sorted(variant.attribute_values.all(), key=lambda v: (v.attribute.position, v.attribute.slug))
        for value in values:
            group = groups.setdefault(value.attribute.slug, {"name": value.attribute.name, "values": OrderedDict()})
            group["values"].setdefault(value.slug, {"name": value.name, "swatch": value.swatch})
        options.append(
            {
                "id": variant.pk,
                "sku": variant.sku,
                "label": " / ".join(v.name for v in values) or variant.sku,
                "values": {v.attribute.slug: v.slug for v in values},
                "price": price,
                "price_display": format_money(price.display, price.currency, language),
                "image": pictures.get(variant.image_id) or first_picture,
            }
        )
    attribute_groups = [{"slug": slug, "name": g["name"], "values": list(g["values"].values())} for slug, g in groups.items()]
    return options, attribute_groups


def with_availability(options: list[dict], policy, language: str | None = None) -> list[dict]:
    """Copy of the options with live stock for the buyer's market, where each ships from and the price as it will
    be charged for that origin (PricingPolicy.offers: an import over the UK/EU limit is priced without VAT), with
    the texts saying so (one query)."""
    language = language or active_language()
    offers = policy.offers({o["id"]: o["price"] for o in options})
    result = []
    for option in options:
        offer = offers[option["id"]]
        quantity, price = offer.available, offer.price
        if offer.treatment in ZERO_RATED:
            tax_text = gettext("without VAT")
        elif price.includes_tax:
            tax_text = gettext("incl. %(rate)s%% VAT") % {"rate": floatformat(price.tax_rate, -1)}
        else:
            tax_text = gettext("plus applicable sales tax")
        result.append({
            **option, "available": quantity, "in_stock": quantity > 0, "low_stock": 0 < quantity <= 5,
            "price": price, "price_display": format_money(price.display, price.currency, language),
            "treatment": offer.treatment, "ships_text": origin_note(offer.origin, offer.treatment), "tax_text": tax_text,
        })
    return result


_MISSING = "missing"


def product_page(slug: str, policy, language: str) -> dict | None:
    """Everything the product page shows except stock, for one market and language.

    Cached per catalogue version (any edit of products, prices, rates, tax or markets starts a new version), so a
    warm product page costs one cache read plus the live stock query.
    """
    # "pdp2": the snapshot no longer carries a description_html (the template formats the description), so a process
    # still running the previous code during a rolling deploy never reads one of these.
    key = f"pdp2:{catalog_version()}:{policy.market.code}:{language}:{slug}"
    data = versioned_get(key)
    if data == _MISSING:
        return None
    if data is not None:
        return data
    product = product_for_page(slug)
    if product is None:
        versioned_set(key, _MISSING, timeout=60)
        return None
    options, groups = variant_options(product, policy, language)
    category = product.category
    parent = category.parent
    data = {
        "id": product.pk,
        "slug": product.slug,
        "name": product.name,
        "description": product.description,
        "tax_class": product.tax_class,
        "category": {"name": category.name, "url": reverse("shop:category", kwargs={"slug": category.slug})},
        "parent": {"name": parent.name, "url": reverse("shop:category", kwargs={"slug": parent.slug})} if parent else None,
        "images": [{"url": image.image.url, "alt": image.alt or product.name} for image in product.images.all()],
        "options": options,
        "groups": groups,
        "related": related_cards(policy.market, product, language),
    }
    versioned_set(key, data)
    return data
