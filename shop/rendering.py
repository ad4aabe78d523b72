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
