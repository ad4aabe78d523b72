"""Small buyer-facing faults (issue 9, item 15): demo pictures without English captions, quantity 0, the market
message once, refunds e-mailed and shown with their amount, the staff user in the admin's event log."""

import io

import pytest
from PIL import Image

from shop.demo import images


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
