"""Orders with paid money to refund: lines at mixed tax rates, a voucher spread over them, shipping; a captured payment."""

from decimal import ROUND_HALF_UP, Decimal

from payments.models import Payment, PaymentStatus
from payments.money import quantize
from shop.models import ReturnLine, ReturnPolicy, ReturnRequest, ReturnStatus
from tests import factories as f


def _q(amount: Decimal, currency: str) -> Decimal:
    return quantize(amount, currency)


def make_paid_order(specs, *, currency="EUR", market=None, voucher=Decimal(0), shipping_gross=Decimal("4.90"), shipping_rate=Decimal(19),
                    provider="bank_transfer", language="en", capture=True, reference=""):
    """specs: [(unit_gross, quantity, tax_rate)]. The voucher (gross) is spread over the lines by their gross (the last
    line takes the rest); each line's net comes from its gross at its rate. Totals add up like a placed order's."""
    market = market or f.MarketFactory(code="eu" if currency == "EUR" else currency.lower(), currency=currency)
    order = f.OrderFactory(market=market, currency=currency, language=language, payment_method=provider,
                           shipping_gross=shipping_gross, shipping_net=_q(shipping_gross / (1 + shipping_rate / 100), currency),
                           shipping_tax_rate=shipping_rate, discount=voucher, voucher_code="SAVE" if voucher else "")
    goods = sum((Decimal(u) * q for u, q, _ in specs), Decimal(0))
    voucher = min(voucher, goods)
    left = voucher
    lines = []
    for i, (unit_gross, quantity, rate) in enumerate(specs):
        unit_gross, rate = Decimal(unit_gross), Decimal(rate)
        gross_before = unit_gross * quantity
        share = left if i == len(specs) - 1 else _q(voucher * gross_before / goods, currency) if goods else Decimal(0)
        share = min(share, gross_before, left)
        left -= share
        total_gross = gross_before - share
        total_net = _q(total_gross / (1 + rate / 100), currency)
        lines.append(f.OrderLineFactory(order=order, quantity=quantity, unit_gross=unit_gross,
                                        unit_net=_q(unit_gross / (1 + rate / 100), currency), tax_rate=rate, discount=share,
                                        total_gross=total_gross, total_net=total_net))
    order.subtotal_gross = sum((line.total_gross for line in lines), Decimal(0))
    order.subtotal_net = sum((line.total_net for line in lines), Decimal(0))
    order.total_gross = order.subtotal_gross + order.shipping_gross
    order.total_net = order.subtotal_net + order.shipping_net
    order.total_tax = order.total_gross - order.total_net
    order.status = "shipped"
    order.save()
    if capture:
        Payment.objects.create(order=order, provider=provider, currency=currency, amount=order.total_gross,
                               amount_captured=order.total_gross, status=PaymentStatus.CAPTURED, provider_reference=reference,
                               idempotency_key=f"order-{order.pk}-{provider}")
    return order, lines


def make_received_return(order, received: dict, *, reason="wrong_size", number=None, warehouse=None):
    """A ReturnRequest in RECEIVED with `received` (order line → units), restocked."""
    from fulfillment.models import Warehouse

    warehouse = warehouse or Warehouse.objects.first() or f.WarehouseFactory(code="de", country="DE")
    request = ReturnRequest.objects.create(order=order, number=number or f"R-{order.number}-{ReturnRequest.objects.count() + 1}",
                                           status=ReturnStatus.RECEIVED, reason=reason, warehouse=warehouse)
    for line, units in received.items():
        ReturnLine.objects.create(return_request=request, order_line=line, quantity=units, quantity_received=units,
                                  quantity_restocked=units)
    return request


def set_policy(market, **fields):
    policy, _ = ReturnPolicy.objects.update_or_create(market=market, defaults=fields)
    return policy


HALF_UP = ROUND_HALF_UP
