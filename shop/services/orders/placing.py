"""Placing an order: the cart becomes an order in one transaction.

The call chain (see docs/architecture.md §3, "Placing an order"): `place_order` locks the cart row, then
`_place` loads the CheckoutInfo once (checkout/info.py; the voucher row locked with it), checks the steps are done
and the lines still for sale, allocates the stock (fulfillment), builds the quote once from where the goods really
ship from (checkout/quote.py, which asks shop/tax how each consignment is taxed and checks the voucher under its
row lock), validates it once (`_refuse_if_changed`), writes the order from the quote (`_write_order`) and its
consignments, one per warehouse, from the chosen option's parcels (orders/consignments.py).

Locks, in this fixed order: the cart row, the voucher row, the stock rows (ascending pk, inside fulfillment), then
the order and invoice counters — so concurrent orders never deadlock, the counters are held only for the last
milliseconds, and any failure writes nothing."""

import logging
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from fulfillment.services import InsufficientStock, allocate_stock, rename_allocations
from payments.providers import get_provider
from payments.services import start_payment
from shop.email_identity import normalized_email
from shop.fx import convert
from shop.models import Cart, Order, OrderEvent, OrderLine, Voucher, VoucherRedemption
from shop.money import quantize
from shop.plumbing.storefront_config import StorefrontConfig
from shop.services.checkout import CheckoutInfo, Quote, build_quote, load_checkout_info, missing_step, shortage_messages
from shop.services.numbers import next_number
from shop.services.orders.consignments import make_consignments
from shop.services.orders.errors import OrderError, PriceChangedError, StockShortError
from shop.services.orders.status import allocation_reference
from shop.signals import order_placed
from shop.tax import recorded_ioss_number, vat_numbers

logger = logging.getLogger(__name__)


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
    buyer = user if user is not None and user.is_authenticated else cart.user
    cart.user_id = buyer.pk if buyer is not None else None  # the account placing it is the customer (vouchers count it)
    info = load_checkout_info(cart, config, language=language, lock_voucher=True)
    missing = missing_step(info)
    if missing:
        raise OrderError(missing)
    if info.withdrawn:
        raise OrderError(_("No longer available, please remove it from your cart: %(items)s") % {"items": ", ".join(info.withdrawn)})
    if not info.rows:
        raise OrderError(_("Your cart is empty."))

    # Allocate first, under the stock locks: tax treatment, shipping and totals are then computed from where the
    # goods really ship from (a plan made earlier without locks may differ once others have bought).
    placing = f"placing:{cart.pk}"
    plan = _allocate(info, placing)
    with override(language):
        quote = build_quote(info, plan=plan)
    _refuse_if_changed(quote, expected_total)

    order, order_lines = _write_order(info, quote, buyer)
    rename_allocations(placing, allocation_reference(order))
    if quote.voucher is not None:
        _redeem(quote, order)
    now = timezone.now()
    order.number = f"{settings.CARAVAN_ORDER_PREFIX}-{now.year}-{next_number('order', now.year):06d}"
    Order.objects.filter(pk=order.pk).update(number=order.number)
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PLACED, message=_order_placed_message(order, quote),
                              data={"total": str(order.total_gross), "currency": order.currency})
    # No invoice yet: every order is invoiced when it is paid (_record_payment) or shipped (change_status), so an order
    # nobody pays uses no invoice number.
    if get_provider(order.payment_method).collects_on_delivery and not email_is_verified(order.user, order.email):
        order.needs_confirmation = True  # nothing is paid up front: the buyer's e-mail (or staff) must confirm it
        Order.objects.filter(pk=order.pk).update(needs_confirmation=True)
    make_consignments(order, quote, info, order_lines, allocation_reference(order))
    cart.delete()
    return order


def _allocate(info: CheckoutInfo, reference: str) -> dict:
    """Allocate the cart's lines under `reference` from the warehouses serving the destination; where the goods ship
    from ({warehouse id: {variant id: quantity}}). Every short line is reported at once (StockShortError)."""
    try:
        allocations = allocate_stock(reference, dict(info.rows), info.config.warehouses_for(info.market, info.country),
                                     reservation_reference=info.cart.reservation_reference)
    except InsufficientStock as short:
        names = {v: f"{info.facts[v].product_name(info.language)} ({info.facts[v].sku})" for v, _q in info.rows}
        with override(info.language):
            raise StockShortError(shortage_messages(short.shortages, names), short.shortages) from None
    plan: dict = {}
    for allocation in allocations:
        picks = plan.setdefault(allocation.stock.warehouse_id, {})
        picks[allocation.stock.variant_id] = picks.get(allocation.stock.variant_id, 0) + allocation.quantity
    return plan


def _refuse_if_changed(quote: Quote, expected_total: Decimal | None) -> None:
    """The quote built under the locks must still be the one the buyer confirmed: voucher, shipping, total."""
    if quote.voucher_error:
        raise OrderError(quote.voucher_error)
    if quote.shipping is None:
        raise OrderError(_("The shipping option you chose is no longer available; please choose again."))
    if expected_total is not None and expected_total != quote.total_gross:
        raise PriceChangedError(_("Prices changed while you were checking out. Please check the new total and confirm again."))


def _write_order(info: CheckoutInfo, quote: Quote, buyer) -> tuple[Order, list[OrderLine]]:
    """The order and its lines, copied from the quote (prices, tax, shipping — the sum of its parcels, dated by the
    latest —, voucher) and the info (addresses, VAT evidence); its payment is started. Numbered later, just before
    commit."""
    cart, config = info.cart, info.config
    base = settings.BASE_CURRENCY
    order = Order.objects.create(
        number=f"TMP-{cart.pk}",  # replaced by the gapless number just before commit
        cart_token=cart.token,
        user=buyer,
        email=cart.email,
        language=info.language,
        market_id=info.market.id,
        currency=quote.currency,
        prices_include_tax=quote.includes_tax,
        payment_method=cart.payment_method,
        shipping_address=cart.shipping_address,
        billing_address={k: v for k, v in info.billing.items() if k != "same_as_shipping"},
        vat_number=info.billing.get("vat_number", ""),
        **vat_numbers.order_evidence(info.vat_check),
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
        fx_rate=convert(Decimal(1), base, quote.currency, config.rates),
        total_net_base=quantize(convert(quote.total_net, quote.currency, base, config.rates), base),
        total_gross_base=quantize(convert(quote.total_gross, quote.currency, base, config.rates), base),
        ioss_number=recorded_ioss_number(quote.treatments, settings.CARAVAN_SELLER["ioss_number"]),
        tax_notes=list(quote.treatments),
    )
    lines = OrderLine.objects.bulk_create([_order_line(order, line) for line in quote.lines])
    start_payment(order.pk, order.payment_method, order.total_gross, order.currency)
    return order, lines


def email_is_verified(user, email: str) -> bool:
    """Whether `email` is a confirmed address of the signed-in account `user` (allauth's e-mail confirmation)."""
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


def _redeem(quote: Quote, order: Order) -> None:
    """Count the voucher's use. Its checks ran in the quote, with its row locked since the CheckoutInfo was loaded
    and the placing account as the customer: no other order can have used it meanwhile."""
    voucher = quote.voucher
    updated = Voucher.objects.filter(pk=voucher.pk).update(times_used=F("times_used") + 1)
    if not updated:
        raise OrderError(_("This voucher code is not valid."))
    VoucherRedemption.objects.create(voucher=voucher, order=order, email=order.email, email_normalized=normalized_email(order.email),
                                     user_id=order.user_id)


def _order_placed_message(order: Order, quote: Quote) -> str:
    return f"Order placed: {len(quote.lines)} line(s), {order.total_gross} {order.currency}, {order.payment_method}"


def _after_placed(order_id: int) -> None:
    """After the order is committed: tell listeners (receivers.py queues the confirmation e-mail). A failure there
    (mail server or broker down) must not fail the buyer's request: the order exists, so listeners run robustly."""
    order = Order.objects.get(pk=order_id)
    order_placed.send_robust(sender=Order, order=order)  # receivers.py queues the confirmation e-mail
