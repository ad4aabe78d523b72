"""Writes of the denormalised listing prices (`ProductMarketPrice`), computed by the pricing policy.

A listing price is the product page's price for the market's default country: `PricingPolicy.offers`, which prices
each variant from the warehouse it ships from (stock decides which). So besides prices, tax, rates and markets, a
product's stock changes and the orders that take or give back its stock refresh it too (shop/signals.py)."""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from shop.models import Product, ProductMarketPrice, ProductVariant, VariantPrice
from shop.plumbing.storefront_config import _load, bump_catalog_version, bump_config_version
from shop.pricing import PricingPolicy
from shop.signals import listing_prices_stale

CHUNK = 2000


def refresh_market_prices(product_ids: Iterable[int] | None = None, progress=None) -> int:
    """Recompute the 'from' price of products (all when `product_ids` is None) in every active market.

    Reads variants and fixed prices in chunks and upserts one row per (market, product). Returns rows written.
    """
    config = _load()  # fresh from the database, not the per-process memo
    policies = [PricingPolicy(m, config) for m in config.markets]
    if product_ids is None:
        ids = list(Product.objects.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted(set(product_ids))
    written = changed = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        chunk_written, chunk_changed = _refresh_chunk(chunk, policies)
        written, changed = written + chunk_written, changed + chunk_changed
        if progress:
            progress(len(chunk))
    if product_ids is None:
        # Markets that were removed or deactivated keep no stale rows.
        changed += ProductMarketPrice.objects.exclude(market_id__in=[m.id for m in config.markets]).delete()[0]
    # Pages cached while the refresh ran may hold the old prices under the current version: start a new one
    # once the new prices are committed — only when a row changed, so the refresh that follows every order (stock
    # decides where goods ship from) does not throw away the listing caches when prices stayed the same.
    if changed or product_ids is None:
        transaction.on_commit(bump_catalog_version)
    return written


def prices_inputs_changed() -> None:
    """Exchange rates, tax rates or markets changed in bulk (e.g. `manage.py update_rates`, which sends no
    model signals): start new cache versions and recompute every listing price once the change is committed."""
    bump_config_version()
    bump_catalog_version()
    transaction.on_commit(bump_config_version)
    transaction.on_commit(bump_catalog_version)
    listing_prices_stale.send(sender=None, product_ids=None)  # receivers.py queues one full refresh per transaction


LISTING_FIELDS = ("price_min", "price_max", "currency", "category_id", "root_category_id", "is_published", "is_featured", "created_at")


def _refresh_chunk(product_ids: list[int], policies: list[PricingPolicy]) -> tuple[int, int]:
    """(rows computed, rows that changed) for the products' listing prices; only changed rows are written."""
    products = {
        row[0]: row
        for row in Product._base_manager.filter(pk__in=product_ids).values_list(
            "pk", "tax_class", "category_id", "category__parent_id", "is_published", "is_featured", "created_at",
            "category__is_active", "category__parent__is_active",
        )
    }
    variants = list(
        ProductVariant.objects.filter(product_id__in=product_ids, is_active=True).values_list(
            "pk", "product_id", "base_price", "base_price_currency"
        )
    )
    fixed: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for variant_id, amount, currency in VariantPrice.objects.filter(variant__product_id__in=product_ids).values_list(
        "variant_id", "price", "price_currency"
    ):
        fixed[variant_id][currency] = amount
    by_product = defaultdict(list)
    for row in variants:
        by_product[row[1]].append(row)
    rows = []
    for policy in policies:
        # The price as the product page shows it for the market (PricingPolicy.offers: from the warehouse the item
        # ships from, an import over the UK £135 / EU €150 limit without VAT) — one stock query per market.
        offers = policy.offers({
            vid: policy.price(amount, currency, products[pid][1], fixed[vid].get(policy.currency))
            for vid, pid, amount, currency in variants
        })
        for product_id, rows_for_product in by_product.items():
            (_pk, _tax_class, category_id, parent_id, is_published, is_featured, created_at, category_active, parent_active) = (
                products[product_id]
            )
            # Listed only while the product is published and its category (and that one's parent) is active.
            listed = is_published and category_active and (parent_id is None or bool(parent_active))
            displays = [offers[vid].price.display for vid, _pid, _amount, _currency in rows_for_product]
            rows.append(
                ProductMarketPrice(
                    product_id=product_id,
                    market_id=policy.market.id,
                    price_min=min(displays),
                    price_max=max(displays),
                    currency=policy.currency,
                    category_id=category_id,
                    root_category_id=parent_id or category_id,
                    is_published=listed,
                    is_featured=is_featured,
                    created_at=created_at,
                )
            )
    existing = {
        (row[0], row[1]): row[2:]
        for row in ProductMarketPrice.objects.filter(product_id__in=product_ids).values_list("market_id", "product_id", *LISTING_FIELDS)
    }
    changed_rows = [r for r in rows if existing.get((r.market_id, r.product_id)) != tuple(getattr(r, f) for f in LISTING_FIELDS)]
    with transaction.atomic():
        # Products that lost all their variants have no listing price (and drop out of priced listings).
        deleted = ProductMarketPrice.objects.filter(product_id__in=product_ids).exclude(product_id__in=list(by_product)).delete()[0]
        ProductMarketPrice.objects.bulk_create(
            changed_rows,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["market", "product"],
            update_fields=["price_min", "price_max", "currency", "category", "root_category", "is_published", "is_featured", "created_at"],
        )
    return len(rows), len(changed_rows) + deleted

