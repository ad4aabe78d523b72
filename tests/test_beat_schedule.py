"""Every periodic task in the beat schedule exists and runs (a typo there fails silently in production)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from djmoney.money import Money

from config.celery import app


def test_every_beat_entry_names_a_registered_task():
    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, f"beat entry {name!r}: no task {entry['task']!r}"


@pytest.mark.django_db
@override_settings(CARAVAN_UNPAID_ORDER_HOURS=1)
def test_the_beat_task_cancels_an_overdue_unpaid_order(markets):
    from fulfillment.models import Stock, Warehouse
    from shop.models import Order
    from tests import factories as f
    from tests.shop.checkout_helpers import buy, make_cart

    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=5)
    order = buy(make_cart(markets["eu"], [(variant, 2)]))
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(hours=2))
    from shop import tasks

    result = tasks.cancel_unpaid_orders_task.delay().get()
    assert result == [order.number]
    assert Stock.objects.get(variant=variant).quantity_allocated == 0
