"""Keeping the stored full-text documents of product search up to date (PostgreSQL; how they are read: see
shop/selectors/search.py)."""

from collections.abc import Iterable

from django.db import connection

from shop.models import Product
from shop.selectors.search import SEARCH_CONFIGS, document


def refresh_search_documents(product_ids: Iterable[int] | None = None) -> int:
    """Recompute the stored documents of the products (all when None). Returns rows updated."""
    if connection.vendor != "postgresql":
        return 0
    qs = Product._base_manager.all()
    if product_ids is not None:
        qs = qs.filter(pk__in=list(product_ids))
    return qs.update(**{f"search_{lang}": document(lang) for lang in SEARCH_CONFIGS})
