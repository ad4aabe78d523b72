"""Buyer accounts through HTTP: sign-up and e-mail confirmation in the buyer's language, sign-in only once verified,
password reset, the guest cart carried over at sign-in, the address book and the buyer's own orders."""

import re
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from shop.models import Address, Cart, Invoice, OrderEvent
from shop.plumbing.cart_count import CART_SESSION_KEY
from shop.plumbing.storefront_config import get_config
from shop.pricing import PricingPolicy
from shop.services.cart import add_to_cart, get_or_create_cart
from tests.factories import OrderFactory, OrderLineFactory

pytestmark = pytest.mark.django_db

PASSWORD = "wander-far-37-caravans"


@pytest.fixture(autouse=True)
def _fast_hashing_and_no_language_leak(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    translation.deactivate()  # requests under /de/ leave German active in this thread; later tests expect the default


def _url(name, lang="en", *args, **kwargs):
    with translation.override(lang):
        return reverse(name, args=args or None, kwargs=kwargs or None)


def _buyer(email="erika@example.com", verified=True):
    user = get_user_model().objects.create_user(email.split("@")[0], email, PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def _sign_in(client, email, password=PASSWORD, lang="en"):
    return client.post(_url("account_login", lang), {"login": email, "password": password})


def _link(message, path_prefix):
    match = re.search(r"http://testserver(" + re.escape(path_prefix) + r"\S+)", message.body)
    assert match, message.body
    return match.group(1)


def _policy(code):
    config = get_config()
    return PricingPolicy(config.by_code[code], config)


# --- Sign-up, confirmation, sign-in, password reset -------------------------------------------------------------


def test_sign_up_in_german_confirms_by_a_german_mail_and_signs_in(client, markets):
    page = client.get("/de/accounts/signup/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'class="site-header"' in body and "css/shop.css" in body  # the shop's own layout, not allauth's bare one
    assert "Registrieren" in body

    response = client.post("/de/accounts/signup/", {"email": "Anna@Example.com", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/de/accounts/confirm-email/"
    assert SESSION_KEY not in client.session  # not signed in until the address is confirmed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.com"]
    assert "Bitte bestätige deine E-Mail-Adresse" in message.subject
    assert "Um zu bestätigen, dass dies korrekt ist" in message.body  # allauth's German text
    assert "Caravan" in message.body and "testserver" not in message.body.split("\n")[0]  # the shop greets, not the host
    link = _link(message, "/de/accounts/confirm-email/")

    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == "/de/account/"
    user = get_user_model().objects.get(email="anna@example.com")
    assert EmailAddress.objects.get(user=user).verified
    assert client.session[SESSION_KEY] == str(user.pk)
    account = client.get("/de/account/")
    assert account.status_code == 200 and account["Content-Language"] == "de"
    assert 'class="mini-cart account-link" href="/de/account/"' in account.content.decode()


def test_sign_in_is_refused_until_the_address_is_verified(client, markets):
    _buyer("late@example.com", verified=False)
    response = _sign_in(client, "late@example.com", lang="fr")
    assert response.status_code == 302 and response["Location"] == "/fr/accounts/confirm-email/"
    assert SESSION_KEY not in client.session
    assert len(mail.outbox) == 1 and "/fr/accounts/confirm-email/" in mail.outbox[0].body  # a fresh link, in French
    # A wrong password is refused with the form again, verified or not.
    response = _sign_in(client, "late@example.com", password="nope-nope-nope")
    assert response.status_code == 200 and SESSION_KEY not in client.session


def test_verified_buyer_signs_in_and_out_from_the_header(client, markets):
    user = _buyer()
    home = client.get("/en/").content.decode()
    assert 'href="/en/accounts/login/">Sign in</a>' in home and "Sign out" not in home
    response = _sign_in(client, user.email)
    assert response.status_code == 302 and response["Location"] == "/en/account/"
    home = client.get("/en/").content.decode()
    assert 'href="/en/account/">Account</a>' in home and "Sign out" in home and "Sign in</a>" not in home
    response = client.post(_url("account_logout"))
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert SESSION_KEY not in client.session


def test_password_reset_by_mail_link_sets_a_new_password(client, markets):
    user = _buyer("forgetful@example.com")
    response = client.post("/es/accounts/password/reset/", {"email": "forgetful@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0], "/es/accounts/password/reset/key/")
    response = client.get(link)  # allauth moves the key into the session and redirects to a key-free URL
    assert response.status_code == 302
    form_url = response["Location"]
    assert client.get(form_url).status_code == 200
    new_password = "a-brand-new-secret-42"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)
    # The link is spent, the old password no longer works, the new one does.
    assert client.get(link).context["token_fail"]
    assert _sign_in(client, user.email).status_code == 200  # old password → form again
    assert SESSION_KEY not in client.session
    assert _sign_in(client, user.email, new_password).status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


def test_password_reset_for_an_unknown_address_reveals_nothing(client, markets):
    known = _buyer()
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302 and response["Location"] == "/en/accounts/password/reset/done/"
    # Only the owner of the typed address learns there is no account; the page says the same as for a known one.
    assert [m.to for m in mail.outbox] == [["nobody@example.com"]]
    assert "/password/reset/key/" not in mail.outbox[0].body
    answer = client.post("/en/accounts/password/reset/", {"email": known.email})
    assert answer.status_code == 302 and answer["Location"] == response["Location"]


# --- Guest cart at sign-in ----------------------------------------------------------------------------------------


def test_sign_in_merges_the_guest_cart_into_the_account_cart(client, catalog, markets):
    _, products = catalog
    a, b = products[0].variants.order_by("pk").first(), products[1].variants.order_by("pk").first()  # 5 of each for the EU
    user = _buyer()
    account_cart = get_or_create_cart(market_id=markets["jp"].pk, user=user)  # last used in Japan
    add_to_cart(account_cart, a.pk, 3, _policy("jp"))

    client.get("/en/?market=eu")
    client.post(_url("shop:cart-add"), {"variant": a.pk, "quantity": "4"})
    client.post(_url("shop:cart-add"), {"variant": b.pk, "quantity": "1"})
    guest_token = client.session[CART_SESSION_KEY]
    assert client.cookies["cart_count"].value == "5"

    assert _sign_in(client, user.email).status_code == 302
    account_cart.refresh_from_db()
    assert {line.variant_id: line.quantity for line in account_cart.lines.all()} == {a.pk: 5, b.pk: 1}  # 3 + 4 capped at 5
    assert account_cart.market_id == markets["eu"].pk  # the buyer's current market
    assert not Cart.objects.filter(token=guest_token).exists()
    assert client.session[CART_SESSION_KEY] == str(account_cart.token)
    assert client.cookies["cart_count"].value == "6"
    page = client.get(_url("shop:cart"))
    assert page.context["cart"]["count"] == 6 and page.context["cart"]["currency"] == "EUR"
    assert 'id="mini-cart-count">6<' in page.content.decode()


def test_a_guest_cart_becomes_the_account_cart_when_there_is_none(client, catalog, markets):
    _, products = catalog
    variant = products[0].variants.order_by("pk").first()
    user = _buyer()
    client.post(_url("shop:cart-add", "ja") + "?market=jp", {"variant": variant.pk, "quantity": "2"})
    token = client.session[CART_SESSION_KEY]
    _sign_in(client, user.email, lang="ja")
    cart = Cart.objects.get(user=user)
    assert str(cart.token) == token and cart.market_id == markets["jp"].pk
    assert client.cookies["cart_count"].value == "2"


def test_sign_in_without_any_cart_creates_none(client, markets):
    user = _buyer()
    _sign_in(client, user.email)
    assert not Cart.objects.filter(user=user).exists()
    assert "cart_count" not in client.cookies  # no cart, so no count to remember


# --- Address book -------------------------------------------------------------------------------------------------


@pytest.fixture
def buyer_client(client, markets):
    user = _buyer()
    _sign_in(client, user.email)
    client.user = user
    return client


GOOD_ADDRESS = {"full_name": "Erika Mustermann", "line1": "Hauptstraße 5", "postcode": "10115", "city": "Berlin", "country": "DE"}


def test_account_pages_need_sign_in(client, markets):
    for name, kwargs in [("shop:account", {}), ("shop:account-addresses", {}), ("shop:account-address-add", {}),
                         ("shop:account-order", {"number": "CR-1"}), ("shop:account-address-edit", {"pk": 1})]:
        response = client.get(_url(name, "de", **kwargs))
        assert response.status_code == 302 and response["Location"].startswith("/de/accounts/login/?next=")


def test_address_book_add_edit_default_delete(buyer_client):
    client, user = buyer_client, buyer_client.user
    assert client.get(_url("shop:account-address-add")).context["form"].initial["country"] == "DE"  # the market's country
    response = client.post(_url("shop:account-address-add"), {**GOOD_ADDRESS, "postcode": " 10115 "})
    assert response.status_code == 302 and response["Location"] == "/en/account/addresses/"
    first = Address.objects.get(user=user)
    assert first.is_default and first.postcode == "10115" and first.country.code == "DE"  # the first one is the default

    second_data = {**GOOD_ADDRESS, "full_name": "Max Mustermann", "line1": "Rue de Rivoli 1", "postcode": "75001", "city": "Paris",
                   "country": "FR", "vat_number": "fr 12 345678901", "is_default": "on"}
    assert client.post(_url("shop:account-address-add"), second_data).status_code == 302
    second = Address.objects.get(user=user, city="Paris")
    first.refresh_from_db()
    assert second.is_default and not first.is_default and second.vat_number == "FR12345678901"
    assert Address.objects.filter(user=user, is_default=True).count() == 1

    page = client.get(_url("shop:account-addresses"))
    assert [a.pk for a in page.context["addresses"]] == [second.pk, first.pk]
    assert "Max Mustermann" in page.content.decode()

    assert client.post(_url("shop:account-address-default", pk=first.pk)).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_default and not second.is_default

    response = client.post(_url("shop:account-address-edit", pk=second.pk), {**second_data, "city": "Lyon", "postcode": "69001", "is_default": ""})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.city == "Lyon" and not second.is_default

    assert client.post(_url("shop:account-address-delete", pk=first.pk)).status_code == 302  # the default goes…
    second.refresh_from_db()
    assert not Address.objects.filter(pk=first.pk).exists() and second.is_default  # …and the other one takes over


def test_address_form_refuses_bad_input(buyer_client):
    client, user = buyer_client, buyer_client.user
    response = client.post(_url("shop:account-address-add", "de"), {"full_name": "", "line1": "", "city": "", "country": ""})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"full_name", "line1", "city", "country"} <= set(errors)
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()  # Django's German message
    response = client.post(_url("shop:account-address-add"), {**GOOD_ADDRESS, "postcode": "ABC"})
    assert response.status_code == 400 and "postcode" in response.context["form"].errors
    response = client.post(_url("shop:account-address-add"), {**GOOD_ADDRESS, "country": "XX"})
    assert response.status_code == 400 and "country" in response.context["form"].errors
    response = client.post(_url("shop:account-address-add"), {**GOOD_ADDRESS, "full_name": "x" * 500})
    assert response.status_code == 400
    assert not Address.objects.filter(user=user).exists()


def test_another_buyers_address_is_not_found(buyer_client):
    client = buyer_client
    other = _buyer("other@example.com")
    theirs = Address.objects.create(user=other, is_default=True, **GOOD_ADDRESS)
    assert client.get(_url("shop:account-address-edit", pk=theirs.pk)).status_code == 404
    assert client.post(_url("shop:account-address-edit", pk=theirs.pk), {**GOOD_ADDRESS, "city": "Hacked"}).status_code == 404
    assert client.post(_url("shop:account-address-delete", pk=theirs.pk)).status_code == 404
    assert client.post(_url("shop:account-address-default", pk=theirs.pk)).status_code == 404
    assert client.post(_url("shop:account-address-delete", pk=999999)).status_code == 404
    assert client.get(_url("shop:account-address-delete", pk=theirs.pk)).status_code == 405  # changes need a POST
    theirs.refresh_from_db()
    assert theirs.city == "Berlin" and theirs.is_default
    assert theirs not in client.get(_url("shop:account-addresses")).context["addresses"]


# --- Orders -------------------------------------------------------------------------------------------------------


def _order(user, lines=1, **kwargs):
    order = OrderFactory(user=user, **kwargs)
    for _ in range(lines - 1):  # the factory's totals are for one line: add lines at 0 % so the totals still add up
        OrderLineFactory(order=order, quantity=1, unit_net=Decimal(0), unit_gross=Decimal(0), tax_rate=Decimal(0),
                         total_net=Decimal(0), total_gross=Decimal(0))
    OrderLineFactory(order=order)
    return order


def test_order_history_lists_only_the_buyers_own_orders(buyer_client):
    client, user = buyer_client, buyer_client.user
    mine = _order(user)
    older = _order(user, status="delivered")
    theirs = _order(_buyer("other@example.com"))
    guest = _order(None)
    page = client.get(_url("shop:account", "de"))
    assert page.status_code == 200
    body = page.content.decode()
    assert mine.number in body and older.number in body
    assert theirs.number not in body and guest.number not in body
    assert "24,99\xa0€" in body  # the order's total in its own currency, formatted for German
    assert "Zugestellt" in body and "Delivered" not in body


def test_order_detail_shows_the_order_and_only_public_events(buyer_client):
    client, user = buyer_client, buyer_client.user
    order = _order(user, lines=2)
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PLACED, message="Order placed")
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.STATUS, message="awaiting_payment → paid", data={"to": "paid"})
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PAYMENT, message="Bank transfer received",
                              data={"method": "bank_transfer", "amount": "24.99"})
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PAYMENT, message="Only 10.00 of 24.99 EUR captured: not marked paid",
                              data={"payment": 1})  # a note for staff, not for the buyer
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.NOTE, message="Customer was rude on the phone")
    OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.EMAIL, message="Confirmation e-mail sent")
    response = client.get(_url("shop:account-order", "en", number=order.number))
    assert response.status_code == 200
    body = response.content.decode()
    data = response.context["data"]
    assert [e["kind"] for e in data["events"]] == ["placed", "status", "payment"]
    assert "Status changed: Paid" in body and "Payment received: €24.99" in body
    assert "rude" not in body and "not marked paid" not in body and "Confirmation e-mail" not in body
    line = data["lines"][-1]
    assert line["name"] == "Linen shirt" and line["unit"] == "€19.99" and line["total"] == "€19.99" and line["quantity"] == 1
    assert line["sku"] in body
    assert data["shipping"] == "€5.00" and data["total_net"] == "€21.00" and data["total"] == "€24.99"
    assert [(r["label"], r["tax"]) for r in data["tax_rows"]] == [("Tax 19 % included in €24.99", "€3.99")]  # goods and shipping together
    assert "Erika Mustermann" in body and "Germany" in body
    assert "Download invoice" not in body  # no invoice yet


def test_every_account_page_is_private_and_never_stored(buyer_client):
    """Addresses and order details: no shared cache or browser history may keep them (as the guest confirmation
    page); form errors, not-found pages and POST answers included."""
    client, user = buyer_client, buyer_client.user
    order = _order(user)
    address = Address.objects.create(user=user, **{**GOOD_ADDRESS, "country": "DE"})
    responses = [
        client.get(_url("shop:account")),
        client.get(_url("shop:account-order", number=order.number)),
        client.get(_url("shop:account-order", number="CR-2026-999999")),
        client.get(_url("shop:account-addresses")),
        client.get(_url("shop:account-address-add")),
        client.post(_url("shop:account-address-add"), {**GOOD_ADDRESS, "postcode": "1"}),
        client.get(_url("shop:account-address-edit", pk=address.pk)),
        client.post(_url("shop:account-address-default", pk=address.pk)),
    ]
    assert [r.status_code for r in responses] == [200, 200, 404, 200, 200, 400, 200, 302]
    for response in responses:
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, (response.request["PATH_INFO"], response["Cache-Control"])
    signed_out = Client().get(_url("shop:account-order", number=order.number))
    assert signed_out.status_code == 302 and "no-store" in signed_out["Cache-Control"]


def test_order_detail_of_another_buyer_or_unknown_number_is_not_found(buyer_client):
    client = buyer_client
    theirs = _order(_buyer("other@example.com"))
    guest = _order(None)
    for number in (theirs.number, guest.number, "CR-0000-NOPE", "x" * 300):
        assert client.get(_url("shop:account-order", number=number)).status_code == 404


def test_order_detail_with_an_invoice_never_crashes_and_links_when_the_download_exists(buyer_client):
    client, user = buyer_client, buyer_client.user
    order = _order(user)
    Invoice.objects.create(order=order, number="2026-000001", year=2026, sequence=1)
    response = client.get(_url("shop:account-order", number=order.number))
    assert response.status_code == 200
    try:
        invoice_url = _url("shop:account-invoice", "en", order.number)
    except NoReverseMatch:
        invoice_url = None  # the download view is not there yet: the page shows no link
    body = response.content.decode()
    if invoice_url:
        assert f'href="{invoice_url}"' in body
    else:
        assert "Download invoice" not in body


def test_order_detail_costs_the_same_queries_for_1_or_10_lines(buyer_client, django_assert_max_num_queries):
    client, user = buyer_client, buyer_client.user
    small, big = _order(user, lines=1), _order(user, lines=10)
    for order in (small, big):
        OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PLACED, message="Order placed")
    client.get(_url("shop:account-order", number=small.number))  # warm the per-process caches
    counts = []
    for order in (small, big):
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(8):  # user, order+invoice, lines, events, credit notes, returns
            response = client.get(_url("shop:account-order", number=order.number))
        assert response.status_code == 200
        counts.append(len(queries))
    assert len(big.lines.all()) == 10 and len(response.context["data"]["lines"]) == 10
    assert counts[0] == counts[1], counts


# --- Demo data ----------------------------------------------------------------------------------------------------


def test_seed_demo_creates_a_verified_demo_buyer_who_can_sign_in(client, db, monkeypatch):
    import io

    from django.core.management import call_command

    monkeypatch.delenv("CARAVAN_DEMO_BUYER_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("seed_demo", "--quiet", "--products", "3", stdout=out)
    assert "Demo buyer login: buyer@example.com / caravan-demo-buyer" in out.getvalue()
    user = get_user_model().objects.get(email="buyer@example.com")
    assert EmailAddress.objects.filter(user=user, email="buyer@example.com", verified=True, primary=True).exists()
    address = Address.objects.get(user=user)
    assert address.country.code == "DE" and address.is_default
    response = _sign_in(client, "buyer@example.com", "caravan-demo-buyer", lang="de")
    assert response.status_code == 302 and response["Location"] == "/de/account/"
    # Seeding again keeps one buyer and one address; a password from the environment replaces the default one.
    monkeypatch.setenv("CARAVAN_DEMO_BUYER_PASSWORD", "from-the-environment-9")
    call_command("seed_demo", "--quiet", "--products", "3", stdout=io.StringIO())
    user.refresh_from_db()
    assert user.check_password("from-the-environment-9")
    assert get_user_model().objects.filter(email="buyer@example.com").count() == 1 and Address.objects.filter(user=user).count() == 1


def test_order_detail_shows_the_tax_notes(buyer_client):
    client, user = buyer_client, buyer_client.user
    order = _order(user, tax_notes=["reverse_charge"], vat_number="FR12345678901")
    html = client.get(f"/en/account/orders/{order.number}/").content.decode()
    assert "Reverse charge: tax-exempt intra-Community supply of goods" in html
