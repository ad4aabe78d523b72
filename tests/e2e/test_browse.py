"""The buyer's browse path in a real browser (Playwright driving Debian's Chromium, headless)."""

import os
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import make_catalog

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A German buyer: the market is guessed from Accept-Language until the buyer picks one.
    return {**browser_context_args, "locale": "de-DE", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def shop_data(markets):
    category, products = make_catalog(n_products=10, variants=2, warehouses=("de", "jp", "us"))
    return category, products


def test_german_home_switch_to_japanese_and_japan_market(page, live_server, shop_data):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    _, products = shop_data
    page.goto(f"{live_server.url}/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert "€" in page.locator(".grid").first.inner_text()

    # Switch language with the switcher (keyboard-reachable <details> menu).
    page.locator("#language-switcher summary").click()
    page.locator('#language-switcher a[data-lang="ja"]').click()
    page.wait_for_url("**/ja/**")
    assert page.locator("html").get_attribute("lang") == "ja"

    # Switch market to Japan.
    page.locator("#market-switcher summary").click()
    page.locator('#market-switcher a[data-market="jp"]').click()
    page.wait_for_load_state()
    assert "JPY" in page.locator("#market-switcher summary").inner_text()

    # Open a product and see its Japanese name and a yen price.
    page.locator(".grid .card a", has_text=products[0].name_ja).first.click()
    page.wait_for_load_state()
    assert page.locator("#product-name").inner_text() == products[0].name_ja
    price = page.locator("#price").inner_text()
    assert price.startswith("￥"), price

    # Choosing another variant updates the price and availability without a reload.
    radios = page.locator('input[type="radio"][name="variant"]')
    assert radios.count() == 2
    radios.nth(1).check()
    assert page.locator("#price").inner_text() == radios.nth(1).get_attribute("data-price")
    page.screenshot(path=str(ARTIFACTS / "browse-ja-jp-product.png"), full_page=True)

    # Add two to the cart without a page reload (htmx); the header's mini-cart follows.
    url_before = page.url
    page.locator("#add-qty").fill("2")
    page.locator("#add-button").click()
    page.locator("#add-status .msg").wait_for()
    assert page.url == url_before
    assert page.locator("#mini-cart-count").inner_text() == "2"
    page.locator("#add-status a").click()
    page.wait_for_load_state()
    assert page.locator("#cart-subtotal").inner_text().startswith("￥")
    page.screenshot(path=str(ARTIFACTS / "cart-ja-jp.png"), full_page=True)


def test_category_filters_and_sorting_in_browser(page, live_server, shop_data):
    category, _ = shop_data
    page.goto(f"{live_server.url}/en/c/{category.slug}/?market=us")
    cards_before = page.locator(".grid .card").count()
    page.locator('input[name="colour"][value="red"]').check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "colour=red" in page.url
    assert page.locator(".grid .card").count() <= cards_before
    page.select_option("#id_sort", "price_desc")
    page.locator(".sort button").click()
    page.wait_for_load_state()
    prices = [p.replace("$", "").replace(",", "").replace("from", "").strip() for p in page.locator(".card .price").all_inner_texts()]
    values = [Decimal(p) for p in prices]
    assert values == sorted(values, reverse=True)
    page.screenshot(path=str(ARTIFACTS / "category-en-us.png"), full_page=True)
