"""An order's life: place, pay, cancel, move through the status machine (DESIGN §1: the one place that
orchestrates orders across fulfillment and, later, payments).

Placing an order is one transaction that locks, in this fixed order: the cart row, the voucher row, the stock
rows (ascending pk, inside fulfillment), then the order and invoice counters — so concurrent orders never
deadlock, the counters are held only for the last milliseconds, and any failure writes nothing."""

import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from fulfillment.models import Allocation
from fulfillment.services import InsufficientStock, allocate_stock, deallocate_stock
from payments.models import Payment, PaymentStatus
from payments.money import plain_amount
from payments.providers import get_provider, registered_providers
from payments.services import (
    RefundError,
    cancel_open_payments,
    capture_offline_payment,
    refund_payment,
    refundable,
    start_payment,
    stop_payments,
)
from shop.email_identity import normalized_email
from shop.fx import convert
from shop.models import Cart, Order, OrderEvent, OrderLine, OrderStatus, TaxTreatment, Voucher, VoucherRedemption
from shop.models.orders import ORDER_TRANSITIONS
from shop.money import quantize
from shop.plumbing.storefront_config import StorefrontConfig
from shop.selectors.cart import cart_lines, variant_facts
from shop.services.checkout import (
    CheckoutError,
    Quote,
    address_outside_market,
    billing_address_of,
    build_quote,
    check_voucher_for,
    destination,
    payment_methods_for,
    shortage_messages,
    vat_number_check,
)
from shop.services.invoices import issue_invoice
from shop.services.numbers import next_number
from shop.signals import order_placed, order_status_changed

logger = logging.getLogger(__name__)

SHIPPING_STATUSES = (OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED)


class OrderError(CheckoutError):
    pass


class StockShortError(CheckoutError):
    def __init__(self, messages: list[str], shortages):
        self.messages = messages
        self.shortages = shortages
        super().__init__(" ".join(messages))


class PriceChangedError(CheckoutError):
    pass


def _lang() -> str:
    return get_language() or settings.LANGUAGE_CODE


def allocation_reference(order: Order) -> str:
    return f"order:{order.pk}"


def _missing_steps(cart: Cart, market) -> str | None:
    if not cart.email or not cart.shipping_address:
        return _("Enter your e-mail and shipping address.")
    if address_outside_market(cart, market):
        return _("Your shipping address is outside the %(market)s shop. Please enter it again.") % {"market": market.name(_lang())}
    if not cart.shipping_method_id:
        return _("Choose a shipping option.")
    if not cart.billing_address:
        return _("Enter your billing details.")
    if cart.payment_method not in payment_methods_for(market):
        return _("Choose a payment method.")
    return None


def place_order(cart_token, config: StorefrontConfig, *, language: str, user=None, expected_total: Decimal | None = None,
                payment_method: str | None = None) -> Order:
    """Turn the cart into an order (or return the order this cart already became: a second submit never makes a
    second order). Raises CheckoutError (incl. StockShortError, PriceChangedError) and writes nothing then."""
    try:
        with transaction.atomic():
            cart = Cart.objects.select_for_update().filter(token=cart_token).first()
            if cart is None:
                existing = Order.objects.filter(cart_token=cart_token).first()
                if existing is not None:
                    return existing
                raise OrderError(_("Your cart is empty."))
            if payment_method is not None:
                cart.payment_method = payment_method  # chosen on the review page; the order keeps it, the cart is deleted
            order = _place(cart, config, language=language, user=user, expected_total=expected_total)
    except IntegrityError:
        # Two submits of the same cart raced past the lock on different connections: the other one won.
        existing = Order.objects.filter(cart_token=cart_token).first()
        if existing is None:
            raise
        return existing
    transaction.on_commit(lambda: _after_placed(order.pk), robust=True)
    return order


def _place(cart: Cart, config: StorefrontConfig, *, language: str, user, expected_total: Decimal | None) -> Order:
    missing = _missing_steps(cart, config.market_by_id(cart.market_id))
    if missing:
        raise OrderError(missing)
    if cart.voucher_id:
        Voucher.objects.select_for_update().filter(pk=cart.voucher_id).first()
        cart.voucher = Voucher.objects.get(pk=cart.voucher_id)
    market = config.market_by_id(cart.market_id)

    # Allocate first, under the stock locks: tax treatment, shipping and totals are then computed from where the
    # goods really ship from (a plan made earlier without locks may differ once others have bought).
    rows = cart_lines(cart)
    facts = variant_facts(variant_id for variant_id, _quantity in rows)
    withdrawn = [facts[v].product_name(language) if v in facts else str(v) for v, _q in rows if v not in facts or not facts[v].for_sale]
    if withdrawn:
        raise OrderError(_("No longer available, please remove it from your cart: %(items)s") % {"items": ", ".join(withdrawn)})
    if not rows:
        raise OrderError(_("Your cart is empty."))
    placing = f"placing:{cart.pk}"
    try:
        allocations = allocate_stock(placing, dict(rows), config.warehouses_for(market, destination(cart, market)),
                                     reservation_reference=cart.reservation_reference)
    except InsufficientStock as short:
        names = {v: f"{facts[v].product_name(language)} ({facts[v].sku})" for v, _q in rows}
        with override(language):
            raise StockShortError(shortage_messages(short.shortages, names), short.shortages) from None
    plan: dict = {}
    for allocation in allocations:
        picks = plan.setdefault(allocation.stock.warehouse_id, {})
        picks[allocation.stock.variant_id] = picks.get(allocation.stock.variant_id, 0) + allocation.quantity

    with override(language):
        quote = build_quote(cart, config, language=language, plan=plan)
    if quote.withdrawn:
        raise OrderError(_("No longer available, please remove it from your cart: %(items)s") % {"items": ", ".join(quote.withdrawn)})
    if not quote.lines:
        raise OrderError(_("Your cart is empty."))
    if quote.voucher_error:
        raise OrderError(quote.voucher_error)
    if quote.shipping is None:
        raise OrderError(_("The shipping option you chose is no longer available; please choose again."))
    if expected_total is not None and expected_total != quote.total_gross:
        raise PriceChangedError(_("Prices changed while you were checking out. Please check the new total and confirm again."))

    now = timezone.now()
    fx_rate = convert(Decimal(1), settings.BASE_CURRENCY, quote.currency, config.rates)
    base = settings.BASE_CURRENCY
    ioss = settings.CARAVAN_SELLER["ioss_number"] if TaxTreatment.IOSS in quote.treatments else ""
    billing = billing_address_of(cart)
    order = Order.objects.create(
        number=f"TMP-{cart.pk}",  # replaced by the gapless number just before commit
        cart_token=cart.token,
        user=user if user is not None and user.is_authenticated else cart.user,
        email=cart.email,
        language=language,
        market_id=market.id,
        currency=quote.currency,
        prices_include_tax=quote.includes_tax,
        payment_method=cart.payment_method,
        shipping_address=cart.shipping_address,
        billing_address={k: v for k, v in billing.items() if k != "same_as_shipping"},
        vat_number=billing.get("vat_number", ""),
        **_vat_evidence(cart),
        shipping_method_id=quote.shipping.method_id,
        shipping_method_name=quote.shipping.name,
        carrier=quote.shipping.carrier,
        delivery_earliest=quote.shipping.earliest,
        delivery_latest=quote.shipping.latest,
        shipping_net=quote.shipping.price.net,
        shipping_gross=quote.shipping.price.gross,
        shipping_tax_rate=quote.shipping.price.tax_rate,
        subtotal_net=quote.subtotal_net,
        subtotal_gross=quote.subtotal_gross,
        discount=quote.discount,
        voucher=quote.voucher,
        voucher_code=quote.voucher.code if quote.voucher else "",
        total_net=quote.total_net,
        total_tax=quote.total_tax,
        total_gross=quote.total_gross,
        base_currency=base,
        fx_rate=fx_rate,
        total_net_base=quantize(convert(quote.total_net, quote.currency, base, config.rates), base),
        total_gross_base=quantize(convert(quote.total_gross, quote.currency, base, config.rates), base),
        ioss_number=ioss,
        tax_notes=list(quote.treatments),
    )
    OrderLine.objects.bulk_create([_order_line(order, line) for line in quote.lines])
    start_payment(order.pk, order.payment_method, order.total_gross, order.currency)
    Allocation.objects.filter(reference=placing).update(reference=allocation_reference(order))

    if quote.voucher is not None:
        _redeem(quote, cart, order, market, config)

    order.number = f"{settings.CARAVAN_ORDER_PREFIX}-{now.year}-{next_number('order', now.year):06d}"
    Order.objects.filter(pk=order.pk).update(number=order.number)
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PLACED, message=_order_placed_message(order, quote),
                              data={"total": str(order.total_gross), "currency": order.currency})
    # No invoice yet: every order is invoiced when it is paid (_record_payment) or shipped (change_status), so an order
    # nobody pays uses no invoice number.
    if get_provider(order.payment_method).collects_on_delivery and not email_is_verified(order.user, order.email):
        order.needs_confirmation = True  # nothing is paid up front: the buyer's e-mail (or staff) must confirm it
        Order.objects.filter(pk=order.pk).update(needs_confirmation=True)
    cart.delete()
    return order


def _vat_evidence(cart: Cart) -> dict:
    """The VIES answer about the buyer's VAT number, as the order keeps it (the merchant's proof for a reverse
    charge): status, when, consultation number. Empty when no number could lead to the reverse charge."""
    found = vat_number_check(cart)
    if found is None:
        return {}
    checked_at = parse_datetime(found.checked_at) if found.checked_at else None
    return {"vat_number_check": found.status, "vat_number_checked_at": checked_at,
            "vat_number_consultation": found.consultation[:64]}

def email_is_verified(user, email: str) -> bool:
    """Whether `email` is a confirmed address of the signed-in account `user` (allauth's e-mail confirmation)."""
    from allauth.account.models import EmailAddress

    if user is None or not user.is_authenticated or not email:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def _order_line(order: Order, line) -> OrderLine:
    return OrderLine(
        order=order, variant_id=line.variant_id, product_name=line.product_name, variant_name=line.variant_name, sku=line.sku,
        quantity=line.quantity, unit_net=line.unit.net, unit_gross=line.unit.gross, tax_rate=line.unit.tax_rate,
        tax_treatment=line.treatment, discount=line.discount, total_net=line.total_net, total_gross=line.total_gross,
        weight_grams=line.weight_grams,
    )


def _redeem(quote: Quote, cart: Cart, order: Order, market, config) -> None:
    voucher = quote.voucher
    cart.user_id = order.user_id  # the account placing it counts as the customer (in memory: the cart is deleted)
    check_voucher_for(voucher, cart, market, quote.subtotal_display, config)  # under the voucher's row lock
    updated = Voucher.objects.filter(pk=voucher.pk).update(times_used=F("times_used") + 1)
    if not updated:
        raise OrderError(_("This voucher code is not valid."))
    VoucherRedemption.objects.create(voucher=voucher, order=order, email=order.email, email_normalized=normalized_email(order.email),
                                     user_id=order.user_id)


def _order_placed_message(order: Order, quote: Quote) -> str:
    return f"Order placed: {len(quote.lines)} line(s), {order.total_gross} {order.currency}, {order.payment_method}"


def _after_placed(order_id: int) -> None:
    """After the order is committed: tell listeners and queue the confirmation. A failure here (mail server or
    broker down) must not fail the buyer's request — the order exists; it is logged and the e-mail can be resent."""
    from shop.tasks import send_order_confirmation_task

    order = Order.objects.get(pk=order_id)
    order_placed.send_robust(sender=Order, order=order)
    if get_provider(order.payment_method).pays_online:
        return  # confirmed (with the invoice) once the payment is captured: see _after_status_change
    try:
        send_order_confirmation_task.delay(order_id)
    except Exception:
        logger.exception("order %s: could not queue the confirmation e-mail", order.number)
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.NOTE, message="Confirmation e-mail could not be queued")


# --- Status machine ------------------------------------------------------------------------------------------------


def change_status(order_id: int, new_status: str, *, user=None, message: str = "", only_from=None) -> Order:
    """Move an order along ORDER_TRANSITIONS (locked; a move that is not allowed, or from a status outside
    `only_from`, raises OrderError)."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        old = order.status
        if only_from is not None and old not in only_from:
            raise OrderError(_("This order changed meanwhile; reload it."))
        if new_status == old:
            return order
        if new_status not in ORDER_TRANSITIONS[OrderStatus(old)]:
            raise OrderError(
                _("An order that is %(old)s cannot become %(new)s.")
                % {"old": OrderStatus(old).label, "new": OrderStatus(new_status).label}
            )
        if old == OrderStatus.AWAITING_PAYMENT and new_status in SHIPPING_STATUSES and get_provider(order.payment_method).pays_online:
            raise OrderError(_("This order is paid online and is not paid yet: it ships once the payment is in."))
        order.status = new_status
        fields = ["status", "updated_at"]
        if new_status == OrderStatus.PAID:
            order.paid_at = timezone.now()
            fields.append("paid_at")
        if new_status == OrderStatus.CANCELLED:
            order.cancelled_at = timezone.now()
            fields.append("cancelled_at")
            # Voucher row before stock rows, the order placing takes them in (no deadlock between the two).
            _give_back_voucher(order)
            deallocate_stock(allocation_reference(order))
            cancel_open_payments(order.pk)
        if new_status in SHIPPING_STATUSES and order.needs_confirmation and order.confirmed_at is None:
            order.confirmed_at = timezone.now()  # staff shipping it is their confirmation
            fields.append("confirmed_at")
        order.save(update_fields=fields)
        if new_status in SHIPPING_STATUSES:
            issue_invoice(order)  # shipped before it was paid (cash on delivery): invoiced now (a no-op if it is)
        OrderEvent.objects.create(
            order=order, kind=OrderEvent.Kind.STATUS, user=user if user is not None and user.is_authenticated else None,
            message=message or f"{OrderStatus(old).label} → {OrderStatus(new_status).label}",
            data={"from": old, "to": new_status},
        )
    transaction.on_commit(lambda: _after_status_change(order, old), robust=True)
    return order


def _after_status_change(order: Order, old_status: str) -> None:
    order_status_changed.send_robust(sender=Order, order=order, old_status=old_status)
    if order.status == OrderStatus.CANCELLED:
        stop_payments(order.pk, [PaymentStatus.CANCELLED])  # a pay page left open can no longer take money
        _give_back_payments(order)
    kind = {OrderStatus.PAID: "paid", OrderStatus.CANCELLED: "cancelled"}.get(order.status)
    if kind is None and order.status in SHIPPING_STATUSES and old_status == OrderStatus.AWAITING_PAYMENT:
        kind = "invoice"  # shipped unpaid (cash on delivery): its invoice, issued now, goes to the buyer
    if kind is None:
        return
    from shop.tasks import send_order_confirmation_task, send_order_status_email_task

    try:
        if kind == "paid" and get_provider(order.payment_method).pays_online:
            send_order_confirmation_task.delay(order.pk)  # paid online: the confirmation is the first e-mail the buyer gets
        else:
            send_order_status_email_task.delay(order.pk, kind)
    except Exception:
        logger.exception("order %s: could not queue the %s e-mail", order.number, kind)


def _give_back_voucher(order: Order) -> None:
    redemption = VoucherRedemption.objects.filter(order=order).first()
    if redemption is not None:
        Voucher.objects.filter(pk=redemption.voucher_id, times_used__gt=0).update(times_used=F("times_used") - 1)


def _payment_event(order_id: int, payment: Payment, message: str, **data) -> None:
    OrderEvent.objects.create(order_id=order_id, kind=OrderEvent.Kind.PAYMENT, message=message[:300],
                              data={"payment": payment.pk, "reference": payment.provider_reference, **data})


def _give_back_payments(order: Order) -> None:
    """A cancelled order keeps no money: what was paid online is refunded in full; an offline payment already
    received is noted on the order for staff to pay back (Payments → Refunds)."""
    received = Payment.objects.filter(order=order, status__in=[PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED])
    for payment in received:
        if get_provider(payment.provider).pays_online:
            refund_payment_of_cancelled_order(order.pk, payment.pk)
        else:
            _payment_event(order.pk, payment, f"Cancelled after {plain_amount(refundable(payment), payment.currency)} {payment.currency} "
                                              f"was received offline: pay it back and record it in Payments → Refunds")


def mark_paid(order_id: int, *, user=None, reference: str = "") -> Order:
    """Staff confirm an offline payment (bank transfer received, cash collected). Orders paid online are confirmed by
    their provider's events (`settle_captured_payment`), never by hand."""
    method = Order.objects.values_list("payment_method", flat=True).get(pk=order_id)
    if get_provider(method).pays_online:
        raise OrderError(_("This order is paid online: the payment provider confirms its payment, not staff."))
    return _record_payment(order_id, user=user, reference=str(reference), capture_offline=True, refuse_if_paid=True)


def settle_captured_payment(payment: Payment) -> None:
    """A payment was captured (payments' `payment_captured` signal): it pays its unpaid order, once, if it covers the
    order's payment in full (a short capture is noted instead). Money for an order already cancelled (paid in a tab
    left open) goes back. The status is read under the order's row lock, so a cancel at the same moment is seen."""
    with transaction.atomic():
        status = Order.objects.select_for_update().values_list("status", flat=True).get(pk=payment.order_id)
        if status == OrderStatus.AWAITING_PAYMENT and payment.amount_captured >= payment.amount:
            _record_payment(payment.order_id, reference=f"{payment.provider} {payment.provider_reference}".strip(), capture_offline=False)
        elif status == OrderStatus.AWAITING_PAYMENT:
            _payment_event(payment.order_id, payment, f"Only {plain_amount(payment.amount_captured, payment.currency)} of "
                                                      f"{plain_amount(payment.amount, payment.currency)} {payment.currency} captured: not marked paid")
    if status == OrderStatus.CANCELLED:
        refund_payment_of_cancelled_order(payment.order_id, payment.pk)  # outside the lock: the provider is asked over the network


def note_refund(payment: Payment, amount: Decimal | None = None, refund=None) -> None:
    """Refunds show on the order with their amount and who made them (its status stays; the returns flow decides
    what a refund means for the goods), and the buyer is told by e-mail — unless the order is cancelled, whose
    e-mail already says the payment is refunded. `amount`: what this refund gave back (None from an older sender:
    the refunded total stands in); `refund`: the payments Refund row, when known."""
    amount = payment.amount_refunded if amount is None else amount
    user = getattr(refund, "created_by", None)
    OrderEvent.objects.create(
        order_id=payment.order_id, kind=OrderEvent.Kind.PAYMENT, user=user,
        message=(f"Refunded {plain_amount(payment.amount_refunded, payment.currency)} of "
                 f"{plain_amount(payment.amount_captured, payment.currency)} {payment.currency} in total ({payment.status}); "
                 f"this refund: {plain_amount(amount, payment.currency)} {payment.currency}"
                 + (f" ({refund.reason})" if refund is not None and refund.reason else ""))[:300],
        data={"payment": payment.pk, "reference": payment.provider_reference, "refunded": str(payment.amount_refunded),
              "refund_amount": str(amount), **({"refund": refund.pk} if refund is not None else {})},
    )
    if Order.objects.filter(pk=payment.order_id, status=OrderStatus.CANCELLED).exists():
        return
    from shop.tasks import send_refund_email_task

    try:
        send_refund_email_task.delay(payment.order_id, str(amount), f"{payment.pk}-{payment.amount_refunded}",
                                     refund.reason if refund is not None else "")
    except Exception:
        logger.exception("order %s: could not queue the refund e-mail", payment.order_id)


def note_dispute(payment: Payment) -> None:
    _payment_event(payment.order_id, payment, "Payment disputed by the buyer's bank")


def _record_payment(order_id: int, *, reference: str, capture_offline: bool, user=None, refuse_if_paid: bool = False) -> Order:
    """The order's payment is in: an unpaid order becomes paid; one shipped before it was paid (cash on delivery)
    keeps its status and gets its payment date. The order is invoiced now if it was not yet (offline orders are
    invoiced when paid or shipped, never when placed). With `refuse_if_paid` (staff recording an offline payment),
    an order whose payment is recorded already raises OrderError and nothing changes."""
    message = "Payment received" + (f": {reference}" if reference else "")
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        if refuse_if_paid and order.paid_at is not None:
            raise OrderError(_("Its payment was already recorded; nothing changed."))
        if order.paid_at is None and order.status in SHIPPING_STATUSES:
            order.paid_at = timezone.now()
            order.save(update_fields=["paid_at", "updated_at"])
        else:
            order = change_status(order_id, OrderStatus.PAID, user=user, message=message)
        if capture_offline:
            capture_offline_payment(order_id)
        issue_invoice(order)
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PAYMENT, message=message, user=user if user is not None
                                  and user.is_authenticated else None, data={"method": order.payment_method, "reference": reference,
                                                                          "amount": str(order.total_gross)})
    return order


def refund_payment_of_cancelled_order(order_id: int, payment_id: int) -> None:
    """An online payment of a cancelled order (captured before or after the cancel): give back what is left of it,
    and say so on the order. If the refund fails, the order says so, for staff to refund by hand."""
    payment = Payment.objects.get(pk=payment_id)
    left = refundable(payment)
    if left <= 0:
        return  # given back already (the cancel and the late capture both ask)
    try:
        refund = refund_payment(payment_id, left, reason="Order cancelled",
                                idempotency_key=f"cancelled-order-{order_id}-payment-{payment_id}")
        message, data = "Order cancelled: its online payment is refunded in full", {"refund": refund.pk}
    except RefundError as exc:
        logger.error("order %s (cancelled): its online payment could not be refunded: %s", order_id, exc)
        message, data = f"Order cancelled: its online payment could not be refunded automatically, refund it by hand: {exc}", {}
    _payment_event(order_id, payment, message, **data)


def cancel_order(order_id: int, *, user=None, reason: str = "") -> Order:
    return change_status(order_id, OrderStatus.CANCELLED, user=user, message=str(reason) or "Cancelled")


# --- Cash on delivery from an unverified e-mail: confirmed by the buyer's link or by staff -------------------------

COD_CONFIRM_SALT = "caravan.shop.cod-confirm"


def cod_confirmation_token(order: Order) -> str:
    """The signed token of the order's one-click confirmation link (in the order e-mail)."""
    return signing.dumps(order.number, salt=COD_CONFIRM_SALT)


def confirm_cod_order(order_id: int, *, user=None, via: str = "staff") -> tuple[Order, bool]:
    """Confirm a cash-on-delivery order that waits for confirmation: it then ships and is paid on delivery as any
    other. Idempotent: (order, False) when there was nothing to confirm (confirmed already, or never needed). A
    cancelled order cannot be confirmed (OrderError)."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        if order.status == OrderStatus.CANCELLED:
            raise OrderError(_("This order was cancelled, so it can no longer be confirmed."))
        if not order.needs_confirmation or order.confirmed_at is not None:
            return order, False
        order.confirmed_at = timezone.now()
        order.save(update_fields=["confirmed_at", "updated_at"])
        who = "by the buyer (e-mail link)" if via == "link" else "by staff"
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.STATUS, message=f"Cash-on-delivery order confirmed {who}",
                                  user=user if user is not None and user.is_authenticated else None, data={"confirmed": via})
    return order, True


def order_for_cod_confirmation(token: str) -> Order:
    """The order a confirmation link names (read only: opening the link confirms nothing, a mail scanner or link
    prefetcher may open it). A forged, altered or expired link, or an order cancelled meanwhile, raises OrderError."""
    order = Order.objects.get(pk=_cod_order_id(token))
    if order.status == OrderStatus.CANCELLED:
        raise OrderError(_("This order was cancelled, so it can no longer be confirmed."))
    return order


def _cod_order_id(token: str) -> int:
    try:
        number = signing.loads(token, salt=COD_CONFIRM_SALT, max_age=timedelta(hours=settings.CARAVAN_COD_CONFIRM_HOURS))
    except signing.SignatureExpired:
        raise OrderError(_("This confirmation link has expired.")) from None
    except signing.BadSignature:
        raise OrderError(_("This confirmation link is not valid.")) from None
    order_id = Order.objects.filter(number=number).values_list("pk", flat=True).first()
    if order_id is None:
        raise OrderError(_("This confirmation link is not valid."))
    return order_id


def confirm_cod_order_by_token(token: str) -> tuple[Order, bool]:
    """The buyer pressed "Confirm my order" on the page the link opens: confirm the order it names. A forged,
    altered or expired link raises OrderError."""
    return confirm_cod_order(_cod_order_id(token), via="link")


def cancel_unpaid_orders(now=None) -> list[str]:
    """Cancel unpaid orders, releasing their stock, after their payment provider's deadline
    (`PaymentProvider.unpaid_order_timeout`: bank transfers after CARAVAN_UNPAID_ORDER_HOURS, Stripe after
    CARAVAN_UNPAID_ONLINE_ORDER_MINUTES), and orders that needed the buyer's confirmation and got none
    (`unconfirmed_order_timeout`: cash on delivery after CARAVAN_COD_CONFIRM_HOURS). An online payment still
    processing (a SEPA debit, a bank redirect) keeps its order; open payments are stopped at their provider first
    (Stripe: the PaymentIntent is cancelled), so the buyer cannot pay a cancelled order. Each order in its own
    transaction; one paid (or confirmed) meanwhile is skipped (the status check runs under the row lock)."""
    now = now or timezone.now()
    unpaid = Order.objects.filter(status=OrderStatus.AWAITING_PAYMENT)
    overdue, unconfirmed = Q(pk__in=[]), Q(pk__in=[])
    for code, provider in registered_providers().items():
        if (timeout := provider.unpaid_order_timeout()) is not None:
            late = Q(payment_method=code, created_at__lt=now - timeout)
            if provider.pays_online:  # money on its way at the provider keeps the order
                late &= ~Q(payments__status__in=[PaymentStatus.PROCESSING, PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED])
            overdue |= late
        if (timeout := provider.unconfirmed_order_timeout()) is not None:
            unconfirmed |= Q(payment_method=code, created_at__lt=now - timeout)
    unconfirmed_ids = unpaid.filter(unconfirmed, needs_confirmation=True, confirmed_at__isnull=True).values_list("pk", flat=True)
    cancelled = []
    for order_id in unpaid.filter(overdue).order_by("pk").values_list("pk", flat=True):
        try:
            if not stop_payments(order_id, [PaymentStatus.PENDING, PaymentStatus.FAILED]):
                continue  # paid or processing at the provider after all, or it cannot be reached: the next sweep looks again
            order = change_status(order_id, OrderStatus.CANCELLED, message="Cancelled: no payment received in time",
                                  only_from={OrderStatus.AWAITING_PAYMENT})
            cancelled.append(order.number)
        except OrderError:
            logger.info("order %s changed before the unpaid sweep reached it", order_id)
        except DatabaseError:
            logger.exception("order %s: could not be cancelled now; the next sweep retries", order_id)
    for order_id in unconfirmed_ids:
        try:
            with transaction.atomic():
                confirmed = Order.objects.select_for_update().filter(pk=order_id, confirmed_at__isnull=False).exists()
                if confirmed:
                    continue  # confirmed a moment ago
                order = change_status(order_id, OrderStatus.CANCELLED, message="Cancelled: cash-on-delivery order not confirmed in time",
                                      only_from={OrderStatus.AWAITING_PAYMENT})
            cancelled.append(order.number)
        except OrderError:
            logger.info("order %s changed before the unpaid sweep reached it", order_id)
        except DatabaseError:
            logger.exception("order %s: could not be cancelled now; the next sweep retries", order_id)
    return cancelled

