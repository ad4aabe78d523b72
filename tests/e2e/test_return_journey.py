"""Issue 12's browser test: a Japanese buyer (guest link) returns one of two items shipped from Osaka, the Osaka
warehouse receives it at the returns desk by scanning it, the refund lands at localstripe, and the buyer's order page
then shows the credit note (its PDF downloads). Screenshots in test-artifacts/."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client

from payments.models import Payment, Refund
from payments.money import to_minor_units
from shop.models import CreditNote, ReturnRequest, ReturnStatus
from shop.selectors.orders import order_tracking_token
from tests import factories as f
from tests.e2e.test_checkout import TIMEOUT_MS
from tests.shop.refund_helpers import set_policy
from tests.shop.returns_helpers import delivered_order, warehouses

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
JAPAN = {"full_name": "山田花子", "company": "", "line1": "丸の内1-1-1", "line2": "", "postcode": "100-0005", "city": "千代田区",
         "region": "東京都", "country": "JP", "phone": ""}


def test_a_japanese_buyer_returns_one_item_and_sees_the_credit_note(browser, live_server, settings, stripe_client, localstripe_url,
                                                                   django_user_model):
    settings.STRIPE_SECRET_KEY = "sk_test_caravan"
    settings.STRIPE_API_BASE = localstripe_url
    f.create_rates()
    _berlin, osaka = warehouses()
    jp = f.MarketFactory(code="jp", currency="JPY", countries=["JP"], default_country="JP", default_language="ja",
                         name_en="Japan", name_ja="日本")
    set_policy(jp, window_days=14, auto_approve_reasons=["wrong_size"])
    bowl = f.ProductVariantFactory(product__name_en="Tea bowl", product__name_ja="茶碗", sku="BOWL-1")
    cup = f.ProductVariantFactory(product__name_en="Cup", product__name_ja="湯呑み", sku="CUP-1")
    order = delivered_order(osaka, [(bowl, 1), (cup, 1)], market=jp, destination="JP", language="ja", currency="JPY",
                            shipping_address=JAPAN, payment_method="stripe")
    # Whole yen: the bowl 3 300 (10 % tax), the cup 1 100, shipping 700.
    from fulfillment.models import Consignment
    from shop.models import OrderLine

    for variant, gross, net in ((bowl, 3300, 3000), (cup, 1100, 1000)):
        OrderLine.objects.filter(order=order, variant=variant).update(unit_gross=gross, unit_net=net, total_gross=gross, total_net=net,
                                                                      tax_rate=10)
    Consignment.objects.filter(order=order).update(shipping_gross=700, shipping_net=636, shipping_tax_rate=10)
    type(order).objects.filter(pk=order.pk).update(subtotal_gross=4400, subtotal_net=4000, shipping_gross=700, shipping_net=636,
                                                   shipping_tax_rate=10, total_gross=5100, total_net=4636, total_tax=464,
                                                   total_gross_base=Decimal("31.88"), total_net_base=Decimal("28.98"),
                                                   fx_rate=Decimal("160"))
    order.refresh_from_db()
    intent = stripe_client.payment_intents.create(params={"amount": to_minor_units(order.total_gross, "JPY"), "currency": "jpy",
                                                          "payment_method": "pm_card_visa"})
    stripe_client.payment_intents.confirm(intent.id)
    payment = Payment.objects.create(order=order, provider="stripe", currency="JPY", amount=order.total_gross,
                                     amount_captured=order.total_gross, status="captured", provider_reference=intent.id,
                                     idempotency_key=f"order-{order.pk}-stripe")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    token = order_tracking_token(order)
    bowl_line = order.lines.get(variant=bowl)

    buyer = browser.new_context(viewport={"width": 390, "height": 844})
    page = buyer.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{live_server.url}/ja/orders/track/{token}/")
        page.click("#return-items")
        page.select_option(f"select[name=qty_{bowl_line.pk}]", "1")
        page.select_option("select[name=reason]", "wrong_size")
        page.check("input[name=resolution][value=refund]")
        page.click(".return-form button[type=submit]")
        page.wait_for_load_state()
        number = page.locator("#return-number").inner_text().strip()
        page.screenshot(path=str(ARTIFACTS / "return-ja-requested.png"), full_page=True)
    finally:
        buyer.close()
    request = ReturnRequest.objects.get(order=order)
    assert request.number in number and request.status == ReturnStatus.APPROVED and request.warehouse == osaka

    staff = django_user_model.objects.create_superuser("osaka", "osaka@example.com", "returns-desk-2026")
    client = Client()
    client.force_login(staff)
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    desk.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                       "url": live_server.url}])
    page = desk.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{live_server.url}/admin/shop/returntoreceive/?q={request.number}")
        page.get_by_role("link", name="Receive", exact=True).first.click()
        scan = page.locator("input[data-scan]")
        scan.fill("BOWL-1")
        scan.press("Enter")
        assert page.locator("input[data-sku='BOWL-1']").input_value() == "1"
        page.screenshot(path=str(ARTIFACTS / "return-desk-osaka.png"), full_page=True)
        page.get_by_role("button", name="Book what arrived").click()
        page.wait_for_load_state()
        note = CreditNote.objects.get(return_request=request)
        assert note.number in page.content()
    finally:
        desk.close()

    refund = Refund.objects.get(payment=payment)
    assert refund.status == "succeeded" and refund.amount == note.total_gross - note.fees
    at_stripe = stripe_client.refunds.retrieve(refund.provider_reference)
    assert at_stripe.amount == to_minor_units(refund.amount, "JPY") and at_stripe.payment_intent == intent.id
    assert note.total_gross == bowl_line.total_gross  # one of two items: its price, no shipping

    buyer = browser.new_context(viewport={"width": 390, "height": 844})
    page = buyer.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{live_server.url}/ja/orders/track/{token}/")
        link = page.get_by_role("link", name=note.number)
        href = link.get_attribute("href")
        response = page.request.get(live_server.url + href)
        assert response.status == 200 and response.body().startswith(b"%PDF")
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner
        page.screenshot(path=str(ARTIFACTS / "return-ja-credit-note.png"), full_page=True)
    finally:
        buyer.close()
    assert Decimal(ReturnRequest.objects.get(pk=request.pk).refund_amount) == refund.amount
