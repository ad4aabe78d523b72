"""The pay page of an order paid online. The page frames the order's state (cancelled, processing, provider
unavailable); the payment form is the provider's (`PaymentProvider.pay_page`: e.g. Stripe's Payment Element).

The buyer lands here right after placing the order, and the provider may send them back here (Stripe after 3-D Secure
or a bank's page). Every visit asks the provider for the payment's real state (never the redirect's query string) and
applies it: paid (→ the confirmation page), processing, failed with a retry, or the payment form."""

import logging

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from payments.providers import ProviderUnavailable, get_provider
from payments.services import start_payment
from shop.models import OrderStatus
from shop.views.checkout import buyers_order

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def pay(request, number):
    order = buyers_order(request, number)
    provider = get_provider(order.payment_method)
    if not provider.pays_online:
        return redirect("shop:checkout-done", number=order.number)
    payment = start_payment(order.pk, order.payment_method, order.total_gross, order.currency)  # the order's, made when placed
    context = {"order": order, "state": "pay"}
    page = None
    try:
        if order.status == OrderStatus.AWAITING_PAYMENT:
            return_url = request.build_absolute_uri(reverse("shop:checkout-pay", kwargs={"number": order.number}))
            page = provider.pay_page(request, payment, order_number=order.number, return_url=return_url)
            order.refresh_from_db(fields=["status"])  # the provider's state, applied, may have paid or cancelled it
    except ProviderUnavailable:  # unreachable or misconfigured: the order stays; try again
        logger.exception("order %s: the pay page could not reach its payment provider (%s)", order.number, provider.code)
        context["state"] = "unavailable"
        return render(request, "shop/checkout/pay.html", context, status=503)
    if order.status == OrderStatus.CANCELLED:
        context["state"] = "cancelled"
    elif order.status != OrderStatus.AWAITING_PAYMENT:
        return redirect("shop:checkout-done", number=order.number)
    elif page.state == "processing":
        context["state"] = "processing"
    else:
        context.update(page.context, pay_form_template=page.template)
    return render(request, "shop/checkout/pay.html", context)
