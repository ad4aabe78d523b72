"""The buyer follows their parcels: "on its way" and delay e-mails in their language (once each), the order delivered
when every parcel is (and cash the carrier collected recorded once), the account order page and the guest's signed
tracking link with each parcel's timeline — for the owner only, at a fixed number of queries."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail, signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from fulfillment.models import Consignment, ConsignmentStatus, TrackingKind
from fulfillment.services import flag_delayed_consignments, record_tracking_event
from fulfillment.signals import consignment_dispatched
from fulfillment.tasks import flag_delayed_consignments_task
from payments.models import Payment, PaymentStatus
from payments.services import start_payment
from shop.models import Order, OrderEvent, OrderLine, OrderStatus, TaxTreatment
from shop.selectors.orders import order_tracking_token
from shop.services.orders import cod_confirmation_token
from tests.fulfillment.tracking_helpers import mark_dispatched, shipped_order

pytestmark = pytest.mark.django_db


def _ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


def _balanced(order):
    """make_consignments gives every line the factory's totals; keep the first, zero the others so the order's totals
    (made for one line) still add up for the pages that print its tax breakdown."""
    first = order.lines.order_by("pk").first()
    OrderLine.objects.filter(order=order).exclude(pk=first.pk).update(unit_net=0, unit_gross=0, total_net=0, total_gross=0, tax_rate=0)
    return order


def _bodies(message):
    (html, mimetype), = message.alternatives
    assert mimetype == "text/html"
    return [message.body.replace("\u00a0", " "), html.replace("\u00a0", " ")]


def _dispatch_signal(consignment, django_capture_on_commit_callbacks):
    """What the dispatch service does once a consignment left (it is not on this branch): send the signal after commit."""
    with django_capture_on_commit_callbacks(execute=True):
        consignment_dispatched.send(sender=Consignment, consignment=consignment)


def _url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


# --- E-mails ---------------------------------------------------------------------------------------------------------


def test_dispatch_email_in_german_with_carrier_tracking_link_date_and_the_guest_link(settings, django_capture_on_commit_callbacks):
    settings.CARAVAN_SITE_URL = "https://shop.example"
    order, (first, second) = shipped_order(warehouses=("berlin", "hamburg"), language="de")
    _dispatch_signal(first, django_capture_on_commit_callbacks)
    _dispatch_signal(first, django_capture_on_commit_callbacks)  # told once per parcel
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == f"Ihr Paket aus Berlin ist unterwegs (Bestellung {order.number})"
    assert message.to == ["buyer@example.com"]
    tracking_url = f"https://track.example/{first.tracking_number}"
    estimate = first.estimated_delivery
    for body in _bodies(message):
        assert "Guten Tag Erika Mustermann," in body
        assert f"Paket 1 von 2 Ihrer Bestellung {order.number} hat unser Lager in Berlin verlassen." in body
        assert "DHL" in body and first.tracking_number in body and tracking_url in body
        assert "Voraussichtliche Zustellung:" in body and f"{estimate.day}.{estimate.month:02d}.{estimate.year}" in body
        assert "https://shop.example/de/orders/track/" in body
        assert "1 × " in body
    token = re.search(r"/de/orders/track/([^/\s\"]+)/", message.body).group(1)
    assert signing.loads(token, salt="caravan.shop.order-tracking") == order.number
    _dispatch_signal(second, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2 and "Ihr Paket aus Hamburg ist unterwegs" in mail.outbox[1].subject
    assert OrderEvent.objects.filter(order=order, kind="email", data__template__startswith="consignment_dispatched:").count() == 2


def test_late_parcel_email_in_japanese_once_however_often_beat_runs(django_capture_on_commit_callbacks):
    order, (consignment,) = shipped_order(language="ja", currency="JPY")
    today = timezone.localdate()
    new_estimate = today + timedelta(days=2)
    Consignment.objects.filter(pk=consignment.pk).update(promised_earliest=today - timedelta(days=9), promised_latest=today - timedelta(days=7),
                                                         dispatched_at=_ago(days=14))
    record_tracking_event(consignment.pk, TrackingKind.EXCEPTION, at=_ago(hours=3), message="Address label damaged",
                          estimated_delivery=new_estimate)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            flag_delayed_consignments_task.delay()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == f"お荷物の到着が遅れています（ご注文 {order.number}）"
    for body in _bodies(message):
        assert "申し訳ございません。Berlinからのお荷物" in body
        assert f"配送業者による現在のお届け予定日は{new_estimate.year}/{new_estimate.month:02d}/{new_estimate.day:02d}です。" in body
    consignment.refresh_from_db()
    assert consignment.late_since is not None and consignment.buyer_told_delay_at is not None
    # Stuck in customs later on as well: the buyer has been told about this parcel's delay already.
    record_tracking_event(consignment.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(days=4, hours=-1))
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_delayed_consignments() == (0, 0)  # the hold is not the latest event: the exception came after it
    record_tracking_event(consignment.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_delayed_consignments(now=timezone.now() + timedelta(days=5)) == (0, 1)
    assert len(mail.outbox) == 1


def test_customs_email_explains_import_vat_due_on_delivery(django_capture_on_commit_callbacks, settings):
    settings.CARAVAN_CUSTOMS_STUCK_DAYS = 3
    order, (consignment,) = shipped_order(destination="CH", needs_customs=True)
    OrderLine.objects.filter(order=order).update(tax_treatment=TaxTreatment.IMPORT_ON_DELIVERY)
    mark_dispatched(consignment, at=_ago(days=6))
    record_tracking_event(consignment.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(days=4), location="Basel")
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_delayed_consignments() == (0, 1)
    message, = mail.outbox
    assert message.subject == f"Your parcel is being held at customs (order {order.number})"
    for body in _bodies(message):
        assert "is being held by customs in Switzerland." in body
        assert "Import VAT and any duties on this parcel were not part of your payment to us: they are due on delivery" in body


def test_customs_email_says_vat_was_paid_when_collected_at_checkout(django_capture_on_commit_callbacks):
    order, (consignment,) = shipped_order(destination="FR", needs_customs=True, language="de")
    Consignment.objects.filter(pk=consignment.pk).update(import_vat_scheme="ioss")
    mark_dispatched(consignment, at=_ago(days=6))
    record_tracking_event(consignment.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(days=5))
    with django_capture_on_commit_callbacks(execute=True):
        flag_delayed_consignments()
    message, = mail.outbox
    assert message.subject == f"Ihr Paket wird vom Zoll geprüft (Bestellung {order.number})"
    text, html = _bodies(message)
    assert "wurde mit Ihrer Bestellung bezahlt" in text and "Einfuhrumsatzsteuer und etwaige Zölle" not in text


# --- Delivery finishes the order ------------------------------------------------------------------------------------


def test_the_order_is_delivered_when_its_last_parcel_is(django_capture_on_commit_callbacks):
    order, (first, second) = shipped_order(warehouses=("berlin", "hamburg"), payment_method="bank_transfer")
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.SHIPPED, paid_at=_ago(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        record_tracking_event(first.pk, TrackingKind.DELIVERED, at=_ago(hours=2), source="carrier", external_id="a")
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    with django_capture_on_commit_callbacks(execute=True):
        record_tracking_event(second.pk, TrackingKind.DELIVERED, at=_ago(hours=1), source="carrier", external_id="b")
    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED
    assert OrderEvent.objects.filter(order=order, kind="status", data__to="delivered").count() == 1
    with django_capture_on_commit_callbacks(execute=True):  # the carrier resends: nothing more happens
        record_tracking_event(second.pk, TrackingKind.DELIVERED, at=_ago(hours=1), source="carrier", external_id="b")
    assert OrderEvent.objects.filter(order=order, kind="status", data__to="delivered").count() == 1


def test_a_partially_shipped_order_waits_for_its_other_parcel(django_capture_on_commit_callbacks):
    order, (sent, waiting) = shipped_order(warehouses=("berlin", "hamburg"), dispatch=False)
    mark_dispatched(sent)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PARTIALLY_SHIPPED)
    with django_capture_on_commit_callbacks(execute=True):
        record_tracking_event(sent.pk, TrackingKind.DELIVERED)
    order.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_SHIPPED
    # The other parcel was cancelled instead (short picked, say): what is left is all delivered, once shipped.
    Consignment.objects.filter(pk=waiting.pk).update(status=ConsignmentStatus.CANCELLED)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.SHIPPED)
    with django_capture_on_commit_callbacks(execute=True):
        record_tracking_event(sent.pk, TrackingKind.DELIVERED, external_id="late-duplicate")
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED  # a duplicate on a delivered parcel announces no delivery


def test_cash_collected_by_the_carrier_is_recorded_once(django_capture_on_commit_callbacks):
    order, (first, second) = shipped_order(warehouses=("berlin", "hamburg"), payment_method="cash_on_delivery")
    Consignment.objects.filter(pk=first.pk).update(cod_amount=Decimal("20.00"))
    Consignment.objects.filter(pk=second.pk).update(cod_amount=Decimal("4.99"))
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.SHIPPED)
    payment = start_payment(order.pk, "cash_on_delivery", order.total_gross, order.currency)
    with django_capture_on_commit_callbacks(execute=True):
        record_tracking_event(first.pk, TrackingKind.DELIVERED, cod_collected=True, source="carrier", external_id="d1")
    order.refresh_from_db()
    assert order.paid_at is None  # half the cash is in: noted, not paid
    assert OrderEvent.objects.filter(order=order, kind="note", data__cod_collected=first.number).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        record_tracking_event(second.pk, TrackingKind.DELIVERED, cod_collected=True, source="carrier", external_id="d2")
    order.refresh_from_db()
    payment.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED and order.paid_at is not None
    assert payment.status == PaymentStatus.CAPTURED and payment.amount_captured == order.total_gross
    for external_id in ("d2", "d2-again"):  # the same delivery resent, or reported again under another id
        with django_capture_on_commit_callbacks(execute=True):
            record_tracking_event(second.pk, TrackingKind.DELIVERED, cod_collected=True, source="carrier", external_id=external_id)
    assert OrderEvent.objects.filter(order=order, kind="payment", data__method="cash_on_delivery").count() == 1
    assert Payment.objects.filter(order=order, status=PaymentStatus.CAPTURED).count() == 1


def test_cash_is_not_recorded_for_an_order_paid_otherwise(django_capture_on_commit_callbacks):
    order, (consignment,) = shipped_order(payment_method="bank_transfer")
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.SHIPPED)
    with django_capture_on_commit_callbacks(execute=True):
        record_tracking_event(consignment.pk, TrackingKind.DELIVERED, cod_collected=True)
    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED and order.paid_at is None


# --- Pages -----------------------------------------------------------------------------------------------------------


@pytest.fixture
def parcels(markets):
    """Two parcels of one order: Berlin's on its way with three events, Hamburg's still being prepared."""
    order, (berlin, hamburg) = shipped_order(warehouses=("berlin", "hamburg"), dispatch=False)
    _balanced(order)
    mark_dispatched(berlin, at=_ago(days=2))
    record_tracking_event(berlin.pk, TrackingKind.PICKED_UP, at=_ago(days=2), location="Berlin")
    record_tracking_event(berlin.pk, TrackingKind.IN_TRANSIT, at=_ago(days=1), location="Leipzig HUB")
    record_tracking_event(berlin.pk, TrackingKind.OUT_FOR_DELIVERY, at=_ago(hours=3), location="Paris",
                          estimated_delivery=berlin.promised_latest + timedelta(days=1))
    return order, berlin, hamburg


def _buyer(django_user_model, email="erika@example.com"):
    return django_user_model.objects.create_user(email.split("@")[0], email, "pw-caravan-37")


def test_account_order_page_shows_each_parcel_with_its_timeline(client, parcels, django_user_model):
    order, berlin, hamburg = parcels
    buyer = _buyer(django_user_model)
    Order.objects.filter(pk=order.pk).update(user=buyer)
    client.force_login(buyer)
    response = client.get(_url("shop:account-order", number=order.number))
    assert response.status_code == 200
    body = response.content.decode()
    first, second = response.context["data"]["parcels"]
    assert "Parcel 1 of 2 from Berlin" in body and "Parcel 2 of 2 from Hamburg" in body
    assert [event["kind"] for event in first["events"]] == ["out_for_delivery", "in_transit", "picked_up"]  # newest first
    assert f'href="https://track.example/{berlin.tracking_number}"' in body
    assert "out for delivery" in body and "Leipzig HUB" in body
    assert first["estimated"] and first["estimate_moved"]
    assert second["status"] == "preparing" and second["events"] == [] and second["tracking_number"] == ""
    assert "being prepared" in body


def test_account_order_page_in_german_translates_the_timeline(client, parcels, django_user_model):
    order, _, _ = parcels
    buyer = _buyer(django_user_model)
    Order.objects.filter(pk=order.pk).update(user=buyer)
    client.force_login(buyer)
    body = client.get(_url("shop:account-order", "de", number=order.number)).content.decode()
    assert "Paket 1 von 2 aus Berlin" in body and "in Zustellung" in body and "vom Versanddienst abgeholt" in body


def test_another_buyer_never_sees_the_parcels(client, parcels, django_user_model):
    order, _, _ = parcels
    Order.objects.filter(pk=order.pk).update(user=_buyer(django_user_model))
    client.force_login(_buyer(django_user_model, "mallory@example.com"))
    assert client.get(_url("shop:account-order", number=order.number)).status_code == 404


def test_the_guest_link_shows_the_parcels_but_no_address_or_payment(client, parcels):
    order, berlin, _ = parcels
    response = client.get(_url("shop:order-tracking", token=order_tracking_token(order)))
    assert response.status_code == 200
    body = response.content.decode()
    assert order.number in body and "Parcel 1 of 2 from Berlin" in body and "Leipzig HUB" in body
    assert berlin.tracking_number in body
    assert "Berlin, Germany" in body  # where it goes: city and country only
    assert "Hauptstraße" not in body and "Erika" not in body and "10115" not in body
    assert "Bank transfer" not in body and "IBAN" not in body and "€" not in body
    assert "noindex" in body and "no-store" in response["Cache-Control"]
    assert 'rel="noopener noreferrer"' in body


def test_a_tampered_or_foreign_token_is_a_404(client, parcels):
    order, _, _ = parcels
    other, _ = shipped_order(warehouses=("munich",))
    token = order_tracking_token(order)
    bad = [
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # the signature altered
        signing.dumps(other.number, salt="caravan.shop.order-tracking")[:-1] + "x",
        signing.dumps(order.number, salt="another-salt"),  # signed for something else
        cod_confirmation_token(order),  # the cash-on-delivery confirmation link is not a tracking link
        signing.dumps({"number": order.number}, salt="caravan.shop.order-tracking"),
        signing.dumps("CR-NOPE", salt="caravan.shop.order-tracking"),
        "x" * 500,
        "%00",
    ]
    for value in bad:
        assert client.get(f"/en/orders/track/{value}/").status_code == 404, value
    # Each order's own token shows that order and never another.
    response = client.get(_url("shop:order-tracking", token=order_tracking_token(other)))
    assert response.status_code == 200 and response.context["data"]["number"] == other.number


def test_tracking_pages_cost_the_same_queries_for_3_or_30_events(client, parcels, django_user_model, django_assert_max_num_queries):
    order, berlin, _ = parcels
    buyer = _buyer(django_user_model)
    Order.objects.filter(pk=order.pk).update(user=buyer)
    client.force_login(buyer)
    guest = Client()
    pages = [(guest, _url("shop:order-tracking", token=order_tracking_token(order))), (client, _url("shop:account-order", number=order.number))]
    for browser, url in pages:
        browser.get(url)  # warm the per-process caches
    counts = {url: [] for _, url in pages}
    for _ in range(2):
        for browser, url in pages:
            budget = 6 if browser is guest else 12  # guest: order, parcels, their lines, their events, credit notes, returns (no session)
            with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(budget):
                assert browser.get(url).status_code == 200
            counts[url].append(len(queries))
        for index in range(27):  # 27 more events for the second round
            record_tracking_event(berlin.pk, TrackingKind.IN_TRANSIT, at=_ago(hours=2, minutes=index), location=f"Hub {index}")
    for url, (few, many) in counts.items():
        assert few == many, (url, few, many)
