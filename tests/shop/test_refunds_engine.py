"""The refund engine: refunds from the order's frozen prices (voucher shares, mixed tax rates, shipping once, fees),
never more than was paid, summing exactly to the order's total when everything comes back in any number of steps."""

from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from payments.money import minor_unit
from shop.models import CreditNote, CreditNoteLine
from shop.services.returns.credit_notes import issue_credit_note
from shop.services.returns.refunds import RefundError, compute_refund
from tests.shop.refund_helpers import make_paid_order

pytestmark = pytest.mark.django_db

SPECS = [("19.99", 3, 19), ("7.49", 2, 7), ("12.00", 1, 0)]


def refund_step(order, quantities, **kwargs):
    calc = compute_refund(order, quantities, **kwargs)
    issue_credit_note(order, calc, cause=CreditNote.Cause.CANCELLED_LINE)
    return calc


def test_one_unit_of_a_discounted_line_and_the_rest_later():
    order, (shirt, socks, book) = make_paid_order(SPECS, voucher=Decimal("10.00"))
    first = refund_step(order, {shirt.pk: 1})
    assert [r.units for r in first.lines] == [1] and not first.shipping
    (row,) = first.lines
    assert row.gross == (shirt.total_gross / 3).quantize(Decimal("0.01"))  # the voucher share is in the line's total
    assert row.tax_rate == Decimal(19) and row.gross == row.net + row.tax
    rest = refund_step(order, {shirt.pk: 2})
    assert first.lines[0].net + rest.lines[0].net == shirt.total_net
    assert first.lines[0].gross + rest.lines[0].gross == shirt.total_gross
    with pytest.raises(RefundError, match="only 0 of 3"):
        compute_refund(order, {shirt.pk: 1})


def test_shipping_comes_back_with_the_last_units_only():
    order, (shirt, socks, book) = make_paid_order(SPECS, voucher=Decimal("5.00"))
    a = refund_step(order, {shirt.pk: 3, socks.pk: 2})
    assert not a.shipping
    b = refund_step(order, {book.pk: 1})
    assert [r.gross for r in b.shipping] == [order.shipping_gross]
    assert a.total_gross + b.total_gross == order.total_gross
    assert sum(n.total_gross for n in CreditNote.objects.filter(order=order)) == order.total_gross


def test_fees_are_deducted_never_below_zero_and_the_lines_stay_the_goods():
    order, (shirt, *_) = make_paid_order(SPECS)
    calc = compute_refund(order, {shirt.pk: 1}, fees=Decimal("2.50"))
    assert calc.total_gross == Decimal("19.99") and calc.fees == Decimal("2.50") and calc.amount == Decimal("17.49")
    calc = compute_refund(order, {shirt.pk: 1}, fees=Decimal("100"))
    assert calc.fees == calc.total_gross and calc.amount == 0


def test_never_more_than_captured():
    order, (shirt, *_) = make_paid_order(SPECS, capture=False)
    with pytest.raises(RefundError, match="At most 0.00 EUR"):
        compute_refund(order, {shirt.pk: 1})
    with pytest.raises(RefundError, match="no such line"):
        compute_refund(order, {shirt.pk + 999: 1}, check_paid=False)


def test_jpy_is_whole_yen():
    order, (tea, cup) = make_paid_order([("1100", 3, 10), ("880", 7, 8)], currency="JPY", voucher=Decimal("500"),
                                        shipping_gross=Decimal("990"), shipping_rate=Decimal(10))
    calc = refund_step(order, {tea.pk: 1, cup.pk: 3})
    for row in calc.lines:
        assert row.net == row.net.to_integral_value() and row.tax == row.tax.to_integral_value()
    rest = refund_step(order, {tea.pk: 2, cup.pk: 4})
    assert calc.total_gross + rest.total_gross == order.total_gross


# --- Properties ----------------------------------------------------------------------------------------------------

line_spec = st.tuples(
    st.decimals(min_value=Decimal("0.50"), max_value=Decimal("250"), places=2),
    st.integers(min_value=1, max_value=5),
    st.sampled_from([19, 7, 0]),
)


@st.composite
def order_and_steps(draw):
    currency = draw(st.sampled_from(["EUR", "JPY"]))
    specs = draw(st.lists(line_spec, min_size=1, max_size=4))
    if currency == "JPY":
        specs = [((u * 100).quantize(Decimal(1)), q, r) for u, q, r in specs]
    goods = sum(u * q for u, q, _ in specs)
    voucher = draw(st.decimals(min_value=Decimal(0), max_value=goods, places=0 if currency == "JPY" else 2))
    shipping = draw(st.sampled_from([Decimal(0), Decimal("4.90"), Decimal("590")]))
    if currency == "EUR" and shipping == Decimal("590"):
        shipping = Decimal("5.90")
    # every unit gets a step number: units with the same number come back together (a random partition)
    n_steps = draw(st.integers(min_value=1, max_value=4))
    assignment = [[draw(st.integers(min_value=0, max_value=n_steps - 1)) for _ in range(q)] for _, q, _ in specs]
    return currency, specs, voucher, shipping, n_steps, assignment


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(order_and_steps())
def test_any_partition_of_returned_units_sums_to_the_order_total(data):
    currency, specs, voucher, shipping, n_steps, assignment = data
    with transaction.atomic():
        order, lines = make_paid_order(specs, currency=currency, voucher=voucher, shipping_gross=shipping)
        paid = {line.pk: line.total_gross for line in lines}
        refunded = dict.fromkeys(paid, Decimal(0))
        total = Decimal(0)
        for step in range(n_steps):
            quantities = {line.pk: units.count(step) for line, units in zip(lines, assignment, strict=True) if units.count(step)}
            if not quantities:
                continue
            calc = refund_step(order, quantities)
            for row in calc.lines:
                line = next(x for x in lines if x.pk == row.order_line_id)
                exact = line.total_gross * row.units / line.quantity
                # what was paid for these units, to the rounding of net and tax (one minor unit each)
                assert row.gross <= exact + 2 * minor_unit(currency)
                assert row.net >= 0 and row.tax >= 0 and row.gross == row.net + row.tax
                refunded[line.pk] += row.gross
                assert refunded[line.pk] <= paid[line.pk]
            total += calc.total_gross
            assert total <= order.total_gross
        assert refunded == paid
        assert total == order.total_gross  # shipping included exactly once, with the last units
        assert CreditNoteLine.objects.filter(credit_note__order=order, order_line=None).count() == (1 if shipping else 0)
        transaction.set_rollback(True)
