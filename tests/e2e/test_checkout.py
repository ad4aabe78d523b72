"""The buy path in a real browser (Playwright driving Debian's Chromium, headless): product page → cart →
checkout (address, shipping, billing, review) → confirmation, as a German guest in EUR and as a signed-in
Japanese buyer in yen."""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from djmoney.money import Money

from fulfillment.models import Warehouse
from shop.models import Address, Order
from shop.money import format_money
from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
VIEWPORT = {"width": 1280, "height": 900}
PASSWORD = "wander-far-37-caravans"
TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _short_timeouts(page):
    page.set_default_timeout(TIMEOUT_MS)
    page.set_default_navigation_timeout(TIMEOUT_MS)


def _shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")  # else the sticky header is painted mid-page in a full-page shot
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _add_to_cart(page, url):
    """Open a product page and add one with the htmx button; wait until the header's mini-cart count changes."""
    page.goto(url)
    count = page.locator("#mini-cart-count")
    before = int(count.inner_text())
    url_before = page.url
    page.locator("#add-button").click()
    page.wait_for_function(
        "n => Number(document.getElementById('mini-cart-count').textContent) > n", arg=before, timeout=TIMEOUT_MS
    )
    assert page.url == url_before  # no reload
    return int(count.inner_text())


def _go_to_checkout(page, lang):
    page.locator("a.mini-cart", has=page.locator("#mini-cart-count")).click()
    page.wait_for_url(f"**/{lang}/cart/")
    page.locator(f'#cart a[href="/{lang}/checkout/"]').click()
    page.wait_for_url(f"**/{lang}/checkout/")


def _fill_german_address(page, email, postcode="10115"):
    page.fill("#id_email", email)
    page.fill("#id_full_name", "Erika Mustermann")
    page.fill("#id_line1", "Hauptstraße 5")
    page.fill("#id_postcode", postcode)
    page.fill("#id_city", "Berlin")
    page.select_option("#id_country", "DE")


def _submit_step(page):
    page.locator(".checkout-main form.stacked button[type=submit].primary").click()
    page.wait_for_load_state()


@pytest.fixture
def eu_shop(markets):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl", name="Standard", carrier="DHL", min_days=2, max_days=4)
    f.shipping_for(de, (5000, Decimal("12.00"), "EUR"), code="express", name="Express", carrier="UPS", min_days=1, max_days=1)
    a = f.ProductVariantFactory(product__name_de="Leinenhemd", base_price=Money(Decimal("25.20"), "EUR"), weight_grams=300)
    b = f.ProductVariantFactory(product__name_de="Wollschal", base_price=Money(Decimal("16.80"), "EUR"), weight_grams=200)
    f.StockFactory(variant=a, warehouse=de, quantity=5)
    f.StockFactory(variant=b, warehouse=de, quantity=5)
    return {"a": a, "b": b}


@pytest.mark.browser_context_args(locale="de-DE", viewport=VIEWPORT)
def test_guest_buys_two_products_in_german_by_bank_transfer(page, live_server, eu_shop):
    base = live_server.url
    email = "erika@example.com"

    # Two products from their pages (EU market, EUR), each added without a reload.
    assert _add_to_cart(page, f"{base}/de/p/{eu_shop['a'].product.slug}/") == 1
    assert "€" in page.locator("#price").inner_text()
    assert page.locator("html").get_attribute("lang") == "de"
    assert _add_to_cart(page, f"{base}/de/p/{eu_shop['b'].product.slug}/") == 2

    # Cart → "check out" (found by its link target while the label may still be untranslated).
    _go_to_checkout(page, "de")

    # Address: first with a postcode that is not German; the error shows and what was typed stays.
    _fill_german_address(page, email, postcode="1011")
    _submit_step(page)
    assert re.search(r"/de/checkout/$", page.url), page.url
    errors = page.locator(".errorlist")
    assert errors.count() >= 1, page.content()[:3000]
    assert errors.first.is_visible()
    assert page.locator("#id_postcode").locator("xpath=..").locator(".errorlist").count() == 1
    assert page.input_value("#id_line1") == "Hauptstraße 5"
    assert page.input_value("#id_full_name") == "Erika Mustermann"
    assert page.input_value("#id_email") == email
    _shot(page, "checkout-de-eu-address-error.png")

    page.fill("#id_postcode", "10115")
    _submit_step(page)
    page.wait_for_url("**/de/checkout/shipping/")

    # Shipping: two options from the Berlin warehouse; choose the standard one.
    options = page.locator('input[name="shipping_method"]')
    assert options.count() == 2
    page.locator("label.option", has_text="DHL").locator('input[name="shipping_method"]').check()
    _submit_step(page)
    page.wait_for_url("**/de/checkout/billing/")

    # Billing: keep "same as shipping".
    assert page.locator("#id_same_as_shipping").is_checked()
    _submit_step(page)
    page.wait_for_url("**/de/checkout/review/")

    # Review.
    review_total = page.locator("#review-total").inner_text()
    assert "€" in review_total
    assert page.locator("#summary-total").inner_text() == review_total
    assert review_total in page.locator("#place-order").inner_text()
    assert page.locator(".review-lines tbody tr").count() == 2
    page.locator("#id_accept_terms").check()
    page.locator('input[name="payment_method"][value="bank_transfer"]').check()
    _shot(page, "checkout-de-eu-review.png")
    page.locator("#place-order").click()
    page.wait_for_url("**/de/checkout/done/**")

    # Confirmation: the order the server placed, at the total the review page showed.
    order = Order.objects.get()
    assert page.url.endswith(f"/de/checkout/done/{order.number}/")
    assert format_money(order.total_gross, order.currency, "de") == review_total
    # 25.20 net → 29.99 gross, 16.80 → 19.99, DHL 4.20 → 4.99 (EU: .99 endings, 19 % VAT)
    assert order.total_gross == Decimal("54.97")
    assert order.currency == "EUR" and order.language == "de" and order.email == email and order.user is None
    assert order.payment_method == "bank_transfer"
    assert order.number in page.locator(".order-number").inner_text()
    instructions = page.locator(".payment-instructions").inner_text()
    assert "DE89370400440532013000" in instructions
    assert review_total in instructions and order.number in instructions
    _shot(page, "checkout-de-eu-done.png")

    # The confirmation e-mail went out once (Celery eager, after commit), to the buyer, naming the order.
    mine = [m for m in mail.outbox if email in m.to]
    assert len(mine) == 1, [(m.to, m.subject) for m in mail.outbox]
    assert order.number in mine[0].subject

    # The header's cart is empty again.
    assert page.locator("#mini-cart-count").inner_text() == "0"


@pytest.fixture
def jp_shop(markets):
    jp = Warehouse.objects.get(code="jp")
    f.shipping_for(jp, (5000, Decimal("700"), "JPY"), code="yamato", carrier="Yamato")
    variant = f.ProductVariantFactory(product__name_ja="木綿の手ぬぐい", base_price=Money(Decimal("10.00"), "EUR"), weight_grams=100)
    f.StockFactory(variant=variant, warehouse=jp, quantity=5)
    email = "hanako@example.jp"
    user = get_user_model().objects.create_user("hanako", email, PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Address.objects.create(
        user=user, full_name="山田 花子", line1="丸の内1-1-1", postcode="100-0001", city="千代田区", region="東京都",
        country="JP", phone="03-1234-5678", is_default=True,
    )
    return {"variant": variant, "user": user}


@pytest.mark.browser_context_args(locale="ja-JP", viewport=VIEWPORT)
def test_signed_in_buyer_buys_in_japanese_yen(page, live_server, jp_shop):
    base = live_server.url
    user = jp_shop["user"]

    # Sign in with e-mail and password.
    page.goto(f"{base}/ja/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/ja/account/")
    assert page.locator(".account-link").count() == 1

    # Japan market with the switcher.
    page.goto(f"{base}/ja/")
    page.locator("#market-switcher summary").click()
    page.locator('#market-switcher a[data-market="jp"]').click()
    page.wait_for_load_state()
    assert "JPY" in page.locator("#market-switcher summary").inner_text()

    # One product, priced in yen.
    assert _add_to_cart(page, f"{base}/ja/p/{jp_shop['variant'].product.slug}/") == 1
    assert page.locator("#price").inner_text().startswith("￥")
    _go_to_checkout(page, "ja")

    # The address form comes filled from the saved Japanese address, with Japan's fields: no city line (the city
    # leads the address), the prefecture from the list.
    assert page.input_value("#id_email") == user.email
    assert page.input_value("#id_full_name") == "山田 花子"
    assert page.input_value("#id_line1") == "千代田区丸の内1-1-1"
    assert page.input_value("#id_postcode") == "100-0001"
    assert page.locator("#id_city").count() == 0
    assert page.input_value("#id_region") == "東京都"
    assert page.input_value("#id_country") == "JP"
    _submit_step(page)
    page.wait_for_url("**/ja/checkout/shipping/")

    # Shipping from the Japan warehouse with Yamato.
    option = page.locator("label.option", has_text="Yamato")
    assert option.count() == 1
    assert option.locator(".option-price").inner_text().startswith("￥")
    option.locator('input[name="shipping_method"]').check()
    _submit_step(page)
    page.wait_for_url("**/ja/checkout/billing/")
    assert page.locator("#id_same_as_shipping").is_checked()
    _submit_step(page)
    page.wait_for_url("**/ja/checkout/review/")

    # Review: yen amounts, whole units, no decimals.
    review_total = page.locator("#review-total").inner_text()
    amounts = re.findall(r"￥[\d,.]+", page.locator(".checkout-main").inner_text())
    assert amounts, page.locator(".checkout-main").inner_text()
    for amount in amounts:
        assert re.fullmatch(r"￥\d{1,3}(,\d{3})*", amount), amount
    assert re.fullmatch(r"￥\d{1,3}(,\d{3})*", review_total), review_total
    page.locator("#id_accept_terms").check()
    page.locator('input[name="payment_method"][value="cash_on_delivery"]').check()
    _shot(page, "checkout-ja-jp-review.png")
    page.locator("#place-order").click()
    page.wait_for_url("**/ja/checkout/done/**")

    order = Order.objects.get()
    assert page.url.endswith(f"/ja/checkout/done/{order.number}/")
    assert order.number in page.locator(".order-number").inner_text()
    assert review_total in page.locator("main").inner_text()
    assert page.locator(".payment-instructions").count() == 0  # cash on delivery: nothing to transfer
    _shot(page, "checkout-ja-jp-done.png")

    assert order.currency == "JPY" and order.language == "ja" and order.user_id == user.pk
    assert order.payment_method == "cash_on_delivery"
    assert order.shipping_address["country"] == "JP" and order.shipping_address["postcode"] == "100-0001"
    assert format_money(order.total_gross, "JPY", "ja") == review_total
    for amount in (order.total_gross, order.total_net, order.total_tax, order.shipping_gross, order.shipping_net,
                   *(line.unit_gross for line in order.lines.all()), *(line.total_gross for line in order.lines.all())):
        assert amount == amount.to_integral_value(), amount
    # 10.00 EUR × 160 = 1,600 net + 10 % = 1,760; Yamato 700 + 10 % = 770.
    assert order.total_gross == Decimal("2530")

    # The order is in the account's history.
    page.goto(f"{base}/ja/account/")
    history = page.locator(".account-orders")
    assert history.locator("a", has_text=order.number).count() == 1
    assert review_total in history.inner_text()
    _shot(page, "account-ja-jp-orders.png")
