"""Refunds: partial and full, through Stripe (the official SDK against localstripe) and for offline payments;
never more than captured, even for two refunds at the same time (PostgreSQL)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from payments.models import Payment, PaymentStatus, Refund
from payments.services import RefundError, refund_payment
from tests import factories as f

pytestmark = pytest.mark.django_db


def captured_payment(order, provider="bank_transfer", amount=Decimal("100.00"), currency="EUR", reference=""):
    return Payment.objects.create(order=order, provider=provider, currency=currency, amount=amount, amount_captured=amount,
                                  status=PaymentStatus.CAPTURED, provider_reference=reference,
                                  idempotency_key=f"{order.number}-{provider}-{reference}")


@pytest.fixture
def stripe_settings(settings, localstripe_url):
    settings.STRIPE_SECRET_KEY = "sk_test_caravan"
    settings.STRIPE_API_BASE = localstripe_url
    return settings


@pytest.mark.parametrize("currency, amount, part", [("EUR", Decimal("49.90"), Decimal("10.05")), ("JPY", Decimal("8800"), Decimal("1320"))])
def test_partial_then_full_refund_through_stripe(markets, stripe_settings, stripe_client, currency, amount, part):
    from payments.money import to_minor_units

    intent = stripe_client.payment_intents.create(params={"amount": to_minor_units(amount, currency), "currency": currency.lower(),
                                                          "payment_method": "pm_card_visa"})
    stripe_client.payment_intents.confirm(intent.id)
    payment = captured_payment(f.OrderFactory(market=markets["eu"]), "stripe", amount, currency, intent.id)
    refund = refund_payment(payment.pk, part, reason="damaged in transit")
    assert refund.status == "succeeded" and refund.provider_reference.startswith("re_")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PARTIALLY_REFUNDED and payment.amount_refunded == part
    with pytest.raises(RefundError, match="At most"):
        refund_payment(payment.pk, amount)  # more than what is left
    refund_payment(payment.pk, amount - part)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED and payment.amount_refunded == amount
    with pytest.raises(RefundError):
        refund_payment(payment.pk, "0.01")


@pytest.mark.parametrize("amount", ["0", "-5", "abc", "NaN", "0.001"])
def test_bad_refund_amounts(markets, stripe_settings, stripe_client, amount):
    intent = stripe_client.payment_intents.create(params={"amount": 1000, "currency": "eur", "payment_method": "pm_card_visa"})
    stripe_client.payment_intents.confirm(intent.id)
    payment = captured_payment(f.OrderFactory(market=markets["eu"]), "stripe", Decimal("10.00"), "EUR", intent.id)
    with pytest.raises(RefundError):
        refund_payment(payment.pk, amount)
    assert not Refund.objects.exists()


def test_offline_refunds_are_recorded_and_bounded(markets):
    payment = captured_payment(f.OrderFactory(market=markets["eu"]))
    refund_payment(payment.pk, Decimal("30"))
    with pytest.raises(RefundError):
        refund_payment(payment.pk, Decimal("70.01"))
    refund_payment(payment.pk, Decimal("70"))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED and Refund.objects.filter(status="succeeded").count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_refunds_at_once_that_together_exceed_the_capture_leave_exactly_one(markets):
    payment = captured_payment(f.OrderFactory(market=markets["eu"]))
    results, barrier = [], threading.Barrier(2)

    def refund():
        try:
            barrier.wait()
            refund_payment(payment.pk, Decimal("60"))
            results.append("ok")
        except RefundError:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=refund) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == ["ok", "refused"]
    payment.refresh_from_db()
    assert payment.amount_refunded == Decimal("60") and Refund.objects.count() == 1


def test_staff_refund_from_admin_with_amount_and_reason(admin_client, markets):
    payment = captured_payment(f.OrderFactory(market=markets["eu"]))

    def refund_form(**data):
        """The add form as the browser posts it, with the one-time key the page carries."""
        key = admin_client.get("/admin/payments/refund/add/").context["adminform"].form["request_key"].value()
        return {"payment": payment.pk, "request_key": key, **data}

    response = admin_client.post("/admin/payments/refund/add/", refund_form(amount="150", reason="too much"))
    assert response.status_code == 200 and "At most 100.00 EUR" in response.content.decode()
    response = admin_client.post("/admin/payments/refund/add/", refund_form(amount="0", reason="nothing"))
    assert response.content.decode().count('class="errorlist') == 1  # one clear error, not a constraint's name too
    for amount in ("0", "-5"):
        page = admin_client.post("/admin/payments/refund/add/", refund_form(amount=amount, reason="nothing")).content.decode()
        assert "refund_amount_positive" not in page and page.count("<li>") - page.count('<li><a') >= 1
    form = refund_form(amount="25.50", reason="late delivery")
    response = admin_client.post("/admin/payments/refund/add/", form)
    assert response.status_code == 302
    assert admin_client.post("/admin/payments/refund/add/", form).status_code == 302  # the same form sent twice
    refund = Refund.objects.get()
    assert refund.amount == Decimal("25.50") and refund.reason == "late delivery" and refund.status == "succeeded"
    payment.refresh_from_db()
    assert payment.amount_refunded == Decimal("25.50") and payment.status == PaymentStatus.PARTIALLY_REFUNDED
    listing = admin_client.get("/admin/payments/payment/").content.decode()
    assert "<td class=\"field-amount_shown\">100.00</td>" in listing and "<td class=\"field-refunded_shown\">25.50</td>" in listing
    assert ">25.50<" in admin_client.get("/admin/payments/refund/").content.decode()
    # "Refund…" on the payment (and on its order's page) opens the form with the payment chosen.
    assert f'href="/admin/payments/refund/add/?payment={payment.pk}"' in listing
    assert admin_client.get(f"/admin/payments/refund/add/?payment={payment.pk}").context["adminform"].form["payment"].value() == str(payment.pk)
    assert admin_client.get(f"/admin/payments/payment/{payment.pk}/change/").status_code == 200


def test_reconcile_repairs_a_payment_whose_webhook_was_missed(markets, stripe_settings, stripe_client, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command
    from djmoney.money import Money

    from fulfillment.models import Warehouse
    from shop.models import OrderStatus
    from tests.shop.checkout_helpers import buy, make_cart

    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=5)
    order = buy(make_cart(markets["eu"], [(variant, 1)]))
    intent = stripe_client.payment_intents.create(params={"amount": int(order.total_gross * 100), "currency": "eur",
                                                          "payment_method": "pm_card_visa", "metadata": {"order": order.number}})
    stripe_client.payment_intents.confirm(intent.id)
    payment = Payment.objects.create(order=order, provider="stripe", currency="EUR", amount=order.total_gross,
                                     provider_reference=intent.id, idempotency_key=f"{order.number}-card")
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("reconcile_payments", stdout=out)
    assert f"payment {payment.pk} ({intent.id}): pending → captured" in out.getvalue()
    payment.refresh_from_db()
    order.refresh_from_db()
    assert payment.status == PaymentStatus.CAPTURED and order.status == OrderStatus.PAID
    out = StringIO()
    call_command("reconcile_payments", stdout=out)
    assert "0 payment(s) changed." in out.getvalue()
    # An intent this Stripe account does not know is reported, and the others are still checked.
    Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.PENDING, provider_reference="pi_unknown_here")
    out = StringIO()
    call_command("reconcile_payments", stdout=out)
    assert f"payment {payment.pk} (pi_unknown_here): not checked" in out.getvalue() and "0 payment(s) changed." in out.getvalue()


def test_offline_orders_have_a_payment_that_staff_capture_and_can_refund(admin_client, markets, django_capture_on_commit_callbacks):
    from djmoney.money import Money

    from fulfillment.models import Warehouse
    from shop.models import Order, OrderStatus
    from shop.services.orders import cancel_order
    from tests.shop.checkout_helpers import buy, make_cart

    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=5)
    order = buy(make_cart(markets["eu"], [(variant, 1)]))
    payment = Payment.objects.get(order=order)
    assert payment.provider == "bank_transfer" and payment.status == PaymentStatus.PENDING and payment.amount == order.total_gross
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]})
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CAPTURED and payment.amount_captured == order.total_gross
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID
    refund_payment(payment.pk, Decimal("5"), reason="goodwill")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PARTIALLY_REFUNDED
    other = buy(make_cart(markets["eu"], [(variant, 1)]), payment_method="cash_on_delivery")
    cancel_order(other.pk)
    assert Payment.objects.get(order=other).status == PaymentStatus.CANCELLED
