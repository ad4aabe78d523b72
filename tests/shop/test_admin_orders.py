"""The merchant's order screens: list, detail with event log and tax rows, marking an offline payment received,
cancelling (stock back on sale); vouchers, shipping methods, reservations and allocations pages open."""

from decimal import Decimal

import pytest
from djmoney.money import Money

from fulfillment.models import Stock, Warehouse
from shop.models import Invoice, Order, OrderStatus
from tests import factories as f

from .checkout_helpers import buy, make_cart

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(markets):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=5)
    return buy(make_cart(markets["eu"], [(variant, 2)]))


def test_order_list_and_detail(admin_client, order):
    response = admin_client.get("/admin/shop/order/")
    assert response.status_code == 200 and order.number in response.content.decode()
    response = admin_client.get(f"/admin/shop/order/{order.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Order placed" in html  # the event log
    assert "Tax 19 %" in html
    assert not Invoice.objects.filter(order=order).exists()  # an unpaid bank transfer has no invoice yet
    assert "Bank transfer" in html and "Pending" in html  # the order's payment
    assert admin_client.get("/admin/shop/order/?q=" + order.number).status_code == 200


def test_mark_offline_payment_received(admin_client, order):
    response = admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]}, follow=True)
    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and order.paid_at is not None
    assert order.events.filter(kind="payment").exists()
    # A second time is refused with a message, not an error page.
    response = admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]}, follow=True)
    assert response.status_code == 200


def test_cancel_releases_stock(admin_client, order):
    stock = Stock.objects.get()
    assert stock.quantity_allocated == 2
    admin_client.post("/admin/shop/order/", {"action": "cancel_orders", "_selected_action": [order.pk]})
    stock.refresh_from_db()
    assert stock.quantity_allocated == 0
    assert Order.objects.get().status == OrderStatus.CANCELLED


def test_orders_cannot_be_deleted_or_added_by_hand(admin_client, order):
    assert admin_client.get("/admin/shop/order/add/").status_code == 403
    assert admin_client.get(f"/admin/shop/order/{order.pk}/delete/").status_code == 403


@pytest.mark.parametrize("path", ["/admin/shop/voucher/", "/admin/shop/voucher/add/", "/admin/shop/shippingmethod/",
                                  "/admin/shop/shippingmethod/add/", "/admin/shop/cart/", "/admin/shop/invoice/",
                                  "/admin/fulfillment/reservation/", "/admin/fulfillment/allocation/", "/admin/shop/address/"])
def test_back_office_pages_open(admin_client, order, path):
    assert admin_client.get(path).status_code == 200


def test_ship_and_deliver_follow_the_status_machine(admin_client, order):
    admin_client.post("/admin/shop/order/", {"action": "mark_delivered", "_selected_action": [order.pk]})
    assert Order.objects.get().status == OrderStatus.AWAITING_PAYMENT  # refused: not shipped yet
    admin_client.post("/admin/shop/order/", {"action": "mark_shipped", "_selected_action": [order.pk]})
    admin_client.post("/admin/shop/order/", {"action": "mark_delivered", "_selected_action": [order.pk]})
    assert Order.objects.get().status == OrderStatus.DELIVERED


def _offline_orders(markets, methods):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl-many")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=10)
    return [buy(make_cart(markets["eu"], [(variant, 1)], email=f"buyer{i}@example.com"), payment_method=method)
            for i, method in enumerate(methods)]


def test_staff_record_any_number_of_offline_payments(admin_client, markets):
    """Issue 9 #2: the fixed note "confirmed in admin" was stored as the payment's unique provider reference, so the
    second order marked paid answered 500."""
    from payments.models import Payment, PaymentStatus

    orders = _offline_orders(markets, ["bank_transfer", "cash_on_delivery", "bank_transfer"])
    for order in orders:  # one by one, as staff work through their bank statement
        response = admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]},
                                     follow=True)
        assert response.status_code == 200
        assert f"Paid: {order.number}" in response.content.decode()
    for order in orders:
        order.refresh_from_db()
        assert order.status == OrderStatus.PAID and order.paid_at is not None
        payment = Payment.objects.get(order=order)
        assert payment.status == PaymentStatus.CAPTURED and payment.amount_captured == order.total_gross


def test_marking_an_offline_payment_twice_is_a_clean_no_op(admin_client, markets):
    from payments.models import Payment

    first, second = _offline_orders(markets, ["bank_transfer", "cash_on_delivery"])
    admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [first.pk, second.pk]})
    events_before = list(first.events.values_list("pk", flat=True))
    response = admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [first.pk]},
                                 follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{first.number}: Its payment was already recorded; nothing changed." in html
    assert list(first.events.values_list("pk", flat=True)) == events_before  # nothing written
    assert Payment.objects.filter(order=first).count() == 1


def test_shipping_method_saves_in_admin_and_refuses_a_negative_price(admin_client, markets):
    """Saving a shipping method with its weight bands answered 500 (Django's MinValueValidator compared Money with 0)."""
    import re

    from shop.models import ShippingRate

    method = f.shipping_for(Warehouse.objects.get(code="de"), code="dhl-admin")
    page = admin_client.get(f"/admin/shop/shippingmethod/{method.pk}/change/").content.decode()
    form = page[page.index('id="shippingmethod_form"'):]
    form = form[: form.index("</form>")]
    data = {}
    for tag in re.findall(r"<(?:input|select|textarea)[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or "__prefix__" in name.group(1):
            continue
        kind = (re.search(r'type="([^"]+)"', tag) or [None, "text"])[1]
        if kind == "checkbox":
            if "checked" in tag:
                data.setdefault(name.group(1), [])
                data[name.group(1)] = (data[name.group(1)] if isinstance(data[name.group(1)], list) else []) + [
                    re.search(r'value="([^"]*)"', tag).group(1) if 'value="' in tag else "on"]
            continue
        if kind in ("submit", "button", "file"):
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name.group(1)] = value.group(1) if value else ""
    for select in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        if "__prefix__" in select.group(1):
            continue
        chosen = re.findall(r'<option value="([^"]*)"[^>]*selected', select.group(2))
        if chosen:
            data[select.group(1)] = chosen if "multiple" in form[select.start():select.start() + 300].split(">")[0] else chosen[0]
        else:
            data.pop(select.group(1), None)
    response = admin_client.post(f"/admin/shop/shippingmethod/{method.pk}/change/", data)
    assert response.status_code == 302, re.findall(r"errorlist[^>]*>(.*?)</ul>", response.content.decode(), re.S)[:5]
    assert ShippingRate.objects.filter(method=method).count() == 2
    price_field = next(k for k in data if k.endswith("-0-price_0"))
    response = admin_client.post(f"/admin/shop/shippingmethod/{method.pk}/change/", {**data, price_field: "-1"})
    assert response.status_code == 200
    assert "greater than or equal to" in response.content.decode()
    assert ShippingRate.objects.filter(method=method, price=Money(Decimal("-1"), "EUR")).count() == 0


def test_a_status_action_on_an_order_already_there_says_nothing_changed(admin_client, order):
    """'Mark as shipped' on a shipped order (or 'cancel' on a cancelled one) reported success a second time."""
    admin_client.post("/admin/shop/order/", {"action": "mark_payment_received", "_selected_action": [order.pk]}, follow=True)
    admin_client.post("/admin/shop/order/", {"action": "mark_shipped", "_selected_action": [order.pk]}, follow=True)
    events = order.events.count()
    response = admin_client.post("/admin/shop/order/", {"action": "mark_shipped", "_selected_action": [order.pk]}, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert any("nothing changed" in m and order.number in m for m in shown), shown
    assert not any(m.startswith("Shipped:") for m in shown), shown
    assert order.events.count() == events
