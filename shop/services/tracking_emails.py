"""Parcel e-mails in the buyer's language: "your parcel is on its way" when a consignment is dispatched (carrier,
tracking number and link, the expected date, the link to follow every parcel of the order without signing in), and
one message when beat finds a parcel late or stuck in customs.

Sent the way every order e-mail is (emails.py): subject, text and HTML from templates in the shared frame, once per
order and template (an OrderEvent records it under the order's lock). The delay e-mail goes out once per
consignment whatever the reason (its buyer_told_delay_at says when)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from fulfillment.models import Consignment, ConsignmentLine, ConsignmentStatus
from fulfillment.services import note_buyer_told_of_delay
from shop.formatting import country_name, override_country
from shop.models import Order, OrderLine, TaxTreatment
from shop.selectors.orders import order_parcels, order_tracking_token
from shop.services.emails import _account_order_url, _send_once, _was_sent, absolute_url

DISPATCHED = "consignment_dispatched"
DELAYED = "consignment_delayed"
SHORT = "consignment_short"


def tracking_page_url(order: Order) -> str:
    """The order's tracking page for anyone holding the link, in the active language."""
    return absolute_url(reverse("shop:order-tracking", kwargs={"token": order_tracking_token(order)}))


def _pays_import_vat_on_delivery(consignment: Consignment) -> bool:
    line_ids = ConsignmentLine.objects.filter(consignment=consignment).exclude(order_line_id=None).values("order_line_id")
    return OrderLine.objects.filter(pk__in=line_ids, tax_treatment=TaxTreatment.IMPORT_ON_DELIVERY).exists()


def _message(order: Order, consignment: Consignment, template: str, extra: dict) -> EmailMultiAlternatives:
    country = order.market.default_country.code if order.market_id else ""
    with translation.override(order.language), override_country(country):
        parcel = next((p for p in order_parcels(order, order.language) if p["number"] == consignment.number), None)
        context = {
            "order": order,
            "language": order.language,
            "shop_name": settings.CARAVAN_SHOP_NAME,
            "greeting_name": (order.shipping_address or {}).get("full_name") or (order.billing_address or {}).get("full_name", ""),
            "parcel": parcel,
            "tracking_page_url": tracking_page_url(order),
            "order_url": _account_order_url(order) if order.user_id else "",
            "destination": country_name(consignment.destination.code),
            **extra,
        }
        subject = " ".join(render_to_string(f"shop/email/{template}.subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string(f"shop/email/{template}.txt", context)
        html = render_to_string(f"shop/email/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[consignment.email or order.email])
    message.attach_alternative(html, "text/html")
    return message


def send_dispatch_email(consignment_id: int) -> bool:
    """Tell the buyer a parcel left (once per consignment). Returns False when it was sent already."""
    consignment = Consignment.objects.select_related("carrier", "warehouse").get(pk=consignment_id)
    template = f"{DISPATCHED}:{consignment.number}"
    if _was_sent(consignment.order_id, template):
        return False
    order = Order.objects.select_related("market").get(pk=consignment.order_id)
    return _send_once(order, template, _message(order, consignment, DISPATCHED, {}))


def send_delay_email(consignment_id: int, reason: str) -> bool:
    """Tell the buyer a parcel is late ("late": the new estimate and an apology) or held at customs ("customs": what
    that means, and that import VAT is due on delivery when it is): once per consignment, whichever comes first.
    Returns False when the buyer was told already or the parcel arrived meanwhile."""
    consignment = Consignment.objects.select_related("carrier", "warehouse").get(pk=consignment_id)
    template = f"{DELAYED}:{consignment.number}"
    if consignment.buyer_told_delay_at is not None or consignment.status != ConsignmentStatus.DISPATCHED or _was_sent(consignment.order_id, template):
        return False
    order = Order.objects.select_related("market").get(pk=consignment.order_id)
    extra = {
        "reason": "customs" if reason == "customs" else "late",
        "new_estimate": bool(consignment.estimated_delivery and consignment.estimated_delivery > consignment.promised_latest),
        "import_vat_on_delivery": reason == "customs" and _pays_import_vat_on_delivery(consignment),
        "vat_collected": reason == "customs" and bool(consignment.import_vat_scheme),
    }
    sent = _send_once(order, template, _message(order, consignment, DELAYED, extra))
    if sent:
        note_buyer_told_of_delay(consignment.pk)
    return sent


def send_short_pick_email(consignment_id: int, moved: list, backordered: list) -> bool:
    """Tell the buyer that picking found items missing: which now come from another warehouse (a separate parcel)
    and which are back-ordered. Once per consignment. `moved` = [(sku, quantity, warehouse name)], `backordered` =
    [(sku, quantity)]; names are the buyer's, from the order lines."""
    consignment = Consignment.objects.select_related("warehouse").get(pk=consignment_id)
    template = f"{SHORT}:{consignment.number}"
    if _was_sent(consignment.order_id, template) or not (moved or backordered):
        return False
    order = Order.objects.select_related("market").get(pk=consignment.order_id)
    names = {line.sku: f"{line.product_name} {line.variant_name}".strip() for line in order.lines.all()}
    extra = {
        "moved": [(names.get(sku, sku), quantity, city) for sku, quantity, city in moved],
        "backordered": [(names.get(sku, sku), quantity) for sku, quantity in backordered],
    }
    return _send_once(order, template, _message(order, consignment, SHORT, extra))
