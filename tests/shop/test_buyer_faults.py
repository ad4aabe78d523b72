"""Small buyer-facing faults (issue 9, item 15): demo pictures without English captions, quantity 0, the market
message once, refunds e-mailed and shown with their amount, the staff user in the admin's event log."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from shop.demo import images
from tests.shop.test_checkout_flow import go_to_review, place
from tests.shop.test_checkout_flow import shop as checkout_shop  # noqa: F401  (a fixture)


def _caption_band_spread(jpeg: bytes) -> int:
    """How far the band where a caption would sit (under the floor shadow) strays from its own background."""
    picture = Image.open(io.BytesIO(jpeg)).convert("L")
    band = picture.crop((images.SIZE // 4, images.SIZE - 32, images.SIZE * 3 // 4, images.SIZE - 6))
    low, high = band.getextrema()
    return high - low


@pytest.mark.parametrize("shape, colour", [("cardholder", "#c8a27a"), ("mug", "#1d2430"), ("tshirt", "#f4f1ea")])
def test_demo_pictures_carry_no_caption(shape, colour):
    """A caption ("Card Holder") would be English in every language: the band below the product is plain."""
    assert _caption_band_spread(images.encoded(shape, colour)) < 12


def test_seeded_demo_pictures_are_plain(tmp_path):
    cache = images.ImageCache(tmp_path)
    relative = cache.path("cardholder", "tan", "#c8a27a")
    assert _caption_band_spread((tmp_path / relative).read_bytes()) < 12


# --- Quantity 0 ------------------------------------------------------------------------------------------------------

def _url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def variant(catalog):
    _, products = catalog
    return products[0].variants.order_by("pk").first()


@pytest.mark.django_db
def test_adding_zero_asks_for_at_least_one(client, variant):
    """0 is a whole number: the message says what is wrong with it (htmx fragment and plain form alike)."""
    fragment = client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "0"}, HTTP_HX_REQUEST="true")
    assert "Enter at least 1." in fragment.content.decode()
    assert "whole number" not in fragment.content.decode()
    page = client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "0"})
    assert page.status_code == 409 and "Enter at least 1." in page.content.decode()
    assert "Enter a whole number of items." in client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "x"},
                                                           HTTP_HX_REQUEST="true").content.decode()


@pytest.mark.django_db
def test_zero_in_the_cart_removes_the_line(client, variant):
    client.post(_url("shop:cart-add"), {"variant": variant.pk, "quantity": "2"})
    response = client.post(_url("shop:cart-update", variant_id=variant.pk), {"quantity": "0"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "whole number" not in body
    assert response.context["cart"]["count"] == 0 and "Your cart is empty." in body


# --- The market-switch message once ----------------------------------------------------------------------------------

@pytest.mark.django_db
def test_switching_market_before_placing_says_so_once(client, checkout_shop):
    """Placing the order after switching to a market the address is outside of: one message, not two (place_order's
    error used to be queued, then the review step queued the same one again on the way back to the address)."""
    review = go_to_review(client, checkout_shop)
    client.get("/de/?market=ch")
    response = place(client, review)
    page = client.get(response["Location"])
    while page.status_code == 302:
        page = client.get(page["Location"])
    assert page.request["PATH_INFO"] == "/de/checkout/"
    texts = [str(m) for m in page.context["messages"]]
    assert len(texts) == 1 and "outside the Switzerland shop" in texts[0], texts
    assert page.content.decode().count('class="msg error"') == 1
