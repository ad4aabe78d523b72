"""Return e-mails in the buyer's language, one per step: requested, approved (with the link to the instructions
and the printable label), refused (with the staff's note), received. The refund itself is told by the credit
note's e-mail. Sent the way every order e-mail is (shop/services/emails.py): once per return and step, recorded
as an OrderEvent under the order's lock; queued through shop.tasks.send_return_email_task after the commit."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from shop.formatting import override_country
from shop.models import Order, ReturnRequest, ReturnStatus
from shop.selectors.orders import order_tracking_token
from shop.selectors.returns import return_view
from shop.services.emails import _account_order_url, _send_once, _was_sent, absolute_url
from shop.signals import return_step

STEPS = (ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.REFUSED, ReturnStatus.RECEIVED)


def return_page_url(request: ReturnRequest, order: Order) -> str:
    """The return's page (instructions, label, timeline): the account's for an account order, else through the
    order's tracking token. In the active language (call inside translation.override)."""
    if order.user_id:
        return absolute_url(reverse("shop:account-return", kwargs={"number": order.number, "return_number": request.number}))
    return absolute_url(reverse("shop:tracking-return", kwargs={"token": order_tracking_token(order), "return_number": request.number}))


def build_return_email(request: ReturnRequest, step: str) -> EmailMultiAlternatives:
    order = request.order
    country = order.market.default_country.code if order.market_id else ""
    with translation.override(order.language), override_country(country):
        context = {
            "order": order, "language": order.language, "shop_name": settings.CARAVAN_SHOP_NAME, "step": str(step),
            "greeting_name": (order.shipping_address or {}).get("full_name") or (order.billing_address or {}).get("full_name", ""),
            "ret": return_view(request, order.language, country),
            "return_url": return_page_url(request, order),
            "order_url": _account_order_url(order) if order.user_id else "",
        }
        subject = " ".join(render_to_string("shop/email/return_update.subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string("shop/email/return_update.txt", context)
        html = render_to_string("shop/email/return_update.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[order.email])
    message.attach_alternative(html, "text/html")
    return message


def send_return_email(return_id: int, step: str) -> bool:
    """Tell the buyer about `step` of the return, once. False when it went out already, or the step is not one
    the buyer is e-mailed about."""
    if step not in STEPS:
        return False
    request = ReturnRequest.objects.select_related("order__market", "warehouse").get(pk=return_id)
    template = f"return_{step}:{request.number}"
    if _was_sent(request.order_id, template):
        return False
    return _send_once(request.order, template, build_return_email(request, step))


def queue_return_email(return_id: int, step: str) -> None:
    """Announce the step once the surrounding transaction commits (shop.signals.return_step; receivers.py queues
    the e-mail). The receiving desk calls this with "received"."""
    from shop.models import ReturnRequest as sender

    transaction.on_commit(lambda: return_step.send_robust(sender=sender, return_id=return_id, step=str(step)), robust=True)
