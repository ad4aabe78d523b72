"""Cash on delivery from an unverified e-mail: confirmed by the buyer's link or by staff."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.services import release_consignments
from shop.models import Order, OrderEvent, OrderStatus
from shop.services.orders.errors import OrderError

logger = logging.getLogger(__name__)


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
        release_consignments(order.pk)  # confirmed: the warehouses may pick it
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
