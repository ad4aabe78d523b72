"""Money properties of checkout totals (hypothesis): totals = lines + shipping − discount, tax per line rounds to
the currency, the tax breakdown adds up exactly, a discount never makes anything negative."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shop.money import exponent, quantize
from shop.pricing import Price
from shop.services.checkout import Quote, QuoteLine, ShippingOption, apply_line_totals, split_discount, summarise

CURRENCIES = ["EUR", "JPY", "KWD", "USD"]
RATES = [Decimal(r) for r in ("0", "5", "7", "8.1", "10", "19", "20", "21", "25.5")]


def price_strategy(currency, include_tax):
    places = exponent(currency)

    @st.composite
    def build(draw):
        rate = draw(st.sampled_from(RATES))
        minor = draw(st.integers(min_value=0, max_value=10**7))
        shown = Decimal(minor).scaleb(-places)
        factor = 1 + rate / 100
        if include_tax:
            return Price(quantize(shown / factor, currency), shown, currency, rate, True)
        return Price(shown, quantize(shown * factor, currency), currency, rate, False)

    return build()


@st.composite
def quotes(draw):
    currency = draw(st.sampled_from(CURRENCIES))
    include_tax = draw(st.booleans())
    n = draw(st.integers(min_value=1, max_value=6))
    lines = [
        QuoteLine(i, f"p{i}", "", f"S{i}", draw(st.integers(min_value=1, max_value=99)), draw(price_strategy(currency, include_tax)), 100)
        for i in range(n)
    ]
    quote = Quote(currency, include_tax, "DE", lines)
    quote.subtotal_display = sum((line.undiscounted_display for line in lines), Decimal(0))
    discount_minor = draw(st.integers(min_value=0, max_value=int(quote.subtotal_display.scaleb(exponent(currency))) + 1000))
    discount = min(Decimal(discount_minor).scaleb(-exponent(currency)), quote.subtotal_display)
    quote.discount = discount
    if draw(st.booleans()):
        shipping = draw(price_strategy(currency, include_tax))
        quote.shipping = ShippingOption(1, "Standard", "DHL", shipping, None, None)
    return quote


@settings(max_examples=300, deadline=None)
@given(quotes())
def test_totals_are_lines_plus_shipping_minus_discount(quote):
    apply_line_totals(quote.lines, quote.discount, quote.currency)
    summarise(quote)
    unit = Decimal(1).scaleb(-exponent(quote.currency))
    shipping_display = quote.shipping.price.display if quote.shipping else Decimal(0)
    shown_total = sum((line.total_display for line in quote.lines), Decimal(0)) + shipping_display
    assert shown_total == quote.subtotal_display - quote.discount + shipping_display
    assert quote.total_gross == sum((line.total_gross for line in quote.lines), Decimal(0)) + (quote.shipping.price.gross if quote.shipping else 0)
    assert quote.total_net == sum((line.total_net for line in quote.lines), Decimal(0)) + (quote.shipping.price.net if quote.shipping else 0)
    for line in quote.lines:
        # every amount is a whole number of minor units and nothing is negative
        for amount in (line.total_net, line.total_gross, line.discount):
            assert amount >= 0 and amount % unit == 0
        assert line.total_gross >= line.total_net
        assert line.discount <= line.undiscounted_display
        # tax per line is the line's rate, rounded to the minor unit
        expected_tax = quantize(line.total_net * line.tax_rate / 100, quote.currency)
        assert abs((line.total_gross - line.total_net) - expected_tax) <= unit
    # the tax breakdown adds up to the cent (or yen)
    assert sum((net for _rate, net, _tax in quote.tax_by_rate), Decimal(0)) == quote.total_net
    assert sum((tax for _rate, _net, tax in quote.tax_by_rate), Decimal(0)) == quote.total_tax
    assert quote.total_gross >= 0 and quote.total_tax >= 0


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CURRENCIES),
    st.lists(st.integers(min_value=0, max_value=10**8), min_size=1, max_size=8),
    st.integers(min_value=0, max_value=10**9),
)
def test_split_discount_adds_up_and_never_exceeds_a_line(currency, minors, discount_minor):
    places = exponent(currency)
    amounts = [Decimal(m).scaleb(-places) for m in minors]
    discount = Decimal(discount_minor).scaleb(-places)
    parts = split_discount(amounts, discount, currency)
    assert sum(parts, Decimal(0)) == min(discount, sum(amounts, Decimal(0)))
    assert all(Decimal(0) <= part <= amount for part, amount in zip(parts, amounts, strict=True))
