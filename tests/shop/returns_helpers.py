"""Orders with delivered parcels, for return tests: stock allocated and consignments made the way orders make
them (tests/fulfillment/helpers.make_consignments), then the parcels marked delivered `days_ago`."""

from datetime import timedelta

from django.utils import timezone

from fulfillment.models import Consignment, ConsignmentStatus
from shop.models import OrderStatus, ProductMarketPrice
from tests import factories as f
from tests.fulfillment.helpers import make_consignments

JAPAN = {"full_name": "山田 花子", "company": "", "line1": "千代田1-1", "line2": "", "postcode": "100-0001", "city": "千代田区",
         "region": "東京都", "country": "JP", "phone": ""}


def warehouses():
    """Berlin (returns from the EU and CH), Osaka (JP, CN), with coordinates; neither takes returns unless said."""
    berlin = f.WarehouseFactory(code="berlin", name="Caravan Berlin", country="DE", countries_served=["DE", "FR", "AT", "JP"],
                                city="Berlin", address="Caravan Berlin\nLagerstraße 1\n10115 Berlin", latitude=52.52, longitude=13.40,
                                accepts_returns=True, return_countries=["DE", "FR", "AT", "CH"])
    osaka = f.WarehouseFactory(code="osaka", name="Caravan Osaka", country="JP", countries_served=["JP"], city="Osaka",
                               address="Caravan Osaka\n1-2-3 Namba\nOsaka 556-0011", latitude=34.69, longitude=135.50,
                               accepts_returns=True, return_countries=["JP", "CN"])
    return berlin, osaka


def delivered_order(warehouse, picks, *, days_ago=2, status=OrderStatus.DELIVERED, market=None, destination="DE", language="en",
                    currency="EUR", shipping_address=None, **kwargs):
    extra = {"market": market} if market is not None else {}
    if shipping_address is not None:
        extra["shipping_address"] = shipping_address
    order, consignments = make_consignments({warehouse: picks}, destination=destination, language=language, currency=currency,
                                            **extra, **kwargs)
    Consignment.objects.filter(pk__in=[c.pk for c in consignments]).update(
        status=ConsignmentStatus.DELIVERED, delivered_at=timezone.now() - timedelta(days=days_ago))
    order.status = status
    # The factory's totals are for one line: make them add up for the pages that print the tax breakdown.
    lines = list(order.lines.all())
    net = sum(line.total_net for line in lines) + sum(c.shipping_net for c in consignments)
    gross = sum(line.total_gross for line in lines) + sum(c.shipping_gross for c in consignments)
    order.subtotal_net, order.subtotal_gross = sum(line.total_net for line in lines), sum(line.total_gross for line in lines)
    order.shipping_net, order.shipping_gross = sum(c.shipping_net for c in consignments), sum(c.shipping_gross for c in consignments)
    order.total_net, order.total_gross, order.total_tax = net, gross, gross - net
    order.total_net_base, order.total_gross_base = net, gross
    order.save()
    return order


def on_sale(product, market):
    ProductMarketPrice.objects.get_or_create(product=product, market=market, defaults={
        "price_min": 10, "price_max": 10, "currency": market.currency, "category": product.category,
        "root_category": product.category, "created_at": timezone.now()})
