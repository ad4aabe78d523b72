"""Order e-mails in the buyer's language: subject, plain text and HTML from templates, the invoice PDF attached.

Each e-mail is sent at most once per order and template: an OrderEvent(kind="email", data={"template": …}) records
it, written in the same transaction that holds the order row while the message goes out (a failed send rolls
the event back, so a retry sends it; a second call finds the event and sends nothing)."""

import logging
from decimal import Decimal

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from payments.providers import get_provider
from shop.models import Invoice, Order, OrderEvent
from shop.money import format_money
from shop.services.invoices import document_context, ensure_invoice_pdf
from shop.services.orders.cod import cod_confirmation_token

logger = logging.getLogger(__name__)

CONFIRMATION = "order_confirmation"


def absolute_url(path: str) -> str:
    return settings.CARAVAN_SITE_URL.rstrip("/") + path


def _was_sent(order_id: int, template: str) -> bool:
    return OrderEvent.objects.filter(order_id=order_id, kind=OrderEvent.Kind.EMAIL, data__template=template).exists()


def _account_order_url(order: Order) -> str:
    """The order's page in the buyer's account, in the buyer's language (call inside translation.override)."""
    try:
        return absolute_url(reverse("shop:account-order", kwargs={"number": order.number}))
    except NoReverseMatch:  # account pages not wired (yet): the path they are served at
        return absolute_url(f"/{order.language}/account/orders/{order.number}/")


def _confirm_url(order: Order) -> str:
    """The one-click link confirming a cash-on-delivery order, in the buyer's language (inside translation.override)."""
    return absolute_url(reverse("shop:order-confirm", kwargs={"token": cod_confirmation_token(order)}))


def build_order_confirmation(order: Order, invoice: Invoice | None = None) -> EmailMultiAlternatives:
    """The confirmation message for `order` in its language (not sent). With an invoice, its PDF is attached."""
    with translation.override(order.language):
        context = document_context(order)
        seller = context["seller"]
        context.update(
            greeting_name=(order.billing_address or {}).get("full_name") or (order.shipping_address or {}).get("full_name", ""),
            unpaid_days=max(1, settings.CARAVAN_UNPAID_ORDER_HOURS // 24),  # as the confirmation page says it
            bank={
                "holder": seller.get("bank_account_holder", ""),
                "iban": seller.get("iban", ""),
                "bic": seller.get("bic", ""),
                "bank": seller.get("bank_name", ""),
                "amount": format_money(order.total_gross, order.currency, order.language),
                "currency": order.currency,
                "reference": order.number,
            },
            order_url=_account_order_url(order) if order.user_id else "",
            site_url=settings.CARAVAN_SITE_URL,
            invoice=invoice,
            confirm_url=_confirm_url(order) if order.awaiting_confirmation else "",
            confirm_hours=settings.CARAVAN_COD_CONFIRM_HOURS,
        )
        subject = " ".join(render_to_string("shop/email/order_confirmation.subject.txt", context).split())
        text = render_to_string("shop/email/order_confirmation.txt", context)
        html = render_to_string("shop/email/order_confirmation.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[order.email])
    message.attach_alternative(html, "text/html")
    if invoice is not None:
        message.attach(f"invoice-{invoice.number}.pdf", ensure_invoice_pdf(invoice), "application/pdf")
    return message


def send_order_confirmation(order_id: int) -> bool:
    """Send the order confirmation once. Returns False when it was already sent (nothing is sent again)."""
    if _was_sent(order_id, CONFIRMATION):
        return False
    order = Order.objects.select_related("market").get(pk=order_id)
    invoice = Invoice.objects.filter(order_id=order_id).first()
    if invoice is not None:
        ensure_invoice_pdf(invoice)  # render outside the lock below; stored once, so the attachment is the same PDF
    return _send_once(order, CONFIRMATION, build_order_confirmation(order, invoice), invoice=invoice)


def _invoice_was_sent(order_id: int) -> bool:
    return OrderEvent.objects.filter(order_id=order_id, kind=OrderEvent.Kind.EMAIL, data__has_key="invoice").exists()


def _send_once(order: Order, template: str, message: EmailMultiAlternatives, invoice: Invoice | None = None) -> bool:
    """Send `message` unless this order's `template` e-mail went out already. Two workers sending the same e-mail
    queue on the order row; the second finds the event. A failed send rolls the event back, so a retry sends it."""
    with transaction.atomic():
        Order.objects.select_for_update().filter(pk=order.pk).values_list("pk", flat=True).first()
        if _was_sent(order.pk, template):
            return False
        data = {"template": template, "to": order.email, "language": order.language}
        if invoice is not None:
            data["invoice"] = invoice.number  # the invoice went out with it: no separate invoice e-mail
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.EMAIL, message=f"E-mail '{template}' sent to {order.email}",
                                  data=data)
        message.send()
    logger.info("order %s: %s sent to %s", order.number, template, order.email)
    return True


STATUS_TEMPLATES = {"paid": "order_paid", "cancelled": "order_cancelled", "invoice": "order_invoice"}


def send_order_status_email(order_id: int, kind: str) -> bool:
    """Tell the buyer their payment arrived ("paid", with the invoice issued for it attached), the order was
    cancelled ("cancelled"), or send the invoice issued when an unpaid order shipped ("invoice"); once per order and
    kind, in their language. Returns False when already sent (or, for "invoice", nothing to send)."""
    template = STATUS_TEMPLATES[kind]
    if _was_sent(order_id, template):
        return False
    order = Order.objects.get(pk=order_id)
    invoice = Invoice.objects.filter(order_id=order_id).first() if kind in ("paid", "invoice") else None
    if kind == "invoice" and (invoice is None or _invoice_was_sent(order_id)):
        return False
    if invoice is not None:
        ensure_invoice_pdf(invoice)  # rendered outside the order lock _send_once takes
    provider = get_provider(order.payment_method)
    with translation.override(order.language):
        context = {
            "order": order,
            "kind": kind,
            "language": order.language,
            "shop_name": settings.CARAVAN_SHOP_NAME,
            "greeting_name": (order.billing_address or {}).get("full_name") or (order.shipping_address or {}).get("full_name", ""),
            "total": format_money(order.total_gross, order.currency, order.language),
            "unpaid": kind == "cancelled" and order.paid_at is None and not provider.pays_online and provider.unpaid_order_timeout() is not None,
            "unconfirmed": kind == "cancelled" and order.needs_confirmation and order.confirmed_at is None,
            "online": provider.pays_online,  # cancelled: refunded automatically, or nothing taken
            "paid_online": provider.pays_online and order.paid_at is not None,
            "order_url": _account_order_url(order) if order.user_id else "",
            "invoice": invoice,
        }
        subject = " ".join(render_to_string("shop/email/order_status.subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string("shop/email/order_status.txt", context)
        html = render_to_string("shop/email/order_status.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[order.email])
    message.attach_alternative(html, "text/html")
    if invoice is not None:
        message.attach(f"invoice-{invoice.number}.pdf", ensure_invoice_pdf(invoice), "application/pdf")
    return _send_once(order, template, message, invoice=invoice)


def send_refund_email(order_id: int, amount, key: str, reason: str = "") -> bool:
    """Tell the buyer, in their language, that `amount` of their payment was refunded (and why, when staff said):
    once per refund (`key`: the payment and its refunded total after this refund). Returns False when already sent."""
    template = f"order_refunded:{key}"
    if _was_sent(order_id, template):
        return False
    order = Order.objects.get(pk=order_id)
    refunded = sum((p.amount_refunded for p in order.payments.all()), Decimal(0))
    captured = sum((p.amount_captured for p in order.payments.all()), Decimal(0))
    with translation.override(order.language):
        context = {
            "order": order,
            "language": order.language,
            "shop_name": settings.CARAVAN_SHOP_NAME,
            "greeting_name": (order.billing_address or {}).get("full_name") or (order.shipping_address or {}).get("full_name", ""),
            "amount": format_money(Decimal(str(amount)), order.currency, order.language),
            "refunded": format_money(refunded, order.currency, order.language),
            "paid": format_money(captured, order.currency, order.language),
            "partial": Decimal(0) < refunded < captured,
            "reason": reason,
            "order_url": _account_order_url(order) if order.user_id else "",
        }
        subject = " ".join(render_to_string("shop/email/order_refunded.subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string("shop/email/order_refunded.txt", context)
        html = render_to_string("shop/email/order_refunded.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[order.email])
    message.attach_alternative(html, "text/html")
    return _send_once(order, template, message)
