"""The buyer's return pages on a phone (390×844) in a real browser: the guest link's order page, the form (choose
a quantity, a reason, exchange for another size), the return's page with where to send it and the label link, and
the order page's timeline; nothing scrolls sideways. Screenshots go to /tmp/phone-shots/ (or $PHONE_SHOTS)."""

import os
from pathlib import Path

import pytest

from shop.models import ReturnRequest
from shop.selectors.orders import order_tracking_token
from tests import factories as f
from tests.e2e.test_checkout import TIMEOUT_MS
from tests.shop.returns_helpers import delivered_order, on_sale, warehouses

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("PHONE_SHOTS", "/tmp/phone-shots"))
PHONE = {"width": 390, "height": 844}


def _check(page, name):
    page.wait_for_load_state()
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{name} scrolls sideways: {scroll} > {inner}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"390-{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["de", "ja"])
def test_return_pages_fit_a_phone(browser, live_server, language):
    berlin, _ = warehouses()
    market = f.MarketFactory(code="eu")
    product = f.ProductFactory(name_en="Merino hiking jacket with a rather long name for a small screen")
    small = f.ProductVariantFactory(product=product, sku="JACKET-MERINO-SMALL-0001")
    large = f.ProductVariantFactory(product=product, sku="JACKET-MERINO-LARGE-0002")
    on_sale(product, market)
    f.StockFactory(variant=large, warehouse=berlin, quantity=2)
    order = delivered_order(berlin, [(small, 2), (f.ProductVariantFactory(product=f.ProductFactory(is_returnable=False)), 1)],
                            market=market, language=language)
    token = order_tracking_token(order)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{live_server.url}/{language}/orders/track/{token}/")
        _check(page, f"returns-order-{language}")
        page.click("#return-items")
        _check(page, f"returns-form-{language}")
        line = order.lines.order_by("pk").first()
        page.select_option(f"select[name=qty_{line.pk}]", "1")
        page.select_option("select[name=reason]", "wrong_size")
        page.check("input[name=resolution][value=exchange]")
        page.select_option(f"select[name=exchange_{line.pk}]", str(large.pk))
        page.fill("textarea[name=comment]", "Zu eng an den Schultern. " * 8)
        page.click(".return-form button[type=submit]")
        page.wait_for_load_state()
        if not page.locator("#return-number").count():
            page.screenshot(path="/tmp/phone-shots/fail.png", full_page=True)
            raise AssertionError(page.inner_text("main") if page.locator("main").count() else page.content()[:3000])
        created = ReturnRequest.objects.get()
        assert page.inner_text("#return-number") == created.number
        assert "Lahnstraße" not in page.inner_text("#return-address")  # the test warehouse's own address
        assert "Lagerstraße 1" in page.inner_text("#return-address")
        _check(page, f"returns-detail-{language}")
        page.goto(f"{live_server.url}/{language}/orders/track/{token}/")
        assert page.locator(f"#return-{created.number} .timeline li").count() >= 1
        _check(page, f"returns-order-after-{language}")
    finally:
        context.close()
