"""The order confirmation: once per order, in the buyer's language, with payment instructions and the invoice."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction

from shop.models import OrderEvent
from shop.services.emails import send_order_confirmation
from shop.services.invoices import issue_invoice
from shop.tasks import render_invoice_pdf_task, send_order_confirmation_task
from tests import factories as f

# Totals whose float sum is exact (SQLite checks total_gross = total_net + total_tax in floating point).
SAFE_TOTALS = {"subtotal_gross": Decimal("20.00"), "total_tax": Decimal("4.00"), "total_gross": Decimal("25.00"),
               "total_gross_base": Decimal("25.00")}


def _order(line=None, **kwargs):
    order = f.OrderFactory(**{**SAFE_TOTALS, **kwargs})
    f.OrderLineFactory(order=order, **(line or {"unit_gross": Decimal("20.00"), "total_gross": Decimal("20.00")}))
    return order


def _bodies(message):
    """Plain text and HTML, with Babel's no-break spaces as plain spaces."""
    (html, mimetype), = message.alternatives
    assert mimetype == "text/html"
    return [message.body.replace("\u00a0", " "), html.replace("\u00a0", " ")]


def _billed(order):
    with transaction.atomic():
        return issue_invoice(order)


@pytest.mark.django_db
def test_german_bank_transfer_confirmation_with_the_invoice_attached(settings):
    settings.CARAVAN_SITE_URL = "https://shop.example"
    order = _order(language="de", payment_method="bank_transfer", tax_notes=["ioss"], ioss_number="IM2760000042")
    invoice = _billed(order)
    assert send_order_confirmation(order.pk) is True
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["buyer@example.com"] and order.number in message.subject
    text, html = _bodies(message)
    for body in (text, html):
        assert "Erika Mustermann" in body
        assert "Zwischensumme" in body and "Artikelnummer" in body  # German labels
        assert "25,00 €" in body and "5,00 €" in body  # German money format
        assert "1. Dezember 2026" in body and "3. Dezember 2026" in body  # delivery dates, Babel long format
        assert "Standard" in body and "DHL" in body
        assert "Hauptstraße 5" in body and "Deutschland" in body
        # Bank transfer: account, amount and the order number as the reference.
        assert "Caravan Trading GmbH" in body and "DE89370400440532013000" in body and "COBADEFFXXX" in body
        assert "Commerzbank" in body and order.number in body
        assert "IOSS-Nummer: IM2760000042" in body
        # The deadline the confirmation page states (CARAVAN_UNPAID_ORDER_HOURS = 168: 7 days).
        assert "nicht innerhalb von 7 Tagen bezahlt werden, werden storniert" in body
    assert f": {order.number}" in text.split("IBAN")[1]  # "Reference: <order number>" under the bank details
    assert "/account/orders/" not in text  # a guest order has no account page
    (name, content, mimetype), = message.attachments
    assert name == f"invoice-{invoice.number}.pdf" and mimetype == "application/pdf" and content.startswith(b"%PDF")
    event = OrderEvent.objects.get(order=order, kind="email")
    assert event.data["template"] == "order_confirmation"


@pytest.mark.django_db
def test_a_second_call_sends_nothing():
    order = _order()
    assert send_order_confirmation(order.pk) is True
    assert send_order_confirmation(order.pk) is False
    send_order_confirmation_task.delay(order.pk)
    assert len(mail.outbox) == 1
    assert OrderEvent.objects.filter(order=order, kind="email").count() == 1


@pytest.mark.django_db
def test_the_attachment_is_the_stored_invoice_pdf():
    order = _order()
    invoice = _billed(order)
    stored = render_invoice_pdf_task.delay(invoice.pk).get()
    invoice.refresh_from_db()
    assert stored == invoice.pdf.name
    send_order_confirmation(order.pk)
    with invoice.pdf.open("rb") as fh:
        assert mail.outbox[0].attachments[0][1] == fh.read()


@pytest.mark.django_db
def test_cash_on_delivery_without_invoice_or_account():
    order = _order(payment_method="cash_on_delivery", tax_notes=["import_on_delivery"], user=None)
    send_order_confirmation(order.pk)
    message = mail.outbox[0]
    assert not message.attachments
    for body in _bodies(message):
        assert "You pay €25.00 to the carrier (DHL) on delivery." in body
        assert "IBAN" not in body
        assert "Import VAT and duties are not included and are due on delivery." in body
        assert "/account/orders/" not in body


@pytest.mark.django_db
def test_account_orders_link_to_the_order_page(settings, django_user_model):
    settings.CARAVAN_SITE_URL = "https://shop.example/"
    user = django_user_model.objects.create_user("buyer", "buyer@example.com", "pw")
    order = _order(
        user=user, language="ja", currency="JPY", shipping_net=Decimal("500"), shipping_gross=Decimal("550"), shipping_tax_rate=Decimal("10"),
        subtotal_net=Decimal("1600"), subtotal_gross=Decimal("1950"), total_net=Decimal("2100"), total_tax=Decimal("400"),
        total_gross=Decimal("2500"), line={"product_name": "麻のシャツ", "unit_net": Decimal("1600"), "unit_gross": Decimal("1950"),
                                           "total_net": Decimal("1600"), "total_gross": Decimal("1950"), "tax_rate": Decimal("10")},
    )
    send_order_confirmation(order.pk)
    text, html = _bodies(mail.outbox[0])
    url = f"https://shop.example/ja/account/orders/{order.number}/"
    assert url in text and f'href="{url}"' in html
    for body in (text, html):
        assert "2026年12月1日" in body and "商品番号" in body and "麻のシャツ" in body  # Japanese date, label, product
        assert "￥2,500" in body


@pytest.mark.django_db
def test_a_failed_send_is_not_recorded_so_a_retry_sends_it(settings):
    settings.EMAIL_BACKEND = "tests.shop.test_order_emails.FailingBackend"
    order = _order()
    with pytest.raises(ConnectionError):
        send_order_confirmation(order.pk)
    assert not OrderEvent.objects.filter(order=order, kind="email").exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_order_confirmation(order.pk) is True and len(mail.outbox) == 1


class FailingBackend:
    """An SMTP server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP server unreachable")


@pytest.mark.django_db
def test_payment_received_and_cancellation_mails_in_the_buyers_language(markets, django_capture_on_commit_callbacks, settings):
    from datetime import timedelta
    from decimal import Decimal as D

    from django.utils import timezone
    from djmoney.money import Money

    from fulfillment.models import Warehouse
    from shop.models import Order
    from shop.services.orders import cancel_unpaid_orders, mark_paid
    from tests import factories as f
    from tests.shop.checkout_helpers import buy, make_cart

    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(D("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=5)
    paid = buy(make_cart(markets["eu"], [(variant, 1)], email="paid@example.com"), language="de")
    unpaid = buy(make_cart(markets["eu"], [(variant, 1)], email="late@example.com"), language="de")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mark_paid(paid.pk)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["paid@example.com"]
    assert paid.number in mail.outbox[0].subject and "Zahlung" in mail.outbox[0].subject
    Order.objects.filter(pk=unpaid.pk).update(created_at=timezone.now() - timedelta(hours=settings.CARAVAN_UNPAID_ORDER_HOURS + 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_unpaid_orders() == [unpaid.number]
    cancelled = mail.outbox[-1]
    assert cancelled.to == ["late@example.com"] and "storniert" in cancelled.subject
    assert "rechtzeitig" in cancelled.body  # "payment not received in time"
    assert cancelled.alternatives and cancelled.alternatives[0][1] == "text/html"
    from shop.services.emails import send_order_status_email

    assert send_order_status_email(unpaid.pk, "cancelled") is False  # once only
