"""Refunds at the same time (PostgreSQL row locks): six workers refunding one return issue one credit note and pay
back once; six refunding units of one line never credit more units than it has; credit note numbers stay gapless."""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from shop.models import CreditNote, CreditNoteLine, OrderEvent, ReturnEvent, ReturnStatus
from shop.services.returns.payback import refund_lines, refund_return
from tests.shop.refund_helpers import make_paid_order, make_received_return

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
SPECS = [("19.99", 3, 19), ("7.49", 2, 7), ("12.00", 1, 0)]


def _race(n, action):
    errors, done = [], []
    barrier = threading.Barrier(n)

    def run(i):
        try:
            barrier.wait(10)
            done.append(action(i))
        except Exception as exc:  # counted by the caller
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return done, errors


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_six_workers_refund_one_return_once():
    order, (shirt, socks, book) = make_paid_order(SPECS, voucher=Decimal("6.00"))
    request = make_received_return(order, {shirt: 2, socks: 1})
    done, errors = _race(6, lambda i: refund_return(request.pk).pk)
    assert errors == [] and len(set(done)) == 1
    note = CreditNote.objects.get()
    assert note.sequence == 1
    request.refresh_from_db()
    assert request.status == ReturnStatus.REFUNDED and request.refund_amount == note.total_gross
    assert ReturnEvent.objects.filter(return_request=request, to_status=ReturnStatus.REFUNDED).count() == 1
    assert OrderEvent.objects.filter(order=order, data__payback__isnull=False).count() == 1  # paid back once


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_refunds_of_the_same_units_never_exceed_the_line_and_numbers_stay_gapless():
    order, (shirt, socks, book) = make_paid_order(SPECS)
    other, (other_line, *_rest) = make_paid_order(SPECS)

    def action(i):
        if i % 2:  # another order's refund at the same time: shares the number counter only
            return refund_lines(other.pk, {other_line.pk: 1}, cause=CreditNote.Cause.CANCELLED_LINE).number
        return refund_lines(order.pk, {shirt.pk: 1}, cause=CreditNote.Cause.CANCELLED_LINE).number

    done, errors = _race(8, action)
    assert len(done) + len(errors) == 8
    assert sum(CreditNoteLine.objects.filter(order_line=shirt).values_list("quantity", flat=True)) == 3
    assert sum(CreditNoteLine.objects.filter(order_line=other_line).values_list("quantity", flat=True)) == 3
    assert len(done) == 6 and all("left to refund" in str(e) or "changed meanwhile" in str(e) for e in errors)
    assert sorted(CreditNote.objects.values_list("sequence", flat=True)) == list(range(1, 7))
    paid_back = sum((Decimal(e.data["payback_amount"]) for e in OrderEvent.objects.filter(order=order, data__payback__isnull=False)), Decimal(0))
    assert paid_back == shirt.total_gross
