"""Issue 11's browser test: a paid German order and a Japanese order, each split across Berlin and Osaka, are picked
(SKUs scanned into the desk's field), packed, labelled and dispatched from the packing desk in admin; then the
buyers' pages show both parcels with their timelines. Screenshots in test-artifacts/."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from fulfillment.models import Consignment, ConsignmentStatus, PackagingType, StockMove, TrackingKind
from fulfillment.services import record_tracking_event
from shop.models import Order, OrderStatus
from shop.selectors.orders import order_tracking_token
from shop.services.orders import mark_paid
from tests.e2e.test_checkout import TIMEOUT_MS
from tests.shop.checkout_helpers import buy, make_cart
from tests.shop.test_consignment_checkout import split_shop  # noqa: F401  (fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))


@pytest.fixture
def two_split_orders(split_shop, django_user_model):  # noqa: F811
    shop = split_shop
    for warehouse, address, language in ((shop["de"], "Caravan Lager\nLahnstraße 30\n12055 Berlin", "de"),
                                         (shop["jp"], "〒559-0034\n大阪市住之江区南港北1-2-3", "ja")):
        warehouse.name, warehouse.address, warehouse.language = warehouse.city, address, language
        warehouse.save()
    for variant, hs_code, origin, description in ((shop["shirt"], "620520", "PT", "Men's linen shirt, woven"),
                                                  (shop["scarf"], "611710", "JP", "Wool scarf, knitted")):
        variant.hs_code, variant.origin_country, variant.customs_description_en = hs_code, origin, description
        variant.customs_description_ja = "ウールのマフラー" if variant == shop["scarf"] else "リネンのシャツ"
        variant.ean = "4006381333931" if variant == shop["scarf"] else ""
        variant.save()
    PackagingType.objects.create(code="repack", name="RePack mailer", is_reusable=True, length_mm=350, width_mm=250, height_mm=80,
                                 tare_grams=120)
    erika = django_user_model.objects.create_user("erika", "erika@example.com", "wander-far-37-caravans")
    german = buy(make_cart(shop["markets"]["eu"], [(shop["shirt"], 2), (shop["scarf"], 1)], email="erika@example.com", user=erika),
                 language="de")
    japanese = buy(make_cart(shop["markets"]["jp"], [(shop["scarf"], 2), (shop["shirt"], 1)], country="JP",
                             email="hanako@example.com"), language="ja")
    for order in (german, japanese):
        mark_paid(order.pk, reference="bank")
        assert Consignment.objects.filter(order=order, status=ConsignmentStatus.READY).count() == 2
    admin = django_user_model.objects.create_superuser("warehouse", "wh@example.com", "pick-pack-ship-2026")
    return german, japanese, erika, admin


def _session(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _morning(page, base: str, warehouse, shop, name: str) -> None:
    """Pick list → pick by scanning → pack → dispatch → labels, for one warehouse, as staff click it."""
    page.goto(f"{base}/admin/fulfillment/consignment/desk/{warehouse.pk}/")
    page.get_by_role("button", name="Make a pick list").click()
    cards = page.locator("#stage-pick form.desk-card")
    assert cards.count() == 2
    page.screenshot(path=str(ARTIFACTS / f"desk-{name}-pick.png"), full_page=True)
    for _ in range(2):
        card = page.locator("#stage-pick form.desk-card").first
        number = card.locator("h3").inner_text().split(" ·")[0]
        consignment = Consignment.objects.get(number=number)
        scan = card.locator("input[data-scan]")
        for line in consignment.lines.all():
            for _unit in range(line.quantity):
                scan.fill(line.ean or line.sku)  # the scarf by its EAN, the shirt by its SKU
                scan.press("Enter")
            assert card.locator(f'input[data-sku="{line.sku}"]').input_value() == str(line.quantity)
        card.get_by_role("button", name="Confirm picked quantities").click()
        page.wait_for_load_state()
    assert page.locator("#stage-pack form.desk-card").count() == 2
    for _ in range(2):
        card = page.locator("#stage-pack form.desk-card").first
        card.locator("select[name=packaging]").select_option(label="RePack mailer ♻ reusable / eco")
        card.get_by_role("button", name="Packed").click()
        page.wait_for_load_state()
    page.screenshot(path=str(ARTIFACTS / f"desk-{name}-dispatch.png"), full_page=True)
    for _ in range(2):
        card = page.locator("#stage-dispatch form.desk-card").first
        number = card.locator("h3").inner_text().split(" ·")[0]
        consignment = Consignment.objects.get(number=number)
        if consignment.needs_customs:  # the customs papers are there before it leaves
            for link in ("Commercial invoice", "CN23"):
                href = card.get_by_role("link", name=link).get_attribute("href")
                response = page.request.get(base + href)
                assert response.status == 200 and response.body().startswith(b"%PDF")
        card.locator("input[name=tracking_number]").fill(f"JJD{consignment.pk:010d}")
        card.get_by_role("button", name="Dispatch").click()
        page.wait_for_load_state()
    done = page.locator("#stage-done")
    assert done.locator("tr").count() == 2
    for href in done.get_by_role("link", name="Labels").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        response = page.request.get(base + href)
        assert response.status == 200 and response.body().startswith(b"%PDF")
    page.screenshot(path=str(ARTIFACTS / f"desk-{name}-done.png"), full_page=True)


def test_a_warehouse_morning_in_admin_and_the_buyers_see_their_parcels(browser, live_server, two_split_orders, split_shop):  # noqa: F811
    german, japanese, erika, admin = two_split_orders
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": _session(admin), "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        for warehouse, name in ((split_shop["de"], "berlin"), (split_shop["jp"], "osaka")):
            _morning(page, live_server.url, warehouse, split_shop, name)
    finally:
        context.close()

    for order in (german, japanese):
        order.refresh_from_db()
        assert order.status == OrderStatus.SHIPPED
        assert set(order.consignments.values_list("status", flat=True)) == {ConsignmentStatus.DISPATCHED}
    assert StockMove.objects.filter(reason=StockMove.Reason.DISPATCH).count() == 4
    for consignment in Consignment.objects.filter(order__in=[german, japanese]):
        record_tracking_event(consignment.pk, TrackingKind.PICKED_UP, location=consignment.warehouse.city)
        if consignment.needs_customs:
            record_tracking_event(consignment.pk, TrackingKind.CUSTOMS_HOLD, location="Customs")
    berlin_to_germany = Consignment.objects.get(order=german, warehouse=split_shop["de"])
    record_tracking_event(berlin_to_germany.pk, TrackingKind.DELIVERED, location="Berlin")

    buyer = browser.new_context(viewport={"width": 390, "height": 844})
    buyer.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": _session(erika), "url": live_server.url}])
    page = buyer.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{live_server.url}/de/account/orders/{german.number}/")
        parcels = page.locator(".parcel")
        assert parcels.count() >= 2
        text = page.locator("#parcels-heading").locator("xpath=..").inner_text()
        assert "Berlin" in text and "Osaka" in text and "JJD" in text
        assert page.locator(".tracking-event").count() == 4  # picked up ×2, customs hold, delivered
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner
        page.screenshot(path=str(ARTIFACTS / "parcels-de-account.png"), full_page=True)

        page.goto(f"{live_server.url}/ja/orders/track/{order_tracking_token(japanese)}/")
        text = page.locator("#parcels-heading").locator("xpath=..").inner_text()
        assert "Osaka" in text and "Berlin" in text and japanese.number in page.content()
        assert page.locator(".tracking-event").count() == 3  # picked up ×2, customs hold (Berlin → Japan)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner
        page.screenshot(path=str(ARTIFACTS / "parcels-ja-guest.png"), full_page=True)
    finally:
        buyer.close()
    assert Order.objects.get(pk=german.pk).status == OrderStatus.SHIPPED  # one of two parcels delivered
    assert Decimal(german.shipping_gross) == sum((c.shipping_gross for c in german.consignments.all()), Decimal(0))
