"""The cart through HTTP: plain forms and htmx, guest session, capped quantities, tampered input."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def _url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def variant(catalog):
    _, products = catalog
    return products[0].variants.order_by("pk").first()


def test_guest_adds_to_cart_and_sees_it_priced_in_their_market(client, markets, variant):
    client.get(_url("shop:home", "de") + "?market=eu")
    response = client.post(_url("shop:cart-add", "de"), {"variant": variant.pk, "quantity": "2"})
    assert response.status_code == 302
    page = client.get(_url("shop:cart", "de"))
    cart = page.context["cart"]
    assert cart["count"] == 2 and cart["subtotal_display"] == "23,98\xa0€"
    body = page.content.decode()
    assert 'id="mini-cart-count">2<' in body
    # Switching market re-prices the same cart.
    client.get(_url("shop:home", "ja") + "?market=jp")
    assert client.get(_url("shop:cart", "ja")).context["cart"]["currency"] == "JPY"


def test_htmx_add_returns_a_fragment_and_updates_the_mini_cart(client, markets, variant):
    response = client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "1"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Added to your cart." in body and 'hx-swap-oob="true">1<' in body
    assert "<html" not in body


def test_quantities_are_capped_and_tampered_input_is_refused(client, markets, variant):
    response = client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "50"}, HTTP_HX_REQUEST="true")
    assert "Only 5 available" in response.content.decode()
    for data in [{"variant": variant.pk, "quantity": "-3"}, {"variant": "abc", "quantity": "1"}, {"variant": variant.pk, "quantity": "1e9"}]:
        response = client.post(_url("shop:cart-add"), data)
        assert response.status_code == 409, data
    # A posted price is ignored: the add goes through at the shop's price (and stays capped at the stock).
    response = client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "2", "price": "0.01"})
    assert response.status_code == 302
    cart = client.get(_url("shop:cart")).context["cart"]
    assert cart["count"] == 5  # all there is; the refused posts changed nothing
    assert cart["lines"][0].unit_display == "€11.99"  # the posted "price" was ignored: 10 EUR + 19 % VAT, .99 rule


def test_update_and_remove_lines(client, markets, variant):
    client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "3"})
    response = client.post(_url("shop:cart-update", variant_id=variant.pk), {"quantity": "1"}, HTTP_HX_REQUEST="true")
    assert response.context["cart"]["count"] == 1
    response = client.post(_url("shop:cart-update", variant_id=variant.pk), {"quantity": "0"}, HTTP_HX_REQUEST="true")
    assert "Your cart is empty." in response.content.decode()


def test_cart_page_costs_a_fixed_number_of_queries(client, markets, catalog, django_assert_max_num_queries):
    _, products = catalog
    for product in products[:4]:
        client.post(_url("shop:cart-add"), {"variant": product.variants.first().pk, "quantity": "1"})
    with django_assert_max_num_queries(8):  # 6 + where the goods ship from (stock, live reservations)
        response = client.get(_url("shop:cart"))
    assert len(response.context["cart"]["lines"]) == 4


def test_get_on_add_is_not_allowed_and_changing_lines_needs_csrf(settings, markets, variant):
    from django.test import Client

    assert settings.SESSION_COOKIE_SAMESITE == "Lax"  # what makes a token-free add-to-cart safe
    strict = Client(enforce_csrf_checks=True)
    assert strict.get(_url("shop:cart-add")).status_code == 405
    assert strict.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "1"}).status_code == 302
    assert strict.post(_url("shop:cart-update", variant_id=variant.pk), {"quantity": "0"}).status_code == 403


def test_full_cart_page_has_no_stray_out_of_band_fragment(client, markets, variant):
    client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "2"})
    body = client.get(_url("shop:cart")).content.decode()
    assert "hx-swap-oob" not in body


def test_header_count_survives_pages_and_resets_after_an_order_cookie_not_session(client, markets):
    """The mini-cart count travels in a small cookie: adding writes no session row after the first add."""
    from decimal import Decimal

    from djmoney.money import Money

    from fulfillment.models import Warehouse
    from tests import factories as f

    variant = f.ProductVariantFactory(base_price=Money(Decimal("10"), "EUR"))
    f.StockFactory(variant=variant, warehouse=Warehouse.objects.get(code="de"), quantity=9)
    client.get("/de/?market=eu")
    client.post("/de/cart/add/", {"variant": variant.pk, "quantity": 2}, HTTP_HX_REQUEST="true")
    session_before = dict(client.session)
    response = client.post("/de/cart/add/", {"variant": variant.pk, "quantity": 1}, HTTP_HX_REQUEST="true")
    assert response.cookies["cart_count"].value == "3"
    assert dict(client.session) == session_before
    page = client.get("/de/").content.decode()
    assert '<span id="mini-cart-count">3</span>' in page
    client.cookies["cart_count"] = "<b>99999"  # tampered: shown as 0, never echoed
    assert '<span id="mini-cart-count">0</span>' in client.get("/de/").content.decode()


def test_cross_site_add_to_cart_is_refused_and_sets_no_cookie(client, markets):
    from decimal import Decimal

    from djmoney.money import Money

    from fulfillment.models import Warehouse
    from tests import factories as f

    variant = f.ProductVariantFactory(base_price=Money(Decimal("10"), "EUR"))
    f.StockFactory(variant=variant, warehouse=Warehouse.objects.get(code="de"), quantity=9)
    for headers in ({"HTTP_SEC_FETCH_SITE": "cross-site"}, {"HTTP_ORIGIN": "https://evil.example"}):
        response = client.post("/de/cart/add/", {"variant": variant.pk}, **headers)
        assert response.status_code == 403 and "sessionid" not in response.cookies
    same = client.post("/de/cart/add/", {"variant": variant.pk}, HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="http://testserver")
    assert same.status_code == 302
