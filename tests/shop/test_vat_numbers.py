"""Reverse charge only on a VAT number that is real (issue 9, item 4): check digits (python-stdnum), the billing
country, and the EU's VIES service when configured — here a local fake VIES (pytest-httpserver)."""

import json
import time
from decimal import Decimal

import pytest
from django.core.cache import cache
from djmoney.money import Money

from fulfillment.models import Warehouse
from shop.models import Order, TaxTreatment
from shop.services import checkout
from shop.tax import vat_numbers
from tests import factories as f

from .checkout_helpers import buy, choose_cheapest_shipping, make_cart

pytestmark = pytest.mark.django_db

VALID_FR = "FR40303265045"
VIES_PATH = "/taxation_customs/vies/rest-api/check-vat-number"


@pytest.fixture
def goods(markets):
    de = Warehouse.objects.get(code="de")
    f.shipping_for(de, code="dhl", carrier="DHL")
    v = f.ProductVariantFactory(base_price=Money(Decimal("100.00"), "EUR"), weight_grams=400)
    f.StockFactory(variant=v, warehouse=de, quantity=20)
    return v


@pytest.fixture
def vies(httpserver, settings):
    """The fake VIES; the shop is configured to ask it."""
    settings.CARAVAN_VIES_URL = httpserver.url_for(VIES_PATH)
    settings.CARAVAN_VIES_TIMEOUT = 0.5
    cache.clear()
    return httpserver


def vies_answer(valid: bool, number=VALID_FR, identifier="WAPIAAAAZ1234567"):
    return {"countryCode": number[:2], "vatNumber": number[2:], "requestDate": "2026-12-02T01:00:00.000Z", "valid": valid,
            "requestIdentifier": identifier if valid else "", "name": "---", "address": "---"}


# --- Check digits and the billing country -------------------------------------------------------------------------


def test_made_up_number_is_not_zero_rated(markets, goods):
    """The reported case: FR00123456789 has the French format but wrong check digits."""
    assert not vat_numbers.is_valid_for("FR00123456789", "FR")
    cart = make_cart(markets["eu"], [(goods, 1)], country="FR", billing_country="FR", vat_number="FR00123456789")
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.DOMESTIC and quote.total_tax > 0


@pytest.mark.parametrize("number, country, ok", [
    ("FR 40 303 265 045", "FR", True),
    ("FR00123456789", "FR", False),
    ("DE136695976", "DE", True),
    ("DE136695977", "DE", False),
    ("EL094014201", "GR", True),  # Greece uses the prefix EL
    ("GR094014201", "GR", True),  # typed with the ISO code: read as EL
    ("EL094014201", "FR", False),  # a valid Greek number for a French billing address
    ("DE136695976", "FR", False),
    ("NL004495445B01", "NL", True),
])
def test_check_digits_and_country(number, country, ok):
    assert vat_numbers.is_valid_for(number, country) is ok


def test_greek_number_is_kept_with_el_prefix():
    assert vat_numbers.validate("gr 094 014 201", "GR") == "EL094014201"


def test_billing_step_refuses_a_made_up_number_and_a_foreign_one(client, goods):
    client.get("/en/?market=eu")
    client.post("/en/cart/add/", {"variant": goods.pk, "quantity": 1})
    address = {"email": "a@example.com", "full_name": "Jean Dupont", "line1": "1 rue de Rivoli", "postcode": "75001",
               "city": "Paris", "country": "FR"}
    assert client.post("/en/checkout/", address).status_code == 302
    method = client.get("/en/checkout/shipping/").context["quote"].shipping_options[0].method_id
    client.post("/en/checkout/shipping/", {"shipping_method": method})
    response = client.post("/en/checkout/billing/", {"same_as_shipping": "on", "vat_number": "FR00123456789"})
    assert response.status_code == 400
    assert "This is not a valid VAT number for France" in response.content.decode()
    response = client.post("/en/checkout/billing/", {"same_as_shipping": "on", "vat_number": "DE136695976"})
    assert response.status_code == 400
    assert "This VAT number belongs to Germany, but the billing address is in France" in response.content.decode()
    assert client.post("/en/checkout/billing/", {"same_as_shipping": "on", "vat_number": VALID_FR}).status_code == 302


def test_without_vies_a_number_with_good_check_digits_is_charged_vat(markets, goods, settings):
    """Check digits prove only that a number could exist (FR11123456782 was made up and passes them): without VIES
    confirming it, the order is charged VAT, the buyer is told why, and the order records 'not checked'."""
    settings.CARAVAN_VIES_URL = ""
    assert vat_numbers.is_valid_for("FR11123456782", "FR")
    cart = make_cart(markets["eu"], [(goods, 1)], country="FR", billing_country="FR", vat_number="FR11123456782")
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.DOMESTIC and quote.total_tax > 0
    order = buy(cart)
    assert order.tax_notes != ["reverse_charge"] and order.total_tax > 0
    assert order.vat_number_check == "not_checked" and order.vat_number_consultation == ""
    assert "VIES" in vat_numbers.notice(vat_numbers.VatCheck("FR11123456782", vat_numbers.Status.NOT_CHECKED))


# --- VIES --------------------------------------------------------------------------------------------------------


def test_vies_confirms_the_number_and_the_order_keeps_the_evidence(markets, goods, vies):
    vies.expect_request(VIES_PATH, method="POST").respond_with_json(vies_answer(True))
    cart = make_cart(markets["eu"], [(goods, 1)], country="FR", billing_country="FR", vat_number=VALID_FR)
    sent = json.loads(vies.log[0][0].get_data())
    assert sent["countryCode"] == "FR" and sent["vatNumber"] == "40303265045"
    assert sent["requesterMemberStateCode"] == "DE" and sent["requesterNumber"] == "123456789"
    order = buy(cart)
    assert order.tax_notes == ["reverse_charge"] and order.total_tax == 0
    assert order.vat_number_check == "valid" and order.vat_number_consultation == "WAPIAAAAZ1234567"
    assert order.vat_number_checked_at is not None


def test_a_confirmed_number_is_cached_briefly(markets, goods, vies):
    vies.expect_request(VIES_PATH, method="POST").respond_with_json(vies_answer(True))
    assert vat_numbers.check(VALID_FR).status == "valid"
    assert vat_numbers.check(VALID_FR).status == "valid"
    assert len(vies.log) == 1


def test_vies_says_invalid_vat_is_charged_and_the_buyer_told_why(client, markets, goods, vies):
    vies.expect_request(VIES_PATH, method="POST").respond_with_json(vies_answer(False))
    cart = make_cart(markets["eu"], [(goods, 1)], country="FR", billing_country="FR", vat_number=VALID_FR)
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.DOMESTIC and quote.total_tax > 0
    assert "says the VAT number FR40303265045 is not valid, so VAT is charged" in checkout.vat_number_notice(cart)
    order = buy(cart)
    assert order.tax_notes == [] and order.total_tax > 0 and order.vat_number_check == "invalid"
    assert vat_numbers.check(VALID_FR).status == "invalid" and len(vies.log) == 2  # negative answers are not cached


@pytest.mark.parametrize("failure", ["500", "timeout", "error-body"])
def test_vies_down_vat_is_charged_never_silently_zero_rated(client, goods, vies, failure):
    if failure == "500":
        vies.expect_request(VIES_PATH).respond_with_data("Internal error", status=500)
    elif failure == "timeout":
        def slow(request):
            time.sleep(1.5)
            from werkzeug import Response

            return Response(json.dumps(vies_answer(True)), content_type="application/json")

        vies.expect_request(VIES_PATH).respond_with_handler(slow)
    else:
        vies.expect_request(VIES_PATH).respond_with_json({"actionSucceed": False, "errorWrappers": [{"error": "MS_UNAVAILABLE"}]})
    client.get("/en/?market=eu")
    client.post("/en/cart/add/", {"variant": goods.pk, "quantity": 1})
    address = {"email": "a@example.com", "full_name": "Jean Dupont", "company": "Dupont SARL", "line1": "1 rue de Rivoli",
               "postcode": "75001", "city": "Paris", "country": "FR"}
    client.post("/en/checkout/", address)
    method = client.get("/en/checkout/shipping/").context["quote"].shipping_options[0].method_id
    client.post("/en/checkout/shipping/", {"shipping_method": method})
    assert client.post("/en/checkout/billing/", {"same_as_shipping": "on", "vat_number": VALID_FR}).status_code == 302
    review = client.get("/en/checkout/review/")
    html = review.content.decode()
    quote = review.context["quote"]
    assert quote.total_tax > 0 and quote.treatments == []
    assert "could not confirm the VAT number FR40303265045" in html and "so VAT is charged" in html
    response = client.post("/en/checkout/place/", {"cart": str(review.context["cart"].token), "payment_method": "bank_transfer",
                                                   "expected_total": str(quote.total_gross), "accept_terms": "on"})
    assert response.status_code == 302
    order = Order.objects.get()
    assert order.total_tax == quote.total_tax > 0 and order.vat_number_check == "unavailable"
