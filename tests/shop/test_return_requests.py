"""The buyer's return request: what is returnable (delivered, window with the EU floor, non-returnable products,
units already in returns), the checks on the input, the warehouse it goes back to, the numbering, auto-approval by
the market's rules, exchanges holding stock, staff decisions, and the e-mails in the buyer's language."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from fulfillment.models import Reservation
from shop.models import OrderStatus, ReturnEvent, ReturnLine, ReturnPolicy, ReturnRequest, ReturnStatus
from shop.services.orders.errors import OrderError
from shop.services.orders.status import cancel_order
from shop.services.returns import ReturnError
from shop.services.returns.requests import (
    approve_return,
    mark_in_transit,
    refuse_return,
    request_return,
    return_warehouse,
    returnable_lines,
)
from tests import factories as f
from tests.shop.returns_helpers import JAPAN, delivered_order, on_sale, warehouses

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_photos(monkeypatch):
    from django.core.files.storage import storages

    monkeypatch.setattr(ReturnRequest._meta.get_field("photo"), "storage", storages["private"])


def _png(size=(20, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, "PNG")
    return out.getvalue()


def _line(order):
    return order.lines.get()


# --- What is returnable ---------------------------------------------------------------------------------------------

def test_only_delivered_units_count_and_the_deadline_runs_from_delivery():
    berlin, _ = warehouses()
    variant = f.ProductVariantFactory()
    order = delivered_order(berlin, [(variant, 3)], days_ago=5)
    [row] = returnable_lines(order)
    assert (row.delivered, row.units) == (3, 3)
    assert row.deadline == timezone.localdate() - timedelta(days=5) + timedelta(days=30)  # no policy: 30 days
    undelivered = f.OrderFactory(status=OrderStatus.PAID)
    f.OrderLineFactory(order=undelivered, variant=variant)
    assert [r.units for r in returnable_lines(undelivered)] == [0]


def test_window_from_the_policy_but_never_below_14_days_in_the_eu():
    berlin, _ = warehouses()
    market = f.MarketFactory(code="eu", countries=["DE", "FR"])
    ReturnPolicy.objects.create(market=market, window_days=7)
    variant = f.ProductVariantFactory()
    order = delivered_order(berlin, [(variant, 1)], days_ago=10, market=market)
    [row] = returnable_lines(order)
    assert row.units == 1 and row.deadline == timezone.localdate() - timedelta(days=10) + timedelta(days=14)
    late = delivered_order(berlin, [(variant, 1)], days_ago=15, market=market)
    assert returnable_lines(late)[0].units == 0
    with pytest.raises(ReturnError, match="period has ended"):
        request_return(late.pk, {_line(late).pk: 1}, reason="wrong_size")


def test_outside_the_eu_the_merchant_window_applies_as_set():
    _, osaka = warehouses()
    market = f.MarketFactory(code="jp", countries=["JP"], currency="JPY", default_country="JP", default_language="ja")
    ReturnPolicy.objects.create(market=market, window_days=7)
    order = delivered_order(osaka, [(f.ProductVariantFactory(), 1)], days_ago=10, market=market, destination="JP",
                            currency="JPY", shipping_address=JAPAN)
    assert returnable_lines(order)[0].units == 0


def test_non_returnable_products_and_units_beyond_what_is_left_are_refused():
    berlin, _ = warehouses()
    hygiene = f.ProductVariantFactory(product=f.ProductFactory(is_returnable=False))
    order = delivered_order(berlin, [(hygiene, 1)])
    assert returnable_lines(order)[0].units == 0
    with pytest.raises(ReturnError, match="cannot be returned"):
        request_return(order.pk, {_line(order).pk: 1}, reason="changed_mind")

    shirt = delivered_order(berlin, [(f.ProductVariantFactory(), 2)])
    line = _line(shirt)
    with pytest.raises(ReturnError, match="at most 2"):
        request_return(shirt.pk, {line.pk: 3}, reason="changed_mind")
    request_return(shirt.pk, {line.pk: 1}, reason="changed_mind")
    request_return(shirt.pk, {line.pk: 1}, reason="changed_mind")
    with pytest.raises(ReturnError, match="Already in a return"):
        request_return(shirt.pk, {line.pk: 1}, reason="changed_mind")
    assert ReturnLine.objects.filter(order_line=line).count() == 2


def test_a_refused_return_gives_its_units_back():
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)])
    first = request_return(order.pk, {_line(order).pk: 1}, reason="other")
    refuse_return(first.pk, "Worn and washed", user=None)
    assert returnable_lines(order)[0].units == 1


# --- The request ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, message", [
    ({"reason": "because"}, "reason from the list"),
    ({"reason": "other", "comment": "x" * 2001}, "too long"),
    ({"reason": "other", "comment": "bad\x00byte"}, "not allowed"),
    ({"reason": "other", "photo": SimpleUploadedFile("a.png", b"not an image", "image/png")}, "not an image"),
    ({"reason": "other", "photo": SimpleUploadedFile("a.png", b"0" * (5 * 1024 * 1024 + 1), "image/png")}, "5 MB"),
    ({"reason": "other", "resolution": "money"}, "refund or an exchange"),
])
def test_bad_input_is_refused_and_nothing_is_written(kwargs, message):
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)])
    with pytest.raises(ReturnError, match=message):
        request_return(order.pk, {_line(order).pk: 1}, **kwargs)
    with pytest.raises(ReturnError):
        request_return(order.pk, {}, reason="other")
    with pytest.raises(ReturnError):
        request_return(order.pk, {_line(order).pk: -1}, reason="other")
    with pytest.raises(ReturnError):
        request_return(order.pk, {999999: 1}, reason="other")
    assert not ReturnRequest.objects.exists()


def test_request_numbers_events_photo_and_auto_approval_by_the_market_rules():
    berlin, _ = warehouses()
    market = f.MarketFactory(code="eu")
    ReturnPolicy.objects.create(market=market, window_days=30, auto_approve_reasons=["wrong_size"])
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 2)], market=market)
    line = _line(order)
    first = request_return(order.pk, {line.pk: 1}, reason="wrong_size", comment="Too small",
                           photo=SimpleUploadedFile("shirt.png", _png(), "image/png"))
    assert first.number == f"{order.number}-R1" and first.status == ReturnStatus.APPROVED and first.warehouse == berlin
    assert first.photo.name and first.comment == "Too small"
    assert list(ReturnEvent.objects.filter(return_request=first).values_list("from_status", "to_status", "message")) == [
        ("", "requested", ""), ("requested", "approved", "approved by rule")]
    second = request_return(order.pk, {line.pk: 1}, reason="damaged")
    assert second.number == f"{order.number}-R2" and second.status == ReturnStatus.REQUESTED


def test_a_cancelled_or_unshipped_order_gets_no_return():
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)], status=OrderStatus.PAID)
    cancel_order(order.pk)
    with pytest.raises(ReturnError, match="cannot be returned"):
        request_return(order.pk, {_line(order).pk: 1}, reason="other")


def test_a_shipped_order_with_a_return_cannot_be_cancelled():
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)])
    request_return(order.pk, {_line(order).pk: 1}, reason="other")
    with pytest.raises(OrderError):
        cancel_order(order.pk)
    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED and ReturnRequest.objects.filter(order=order).count() == 1


# --- Where it goes back -----------------------------------------------------------------------------------------------

def test_a_japanese_buyer_of_goods_shipped_from_berlin_returns_to_osaka():
    berlin, osaka = warehouses()
    market = f.MarketFactory(code="jp", countries=["JP"], currency="JPY", default_country="JP", default_language="ja")
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)], market=market, destination="JP", currency="JPY",
                            shipping_address=JAPAN, language="ja")
    created = request_return(order.pk, {_line(order).pk: 1}, reason="wrong_size")
    assert created.warehouse == osaka


def test_nearest_warehouse_by_distance_when_none_is_in_the_country():
    berlin, osaka = warehouses()
    f.WarehouseFactory(code="nj", name="New Jersey", country="US", countries_served=["US"], latitude=40.7, longitude=-74.2,
                       accepts_returns=True, return_countries=["US", "CN", "CH"])
    assert return_warehouse("CN") == osaka  # Osaka is nearer China than New Jersey
    assert return_warehouse("CH") == berlin
    assert return_warehouse("DE") == berlin
    assert return_warehouse("BR") is None
    berlin.accepts_returns = False
    berlin.save()
    assert return_warehouse("DE") is None


# --- Exchanges ----------------------------------------------------------------------------------------------------

def test_an_exchange_reserves_the_other_size_and_a_refusal_releases_it():
    berlin, _ = warehouses()
    market = f.MarketFactory(code="eu")
    product = f.ProductFactory()
    small, large = f.ProductVariantFactory(product=product), f.ProductVariantFactory(product=product)
    on_sale(product, market)
    f.StockFactory(variant=large, warehouse=berlin, quantity=1)
    order = delivered_order(berlin, [(small, 1)], market=market)
    created = request_return(order.pk, {_line(order).pk: 1}, reason="wrong_size", resolution="exchange",
                             exchanges={_line(order).pk: large.pk})
    assert created.lines.get().exchange_variant == large
    held = Reservation.objects.get(reference=f"return:{created.pk}")
    assert held.quantity == 1 and held.stock.variant == large and held.expires_at > timezone.now() + timedelta(days=6)
    refuse_return(created.pk, "No", user=None)
    assert not Reservation.objects.filter(reference=f"return:{created.pk}").exists()


def test_an_exchange_needs_the_same_product_on_sale_and_in_stock():
    berlin, _ = warehouses()
    market = f.MarketFactory(code="eu")
    product = f.ProductFactory()
    small, large = f.ProductVariantFactory(product=product), f.ProductVariantFactory(product=product)
    other = f.ProductVariantFactory()
    order = delivered_order(berlin, [(small, 1)], market=market)
    line = _line(order)
    with pytest.raises(ReturnError, match="not for sale"):
        request_return(order.pk, {line.pk: 1}, reason="wrong_size", resolution="exchange", exchanges={line.pk: large.pk})
    on_sale(product, market)
    with pytest.raises(ReturnError, match="same product"):
        request_return(order.pk, {line.pk: 1}, reason="wrong_size", resolution="exchange", exchanges={line.pk: other.pk})
    with pytest.raises(ReturnError, match="out of stock"):
        request_return(order.pk, {line.pk: 1}, reason="wrong_size", resolution="exchange", exchanges={line.pk: large.pk})
    with pytest.raises(ReturnError, match="instead"):
        request_return(order.pk, {line.pk: 1}, reason="wrong_size", resolution="exchange")
    assert not ReturnRequest.objects.exists() and not Reservation.objects.exists()


# --- Staff ----------------------------------------------------------------------------------------------------------

def test_staff_approve_refuse_and_in_transit_each_with_an_event_illegal_moves_refused(admin_user):
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 2)])
    line = _line(order)
    first = request_return(order.pk, {line.pk: 1}, reason="damaged")
    with pytest.raises(ReturnError):
        mark_in_transit(first.pk)  # not approved yet
    approve_return(first.pk, "Photo shows the tear", user=admin_user)
    with pytest.raises(ReturnError):
        refuse_return(first.pk, "Too late", user=admin_user)  # decided already
    mark_in_transit(first.pk, "JJD0001")
    first.refresh_from_db()
    assert first.status == ReturnStatus.IN_TRANSIT and first.staff_note == "Photo shows the tear"
    assert list(first.events.values_list("to_status", "user")) == [
        ("requested", None), ("approved", admin_user.pk), ("in_transit", None)]
    second = request_return(order.pk, {line.pk: 1}, reason="other")
    with pytest.raises(ReturnError, match="why"):
        refuse_return(second.pk, "  ", user=admin_user)
    refuse_return(second.pk, "Used", user=admin_user)
    with pytest.raises(ReturnError):
        approve_return(second.pk, "", user=admin_user)
    assert ReturnRequest.objects.get(pk=second.pk).status == ReturnStatus.REFUSED


# --- E-mails ----------------------------------------------------------------------------------------------------------

def test_emails_in_german_once_per_step_with_instructions_and_the_staff_note(django_capture_on_commit_callbacks, admin_user):
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 2)], language="de")
    line = _line(order)
    with django_capture_on_commit_callbacks(execute=True):
        first = request_return(order.pk, {line.pk: 1}, reason="damaged")
    with django_capture_on_commit_callbacks(execute=True):
        approve_return(first.pk, "", user=admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        approve_return(first.pk, "", user=admin_user)  # a second press: no second e-mail
    assert len(mail.outbox) == 2
    requested, approved = mail.outbox
    assert first.number in requested.subject and requested.to == [order.email]
    assert "Lagerstraße 1" in approved.body and first.number in approved.body and "/de/" in approved.body
    with django_capture_on_commit_callbacks(execute=True):
        second = request_return(order.pk, {line.pk: 1}, reason="other")
    with django_capture_on_commit_callbacks(execute=True):
        refuse_return(second.pk, "Getragen und gewaschen", user=admin_user)
    refused = mail.outbox[-1]
    assert "Getragen und gewaschen" in refused.body and second.number in refused.subject


def test_emails_in_japanese_and_the_received_step(django_capture_on_commit_callbacks):
    from shop.services.returns.emails import send_return_email
    from shop.services.returns.status import move_return

    berlin, osaka = warehouses()
    market = f.MarketFactory(code="jp", countries=["JP"], currency="JPY", default_country="JP", default_language="ja")
    ReturnPolicy.objects.create(market=market, window_days=14, auto_approve_reasons=["wrong_size"])
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)], market=market, destination="JP", currency="JPY",
                            shipping_address=JAPAN, language="ja")
    with django_capture_on_commit_callbacks(execute=True):
        created = request_return(order.pk, {_line(order).pk: 1}, reason="wrong_size")
    assert [m.subject for m in mail.outbox] and len(mail.outbox) == 2
    assert "Namba" in mail.outbox[1].body and "/ja/" in mail.outbox[1].body
    move_return(created.pk, ReturnStatus.RECEIVED)
    assert send_return_email(created.pk, "received") is True
    assert send_return_email(created.pk, "received") is False
    assert created.number in mail.outbox[-1].subject
    assert send_return_email(created.pk, "refunded") is False  # the credit note's e-mail tells that
