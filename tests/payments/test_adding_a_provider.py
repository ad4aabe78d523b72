"""Issue 10: adding a payment provider is one module plus settings. tests/payments/invoice_later.py is registered
through `settings.CARAVAN_PAYMENT_PROVIDERS` only, and then works through every public surface: the merchant offers
it in a market (admin), the buyer chooses it at checkout, its webhook or staff mark the order paid, the unpaid sweep
uses its deadline, and staff refund it. Nothing is mocked: real pages, real database, the provider's real code."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from fulfillment.models import Stock
from payments.models import Payment, PaymentStatus, ProviderEvent, Refund
from shop.models import Order, OrderEvent, OrderStatus
from shop.services import checkout
from shop.services.checkout import CheckoutError
from shop.services.orders import cancel_unpaid_orders
from tests.payments.invoice_later import CODE, signature
from tests.payments.test_card_checkout import _change_form_data
from tests.shop.checkout_helpers import make_cart
from tests.shop.test_checkout_flow import go_to_review, place, shop  # noqa: F401  (shop is a fixture)

pytestmark = pytest.mark.django_db

LABEL = "Invoice (pay within 30 days)"


@pytest.fixture
def invoice_later(settings):
    settings.CARAVAN_PAYMENT_PROVIDERS = [*settings.CARAVAN_PAYMENT_PROVIDERS, "tests.payments.invoice_later.InvoiceLaterProvider"]
    settings.INVOICE_LATER_WEBHOOK_SECRET = "invoice-secret"
    return settings


def offer_it_in_the_eu(admin_client, market) -> None:
    """The merchant ticks the new provider on the market's admin page."""
    url = f"/admin/shop/market/{market.pk}/change/"
    page = admin_client.get(url)
    assert f'type="checkbox" name="payment_methods" value="{CODE}"' in page.content.decode()
    response = admin_client.post(url, {**_change_form_data(page), "payment_methods": ["bank_transfer", CODE]})
    assert response.status_code == 302, response.context["adminform"].form.errors
    market.refresh_from_db()
    assert market.payment_methods == ["bank_transfer", CODE]


def order_with_it(client, shop, capture) -> Order:  # noqa: F811
    """A buyer's order through the checkout pages, paid with the new provider."""
    review = go_to_review(client, shop)
    assert LABEL in review.content.decode()
    with capture(execute=True):
        response = place(client, review, payment_method=CODE)
    order = Order.objects.latest("pk")
    assert response.status_code == 302 and response["Location"].endswith(f"/checkout/done/{order.number}/")  # no pay page
    return order


def webhook(body: dict, secret_ok=True):
    raw = json.dumps(body).encode()
    return Client().post(f"/payments/{CODE}/webhook/", raw, content_type="application/json",
                         HTTP_INVOICE_SIGNATURE=signature(raw) if secret_ok else "0" * 64)


def test_the_market_offers_it_the_buyer_orders_with_it_and_its_webhook_pays_it(admin_client, client, shop, invoice_later,  # noqa: F811
                                                                                django_capture_on_commit_callbacks):
    offer_it_in_the_eu(admin_client, shop["markets"]["eu"])
    order = order_with_it(client, shop, django_capture_on_commit_callbacks)
    assert order.payment_method == CODE and order.status == OrderStatus.AWAITING_PAYMENT and not order.needs_confirmation
    payment = Payment.objects.get(order=order)
    assert payment.provider == CODE and payment.status == PaymentStatus.PENDING and payment.amount == order.total_gross
    assert payment.provider_reference == f"INV-{payment.pk}"  # the provider's `start` added it inside the placing transaction
    done = client.get(f"/de/checkout/done/{order.number}/")
    assert done.status_code == 200 and "IBAN" not in done.content.decode()  # not a bank transfer: no bank details
    confirmation, = mail.outbox
    assert LABEL in confirmation.body and "IBAN" not in confirmation.body
    assert client.get(f"/de/checkout/pay/{order.number}/")["Location"].endswith(f"/checkout/done/{order.number}/")  # offline

    paid = {"id": "evt_1", "invoice": payment.provider_reference, "paid": str(order.total_gross)}
    assert webhook(paid, secret_ok=False).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = webhook(paid)
    assert response.status_code == 200 and response.json() == {"outcome": "captured"}
    order.refresh_from_db()
    payment.refresh_from_db()
    assert order.status == OrderStatus.PAID and order.paid_at is not None
    assert payment.status == PaymentStatus.CAPTURED and payment.amount_captured == order.total_gross
    assert webhook(paid).json() == {"outcome": "replay: already processed"}
    assert ProviderEvent.objects.filter(provider=CODE).count() == 1
    assert OrderEvent.objects.filter(order=order, kind=OrderEvent.Kind.PAYMENT, message__startswith="Payment received").count() == 1


def test_staff_mark_it_paid_and_refund_it(admin_client, client, shop, invoice_later, django_capture_on_commit_callbacks):  # noqa: F811
    offer_it_in_the_eu(admin_client, shop["markets"]["eu"])
    order = order_with_it(client, shop, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]})
    order.refresh_from_db()
    payment = Payment.objects.get(order=order)
    assert order.status == OrderStatus.PAID and payment.status == PaymentStatus.CAPTURED  # captured as an offline payment

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/payments/refund/add/", {"payment": payment.pk, "amount": "10.00", "reason": "late",
                                                                     "request_key": "admin-once"})
    assert response.status_code == 302
    refund = Refund.objects.get(payment=payment)
    payment.refresh_from_db()
    assert refund.status == "succeeded" and refund.created_by.is_staff  # offline: paid back by hand, recorded as done
    assert payment.status == PaymentStatus.PARTIALLY_REFUNDED and payment.amount_refunded == 10
    assert OrderEvent.objects.filter(order=order, message__contains="this refund: 10.00 EUR (late)").exists()


def test_the_sweep_cancels_it_after_its_own_deadline(admin_client, client, shop, invoice_later, django_capture_on_commit_callbacks):  # noqa: F811
    offer_it_in_the_eu(admin_client, shop["markets"]["eu"])
    order = order_with_it(client, shop, django_capture_on_commit_callbacks)
    allocated = Stock.objects.get(variant=shop["a"]).quantity_allocated
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(days=29))
    assert cancel_unpaid_orders() == []  # bank transfers' 7 days do not apply: its own 30 days do
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(days=31))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_unpaid_orders() == [order.number]
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert Stock.objects.get(variant=shop["a"]).quantity_allocated == allocated - 2
    assert Payment.objects.get(order=order).status == PaymentStatus.CANCELLED
    assert "Ihre Zahlung ist nicht rechtzeitig" in mail.outbox[0].body  # "We did not receive the payment in time" (German buyer)


def test_without_the_setting_the_code_is_unknown(admin_client, shop, settings):  # noqa: F811
    cart = make_cart(shop["markets"]["eu"], [(shop["a"], 1)])
    with pytest.raises(CheckoutError):
        checkout.set_payment_method(cart, CODE)
    assert Client().post(f"/payments/{CODE}/webhook/", "{}", content_type="application/json").status_code == 404
    url = f"/admin/shop/market/{shop['markets']['eu'].pk}/change/"
    page = admin_client.get(url)
    assert f'value="{CODE}"' not in page.content.decode()
    refused = admin_client.post(url, {**_change_form_data(page), "payment_methods": [CODE]})
    assert refused.status_code == 200 and "payment_methods" in refused.context["adminform"].form.errors
