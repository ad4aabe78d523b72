"""Hot HTML fragments rendered in Python (product cards): a listing shows up to 48 of them per page, and the
template engine's per-include cost would dominate the page. Everything is escaped with `html.escape`."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext


def render_cards(cards: list[dict], show_stock: bool = True) -> str:
    if not cards:
        return ""
    word_from = escape(gettext("from"))
    out_of_stock = escape(gettext("Out of stock"))
    parts = []
    for card in cards:
        name = escape(card["name"])
        image = (
            f'<img src="{escape(card["image"])}" alt="{name}" loading="lazy" width="300" height="300">'
            if card["image"]
            else '<div class="noimg" aria-hidden="true"></div>'
        )
        price = escape(card["price"])
        if card["price_varies"]:
            price = f'<span class="from">{word_from}</span> {price}'
        badge = f'<span class="badge out">{out_of_stock}</span>' if show_stock and not card.get("in_stock", True) else ""
        parts.append(
            f'<li class="card"><a href="{escape(card["url"])}">{image}<span class="name">{name}</span></a>'
            f'<span class="price">{price}</span>{badge}</li>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def render_facets(facets: list[dict]) -> str:
    """Attribute filter checkboxes (facets carry a precomputed `checked` flag per value)."""
    parts = []
    for facet in facets:
        slug = escape(facet["slug"])
        parts.append(f"<fieldset><legend>{escape(facet['name'])}</legend>")
        for value in facet["values"]:
            checked = " checked" if value["checked"] else ""
            swatch = (
                f'<span class="swatch" style="background: {escape(value["swatch"])}" aria-hidden="true"></span>'
                if value["swatch"]
                else ""
            )
            parts.append(
                f'<label class="check"><input type="checkbox" name="{slug}" value="{escape(value["slug"])}"{checked}>'
                f"{swatch} {escape(value['name'])}</label>"
            )
        parts.append("</fieldset>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def render_sort_controls(query_items, sort_choices, current_sort: str, page_sizes, current_size: int) -> str:
    """Hidden inputs that keep the active filters, plus the sort and page-size selects."""
    parts = [
        f'<input type="hidden" name="{escape(key)}" value="{escape(value)}">'
        for key, value in query_items
        if key not in ("sort", "page", "per_page")
    ]
    parts.append(f'<label for="id_sort">{escape(gettext("Sort by"))}</label><select id="id_sort" name="sort">')
    for value, label in sort_choices:
        selected = " selected" if value == current_sort else ""
        parts.append(f'<option value="{escape(value)}"{selected}>{escape(str(label))}</option>')
    parts.append(f'</select><label for="id_per_page">{escape(gettext("Per page"))}</label><select id="id_per_page" name="per_page">')
    for size in page_sizes:
        selected = " selected" if size == current_size else ""
        parts.append(f'<option value="{size}"{selected}>{size}</option>')
    parts.append("</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def render_variant_options(options: list[dict], chosen_id: int | None) -> str:
    """Radio buttons for the variants, each with its price and live availability for the market."""
    in_stock, sold_out = escape(gettext("in stock")), escape(gettext("sold out"))
    parts = []
    for option in options:
        available = option["in_stock"]
        checked = " checked" if option["id"] == chosen_id else ""
        price = escape(option["price_display"])
        parts.append(
            f'<label class="variant{"" if available else " soldout"}">'
            f'<input type="radio" name="variant" value="{option["id"]}" data-price="{price}" '
            f'data-stock="{escape(option["stock_text"])}" data-instock="{1 if available else 0}" '
            f'data-sku="{escape(option["sku"])}" data-taxnote="{escape(option.get("tax_text", ""))}" '
            f'data-ships="{escape(option.get("ships_text", ""))}" data-image="{escape(option.get("image", ""))}"{checked}> '
            f'<span class="label">{escape(option["label"])}</span> <span class="vprice">{price}</span> '
            f'<span class="vstock">{in_stock if available else sold_out}</span></label>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
