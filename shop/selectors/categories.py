"""Reads for the catalogue's categories and the attributes listings filter by (cached per catalogue version). Every storefront
list is a fixed number of queries, whatever the page size."""

from collections import OrderedDict, defaultdict

from django.urls import reverse

from shop.models import Attribute, AttributeValue, Category, ProductVariant
from shop.plumbing.storefront_config import catalog_version, versioned_get, versioned_set


def lang_field(name: str, language: str) -> str:
    return f"{name}_{language.replace('-', '_')}"


def url_template(name: str) -> str:
    return reverse(name, kwargs={"slug": "__slug__"})


# --- Categories -----------------------------------------------------------------------------------


def category_tree(language: str) -> list[dict]:
    """Top-level categories with their children (id, slug, name, url), cached per language and catalogue version."""
    key = f"cattree:{language}:{catalog_version()}"
    tree = versioned_get(key)
    if tree is not None:
        return tree
    url = url_template("shop:category")
    name_field, fallback = lang_field("name", language), "name_en"
    rows = list(
        Category.objects.filter(is_active=True)
        .order_by("position", "slug")
        .values("pk", "parent_id", "slug", "is_featured", "colour", name_field, fallback)
    )
    nodes = {}
    for row in rows:
        nodes[row["pk"]] = {
            "id": row["pk"],
            "slug": row["slug"],
            "name": row[name_field] or row[fallback],
            "url": url.replace("__slug__", row["slug"]),
            "is_featured": row["is_featured"],
            "colour": row["colour"],
            "parent_id": row["parent_id"],
            "children": [],
        }
    tree = []
    for row in rows:
        node = nodes[row["pk"]]
        if row["parent_id"] is None:
            tree.append(node)
        elif row["parent_id"] in nodes:
            nodes[row["parent_id"]]["children"].append(node)
    versioned_set(key, tree)
    return tree


def find_category(tree: list[dict], slug: str):
    """(node, parent) for a slug in the cached tree, or (None, None)."""
    for top in tree:
        if top["slug"] == slug:
            return top, None
        for child in top["children"]:
            if child["slug"] == slug:
                return child, top
    return None, None


def facets(category_ids: list[int], language: str) -> list[dict]:
    """Attribute values used by published products in the categories, grouped by attribute (cached)."""
    key = f"facets:{language}:{catalog_version()}:{','.join(map(str, sorted(category_ids)))}"
    result = versioned_get(key)
    if result is not None:
        return result
    value_ids = (
        ProductVariant.objects.filter(product__category_id__in=category_ids, product__is_published=True, is_active=True)
        .values("attribute_values")
        .distinct()
    )
    values = (
        AttributeValue.objects.filter(pk__in=value_ids)
        .select_related("attribute")
        .order_by("attribute__position", "attribute__slug", "position", "slug")
    )
    grouped: dict = OrderedDict()
    for value in values:
        attr = value.attribute
        group = grouped.setdefault(attr.slug, {"slug": attr.slug, "name": attr.name, "values": []})
        group["values"].append({"slug": value.slug, "name": value.name, "swatch": value.swatch, "id": value.pk})
    result = list(grouped.values())
    versioned_set(key, result)
    return result


def attribute_value_ids(slugs_by_attribute: dict[str, list[str]]) -> dict[str, list[int]]:
    """Map ?colour=red&size=m style filters to value ids (one query); unknown slugs are dropped."""
    wanted = {(a, v) for a, values in slugs_by_attribute.items() for v in values}
    if not wanted:
        return {}
    result: dict[str, list[int]] = defaultdict(list)
    for pk, attr_slug, slug in AttributeValue.objects.filter(
        attribute__slug__in=list(slugs_by_attribute)
    ).values_list("pk", "attribute__slug", "slug"):
        if (attr_slug, slug) in wanted:
            result[attr_slug].append(pk)
    return dict(result)


def filterable_attribute_slugs() -> set[str]:
    key = f"attrslugs:{catalog_version()}"
    slugs = versioned_get(key)
    if slugs is None:
        slugs = set(Attribute.objects.values_list("slug", flat=True))
        versioned_set(key, slugs)
    return slugs
