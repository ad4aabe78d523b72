"""`{{ amount|money:currency }}` is shop.money.format_money for the active language: one money format for templates."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from shop.money import MoneyError, format_money


@pytest.mark.parametrize(("language", "currency"), [("en", "EUR"), ("de", "EUR"), ("ja", "JPY"), ("fr", "CHF")])
def test_money_filter_formats_like_format_money_in_the_active_language(language, currency):
    template = Template("{% load shop_format %}{{ amount|money:currency }}")
    with translation.override(language):
        shown = template.render(Context({"amount": Decimal("1234.5"), "currency": currency}))
    assert shown == format_money(Decimal("1234.5"), currency, language)


def test_money_filter_refuses_floats():
    with pytest.raises(MoneyError):
        Template("{% load shop_format %}{{ amount|money:'EUR' }}").render(Context({"amount": 1.5}))
