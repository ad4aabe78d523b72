"""The parcel tracking pages on a phone (390×844) and a desktop, in a real browser: the guest's tracking link and the
account order page with two parcels, long carrier messages and a long tracking number; nothing scrolls sideways.
Screenshots go to /tmp/phone-shots/ (or $PHONE_SHOTS)."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from fulfillment.models import TrackingKind
from fulfillment.services import record_tracking_event
from shop.models import Order
from shop.selectors.orders import order_tracking_token
from tests.e2e.test_checkout import TIMEOUT_MS
from tests.fulfillment.tracking_helpers import mark_dispatched, shipped_order

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("PHONE_SHOTS", "/tmp/phone-shots"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def _ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


@pytest.fixture
def tracked_order(markets, django_user_model):
    order, (berlin, hamburg) = shipped_order(warehouses=("berlin", "hamburg"), dispatch=False, language="de")
    first = order.lines.order_by("pk").first()
    order.lines.exclude(pk=first.pk).update(unit_net=0, unit_gross=0, total_net=0, total_gross=0, tax_rate=0)
    mark_dispatched(berlin, at=_ago(days=3), tracking_number="JJD0001234567890123456789")
    record_tracking_event(berlin.pk, TrackingKind.PICKED_UP, at=_ago(days=3), location="Berlin-Tempelhof")
    record_tracking_event(berlin.pk, TrackingKind.IN_TRANSIT, at=_ago(days=2), location="Internationales Paketzentrum Leipzig-Radefeld")
    record_tracking_event(berlin.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(days=1), location="Zollamt Frankfurt",
                          message="Die Sendung wird einer Zollkontrolle unterzogen; Unterlagen wurden beim Empfänger angefordert. " * 2)
    record_tracking_event(berlin.pk, TrackingKind.CUSTOMS_CLEARED, at=_ago(hours=5), location="Zollamt Frankfurt",
                          estimated_delivery=berlin.promised_latest + timedelta(days=2))
    buyer = django_user_model.objects.create_user("hanna", "hanna@example.com", "wander-far-37-caravans")
    Order.objects.filter(pk=order.pk).update(user=buyer)
    return order, buyer


def _check(page, width, name):
    page.wait_for_load_state()
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{name} at {width}px scrolls sideways: {scroll} > {inner}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{width}-{name}.png"), full_page=True)


def test_tracking_pages_fit_a_phone_and_a_desktop(browser, live_server, tracked_order):
    order, buyer = tracked_order
    token = order_tracking_token(order)
    client = Client()
    client.force_login(buyer)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    for viewport in (PHONE, DESKTOP):
        width = viewport["width"]
        for language in ("de", "ja"):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            try:
                page.goto(f"{live_server.url}/{language}/orders/track/{token}/")
                assert page.locator(".parcel").count() == 2
                assert page.locator("#parcel-1 .tracking-event").count() == 4
                assert page.locator("#parcel-1 .tracking-event").first.get_attribute("class").endswith("event-customs_cleared")
                _check(page, width, f"tracking-guest-{language}")
                if language == "de":
                    assert "Paket 1 von 2 aus Berlin" in page.locator("#parcel-1 h3").inner_text()
                    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie, "url": live_server.url}])
                    page.goto(f"{live_server.url}/de/account/orders/{order.number}/")
                    assert page.locator(".parcel").count() == 2
                    _check(page, width, "tracking-account-de")
            finally:
                context.close()
