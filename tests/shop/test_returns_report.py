"""The returns report, checked against a small case computed by hand."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from shop.models import CreditNote, Invoice, OrderStatus, ReturnLine, ReturnReason, ReturnRequest, ReturnStatus
from shop.selectors import returns_report
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_rates_reasons_and_refunds_in_base_currency(admin_client, django_assert_max_num_queries):
    """Shirts: 10 sold in two orders, 2 returned (wrong size) → 20.0 %. Mugs: 4 sold, 1 returned (damaged) → 25.0 %.
    A refused return and a cancelled order count for nothing. Refunds: 119.00 EUR at rate 1 and 16 000 JPY at rate 160
    (= 100.00 EUR) → 219.00 EUR base in 2 credit notes."""
    osaka = f.WarehouseFactory(code="jp-osa", name="Osaka", country="JP")
    shirt, mug = f.ProductVariantFactory(product__name_en="Shirt"), f.ProductVariantFactory(product__name_en="Mug")
    first, second = f.OrderFactory(), f.OrderFactory(currency="JPY", fx_rate=Decimal("160"))
    cancelled = f.OrderFactory(status=OrderStatus.CANCELLED)
    shirts_1 = f.OrderLineFactory(order=first, variant=shirt, quantity=6)
    f.OrderLineFactory(order=second, variant=shirt, quantity=4)
    mugs = f.OrderLineFactory(order=first, variant=mug, quantity=4)
    f.OrderLineFactory(order=cancelled, variant=shirt, quantity=50)

    def ret(order, number, reason, status, line, units):
        request = ReturnRequest.objects.create(order=order, number=number, reason=reason, warehouse=osaka, status=status)
        ReturnLine.objects.create(return_request=request, order_line=line, quantity=units)

    ret(first, "R1", ReturnReason.WRONG_SIZE, ReturnStatus.RECEIVED, shirts_1, 2)
    ret(first, "R2", ReturnReason.DAMAGED, ReturnStatus.APPROVED, mugs, 1)
    ret(first, "R3", ReturnReason.CHANGED_MIND, ReturnStatus.REFUSED, shirts_1, 3)
    year = timezone.localdate().year
    for order, sequence, gross, currency in ((first, 1, Decimal("119"), "EUR"), (second, 2, Decimal("16000"), "JPY")):
        invoice = Invoice.objects.create(order=order, number=f"INV-{sequence}", year=year, sequence=sequence)
        CreditNote.objects.create(order=order, invoice=invoice, cause="return", number=f"CN-{sequence}", year=year, sequence=sequence,
                                  currency=currency, total_net=gross, total_tax=0, total_gross=gross)

    start, end = timezone.localdate() - timedelta(days=30), timezone.localdate() + timedelta(days=1)
    rates = {row.name: (row.sold, row.returned, row.rate) for row in returns_report.return_rates("product", start, end)}
    assert rates == {"Shirt": (10, 2, Decimal("20.0")), "Mug": (4, 1, Decimal("25.0"))}
    assert [(row.returned) for row in returns_report.return_rates("warehouse", start, end)] == [3]
    assert sorted(returns_report.reasons(start, end)) == [("damaged", 1, 1), ("wrong_size", 1, 2)]
    assert returns_report.refunds_in_base_currency(start, end) == (Decimal("219.00"), 2)

    with django_assert_max_num_queries(20):
        page = admin_client.get(reverse("admin:shop_order_returns_report"), {"days": "30"})
    text = page.content.decode()
    assert page.status_code == 200 and "20.0 %" in text and "25.0 %" in text and "219.00" in text
    for odd in ("\x00", "-1", "99999999999999999999"):
        assert admin_client.get(reverse("admin:shop_order_returns_report"), {"days": odd}).status_code == 200
