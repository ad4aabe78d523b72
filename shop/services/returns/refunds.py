"""What goes back to the buyer: `compute_refund` works out a refund from the order's frozen prices (pure reads, no
writes); the credit note (credit_notes.py) records it; `refund_return` and `refund_lines` (payback.py) pay it back.

Rounding: a line's refund of `u` more units after `k` already credited is the line's frozen net and tax for the first
k+u units minus those for the first k units, each rounded half-up to the currency's minor unit from the exact share
(total × units / quantity). The cumulative amounts never decrease, so every step is ≥ 0 (and its gross ≥ its net),
and the last step gives exactly the rest: all units of a line, in any number of refunds, add up to its totals."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils import translation
from django.utils.translation import gettext as _

from payments.models import Payment, RefundStatus
from payments.money import plain_amount
from shop.models import CreditNote, CreditNoteLine, Order
from shop.money import quantize
from shop.selectors.orders import shipping_parts

ZERO = Decimal(0)


class RefundError(ValueError):
    """A refund that cannot be made (too many units, more than was paid); the message (translated) says why."""


@dataclass(frozen=True)
class RefundRow:
    """One row of a refund: `units` of an order line, or one parcel's shipping (order_line_id None)."""

    order_line_id: int | None
    description: str
    units: int
    tax_rate: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal
    sku: str = ""


@dataclass
class RefundCalculation:
    order_id: int
    currency: str
    quantities: dict[int, int]
    lines: list[RefundRow] = field(default_factory=list)
    shipping: list[RefundRow] = field(default_factory=list)
    total_net: Decimal = ZERO
    total_tax: Decimal = ZERO
    total_gross: Decimal = ZERO
    fees: Decimal = ZERO  # deducted (at most the gross)
    amount: Decimal = ZERO  # what is paid back: total_gross − fees
    include_shipping: bool = False

    @property
    def rows(self) -> list[RefundRow]:
        return self.lines + self.shipping

    def tax_rows(self) -> list[tuple[Decimal, Decimal, Decimal, Decimal]]:
        """(rate, net, tax, gross) per tax rate, rates ascending."""
        sums: dict[Decimal, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO, ZERO])
        for row in self.rows:
            for i, value in enumerate((row.net, row.tax, row.gross)):
                sums[row.tax_rate][i] += value
        return [(rate, *sums[rate]) for rate in sorted(sums)]


def credited_units(order: Order) -> dict[int, tuple[int, Decimal, Decimal]]:
    """Per order line: (units, net, tax) credited so far by the order's credit notes."""
    rows = (CreditNoteLine.objects.filter(credit_note__order_id=order.pk, order_line__isnull=False)
            .values("order_line_id").annotate(units=Sum("quantity"), net=Sum("net"), gross=Sum("gross")))
    return {r["order_line_id"]: (r["units"], r["net"], r["gross"] - r["net"]) for r in rows}


def shipping_credited(order: Order) -> bool:
    return CreditNoteLine.objects.filter(credit_note__order_id=order.pk, order_line__isnull=True).exists()


def _share(total: Decimal, units: int, quantity: int, currency: str) -> Decimal:
    return quantize(total * units / quantity, currency)


def already_given_back(order: Order) -> Decimal:
    """What of the order's payments went (or is going) back: the larger of the payment ledger's refunds (done and
    pending) and the amounts of the order's credit notes (an offline credit note is owed before staff pay it)."""
    ledger = ZERO
    for payment in Payment.objects.filter(order_id=order.pk):
        pending = sum((r.amount for r in payment.refunds.all() if r.status == RefundStatus.PENDING), ZERO)
        ledger += payment.amount_refunded + pending
    notes = sum((n.total_gross - n.fees for n in CreditNote.objects.filter(order_id=order.pk)), ZERO)
    return max(ledger, notes)


def captured(order: Order) -> Decimal:
    return sum((p.amount_captured for p in Payment.objects.filter(order_id=order.pk)), ZERO)


def compute_refund(order: Order, quantities: dict[int, int], *, include_shipping: bool | None = None, fees: Decimal = ZERO,
                   check_paid: bool = True) -> RefundCalculation:
    """The refund of `quantities` (order line id → units) of `order` at its frozen prices, in its currency.

    Shipping is included when, after this refund, every unit of the order is credited (`include_shipping` None), or
    when asked (True; once per order). `fees` (restocking, return shipping) are deducted from the amount, never below
    zero. Raises RefundError for units the order does not have (or has credited already) and, with `check_paid`, for
    an amount above what was captured minus what went back already."""
    currency = order.currency
    lines = {line.pk: line for line in order.lines.all()}
    done = credited_units(order)
    calc = RefundCalculation(order_id=order.pk, currency=currency, quantities={})
    for line_id, units in sorted(quantities.items()):
        units = int(units)
        if units == 0:
            continue
        line = lines.get(int(line_id))
        if line is None or units < 0:
            raise RefundError(_("This order has no such line."))
        k, net_k, tax_k = done.get(line.pk, (0, ZERO, ZERO))
        if k + units > line.quantity:
            raise RefundError(_("%(sku)s: only %(left)s of %(quantity)s units are left to refund.")
                              % {"sku": line.sku, "left": line.quantity - k, "quantity": line.quantity})
        total_tax = line.total_gross - line.total_net
        net = max(_share(line.total_net, k + units, line.quantity, currency) - net_k, ZERO)
        tax = max(_share(total_tax, k + units, line.quantity, currency) - tax_k, ZERO)
        description = f"{line.product_name} ({line.variant_name})" if line.variant_name else line.product_name
        calc.lines.append(RefundRow(line.pk, description, units, line.tax_rate, net, tax, net + tax, line.sku))
        calc.quantities[line.pk] = units
    if not calc.lines and not include_shipping:
        raise RefundError(_("Choose at least one unit to refund."))
    if include_shipping is None:
        after = {pk: done.get(pk, (0,))[0] + calc.quantities.get(pk, 0) for pk in lines}
        include_shipping = all(after[pk] >= line.quantity for pk, line in lines.items())
    if include_shipping and not shipping_credited(order):
        for part in shipping_parts(order):
            if part.gross or part.net:
                with translation.override(order.language):  # stored on the credit note: the buyer's words
                    label = _("Shipping") + (f" {part.number}" if part.number else "") + (f": {part.method_name}" if part.method_name else "")
                calc.shipping.append(RefundRow(None, label[:300], 1, part.tax_rate, part.net, part.gross - part.net, part.gross))
        calc.include_shipping = bool(calc.shipping)
    calc.total_net = sum((r.net for r in calc.rows), ZERO)
    calc.total_tax = sum((r.tax for r in calc.rows), ZERO)
    calc.total_gross = calc.total_net + calc.total_tax
    fees = quantize(Decimal(str(fees or 0)), currency)
    if fees < 0:
        raise RefundError(_("Fees cannot be negative."))
    calc.fees = min(fees, calc.total_gross)
    calc.amount = calc.total_gross - calc.fees
    if check_paid:
        left = captured(order) - already_given_back(order)
        if calc.amount > left:
            raise RefundError(_("At most %(left)s %(currency)s of this order's payment is left to refund; this refund is %(amount)s.")
                              % {"left": plain_amount(max(left, ZERO), currency), "currency": currency,
                                 "amount": plain_amount(calc.amount, currency)})
    return calc
