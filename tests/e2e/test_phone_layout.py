"""Every storefront page at 390×844 (a phone) and at 1280×800, in one real browser (Playwright driving Debian's
Chromium, headless; one page per width): nothing scrolls sideways, the phone header is two rows with a menu, the
category filters are a closed drawer on phones, a product's price and add-to-cart button are on the first screen,
and choosing a variant shows its picture. Screenshots of every page go to /tmp/phone-shots/ (or $PHONE_SHOTS)."""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from djmoney.money import Money

from fulfillment.models import Warehouse
from shop.demo import images as demo_images
from shop.models import Address, Order
from tests import factories as f
from tests.conftest import make_catalog
from tests.e2e.test_card_payment import STRIPE_JS_STAND_IN
from tests.e2e.test_checkout import TIMEOUT_MS, _fill_german_address, _submit_step
from tests.shop.checkout_helpers import buy, make_cart

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("PHONE_SHOTS", "/tmp/phone-shots"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PASSWORD = "wander-far-37-caravans"
EMAIL = "hanna@example.com"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def stripe_on(settings, localstripe_url):
    settings.STRIPE_SECRET_KEY = "sk_test_caravan"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_caravan"
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_WEBHOOK_SECRET = "whsec_caravan_phone"
    return settings


def _picture(settings, shape, colour, swatch):
    """A real demo picture under MEDIA_ROOT (the screenshots should show products, not broken images)."""
    return demo_images.ImageCache(settings.MEDIA_ROOT).path(shape, colour, swatch)


@pytest.fixture
def phone_shop(markets, settings, stripe_on, django_user_model):
    de = Warehouse.objects.get(code="de")
    de.city = "Berlin"
    de.save()
    f.shipping_for(de, code="dhl", name="Standard", carrier="DHL", min_days=2, max_days=4)
    # Osaka also ships to Germany and alone stocks the first card holder: orders with it go in two parcels.
    osaka = Warehouse.objects.get(code="jp")
    osaka.city, osaka.countries_served = "Osaka", ["JP", "CN", "DE"]
    osaka.save()
    f.shipping_for(osaka, (30000, Decimal("2400"), "JPY"), code="ems", name="EMS", carrier="Japan Post", min_days=3, max_days=6,
                   countries=["DE"])
    category, products = make_catalog(n_products=6, warehouses=("de",))
    for product in products:
        product.images.update(image=_picture(settings, "tshirt", "navy", "#1f2a44"))
    # A product with a long name, two pictures and three variants, each colour with its picture.
    product = f.ProductFactory(category=category, name_en="Vintage Suede Card Holder With Extra Long Name",
                               name_de="Rindsledergeldbörsenkartenetui im Vintage-Stil mit besonders langem Namen")
    beige = f.ProductImageFactory(product=product, image=_picture(settings, "cardholder", "beige", "#d8c3a0"), position=0)
    black = f.ProductImageFactory(product=product, image=_picture(settings, "cardholder", "black", "#222222"), position=1)
    variants = [
        f.ProductVariantFactory(product=product, image=picture, base_price=Money(Decimal("19.20"), "EUR"))
        for picture in (beige, black, None)
    ]
    for variant in variants:
        f.StockFactory(variant=variant, warehouse=osaka if variant is variants[0] else de, quantity=20)
    from shop.services.pricing import refresh_market_prices
    from shop.services.search import refresh_search_documents

    refresh_market_prices([product.pk])
    refresh_search_documents([product.pk])

    buyer = django_user_model.objects.create_user("hanna", EMAIL, PASSWORD)
    EmailAddress.objects.create(user=buyer, email=EMAIL, verified=True, primary=True)
    Address.objects.create(user=buyer, full_name="Hanna Schmidt-Wolkenstein", line1="Lange Straße 123, Hinterhaus 4. OG",
                           postcode="10115", city="Berlin", country="DE", is_default=True)
    paid = buy(make_cart(markets["eu"], [(variants[0], 2), (products[0].variants.first(), 1)], email=EMAIL, user=buyer),
               language="de")
    card = buy(make_cart(markets["eu"], [(variants[1], 1)], email=EMAIL, user=buyer), payment_method="stripe", language="de")
    return {"category": category, "product": product, "variants": variants, "order": paid, "card_order": card}


def _check(page, width, name, menu_open=False):
    """Nothing scrolls sideways; on a phone the header is at most two rows (unless its menu is open); a screenshot."""
    page.wait_for_load_state()
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{name} at {width}px scrolls sideways: {scroll} > {inner}"
    header = page.locator(".site-header").bounding_box()
    if width < 500 and not menu_open:
        assert header["height"] < 120, f"{name}: the header is {header['height']}px tall on a phone"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / f"{width}-{name}.png"), full_page=True)


def _inside_first_screen(page, selector, height):
    box = page.locator(selector).bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, (selector, box)


def _walk(page, base, shop, viewport):
    width, height = viewport["width"], viewport["height"]
    phone = width < 500

    page.goto(f"{base}/de/?market=eu")
    _check(page, width, "home")
    if phone:  # the menu: closed, then open with the account link, both switchers and the categories
        assert not page.locator("#site-menu").is_visible() and not page.locator(".catnav").is_visible()
        page.locator(".menu-toggle").click()
        assert page.locator(".menu-toggle").get_attribute("aria-expanded") == "true"
        for selector in (".site-menu .account-link", "#language-switcher summary", "#market-switcher summary", ".catnav"):
            assert page.locator(selector).is_visible(), selector
        _check(page, width, "menu", menu_open=True)
        page.locator(".menu-toggle").click()
        assert not page.locator("#site-menu").is_visible()
    else:
        assert not page.locator(".menu-toggle").is_visible() and page.locator("#market-switcher summary").is_visible()

    page.goto(f"{base}/de/c/{shop['category'].slug}/")
    apply = page.get_by_role("button", name=re.compile("Apply filters|Filter anwenden"))
    assert apply.is_visible() is (not phone)  # a closed drawer on phones
    if phone:
        page.locator("#filter-drawer summary").click()
        assert apply.is_visible()
        _check(page, width, "category-filters-open")
        page.locator("#filter-drawer summary").click()
    _check(page, width, "category")

    page.goto(f"{base}/de/search/?q=Vintage")
    assert page.locator(".grid .card").count() >= 1
    _check(page, width, "search")

    product, (a, b, _c) = shop["product"], shop["variants"]
    page.goto(f"{base}/de/p/{product.slug}/")
    _inside_first_screen(page, "#price", height)
    _inside_first_screen(page, "#add-button", height)
    main = page.locator("#gallery-main")
    assert main.get_attribute("src").endswith("cardholder-beige-plain.jpg")
    _check(page, width, "product")
    # Choosing a variant shows its picture (shop.js), and the URL names the variant.
    page.locator(f'input[name="variant"][value="{b.pk}"]').check()
    page.wait_for_function("() => document.getElementById('gallery-main').src.endsWith('cardholder-black-plain.jpg')",
                           timeout=TIMEOUT_MS)
    assert f"variant={b.pk}" in page.url
    assert page.locator(".thumb[aria-current]").get_attribute("data-src").endswith("cardholder-black-plain.jpg")
    # A thumbnail shows its picture large.
    page.locator(".thumb").first.click()
    assert main.get_attribute("src").endswith("cardholder-beige-plain.jpg")

    count = page.locator("#mini-cart-count")
    before = int(count.inner_text())
    page.locator("#add-button").click()
    page.wait_for_function("n => Number(document.getElementById('mini-cart-count').textContent) > n", arg=before,
                           timeout=TIMEOUT_MS)
    page.goto(f"{base}/de/p/{a.product.slug}/?variant={a.pk}")
    page.locator("#add-button").click()
    page.wait_for_function("n => Number(document.getElementById('mini-cart-count').textContent) > n", arg=before + 1,
                           timeout=TIMEOUT_MS)

    page.goto(f"{base}/de/cart/")
    assert page.locator(".cart-lines tbody tr").count() == 2
    _check(page, width, "cart")

    page.goto(f"{base}/de/checkout/")
    _fill_german_address(page, f"phone-{width}@example.com")
    _check(page, width, "checkout-address")
    _submit_step(page)
    page.wait_for_url("**/de/checkout/shipping/")
    assert page.locator(".option-parcels .parcel").count() == 2  # from Berlin and from Osaka
    _check(page, width, "checkout-shipping")
    _submit_step(page)
    page.wait_for_url("**/de/checkout/billing/")
    _check(page, width, "checkout-billing")
    _submit_step(page)
    page.wait_for_url("**/de/checkout/review/")
    page.locator('input[name="payment_method"][value="bank_transfer"]').check()
    page.locator("#id_accept_terms").check()
    _check(page, width, "checkout-review")
    page.locator("#place-order").click()
    page.wait_for_url("**/de/checkout/done/**")
    _check(page, width, "confirmation")

    page.goto(f"{base}/de/accounts/signup/")
    _check(page, width, "sign-up")
    page.goto(f"{base}/de/accounts/login/")
    _check(page, width, "sign-in")
    page.fill("#id_login", EMAIL)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/de/account/")
    _check(page, width, "account")
    page.goto(f"{base}/de/account/orders/{shop['order'].number}/")
    assert page.locator(".order-facts .parcel").count() == 2
    _check(page, width, "account-order")
    page.goto(f"{base}/de/account/addresses/")
    _check(page, width, "account-addresses")
    page.goto(f"{base}/de/checkout/pay/{shop['card_order'].number}/")
    page.locator("#pay-button").wait_for(state="visible")
    _check(page, width, "pay")
    page.context.clear_cookies()  # signed out for the next width


def test_every_storefront_page_fits_a_phone_and_a_desktop(browser, live_server, phone_shop):
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, locale="de-DE")
        context.route("https://js.stripe.com/v3/**", lambda route: route.fulfill(
            status=200, content_type="application/javascript", body=STRIPE_JS_STAND_IN))
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.set_default_navigation_timeout(TIMEOUT_MS)
        try:
            _walk(page, live_server.url, phone_shop, viewport)
        finally:
            context.close()
    assert Order.objects.filter(email__startswith="phone-").count() == 2
