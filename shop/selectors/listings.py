"""Reads for product listings (category pages, search, featured and related products): the rows behind the cards,
with the market's listing prices and stock, sorted and paginated."""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, Subquery

from fulfillment.selectors import products_with_stock, sellable_stock
from shop.models import Product, ProductImage, ProductMarketPrice, ProductVariant
from shop.money import format_money
from shop.plumbing.storefront_config import catalog_version, versioned_get, versioned_set
from shop.selectors.categories import lang_field, url_template
from shop.selectors.search import SEARCH_CONFIGS, word_forms

SEARCH_COUNT_CAP = 1000
SORTS = OrderedDict(
    [
        ("newest", ("-created_at", "-product_id")),
        ("price_asc", ("price_min", "product_id")),
        ("price_desc", ("-price_min", "-product_id")),
        ("name", None),  # by the name in the active language, see _order
    ]
)

# --- Product listings -----------------------------------------------------------------------------


@dataclass
class ListingQuery:
    category_ids: list[int] | None = None
    root_category_id: int | None = None  # a top-level category: its products and its subcategories'
    search: str = ""
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    in_stock: bool = False
    attribute_value_ids: dict[str, list[int]] = field(default_factory=dict)
    sort: str = "newest"
    featured: bool = False


def _base_listing(market, query: ListingQuery, language: str):
    """Listing entries (ProductMarketPrice rows) of the market matching the query: one narrow table to filter,
    count, sort and paginate on; the products shown are loaded afterwards."""
    qs = ProductMarketPrice.objects.filter(market_id=market.id, is_published=True)
    if query.root_category_id is not None:
        qs = qs.filter(root_category_id=query.root_category_id)
    if query.category_ids is not None:
        qs = qs.filter(category_id__in=query.category_ids) if len(query.category_ids) != 1 else qs.filter(
            category_id=query.category_ids[0]
        )
    if query.featured:
        qs = qs.filter(is_featured=True)
    if query.min_price is not None:
        qs = qs.filter(price_min__gte=query.min_price)
    if query.max_price is not None:
        qs = qs.filter(price_min__lte=query.max_price)
    wanted = [ids for ids in query.attribute_value_ids.values() if ids]
    if wanted:
        # One variant must have a chosen value of every filtered attribute (black AND size S, not black in M
        # plus another variant in S). Each filter() on the m2m adds its own join on the same variant.
        variants = ProductVariant.objects.filter(is_active=True)
        for value_ids in wanted:
            variants = variants.filter(attribute_values__in=value_ids)
        qs = qs.filter(product_id__in=variants.values("product_id"))
    if query.in_stock:
        qs = qs.filter(Exists(_stock_for_product(market)))
    if query.search:
        qs = _apply_search(qs, query.search, language)
    return qs


def products_in_stock(product_ids: list[int], market) -> set[int]:
    """Which of these products have a variant with sellable stock for the market (one indexed query)."""
    return products_with_stock(product_ids, market.warehouse_ids)


def _stock_for_product(market):
    return sellable_stock(market.warehouse_ids).filter(variant__product_id=OuterRef("product_id"), variant__is_active=True)


def _apply_search(qs, text: str, language: str):
    text = text.strip()[:200]
    config = SEARCH_CONFIGS.get(language)
    name, description = lang_field("name", language), lang_field("description", language)
    if connection.vendor == "postgresql" and config:
        from django.contrib.postgres.search import SearchQuery, SearchRank

        search_query = SearchQuery(text, config=config, search_type="websearch")
        column = f"product__search_{language}"
        return qs.filter(**{column: search_query}).annotate(rank=SearchRank(F(column), search_query))
    # SQLite, and languages without a stemmer (Japanese, Chinese): every word must appear in name or description.
    # SQLite's LIKE folds case for ASCII only, so the word's lower/upper/capitalised forms are tried too (é/É), and
    # its half- and full-width forms (T/Ｔ) as Japanese and Chinese names mix them.
    for word in text.split()[:8]:
        condition = Q()
        for form in word_forms(word):
            condition |= (
                Q(**{f"product__{name}__icontains": form})
                | Q(**{f"product__{description}__icontains": form})
                | Q(product__name_en__icontains=form)
            )
        qs = qs.filter(condition)
    return qs


def _order(qs, sort: str, language: str, searching: bool):
    if sort == "relevance" and searching and connection.vendor == "postgresql" and language in SEARCH_CONFIGS:
        return qs.order_by("-rank", "-product_id")
    if sort == "name":
        return qs.order_by(f"product__{lang_field('name', language)}", "product_id")
    return qs.order_by(*(SORTS.get(sort) or SORTS["newest"]))


def card_rows(market, query: ListingQuery, language: str, window: slice) -> list[dict]:
    """The cards' data for one page of a listing: entries (sorted, sliced) then their products (two queries)."""
    entries = list(
        _order(_base_listing(market, query, language), query.sort, language, bool(query.search)).values_list(
            "product_id", "price_min", "price_max"
        )[window]
    )
    if not entries:
        return []
    name = lang_field("name", language)
    cover = ProductImage.objects.filter(product_id=OuterRef("pk")).order_by("position", "pk").values("image")[:1]
    products = {
        row["pk"]: row
        for row in Product._base_manager.filter(pk__in=[e[0] for e in entries])
        .annotate(cover=Subquery(cover))
        .values("pk", "slug", name, "name_en", "cover")
    }
    rows = []
    for product_id, price_min, price_max in entries:
        if product_id in products:
            rows.append({**products[product_id], "price_min": price_min, "price_max": price_max})
    return rows


def build_cards(rows, market, language: str, stock: bool = True) -> list[dict]:
    rows = list(rows)
    in_stock = products_in_stock([row["pk"] for row in rows], market) if stock and rows else None
    url = url_template("shop:product")
    name = lang_field("name", language)
    media = settings.MEDIA_URL
    currency = market.currency
    cards = []
    for row in rows:
        cards.append(
            {
                "id": row["pk"],
                "name": row[name] or row["name_en"],
                "url": url.replace("__slug__", row["slug"]),
                "price": format_money(row["price_min"], currency, language),
                "price_varies": row["price_max"] != row["price_min"],
                "image": f"{media}{row['cover']}" if row["cover"] else "",
                "in_stock": True if in_stock is None else row["pk"] in in_stock,
            }
        )
    return cards


class ListingRows:
    """A listing's cards for the Paginator: count and page slices, cached per catalogue version.

    The cards (names, links, prices, pictures) only change when the catalogue changes, which starts a new
    catalogue version, so they are cached under it. Stock is never cached: listings filtered by stock are always
    queried, and every card's stock badge is read live (one query per page).
    """

    def __init__(self, market, query: ListingQuery, language: str):
        self.market, self.query, self.language = market, query, language
        self.cacheable = settings.CARAVAN_LISTING_CACHE and not query.in_stock
        digest = hashlib.sha1(repr(query).encode()).hexdigest()
        self.key = f"listing:{catalog_version()}:{market.code}:{language}:{digest}"

    def count(self) -> int:
        key = self.key + ":count"
        value = versioned_get(key) if self.cacheable else None
        if value is None:
            qs = _base_listing(self.market, self.query, self.language).order_by()
            if self.query.search:
                # Broad searches are counted up to a cap ("1000+") instead of to the last match.
                value = qs.values("pk")[: SEARCH_COUNT_CAP + 1].count()
            else:
                value = qs.count()
            if self.cacheable:
                versioned_set(key, value)
        return value

    def __len__(self):
        return self.count()

    def __getitem__(self, item: slice) -> list[dict]:
        key = f"{self.key}:{item.start}:{item.stop}"
        cards = versioned_get(key) if self.cacheable else None
        if cards is None:
            cards = build_cards(card_rows(self.market, self.query, self.language, item), self.market, self.language, stock=False)
            if self.cacheable:
                versioned_set(key, cards)
        return cards


def with_stock_badges(cards: list[dict], market) -> list[dict]:
    in_stock = products_in_stock([card["id"] for card in cards], market) if cards else set()
    return [{**card, "in_stock": card["id"] in in_stock} for card in cards]


def paginate_cards(market, query: ListingQuery, language: str, page: str | int | None, per_page: int):
    paginator = Paginator(ListingRows(market, query, language), per_page)
    page_obj = paginator.get_page(page)  # non-numbers give page 1, too-high numbers the last page
    page_obj.cards = with_stock_badges(list(page_obj.object_list), market)
    return page_obj


def featured_cards(market, language: str, limit: int = 8) -> list[dict]:
    return with_stock_badges(ListingRows(market, ListingQuery(featured=True), language)[0:limit], market)


def related_cards(market, product, language: str, limit: int = 4) -> list[dict]:
    """Newest products of the same category (cached with the product page, so without stock badges)."""
    rows = card_rows(market, ListingQuery(category_ids=[product.category_id]), language, slice(0, limit + 1))
    return build_cards([r for r in rows if r["pk"] != product.pk][:limit], market, language, stock=False)
