"""Issue 9 #3: stock held by orders no one will pay.

Cash on delivery from an unverified e-mail is confirmed by the buyer's signed link or by staff within
CARAVAN_COD_CONFIRM_HOURS, else the sweep cancels it and its stock goes back on sale; offline orders are invoiced when
paid or shipped (never when placed), and the invoice is e-mailed then; placing and starting checkout are rate-limited
per client; abandoned guest carts and expired sessions are cleaned by beat."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core import mail, signing
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone
from djmoney.money import Money

from fulfillment.models import Reservation, Stock, Warehouse
from shop.models import Cart, Counter, Invoice, Order, OrderEvent, OrderStatus
from shop.services import checkout
from shop.services.orders import cancel_unpaid_orders, change_status, cod_confirmation_token, mark_paid
from tests import factories as f

from .checkout_helpers import buy, config, make_cart

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(markets):
    """The last two units of a product, in the German warehouse."""
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20"), "EUR"))
    f.StockFactory(variant=variant, warehouse=de, quantity=2)
    return variant


def _place(markets, variant, method, *, capture, user=None, email="buyer@example.com", quantity=1):
    with capture(execute=True):
        return buy(make_cart(markets["eu"], [(variant, quantity)], email=email, user=user), payment_method=method)


def _confirm_link(message) -> str:
    match = re.search(r"https?://\S+/orders/confirm/[^/\s]+/", message.body)
    assert match, message.body
    return match.group(0)


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _allocated(variant) -> int:
    return Stock.objects.get(variant=variant).quantity_allocated


# --- Cash on delivery needs a confirmed e-mail ---------------------------------------------------------------------

def test_a_guests_cod_order_waits_for_confirmation_and_the_email_carries_the_link(markets, shelf, django_capture_on_commit_callbacks):
    order = _place(markets, shelf, "cash_on_delivery", capture=django_capture_on_commit_callbacks)
    order.refresh_from_db()
    assert order.needs_confirmation and order.confirmed_at is None and order.awaiting_confirmation
    message, = mail.outbox
    assert message.attachments == []  # no invoice yet
    html = message.alternatives[0][0]
    link = _confirm_link(message)
    assert link in html and "Confirm my order" in html
    assert "Please confirm your order within 24 hours: open this link and press “Confirm my order”." in message.body
    assert "You pay" in message.body and "on delivery" in message.body
    assert "Your invoice follows by e-mail once the order is paid or shipped." in message.body
    assert "is attached as a PDF" not in message.body


def test_opening_the_link_confirms_nothing_the_button_confirms_once(client, markets, shelf,
                                                                    django_capture_on_commit_callbacks):
    """A mail scanner or link prefetcher GETs the link: the page shows the order and a "Confirm my order" form (a
    CSRF-protected POST); only that POST confirms, and a second POST says it is confirmed already."""
    order = _place(markets, shelf, "cash_on_delivery", capture=django_capture_on_commit_callbacks)
    path = _path(_confirm_link(mail.outbox[0]))
    for _ in range(2):
        page = client.get(path)
        html = page.content.decode()
        assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
        assert order.number in html
        assert order.lines.get().product_name in html and "10115" in html
        assert re.search(r'<form method="post" action="' + re.escape(path) + r'">\s*<input type="hidden" name="csrfmiddlewaretoken"', html)
        assert "Confirm my order" in html and 'data-state="unconfirmed"' in html and "<script>" not in html
    order.refresh_from_db()
    assert order.confirmed_at is None and order.awaiting_confirmation
    assert not OrderEvent.objects.filter(order=order, message__startswith="Cash-on-delivery order confirmed").exists()
    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post(path).status_code == 403  # no CSRF token: refused, nothing confirmed
    order.refresh_from_db()
    assert order.confirmed_at is None
    response = client.post(path)
    assert response.status_code == 200 and 'data-state="confirmed"' in response.content.decode()
    order.refresh_from_db()
    confirmed_at = order.confirmed_at
    assert confirmed_at is not None and not order.awaiting_confirmation
    again = client.post(path)
    assert again.status_code == 200 and "is already confirmed" in again.content.decode()
    assert "Confirm my order" not in client.get(path).content.decode()
    order.refresh_from_db()
    assert order.confirmed_at == confirmed_at
    assert OrderEvent.objects.filter(order=order, message="Cash-on-delivery order confirmed by the buyer (e-mail link)").count() == 1
    # Confirmed: the sweep keeps it long after the deadline.
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(days=3))
    assert cancel_unpaid_orders() == []


def test_a_forged_or_expired_link_is_refused_cleanly(client, markets, shelf, django_capture_on_commit_callbacks, monkeypatch):
    order = _place(markets, shelf, "cash_on_delivery", capture=django_capture_on_commit_callbacks)
    path = _path(_confirm_link(mail.outbox[0]))
    forged_path = path[:-3] + "xx/"
    for forged in (client.get(forged_path), client.post(forged_path)):
        assert forged.status_code == 400 and "not valid" in forged.content.decode()
        assert "Confirm my order" not in forged.content.decode()
    assert client.get("/en/orders/confirm/%00/").status_code in (400, 404)
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 25 * 3600)  # a link made 25 hours ago
    old_token = cod_confirmation_token(order)
    monkeypatch.setattr(signing.time, "time", real_time)
    for expired in (client.get(reverse("shop:order-confirm", kwargs={"token": old_token})),
                    client.post(reverse("shop:order-confirm", kwargs={"token": old_token}))):
        assert expired.status_code == 400 and "expired" in expired.content.decode()
    order.refresh_from_db()
    assert order.confirmed_at is None
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.CANCELLED)
    cancelled = client.get(path)
    assert cancelled.status_code == 400 and "cancelled" in cancelled.content.decode()


def test_staff_confirm_in_admin(admin_client, markets, shelf, django_capture_on_commit_callbacks):
    order = _place(markets, shelf, "cash_on_delivery", capture=django_capture_on_commit_callbacks)
    response = admin_client.post("/admin/shop/order/", {"action": "confirm_cod_orders", "_selected_action": [order.pk]},
                                 follow=True)
    assert response.status_code == 200 and f"Confirmed: {order.number}" in response.content.decode()
    order.refresh_from_db()
    assert order.confirmed_at is not None
    event = OrderEvent.objects.get(order=order, message="Cash-on-delivery order confirmed by staff")
    assert event.user is not None and event.user.is_staff
    again = admin_client.post("/admin/shop/order/", {"action": "confirm_cod_orders", "_selected_action": [order.pk]}, follow=True)
    assert again.status_code == 200 and "Nothing to confirm" in again.content.decode()
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(days=3))
    assert cancel_unpaid_orders() == []


@override_settings(CARAVAN_COD_CONFIRM_HOURS=24)
def test_the_sweep_cancels_unconfirmed_cod_orders_and_releases_their_stock(client, markets, shelf,
                                                                           django_capture_on_commit_callbacks):
    order = _place(markets, shelf, "cash_on_delivery", capture=django_capture_on_commit_callbacks, quantity=2,
                   email="made.up@example.invalid")
    assert _allocated(shelf) == 2  # the last two units
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(hours=23))
    assert cancel_unpaid_orders() == []  # not yet
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(hours=25))
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_unpaid_orders() == [order.number]
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED and _allocated(shelf) == 0
    assert not Invoice.objects.exists() and not Counter.objects.filter(name="invoice").exists()  # no number used
    cancelled = mail.outbox[-1]
    assert "has been cancelled" in cancelled.body and "was not confirmed in time" in cancelled.body
    # The link, opened late, says the order is cancelled (no error page).
    response = client.get(_path(_confirm_link(mail.outbox[0])))
    assert response.status_code == 400 and "cancelled" in response.content.decode()


def test_a_signed_in_buyer_with_a_verified_email_needs_no_confirmation(markets, shelf, django_user_model,
                                                                        django_capture_on_commit_callbacks):
    user = django_user_model.objects.create_user("buyer", "buyer@example.com", "pw")
    EmailAddress.objects.create(user=user, email="buyer@example.com", verified=True, primary=True)
    order = _place(markets, shelf, "cash_on_delivery", capture=django_capture_on_commit_callbacks, user=user)
    order.refresh_from_db()
    assert not order.needs_confirmation and not order.awaiting_confirmation
    assert "/orders/confirm/" not in mail.outbox[0].body
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(days=3))
    assert cancel_unpaid_orders() == []


def test_an_account_whose_email_is_not_verified_confirms_like_a_guest(markets, shelf, django_user_model,
                                                                       django_capture_on_commit_callbacks):
    user = django_user_model.objects.create_user("new", "new@example.com", "pw")
    EmailAddress.objects.create(user=user, email="new@example.com", verified=False, primary=True)
    order = _place(markets, shelf, "cash_on_delivery", capture=django_capture_on_commit_callbacks, user=user,
                   email="new@example.com")
    order.refresh_from_db()
    assert order.needs_confirmation
    assert "/orders/confirm/" in mail.outbox[0].body


# --- Invoices when paid or shipped ---------------------------------------------------------------------------------

def test_an_unpaid_bank_transfer_uses_no_invoice_number_and_is_invoiced_when_paid(markets, shelf,
                                                                                   django_capture_on_commit_callbacks):
    order = _place(markets, shelf, "bank_transfer", capture=django_capture_on_commit_callbacks)
    assert not Invoice.objects.exists() and not Counter.objects.filter(name="invoice").exists()
    confirmation, = mail.outbox
    assert confirmation.attachments == [] and "DE89370400440532013000" in confirmation.body  # payment instructions
    assert "/orders/confirm/" not in confirmation.body  # only cash on delivery asks for a confirmation
    with django_capture_on_commit_callbacks(execute=True):
        mark_paid(order.pk)
    invoice = Invoice.objects.get(order=order)
    paid = mail.outbox[-1]
    assert "Payment received" in paid.subject
    assert [a[0] for a in paid.attachments] == [f"invoice-{invoice.number}.pdf"] and paid.attachments[0][1].startswith(b"%PDF")
    assert f"Your invoice {invoice.number} is attached as a PDF." in paid.body
    # Shipping it later sends no second invoice.
    with django_capture_on_commit_callbacks(execute=True):
        change_status(order.pk, OrderStatus.SHIPPED)
    assert len(mail.outbox) == 2 and Invoice.objects.count() == 1


def test_a_cod_order_is_invoiced_when_shipped_and_the_invoice_is_emailed(markets, shelf, django_capture_on_commit_callbacks):
    order = _place(markets, shelf, "cash_on_delivery", capture=django_capture_on_commit_callbacks)
    assert not Invoice.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        change_status(order.pk, OrderStatus.SHIPPED)  # staff ship it: that confirms it, too
    order.refresh_from_db()
    invoice = Invoice.objects.get(order=order)
    assert order.confirmed_at is not None and order.status == OrderStatus.SHIPPED
    sent = mail.outbox[-1]
    assert invoice.number in sent.subject and "is on its way" in sent.body
    assert [a[0] for a in sent.attachments] == [f"invoice-{invoice.number}.pdf"]
    with django_capture_on_commit_callbacks(execute=True):
        change_status(order.pk, OrderStatus.DELIVERED)
        mark_paid(order.pk, reference="carrier remittance")
    assert Invoice.objects.count() == 1 and len(mail.outbox) == 2  # collected on delivery: nothing new to send


# --- Rate limits -----------------------------------------------------------------------------------------------------

ADDRESS = {"email": "erika@example.com", "full_name": "Erika Mustermann", "line1": "Hauptstraße 5", "postcode": "10115",
           "city": "Berlin", "country": "DE"}


def _to_review(client, variant, ip):
    client.get("/en/?market=eu", REMOTE_ADDR=ip)
    client.post(reverse("shop:cart-add"), {"variant": variant.pk, "quantity": 1}, REMOTE_ADDR=ip)
    assert client.post(reverse("shop:checkout-address"), ADDRESS, REMOTE_ADDR=ip).status_code == 302
    shipping = client.get(reverse("shop:checkout-shipping"), REMOTE_ADDR=ip)
    method = shipping.context["quote"].shipping_options[0].method_id
    assert client.post(reverse("shop:checkout-shipping"), {"shipping_method": method}, REMOTE_ADDR=ip).status_code == 302
    assert client.post(reverse("shop:checkout-billing"), {"same_as_shipping": "on"}, REMOTE_ADDR=ip).status_code == 302
    return client.get(reverse("shop:checkout-review"), REMOTE_ADDR=ip)


@override_settings(CARAVAN_RATELIMIT_PLACE_ORDER="2/h")
def test_only_real_placement_attempts_count_against_the_place_limit(client, markets, shelf):
    """Bad POSTs (no cart, a stale cart, a form with errors) never count; the third real attempt is refused, the
    cart stays; another client is not affected."""
    first, other = "203.0.113.7", "198.51.100.9"
    for _ in range(5):  # no cart here: sent back to it, never refused
        assert client.post(reverse("shop:checkout-place"), {"cart": "x"}, REMOTE_ADDR=first).status_code == 302
    review = _to_review(client, shelf, first)
    data = {"cart": str(review.context["cart"].token), "payment_method": "bank_transfer",
            "expected_total": str(review.context["quote"].total_gross)}
    for _ in range(4):  # the terms not accepted: the form says so, nothing counts
        assert client.post(reverse("shop:checkout-place"), data, REMOTE_ADDR=first).status_code == 400
    tampered = {**data, "accept_terms": "on", "expected_total": "0.01"}  # valid form, a real attempt (refused by price)
    for _ in range(2):
        assert client.post(reverse("shop:checkout-place"), tampered, REMOTE_ADDR=first).status_code == 302
    refused = client.post(reverse("shop:checkout-place"), {**data, "accept_terms": "on"}, REMOTE_ADDR=first)
    assert refused.status_code == 429 and "Too many attempts" in refused.content.decode()
    assert "your cart is kept" in refused.content.decode()
    assert not Order.objects.exists() and Cart.objects.filter(lines__variant=shelf).exists()
    german = client.post("/de/checkout/place/", {**data, "accept_terms": "on"}, REMOTE_ADDR=first)
    assert german.status_code == 429 and '<html lang="de"' in german.content.decode()
    assert client.post(reverse("shop:checkout-place"), {**data, "accept_terms": "on"}, REMOTE_ADDR=other).status_code == 302
    assert Order.objects.count() == 1


@override_settings(CARAVAN_RATELIMIT_CHECKOUT="2/h")
def test_starting_checkout_counts_once_per_stock_hold_not_per_page_view(client, markets, shelf):
    """Page views, the country switch, invalid submissions and an empty cart never count; each new hold of the
    cart's stock does, and the third is refused with the cart kept."""
    ip = "203.0.113.8"
    for _ in range(3):  # no cart yet: back to the cart, not counted
        assert client.get(reverse("shop:checkout-address"), REMOTE_ADDR=ip).status_code == 302
    client.post(reverse("shop:cart-add"), {"variant": shelf.pk, "quantity": 1}, REMOTE_ADDR=ip)
    cart = Cart.objects.get()
    for _ in range(5):  # the first view holds the stock (counted once), the others keep that hold
        assert client.get(reverse("shop:checkout-address"), REMOTE_ADDR=ip).status_code == 200
    for _ in range(3):
        refresh = client.post(reverse("shop:checkout-address"), {**ADDRESS, "country": "FR", "refresh_country": "1"},
                              REMOTE_ADDR=ip)
        assert refresh.status_code == 200
        invalid = client.post(reverse("shop:checkout-address"), {**ADDRESS, "postcode": "1"}, REMOTE_ADDR=ip)
        assert invalid.status_code == 400
    assert client.post(reverse("shop:checkout-address"), ADDRESS, REMOTE_ADDR=ip).status_code == 302
    cart.refresh_from_db()
    checkout.release_cart_reservation(cart)  # the hold ran out: a new one is a new start (the second)
    assert client.get(reverse("shop:checkout-address"), REMOTE_ADDR=ip).status_code == 200
    cart.refresh_from_db()
    checkout.release_cart_reservation(cart)
    assert client.get(reverse("shop:checkout-address"), REMOTE_ADDR=ip).status_code == 429
    assert Cart.objects.filter(pk=cart.pk, lines__variant=shelf).exists()
    assert client.get(reverse("shop:cart"), REMOTE_ADDR=ip).status_code == 200


def test_a_cache_outage_lets_checkout_through(markets):
    """RATELIMIT_FAIL_OPEN, and a cache backend that raises (Redis down) is logged, not a 500."""
    from shop.views.checkout import _over_limit

    request = RequestFactory().post("/en/checkout/place/", REMOTE_ADDR="203.0.113.9")
    dead = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}}
    with override_settings(CACHES=dead):
        assert _over_limit(request, "place-order", "1/h") is False
        assert _over_limit(request, "place-order", "1/h") is False


# --- Beat: abandoned carts and expired sessions --------------------------------------------------------------------

@override_settings(CARAVAN_ABANDONED_CART_DAYS=30)
def test_abandoned_guest_carts_are_deleted_and_their_stock_released(markets, shelf, django_user_model):
    from shop import tasks

    old_guest = make_cart(markets["eu"], [(shelf, 1)])
    checkout.reserve_cart(old_guest, config())
    recent_guest = make_cart(markets["eu"], [(shelf, 1)])
    account = make_cart(markets["eu"], [(shelf, 1)], user=django_user_model.objects.create_user("u", "u@example.com", "pw"))
    long_ago = timezone.now() - timedelta(days=31)
    Cart.objects.filter(pk__in=[old_guest.pk, account.pk]).update(updated_at=long_ago)
    Reservation.objects.update(expires_at=timezone.now() + timedelta(days=1))  # still holding stock
    assert Reservation.objects.filter(reference=old_guest.reservation_reference).exists()
    assert tasks.delete_abandoned_carts_task.delay().get() == 1
    assert set(Cart.objects.values_list("pk", flat=True)) == {recent_guest.pk, account.pk}
    assert not Reservation.objects.filter(reference=old_guest.reservation_reference).exists()
    assert tasks.delete_abandoned_carts_task.delay().get() == 0


def test_expired_sessions_are_cleared(client):
    from shop import tasks

    now = timezone.now()
    Session.objects.create(session_key="a" * 32, session_data="e30:", expire_date=now - timedelta(days=1))
    Session.objects.create(session_key="b" * 32, session_data="e30:", expire_date=now + timedelta(days=1))
    tasks.clear_expired_sessions_task.delay().get()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]


def test_the_cleanups_are_in_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"shop.tasks.delete_abandoned_carts_task", "shop.tasks.clear_expired_sessions_task",
            "shop.tasks.cancel_unpaid_orders_task"} <= tasks
