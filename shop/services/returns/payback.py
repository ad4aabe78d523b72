"""Paying money back: a received return (`refund_return`), a shipped line cancelled by staff or a parcel the carrier
lost (`refund_lines`). Both go the same way, in two steps:

1. One transaction: the return (or the order) is locked, the refund worked out from the frozen prices
   (refunds.compute_refund) and its credit note issued (credit_notes.issue_credit_note).
2. The credit note's amount goes back through the payment providers: online payments are refunded at the provider
   (payments.services.refund_payment) with an idempotency key made from the credit note number, so a retry or a
   second caller never refunds twice; offline payments (bank transfer, cash on delivery) are noted on the order for
   staff to pay back and record in Payments → Refunds. Then the return moves to REFUNDED and the buyer gets the
   credit note by e-mail.

If step 2 fails (the provider is down), the credit note stays and the return stays RECEIVED: calling again resumes
step 2 with the same keys."""

import logging
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from payments.models import Payment, PaymentStatus, Refund
from payments.money import plain_amount
from payments.providers import get_provider
from payments.services import RefundError as PaymentRefundError
from payments.services import refund_payment, refundable
from shop.models import CreditNote, Order, OrderEvent, ReturnReason, ReturnRequest, ReturnStatus
from shop.services.orders.payments import CREDIT_NOTE_REFUND_PREFIX
from shop.services.returns.credit_notes import issue_credit_note
from shop.services.returns.refunds import RefundError, compute_refund
from shop.services.returns.status import move_return
from shop.signals import credit_note_issued

logger = logging.getLogger(__name__)

ZERO = Decimal(0)
FEE_FREE_REASONS = {ReturnReason.DAMAGED, ReturnReason.WRONG_ITEM}


def return_fees(request: ReturnRequest, goods_gross: Decimal) -> Decimal:
    """The market's fees for this return: the restocking fee (a percentage of the goods refunded) and the return
    shipping fee when the buyer pays return shipping; neither for damaged or wrong items (the seller's fault)."""
    policy = getattr(request.order.market, "return_policy", None)
    if policy is None or request.reason in FEE_FREE_REASONS:
        return ZERO
    fees = goods_gross * policy.restocking_fee_percent / 100
    if policy.buyer_pays_return_shipping:
        fees += policy.return_shipping_fee
    return fees


def refund_return(return_id: int, *, user=None) -> CreditNote:
    """Refund a RECEIVED return: what the warehouse received of each line (restocked + written off), at the order's
    frozen prices, minus the market's fees; its credit note, the money back, the return REFUNDED. Twice (a double
    click, two workers) refunds once: the return row is locked and its credit note found the second time."""
    with transaction.atomic():
        request = ReturnRequest.objects.select_for_update(of=("self",)).select_related("order__market__return_policy").get(pk=return_id)
        note = CreditNote.objects.filter(return_request=request).first()
        if note is None:
            if request.status != ReturnStatus.RECEIVED:
                raise RefundError(_("Only a received return can be refunded (this one is %(status)s).")
                                  % {"status": request.get_status_display().lower()})
            quantities = {line.order_line_id: line.quantity_received for line in request.lines.all() if line.quantity_received}
            if not quantities:
                raise RefundError(_("Nothing of this return was received."))
            order = request.order
            goods = compute_refund(order, quantities, include_shipping=False, check_paid=False)
            calc = compute_refund(order, quantities, fees=return_fees(request, goods.total_gross))
            note = issue_credit_note(order, calc, cause=CreditNote.Cause.RETURN, return_request=request)
            request.refund_amount = note.total_gross - note.fees
            request.save(update_fields=["refund_amount"])
    pay_back(note, user=user)
    move_return(return_id, ReturnStatus.REFUNDED, user=user, message=f"Credit note {note.number}",
                only_from={ReturnStatus.RECEIVED, ReturnStatus.REFUNDED})
    _send_credit_note(note)
    return note


def refund_lines(order_id: int, quantities: dict[int, int], *, cause: str, include_shipping: bool | None = None,
                 fees: Decimal = ZERO, user=None) -> CreditNote:
    """Refund units of shipped lines outside a return: a line staff cancelled after it shipped (cause
    CANCELLED_LINE), or everything in a parcel the carrier lost (LOST_PARCEL; see `lost_parcel_quantities`)."""
    if cause not in (CreditNote.Cause.CANCELLED_LINE, CreditNote.Cause.LOST_PARCEL):
        raise RefundError(_("Returns are refunded from the return."))
    order = Order.objects.get(pk=order_id)
    calc = compute_refund(order, quantities, include_shipping=include_shipping, fees=fees)
    note = issue_credit_note(order, calc, cause=cause)  # recomputed under the order's lock: a stale form fails here
    pay_back(note, user=user)
    _send_credit_note(note)
    return note


def lost_parcel_quantities(consignment) -> dict[int, int]:
    """Order line id → units of a consignment (all of them: the parcel is lost), less what was credited already."""
    from shop.services.returns.refunds import credited_units

    order = Order.objects.get(pk=consignment.order_id)
    done = credited_units(order)
    lines = {line.pk: line for line in order.lines.all()}
    quantities: dict[int, int] = {}
    for cline in consignment.lines.all():
        line_id = cline.order_line_id
        quantities[line_id] = quantities.get(line_id, 0) + cline.quantity
    return {pk: min(units, lines[pk].quantity - done.get(pk, (0,))[0]) for pk, units in quantities.items()
            if pk in lines and lines[pk].quantity - done.get(pk, (0,))[0] > 0}


class PaybackFailed(RefundError):
    """The credit note is issued but its money could not be given back now (the provider refused or is down):
    `pay_back` it again later (admin: Credit notes → "Pay back again"); the keys make sure it is paid once."""

    def __init__(self, note: CreditNote, error: Exception):
        self.note = note
        super().__init__(_("Credit note %(number)s is issued, but its refund failed: %(error)s. Pay it back again from the credit note list.")
                         % {"number": note.number, "error": error})


def pay_back(note: CreditNote, *, user=None) -> None:
    """Give the credit note's amount back (again: idempotent). Raises PaybackFailed, noted on the order, when a
    provider refuses; a return waiting for it stays RECEIVED until `refund_return` is called again."""
    try:
        _pay_back(note, user=user)
    except PaymentRefundError as exc:
        logger.error("credit note %s: refund failed: %s", note.number, exc)
        OrderEvent.objects.create(order_id=note.order_id, kind=OrderEvent.Kind.NOTE,
                                  message=f"Credit note {note.number}: the refund failed, pay it back again: {exc}"[:300],
                                  data={"credit_note": note.number, "payback_failed": True})
        raise PaybackFailed(note, exc) from exc


def _pay_back(note: CreditNote, *, user=None) -> None:
    """Give the credit note's amount back over the order's captured payments (oldest first). Idempotent: online
    refunds carry keys made from the credit note number; the offline note is written once."""
    amount = note.total_gross - note.fees
    if amount <= 0:
        return
    payments = list(Payment.objects.filter(order_id=note.order_id, status__in=[PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED,
                                                                                PaymentStatus.REFUNDED]).order_by("pk"))
    for payment in payments:
        if amount <= 0:
            break
        provider = get_provider(payment.provider)
        key = f"{CREDIT_NOTE_REFUND_PREFIX}{note.number}-payment-{payment.pk}"
        if provider.pays_online:
            done = Refund.objects.filter(payment=payment, idempotency_key=key).first()
            part = done.amount if done is not None else min(amount, refundable(payment))
            if part <= 0:
                continue
            refund_payment(payment.pk, part, reason=f"Credit note {note.number}", idempotency_key=key, user=user)
        else:
            part = min(amount, payment.amount_captured)
            _note_offline_payback(note, payment, part, key, user)
        amount -= part


def _note_offline_payback(note: CreditNote, payment: Payment, part: Decimal, key: str, user) -> None:
    """Once per credit note and payment: the order says what staff must pay back by hand."""
    with transaction.atomic():
        Order.objects.select_for_update().filter(pk=note.order_id).values_list("pk", flat=True).first()
        if OrderEvent.objects.filter(order_id=note.order_id, kind=OrderEvent.Kind.PAYMENT, data__payback=key).exists():
            return
        OrderEvent.objects.create(
            order_id=note.order_id, kind=OrderEvent.Kind.PAYMENT, user=user if getattr(user, "is_authenticated", False) else None,
            message=(f"Credit note {note.number}: pay back {plain_amount(part, note.currency)} {note.currency} "
                     f"({payment.get_provider_display()}) and record it in Payments → Refunds")[:300],
            data={"payback": key, "credit_note": note.number, "payment": payment.pk, "payback_amount": str(part)},
        )


def _send_credit_note(note: CreditNote) -> None:
    credit_note_issued.send_robust(sender=CreditNote, credit_note_id=note.pk)
