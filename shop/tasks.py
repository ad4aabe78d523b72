from celery import shared_task

from .services.pricing import refresh_market_prices


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def refresh_market_prices_task(product_ids: list[int] | None = None) -> int:
    """Recompute listing prices (all products when product_ids is None)."""
    return refresh_market_prices(product_ids)
