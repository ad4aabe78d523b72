"""The order follows its consignments (fulfillment tells shop through its signals; shop/receivers.py calls these):
some dispatched → partially shipped, all dispatched → shipped."""

from django.utils.translation import gettext as _

from fulfillment.selectors import order_shipping_progress
from shop.models import Order, OrderStatus
from shop.services.orders.errors import OrderError
from shop.services.orders.status import change_status


def order_follows_dispatch(order_id: int, consignment_number: str = "", *, user=None) -> Order | None:
    """Move the order to partially shipped or shipped from what its consignments say. Returns the order when it
    moved, None when it was already there (a second call changes nothing)."""
    gone, waiting = order_shipping_progress(order_id)
    if not gone:
        return None
    target = OrderStatus.SHIPPED if not waiting else OrderStatus.PARTIALLY_SHIPPED
    order = Order.objects.only("status").get(pk=order_id)
    if order.status == target or order.status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        return None
    message = _("Consignment %(number)s dispatched") % {"number": consignment_number} if consignment_number else ""
    try:
        return change_status(order_id, target, user=user, message=message)
    except OrderError:
        return None  # e.g. cancelled meanwhile: the consignment's own state is what matters then
