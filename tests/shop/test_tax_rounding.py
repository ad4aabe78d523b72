"""Tax text must be arithmetically true (issue 9, item 10): tax is rounded once per rate (shop/tax/rounding.py) on the side
the market shows, and every printed amount adds up — on the quote, the placed order, the invoice and the pages."""

from decimal import Decimal

import pytest
from djmoney.money import Money
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fulfillment.models import Warehouse
from shop.models import Order, TaxRate
from shop.money import exponent, quantize
from shop.pricing import Price
from shop.selectors.orders import tax_breakdown
from shop.services.checkout import Quote, QuoteLine, ShippingOption, apply_line_totals, summarise
from shop.services.invoices import document_context
from shop.services.orders.placing import _order_line
from shop.tax import tax_of
from tests import factories as f

from .checkout_helpers import buy, make_cart

CURRENCIES = ["EUR", "JPY", "GBP", "USD", "KWD", "CHF"]
RATES = [Decimal(r) for r in ("0", "5", "7", "8.1", "10", "13", "19", "20", "21", "25.5")]


@st.composite
def prices(draw, currency, include_tax, rates=RATES):
    rate = draw(st.sampled_from(rates))
    places = exponent(currency)
    shown = Decimal(draw(st.integers(min_value=0, max_value=10**6))).scaleb(-places)
    factor = 1 + rate / 100
    if include_tax:
        return Price(quantize(shown / factor, currency), shown, currency, rate, True)
    return Price(shown, quantize(shown * factor, currency), currency, rate, False)


@st.composite
def quotes(draw):
    currency = draw(st.sampled_from(CURRENCIES))
    include_tax = draw(st.booleans())  # gross-displayed (EU, UK, JP) or net-displayed (US) markets
    lines = [
        QuoteLine(i, f"p{i}", "", f"S{i}", draw(st.integers(min_value=1, max_value=50)), draw(prices(currency, include_tax)), 100)
        for i in range(draw(st.integers(min_value=1, max_value=7)))
    ]
    quote = Quote(currency, include_tax, "DE", lines)
    quote.subtotal_display = sum((line.undiscounted_display for line in lines), Decimal(0))
    if draw(st.booleans()):
        minor = draw(st.integers(min_value=0, max_value=int(quote.subtotal_display.scaleb(exponent(currency)))))
        quote.discount = Decimal(minor).scaleb(-exponent(currency))
    if draw(st.booleans()):
        # shipping is taxed at the standard rate of the goods' destination (one of the lines' rates, or zero)
        shipping_rates = sorted({line.tax_rate for line in lines})
        quote.shipping = ShippingOption(1, "Standard", "DHL", draw(prices(currency, include_tax, shipping_rates)), None, None)
    apply_line_totals(quote.lines, quote.discount, currency)
    summarise(quote)
    return quote


def assert_adds_up(quote_or_rows, includes_tax, currency, lines_shown, shipping_shown, total_net, total_tax, total_gross):
    """The identities every printed tax breakdown must satisfy."""
    rows = quote_or_rows
    for row in rows:
        base = row.gross if includes_tax else row.net
        assert row.tax == tax_of(base, row.rate, includes_tax, currency), row  # base × rate = tax (rounded)
        assert row.net + row.tax == row.gross
    assert sum((r.net for r in rows), Decimal(0)) == total_net
    assert sum((r.tax for r in rows), Decimal(0)) == total_tax
    assert sum((r.gross for r in rows), Decimal(0)) == total_gross
    assert total_net + total_tax == total_gross
    shown_total = total_gross if includes_tax else total_net
    assert sum(lines_shown, Decimal(0)) + shipping_shown == shown_total  # lines + shipping = what the rates tax


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quotes())
def test_quote_adds_up_with_tax_rounded_per_rate(quote):
    c = quote.currency
    unit = Decimal(1).scaleb(-exponent(c))
    for line in quote.lines:
        assert line.unit.display * line.quantity - line.discount == line.total_display  # a printed line adds up
        for amount in (line.total_net, line.total_gross):
            assert amount >= 0 and amount % unit == 0
        assert line.total_gross >= line.total_net
    assert sum((line.discount for line in quote.lines), Decimal(0)) == quote.discount
    shipping_shown = quote.shipping.price.display if quote.shipping else Decimal(0)
    assert sum((line.total_display for line in quote.lines), Decimal(0)) == quote.subtotal_display - quote.discount
    assert_adds_up(quote.rate_totals, quote.includes_tax, c, [line.total_display for line in quote.lines], shipping_shown,
                   quote.total_net, quote.total_tax, quote.total_gross)
    # the lines' and shipping's both sides add up to their rate's totals (what the invoice's breakdown sums)
    for row in quote.rate_totals:
        members = [line for line in quote.lines if line.tax_rate == row.rate]
        net = sum((line.total_net for line in members), Decimal(0))
        gross = sum((line.total_gross for line in members), Decimal(0))
        if quote.shipping and quote.shipping.price.tax_rate == row.rate:
            net, gross = net + quote.shipping.price.net, gross + quote.shipping.price.gross
        assert (net, gross) == (row.net, row.gross)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quotes())
def test_order_and_invoice_breakdown_equal_the_quote(quote):
    """What place_order stores (order totals, `_order_line` rows, shipping) gives the invoice the same per-rate rows."""
    shipping = quote.shipping.price if quote.shipping else None
    order = Order(
        number="T-1", currency=quote.currency, prices_include_tax=quote.includes_tax,
        shipping_net=shipping.net if shipping else Decimal(0), shipping_gross=shipping.gross if shipping else Decimal(0),
        shipping_tax_rate=shipping.tax_rate if shipping else Decimal(0), subtotal_net=quote.subtotal_net,
        subtotal_gross=quote.subtotal_gross, discount=quote.discount, total_net=quote.total_net,
        total_tax=quote.total_tax, total_gross=quote.total_gross,
    )
    lines = [_order_line(order, line) for line in quote.lines]
    rows = [r for r in tax_breakdown(order, lines) if r.net or r.gross]
    expected = [r for r in quote.rate_totals if r.net or r.gross]
    assert sorted((r.rate, r.net, r.tax, r.gross) for r in rows) == sorted((r.rate, r.net, r.tax, r.gross) for r in expected)
    shown = [line.total_gross if order.prices_include_tax else line.total_net for line in lines]
    shipping_shown = order.shipping_gross if order.prices_include_tax else order.shipping_net
    assert_adds_up(rows, order.prices_include_tax, order.currency, shown, shipping_shown, order.total_net, order.total_tax,
                   order.total_gross)


def test_tax_is_rounded_per_rate_in_yen():
    line = QuoteLine(1, "a", "", "A", 3, Price(Decimal(1091), Decimal(1200), "JPY", Decimal(10), True), 100)
    quote = Quote("JPY", True, "JP", [line])
    apply_line_totals(quote.lines, Decimal(0), "JPY")
    summarise(quote)
    assert quote.tax_by_rate == [(Decimal(10), Decimal(3273), Decimal(327))]  # 3600 × 10/110 = 327.27 → ¥327


# --- The reported case, through the pages ----------------------------------------------------------------------------

ADDRESS = {"email": "erika@example.com", "full_name": "Erika Mustermann", "line1": "Hauptstraße 5", "postcode": "10115",
           "city": "Berlin", "country": "DE"}


@pytest.fixture
def cart_14872(markets):
    """Two shirts at 39,99 € and 131,99 € and 4,99 € shipping: per-line rounding said "19 % on 148,72 € = 28,25 €"."""
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl", name="Standard", carrier="DHL")
    a = f.ProductVariantFactory(base_price=Money(Decimal("33.61"), "EUR"), weight_grams=300)  # → 39,99 €
    b = f.ProductVariantFactory(base_price=Money(Decimal("110.92"), "EUR"), weight_grams=300)  # → 131,99 €
    for v in (a, b):
        f.StockFactory(variant=v, warehouse=de, quantity=5)
    return a, b


@pytest.mark.django_db
def test_review_done_account_and_invoice_print_true_tax_for_the_148_72_case(client, cart_14872, django_user_model,
                                                                              django_capture_on_commit_callbacks):
    user = django_user_model.objects.create_user("erika@example.com", "erika@example.com", "pw-123456789")
    client.force_login(user)
    client.get("/en/?market=eu")
    for variant in cart_14872:
        client.post("/en/cart/add/", {"variant": variant.pk, "quantity": 1})
    assert client.post("/en/checkout/", ADDRESS).status_code == 302
    method = client.get("/en/checkout/shipping/").context["quote"].shipping_options[0].method_id
    client.post("/en/checkout/shipping/", {"shipping_method": method})
    client.post("/en/checkout/billing/", {"same_as_shipping": "on"})
    review = client.get("/en/checkout/review/")
    html = review.content.decode()
    quote = review.context["quote"]
    assert quote.total_gross == Decimal("176.97")
    # 176,97 × 19/119 = 28,256 → 28,26 €; net 148,71 €; never "on 148,72 = 28,25"
    assert quote.tax_by_rate == [(Decimal(19), Decimal("148.71"), Decimal("28.26"))]
    assert "Tax 19 % included in €176.97" in html and "€28.26" in html and "€148.71" in html
    assert "€28.25" not in html and "€148.72" not in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/checkout/place/", {
            "cart": str(review.context["cart"].token), "payment_method": "bank_transfer",
            "expected_total": "176.97", "accept_terms": "on"})
    order = Order.objects.get()
    assert response.status_code == 302
    assert (order.total_net, order.total_tax, order.total_gross) == (Decimal("148.71"), Decimal("28.26"), Decimal("176.97"))

    done = client.get(f"/en/checkout/done/{order.number}/").content.decode()  # item 9: the confirmation shows the VAT
    assert "Tax 19 % included in €176.97" in done and "€28.26" in done

    account = client.get(f"/en/account/orders/{order.number}/").content.decode()
    assert "Tax 19 % included in €176.97" in account and "€28.26" in account

    context = document_context(order)  # what the invoice and the e-mail print
    assert [(r["label"], r["net"], r["tax"], r["gross"]) for r in context["tax_rows"]] == [
        ("Tax 19 % included in €176.97", "€148.71", "€28.26", "€176.97")]
    assert [line["total"] for line in context["lines"]] == ["€39.99", "€131.99"]
    from django.core import mail

    text = mail.outbox[-1].body
    assert "Tax 19 % included in €176.97: €28.26" in text


@pytest.mark.django_db
def test_net_displayed_market_prints_tax_on_the_net(markets):
    """US-style market (prices without tax): the rate's tax is computed on its summed net, lines stay net."""
    us = Warehouse.objects.get(code="us")
    f.shipping_for(us, (20000, Decimal("3.00"), "USD"), code="usps", carrier="USPS")
    TaxRate.objects.filter(country="US").update(rate=Decimal("7.25"))
    variant = f.ProductVariantFactory(base_price=Money(Decimal("3.33"), "EUR"), weight_grams=100)
    f.StockFactory(variant=variant, warehouse=us, quantity=50)
    order = buy(make_cart(markets["us"], [(variant, 7)], country="US"))
    rows = tax_breakdown(order)
    assert [r.rate for r in rows] == [Decimal("7.25")] and not order.prices_include_tax
    for row in rows:
        assert row.tax == quantize(row.net * row.rate / 100, "USD")
    assert sum(r.net for r in rows) + sum(r.tax for r in rows) == order.total_gross
