"""Shop's signal handlers: caches and denormalised listing prices follow merchant edits (admin, API, shell alike);
orders follow their payments; the guest's cart follows the buyer at sign-in (quantities add up, capped by what the
buyer's market can sell, and the session points at the account's cart)."""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from djmoney.contrib.exchange.models import Rate

from fulfillment.models import Carrier, CarrierService, EmissionFactor, Lane, Stock, Warehouse
from fulfillment.signals import consignment_delayed, consignment_delivered, consignment_dispatched, consignment_short_picked
from payments.providers import get_provider
from shop.models import (
    Attribute,
    AttributeValue,
    Category,
    Market,
    OrderEvent,
    OrderStatus,
    Product,
    ProductImage,
    ProductMarketPrice,
    ProductVariant,
    ShippingMethod,
    ShippingRate,
    TaxRate,
    VariantPrice,
)
from shop.plumbing import cart_count
from shop.plumbing.cart_count import CART_SESSION_KEY
from shop.plumbing.storefront_config import bump_catalog_version, bump_config_version
from shop.services import accounts as account_services
from shop.services.cart import item_count
from shop.services.orders import note_dispute, note_refund, settle_captured_payment
from shop.services.orders.delivery import settle_delivered_consignment
from shop.services.orders.shipping import order_follows_dispatch
from shop.services.orders.status import status_email_kind
from shop.services.pricing import refresh_market_prices
from shop.services.search import refresh_search_documents
from shop.signals import credit_note_issued, listing_prices_stale, order_placed, order_refunded, order_status_changed, return_step
from shop.tasks import (
    refresh_market_prices_task,
    send_credit_note_email_task,
    send_delay_email_task,
    send_dispatch_email_task,
    send_order_confirmation_task,
    send_order_status_email_task,
    send_refund_email_task,
    send_return_email_task,
    send_short_pick_email_task,
)

logger = logging.getLogger(__name__)

# Set to True by bulk loaders (seed_demo) that refresh everything once at the end.
SUSPENDED = {"value": False}


def _bump_after_commit(*bumps):
    """Bump now (requests inside this transaction's lifetime miss old entries) and again once the change is
    committed, so nothing read between the two (still the old data) stays cached under the new version."""
    for bump in bumps:
        bump()
        transaction.on_commit(bump)


@receiver(listing_prices_stale, dispatch_uid="shop.receivers.listing_prices_stale")
def queue_listing_refresh(sender, product_ids=None, **kwargs):
    if product_ids is None:
        schedule_full_refresh()
    else:
        transaction.on_commit(lambda: refresh_market_prices_task.delay(list(product_ids)))


def schedule_full_refresh():
    """Queue one full listing-price refresh per transaction, however many rates/markets it saved."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(entry[1] is _refresh_all_prices for entry in connection.run_on_commit):
        return
    transaction.on_commit(_refresh_all_prices)


def _refresh_all_prices():
    refresh_market_prices_task.delay(None)


def _refresh_products(product_ids):
    """Recompute the products' listing entries and search documents (after their change is committed)."""
    refresh_market_prices(product_ids)
    refresh_search_documents(product_ids)


@receiver([post_save, post_delete], sender=ShippingMethod)
@receiver([post_save, post_delete], sender=ShippingRate)
@receiver([post_save, post_delete], sender=Carrier)
@receiver([post_save, post_delete], sender=CarrierService)
@receiver([post_save, post_delete], sender=Lane)
@receiver([post_save, post_delete], sender=EmissionFactor)
def shipping_changed(sender, **kwargs):
    """Shipping methods, carriers, lanes and emission factors live in the configuration snapshot (checkout's
    prices, dates and CO2 estimates): reload it everywhere."""
    if not SUSPENDED["value"]:
        _bump_after_commit(bump_config_version)


@receiver([post_save, post_delete], sender=Market)
@receiver([post_save, post_delete], sender=TaxRate)
@receiver([post_save, post_delete], sender=Rate)
@receiver([post_save, post_delete], sender=Warehouse)
def config_changed(sender, **kwargs):
    if SUSPENDED["value"]:
        return
    _bump_after_commit(bump_config_version, bump_catalog_version)
    schedule_full_refresh()  # warehouses too: where goods ship from decides an import's price (PricingPolicy.offers)


@receiver(post_save, sender=Category)
def category_saved(sender, instance, **kwargs):
    """A moved or (de)activated category: keep its listing entries' top-level category in step."""
    if SUSPENDED["value"]:
        return
    ProductMarketPrice.objects.filter(category_id=instance.pk).update(root_category_id=instance.parent_id or instance.pk)
    # (De)activating a category hides or shows its products, and its subcategories' products, in listings.
    product_ids = list(
        Product._base_manager.filter(Q(category_id=instance.pk) | Q(category__parent_id=instance.pk)).values_list("pk", flat=True)
    )
    if product_ids:
        transaction.on_commit(lambda: _refresh_products(product_ids))


@receiver([post_save, post_delete], sender=Category)
@receiver([post_save, post_delete], sender=Attribute)
@receiver([post_save, post_delete], sender=AttributeValue)
@receiver([post_save, post_delete], sender=ProductImage)
def catalog_changed(sender, **kwargs):
    if SUSPENDED["value"]:
        return
    _bump_after_commit(bump_catalog_version)


@receiver([post_save, post_delete], sender=Product)
@receiver([post_save, post_delete], sender=ProductVariant)
@receiver([post_save, post_delete], sender=VariantPrice)
def price_inputs_changed(sender, instance, **kwargs):
    if SUSPENDED["value"]:
        return
    _bump_after_commit(bump_catalog_version)
    if sender is Product:
        product_id = instance.pk
    elif sender is ProductVariant:
        product_id = instance.product_id
    else:
        product_id = ProductVariant.objects.filter(pk=instance.variant_id).values_list("product_id", flat=True).first()
    if product_id and not (sender is Product and kwargs.get("signal") is post_delete):
        transaction.on_commit(lambda: _refresh_products([product_id]))


@receiver([post_save, post_delete], sender=Stock)
def stock_changed(sender, instance, **kwargs):
    """Stock decides where a variant ships from, and so (imports over the UK/EU limit) its listing price."""
    if SUSPENDED["value"]:
        return
    product_id = ProductVariant._base_manager.filter(pk=instance.variant_id).values_list("product_id", flat=True).first()
    if product_id:
        transaction.on_commit(lambda: _refresh_products([product_id]))


@receiver(m2m_changed, sender=ProductVariant.attribute_values.through)
def variant_attributes_changed(sender, **kwargs):
    if not SUSPENDED["value"]:
        _bump_after_commit(bump_catalog_version)


# --- Payments (payments emits, shop listens) -----------------------------------------------------------------------

from payments.signals import payment_captured, payment_disputed, payment_refunded  # noqa: E402


def _refresh_ordered_products(order) -> None:
    """An order took (or gave back) stock: its products may now ship from another warehouse, at another price."""
    product_ids = sorted(set(order.lines.exclude(variant_id=None).values_list("variant__product_id", flat=True)))
    if product_ids:
        refresh_market_prices_task.delay(product_ids)


@receiver(order_placed, dispatch_uid="shop.listing_prices_on_order_placed")
def listing_prices_on_order_placed(sender, order, **kwargs):
    _refresh_ordered_products(order)


@receiver(order_status_changed, dispatch_uid="shop.listing_prices_on_order_cancelled")
def listing_prices_on_order_cancelled(sender, order, old_status=None, **kwargs):
    if order.status == OrderStatus.CANCELLED:
        _refresh_ordered_products(order)


@receiver(payment_captured, dispatch_uid="shop.order_paid_on_capture")
def order_paid_on_capture(sender, payment, **kwargs):
    settle_captured_payment(payment)


@receiver(payment_refunded, dispatch_uid="shop.order_notes_refund")
def order_notes_refund(sender, payment, amount=None, refund=None, **kwargs):
    note_refund(payment, amount, refund)


@receiver(payment_disputed, dispatch_uid="shop.order_flagged_on_dispute")
def order_flagged_on_dispute(sender, payment, **kwargs):
    note_dispute(payment)


# --- Signing in and out: the guest's cart follows the buyer -----------------------------------------------------


@receiver(user_logged_in, dispatch_uid="shop.receivers.merge_guest_cart")
def merge_guest_cart(sender, request, user, **kwargs):
    # Logins outside the storefront (admin without a market, test clients, scripts) leave carts alone.
    market = getattr(request, "market", None)
    pricing = getattr(request, "pricing", None)
    session = getattr(request, "session", None)
    if market is None or pricing is None or session is None:
        return
    cart = account_services.adopt_guest_cart(user, session.get(CART_SESSION_KEY), market.id, pricing)
    if cart is None:
        session.pop(CART_SESSION_KEY, None)
        cart_count.remember(request, 0)
        return
    session[CART_SESSION_KEY] = str(cart.token)
    cart_count.remember(request, item_count(cart))


@receiver(user_logged_out, dispatch_uid="shop.receivers.forget_cart_count")
def forget_cart_count(sender, request, user, **kwargs):
    """Signed out: the session (and with it the account's cart) is gone from this browser."""
    if request is not None:
        cart_count.remember(request, 0)


# --- E-mails to the buyer, queued once the change is committed -------------------------------------------------
# A broker that is down must not fail the buyer's request or the merchant's action: the failure is logged (and, for
# the confirmation, noted on the order) and the e-mail can be resent.


@receiver(order_placed, dispatch_uid="shop.receivers.queue_order_confirmation")
def queue_order_confirmation(sender, order, **kwargs):
    if get_provider(order.payment_method).pays_online:
        return  # confirmed (with the invoice) once the payment is captured: see queue_status_email
    try:
        send_order_confirmation_task.delay(order.pk)
    except Exception:
        logger.exception("order %s: could not queue the confirmation e-mail", order.number)
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.NOTE, message="Confirmation e-mail could not be queued")


@receiver(order_status_changed, dispatch_uid="shop.receivers.queue_status_email")
def queue_status_email(sender, order, old_status, **kwargs):
    kind = status_email_kind(order, old_status)
    if kind is None:
        return
    try:
        if kind == "paid" and get_provider(order.payment_method).pays_online:
            send_order_confirmation_task.delay(order.pk)  # paid online: the confirmation is the first e-mail the buyer gets
        else:
            send_order_status_email_task.delay(order.pk, kind)
    except Exception:
        logger.exception("order %s: could not queue the %s e-mail", order.number, kind)


@receiver(order_refunded, dispatch_uid="shop.receivers.queue_refund_email")
def queue_refund_email(sender, order_id, amount, key, reason="", **kwargs):
    try:
        send_refund_email_task.delay(order_id, str(amount), key, reason)
    except Exception:
        logger.exception("order %s: could not queue the refund e-mail", order_id)


# --- Parcels (fulfillment emits, shop listens) ---------------------------------------------------------------------
# Sent after fulfillment's change is committed. The order follows its consignments (partially shipped, shipped:
# services/orders/shipping.py), the buyer is told, and delivery finishes the order (and records cash the carrier
# collected).


@receiver(consignment_dispatched, dispatch_uid="shop.order_follows_dispatch")
def order_status_follows_dispatch(sender, consignment, **kwargs):
    order_follows_dispatch(consignment.order_id, consignment.number)


@receiver(consignment_dispatched, dispatch_uid="shop.receivers.queue_dispatch_email")
def queue_dispatch_email(sender, consignment, **kwargs):
    try:
        send_dispatch_email_task.delay(consignment.pk)
    except Exception:
        logger.exception("consignment %s: could not queue the dispatch e-mail", consignment.number)


@receiver(consignment_delayed, dispatch_uid="shop.receivers.queue_delay_email")
def queue_delay_email(sender, consignment, reason, **kwargs):
    try:
        send_delay_email_task.delay(consignment.pk, reason)
    except Exception:
        logger.exception("consignment %s: could not queue the %s e-mail", consignment.number, reason)


@receiver(consignment_delivered, dispatch_uid="shop.receivers.order_delivered_with_its_parcels")
def order_delivered_with_its_parcels(sender, consignment, event=None, **kwargs):
    settle_delivered_consignment(consignment.pk, cod_collected=bool(event is not None and event.cod_collected))


@receiver(consignment_short_picked, dispatch_uid="shop.receivers.queue_short_pick_email")
def queue_short_pick_email(sender, consignment, moved=(), backordered=(), **kwargs):
    try:
        send_short_pick_email_task.delay(consignment.pk, [list(m) for m in moved], [list(b) for b in backordered])
    except Exception:
        logger.exception("consignment %s: could not queue the short-pick e-mail", consignment.number)


@receiver(credit_note_issued, dispatch_uid="shop.receivers.queue_credit_note_email")
def queue_credit_note_email(sender, credit_note_id, **kwargs):
    """The buyer gets the credit note (PDF attached) once the transaction that paid it back has committed."""
    def queue():
        try:
            send_credit_note_email_task.delay(credit_note_id)
        except Exception:
            logger.exception("credit note %s: could not queue its e-mail", credit_note_id)

    transaction.on_commit(queue)


@receiver(return_step, dispatch_uid="shop.receivers.queue_return_email")
def queue_return_email(sender, return_id, step, **kwargs):
    try:
        send_return_email_task.delay(return_id, step)
    except Exception:
        logger.exception("return %s: could not queue the %s e-mail", return_id, step)
