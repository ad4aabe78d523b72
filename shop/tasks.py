from celery import shared_task

from .services.pricing import refresh_market_prices


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def refresh_market_prices_task(product_ids: list[int] | None = None) -> int:
    """Recompute listing prices (all products when product_ids is None)."""
    return refresh_market_prices(product_ids)


@shared_task
def cancel_unpaid_orders_task() -> list[str]:
    """Beat: cancel bank-transfer orders unpaid after CARAVAN_UNPAID_ORDER_HOURS and release their stock."""
    from .services.orders import cancel_unpaid_orders

    return cancel_unpaid_orders()
