"""Names typed in the admin reach the storefront's templates as text: product cards, facets and variant options
escape tags and quotes (they used to be built in Python with html.escape; now templates autoescape them)."""

import pytest
from django.urls import reverse
from django.utils import translation

from shop.models import AttributeValue

pytestmark = pytest.mark.django_db

PRODUCT_NAME = """<script>alert("card")</script> O'Brien & "Sons\""""
PRODUCT_NAME_ESCAPED = "&lt;script&gt;alert(&quot;card&quot;)&lt;/script&gt; O&#x27;Brien &amp; &quot;Sons&quot;"
VALUE_NAME = """Red <img src=x onerror="alert('facet')">"""
VALUE_NAME_ESCAPED = "Red &lt;img src=x onerror=&quot;alert(&#x27;facet&#x27;)&quot;&gt;"


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def hostile_catalog(catalog):
    category, products = catalog
    for product in (products[0], products[-1]):  # the first is featured on the home page, the last is the newest
        product.name_en = PRODUCT_NAME
        product.save()
    red = AttributeValue.objects.get(slug="red")
    red.name_en = VALUE_NAME
    red.save()
    return category, products


def _assert_escaped(body):
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "O'Brien" not in body and '"Sons"' not in body


def test_product_cards_escape_names_in_text_and_attributes(client, hostile_catalog):
    category, _ = hostile_catalog
    for path in (url("shop:home"), url("shop:category", slug=category.slug)):
        body = client.get(path).content.decode()
        _assert_escaped(body)
        assert f'<span class="name">{PRODUCT_NAME_ESCAPED}</span>' in body
        assert f'alt="{PRODUCT_NAME_ESCAPED}"' in body


def test_facets_escape_value_names(client, hostile_catalog):
    category, _ = hostile_catalog
    body = client.get(url("shop:category", slug=category.slug) + "?red=1").content.decode()
    _assert_escaped(body)
    assert f"</span> {VALUE_NAME_ESCAPED}</label>" in body


def test_variant_options_and_related_cards_escape_names(client, hostile_catalog):
    _, products = hostile_catalog
    body = client.get(url("shop:product", slug=products[0].slug)).content.decode()
    _assert_escaped(body)
    assert f'<span class="label">{VALUE_NAME_ESCAPED}</span>' in body
    related = client.get(url("shop:product", slug=products[1].slug)).content.decode()  # the newest is related
    _assert_escaped(related)
    assert f'<span class="name">{PRODUCT_NAME_ESCAPED}</span>' in related
