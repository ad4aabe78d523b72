"""A card order's life around its payment: invoiced when paid, shipped only once paid, cancelled with its money
given back, refunds shown on the order, a lost webhook healed by the next visit; and the edges a reviewer found."""

import json
from decimal import Decimal

import pytest
from django.core import mail

from payments.models import Payment, PaymentStatus, ProviderEvent, Refund
from payments.services import RefundError, refund_payment
from shop.models import Invoice, OrderEvent, OrderStatus
from shop.services.orders import OrderError, cancel_order, cancel_unpaid_orders, change_status, mark_paid
from tests.payments.test_card_checkout import _age, confirm, pay_page, place_card_order, stripe_on  # noqa: F401
from tests.payments.test_stripe_webhooks import SECRET, post, signed
from tests.shop.checkout_helpers import buy, make_cart
from tests.shop.test_checkout_flow import shop  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def paid_card_order(client, shop, capture):  # noqa: F811
    order = place_card_order(client, shop, capture)
    secret = pay_page(client, order).context["client_secret"]
    confirm(client, secret)
    assert pay_page(client, order).status_code == 302  # the next visit finds the money: no webhook needed
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    return order


def test_card_orders_are_invoiced_when_paid_not_when_placed(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    pay_page(client, order)
    assert not Invoice.objects.filter(order=order).exists()  # an abandoned card order uses up no invoice number
    confirm(client, pay_page(client, order).context["client_secret"])
    pay_page(client, order)
    invoice = Invoice.objects.get(order=order)
    assert invoice.number.endswith("-000001")
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments[0][0] == f"invoice-{invoice.number}.pdf"


def test_a_lost_webhook_is_healed_by_the_next_visit_of_the_pay_page(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    confirm(client, pay_page(client, order).context["client_secret"])  # paid; the return and the webhook are lost
    assert client.get(f"/de/checkout/done/{order.number}/")["Location"] == f"/de/checkout/pay/{order.number}/"
    assert pay_page(client, order)["Location"] == f"/de/checkout/done/{order.number}/"  # reload, or "check again"
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and len(mail.outbox) == 1


def test_an_unpaid_card_order_does_not_ship(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    with pytest.raises(OrderError):
        change_status(order.pk, OrderStatus.SHIPPED)
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT


def test_cancelling_a_paid_card_order_refunds_it_and_says_so(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = paid_card_order(client, shop, django_capture_on_commit_callbacks)
    cancel_order(order.pk, reason="Out of stock")
    payment = Payment.objects.get(order=order)
    assert payment.status == PaymentStatus.REFUNDED and payment.amount_refunded == order.total_gross
    assert Refund.objects.get(payment=payment).provider_reference.startswith("re_")
    events = list(OrderEvent.objects.filter(order=order, kind="payment").values_list("message", flat=True))
    assert any("refunded in full" in m for m in events) and any(m.startswith("Refunded 84.96 of 84.96 EUR") for m in events)


def test_cash_on_delivery_is_recorded_as_paid_after_delivery(client, shop, django_capture_on_commit_callbacks):  # noqa: F811
    order = buy(make_cart(shop["markets"]["eu"], [(shop["a"], 1)]), payment_method="cash_on_delivery")
    change_status(order.pk, OrderStatus.SHIPPED)
    change_status(order.pk, OrderStatus.DELIVERED)
    mark_paid(order.pk, reference="carrier remittance 7")
    order.refresh_from_db()
    payment = Payment.objects.get(order=order)
    assert order.status == OrderStatus.DELIVERED and order.paid_at is not None
    assert payment.status == PaymentStatus.CAPTURED and payment.amount_captured == order.total_gross
    assert refund_payment(payment.pk, Decimal("1e1")).amount == Decimal("10.00")  # refundable now; "1e1" is 10.00


def test_a_cancelled_order_with_money_received_offline_asks_staff_to_pay_it_back(shop):  # noqa: F811
    order = buy(make_cart(shop["markets"]["eu"], [(shop["a"], 1)]))
    mark_paid(order.pk)
    cancel_order(order.pk, reason="Customer changed their mind")
    assert OrderEvent.objects.filter(order=order, message__startswith="Cancelled after 34.98 EUR was received offline").exists()


def test_the_confirmation_page_of_a_cancelled_card_order_says_cancelled(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    pay_page(client, order)
    cancel_order(order.pk)
    page = client.get(f"/de/checkout/done/{order.number}/", follow=True)
    assert page.context["state"] == "cancelled" and "Zu zahlen" not in page.content.decode()


def test_provider_events_keep_no_client_secret(client, shop, stripe_on, stripe_client, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    secret = pay_page(client, order).context["client_secret"]
    confirm(client, secret)
    pay_page(client, order)
    intent = stripe_client.v1.payment_intents.retrieve(secret.split("_secret_")[0]).to_dict()
    post(client, {"id": "evt_with_secret", "object": "event", "type": "payment_intent.succeeded", "data": {"object": intent}})
    assert ProviderEvent.objects.count() == 2
    for stored in ProviderEvent.objects.all():
        assert "client_secret" not in json.dumps(stored.payload) and secret not in json.dumps(stored.payload)


@pytest.mark.parametrize("body", [{}, [], {"id": "evt_1"}, {"id": "evt_1", "type": "x", "data": None},
                                  {"id": "evt_1", "type": "x", "data": {"object": [1]}}, {"id": "e" * 300, "type": "x", "data": {"object": {}}}])
def test_signed_but_malformed_events_are_refused_without_a_500(client, settings, body):
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    payload, header = signed(body)
    response = client.post("/payments/stripe/webhook/", payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)
    assert response.status_code == 400 and not ProviderEvent.objects.exists()


def test_an_intent_stripe_does_not_know_does_not_keep_its_order_forever(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_card_order(client, shop, django_capture_on_commit_callbacks)
    Payment.objects.filter(order=order).update(provider_reference="pi_from_another_stripe_account")
    _age(order, 120)
    assert cancel_unpaid_orders() == [order.number]


def test_refund_amounts_are_whole_minor_units(shop):  # noqa: F811
    order = buy(make_cart(shop["markets"]["eu"], [(shop["a"], 1)]))
    mark_paid(order.pk)
    payment = Payment.objects.get(order=order)
    with pytest.raises(RefundError, match="at most 2 decimals"):
        refund_payment(payment.pk, "1.005")
    assert str(refund_payment(payment.pk, "1e0").amount) == "1.00"


def test_a_market_cannot_offer_only_cards_without_stripe_keys(admin_client, markets, settings):
    from tests.payments.test_card_checkout import _change_form_data

    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    url = f"/admin/shop/market/{markets['uk'].pk}/change/"
    response = admin_client.post(url, {**_change_form_data(admin_client.get(url)), "payment_methods": ["stripe"]})
    assert response.status_code == 200 and "Stripe" in str(response.context["adminform"].form.errors["payment_methods"])



def test_the_cancellation_e_mail_of_a_card_order_says_what_happens_to_the_money(client, shop, stripe_on, django_capture_on_commit_callbacks):  # noqa: F811
    paid = paid_card_order(client, shop, django_capture_on_commit_callbacks)
    cancel_order(paid.pk)
    assert "erstatten Ihre Zahlung über 84,96" in mail.outbox[-1].body
    mail.outbox.clear()
    client.cookies.clear()
    unpaid = place_card_order(client, shop, django_capture_on_commit_callbacks)
    cancel_order(unpaid.pk)
    assert "Es wurde nichts abgebucht." in mail.outbox[-1].body and "bereits bezahlt" not in mail.outbox[-1].body
