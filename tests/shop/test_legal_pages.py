"""The shop's own pages (imprint, terms, withdrawal, privacy, shipping and returns, contact), the footer and
checkout links to them, the error pages (400, 403 and CSRF failure, 404, 500) and an expired session at "place order".
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from shop.demo.pages import PAGES, ensure_pages
from shop.models import Order, PageKind, ShopPage
from tests.shop.test_checkout_flow import go_to_review, place
from tests.shop.test_checkout_flow import shop as shop  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

KINDS = ["imprint", "terms", "withdrawal", "privacy", "shipping", "contact"]


@pytest.fixture
def pages(markets):
    assert ensure_pages() == 6
    return {p.kind: p for p in ShopPage.objects.all()}


def _client():
    return Client(raise_request_exception=False)


def test_pages_are_shown_in_the_buyers_language(client, pages):
    seller = settings.CARAVAN_SELLER["name"]
    german = client.get("/de/pages/imprint/")
    assert german.status_code == 200
    body = german.content.decode()
    assert "<h1>Impressum</h1>" in body and '<html lang="de">' in body
    assert seller in body and "Torstraße 1" in body and settings.CARAVAN_SELLER["vat_number"] in body
    assert "<h2>Umsatzsteuer-Identifikationsnummer</h2>" in body
    japanese = client.get("/ja/pages/terms/").content.decode()
    assert "<h1>利用規約</h1>" in japanese and "German law" not in japanese and "準拠法" in japanese
    english = client.get("/en/pages/shipping/").content.decode()
    assert "<h1>Shipping and returns</h1>" in english and "Osaka (Japan and China)" in english


def test_every_demo_page_exists_in_every_language_with_its_own_text():
    for kind in KINDS:
        texts = PAGES[kind]
        assert set(texts) == {"en", "de", "fr", "es", "ja", "zh_hans"}
        titles = {title for title, _body in texts.values()}
        bodies = {body for _title, body in texts.values()}
        assert len(bodies) == 6, kind  # six translations, not one text copied
        assert all(len(body) > 100 and "lorem" not in body.lower() for body in bodies), kind
        assert len(titles) >= 5, kind  # "Contact" is "Contact" in French too


def test_withdrawal_page_carries_the_eu_model_withdrawal_form_addressed_to_the_seller(client, pages):
    body = client.get("/en/pages/withdrawal/").content.decode()
    form = body[body.index('id="withdrawal-form"'):]
    assert "Model withdrawal form" in form
    assert "Complete and return this form only if you wish to withdraw from the contract." in form
    assert f"<strong>{settings.CARAVAN_SELLER['name']}</strong>, Torstraße 1, 10119 Berlin, Germany" in form
    assert settings.CARAVAN_CONTACT_EMAIL in form
    for line in ["I/We (*) hereby give notice that I/We (*) withdraw from my/our (*) contract of sale of the following goods",
                 "Ordered on (*)/received on (*)", "Name of consumer(s)", "Address of consumer(s)",
                 "Signature of consumer(s) (only if this form is notified on paper)", "Date", "(*) Delete as appropriate."]:
        assert line in form, line
    assert form.count("<input") + form.count("<textarea") == 5  # fill in on screen, then print
    assert "data-print-page" in form and "js/print-page.js" in body
    german = client.get("/de/pages/withdrawal/").content.decode()
    assert "Muster-Widerrufsformular" in german
    assert "Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag" in german
    # Only the withdrawal page has the form.
    assert 'id="withdrawal-form"' not in client.get("/en/pages/terms/").content.decode()


def test_unknown_and_unpublished_pages_are_404(client, pages):
    assert client.get("/en/pages/nope/").status_code == 404
    assert client.get("/en/pages/%00/").status_code == 404
    pages["privacy"].is_published = False
    pages["privacy"].save()
    assert client.get("/en/pages/privacy/").status_code == 404
    assert client.get("/en/pages/contact/").status_code == 200


def test_page_text_typed_in_admin_is_shown_as_text_never_as_html(client, pages):
    page = pages["contact"]
    page.body_en = "## Write to us\n\n<script>alert(1)</script> <a href=\"javascript:x\">x</a>\nsecond line"
    page.save()
    body = client.get("/en/pages/contact/").content.decode()
    assert "<h2>Write to us</h2>" in body
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&quot;javascript:x&quot;&gt;x&lt;/a&gt;<br>second line</p>" in body
    assert "<script>alert(1)" not in body


def test_merchant_edits_page_in_admin_with_a_tab_per_language(client, pages):
    admin = User.objects.create_superuser("boss", "boss@example.com", "pw-for-tests-only")
    client.force_login(admin)
    page = pages["imprint"]
    form = client.get(f"/admin/shop/shoppage/{page.pk}/change/")
    assert form.status_code == 200
    html = form.content.decode()
    for lang in ["en", "de", "fr", "es", "ja", "zh_hans"]:
        assert f'name="title_{lang}"' in html and f'name="body_{lang}"' in html
    data = {"kind": "imprint", "is_published": "on"}
    for lang in ["en", "de", "fr", "es", "ja", "zh_hans"]:
        data[f"title_{lang}"] = getattr(page, f"title_{lang}")
        data[f"body_{lang}"] = getattr(page, f"body_{lang}")
    data["body_de"] = "Neuer Text des Händlers."
    assert client.post(f"/admin/shop/shoppage/{page.pk}/change/", data).status_code == 302
    assert "Neuer Text des Händlers." in client.get("/de/pages/imprint/").content.decode()


def test_seed_demo_creates_the_pages_once_and_keeps_merchant_edits(markets):
    assert ensure_pages() == 6
    page = ShopPage.objects.get(kind=PageKind.TERMS)
    page.body_de = "Unsere eigenen AGB."
    page.save()
    ShopPage.objects.filter(kind=PageKind.CONTACT).delete()
    assert ensure_pages() == 1  # only the missing page comes back
    assert ShopPage.objects.get(kind=PageKind.TERMS).body_de == "Unsere eigenen AGB."
    assert ShopPage.objects.count() == 6


def test_footer_links_every_page_and_names_the_shop_and_year(client, catalog, pages):
    body = client.get("/de/").content.decode()
    footer = body[body.index('<footer class="site-footer">'):]
    for kind in KINDS:
        assert f'href="/de/pages/{kind}/"' in footer, kind
    assert "Impressum" in footer and "Widerrufsrecht" in footer and "Datenschutzerklärung" in footer
    assert f"© {timezone.now().year} {settings.CARAVAN_SHOP_NAME}" in footer
    for kind in KINDS:  # every footer link works
        assert client.get(f"/de/pages/{kind}/").status_code == 200


def test_sitemap_lists_the_published_pages(client, pages):
    pages["privacy"].is_published = False
    pages["privacy"].save()
    body = client.get("/sitemap-info.xml").content.decode()
    assert "/de/pages/imprint/" in body and "/ja/pages/withdrawal/" in body
    assert "/pages/privacy/" not in body


def test_terms_checkbox_links_terms_and_withdrawal_in_a_new_tab(client, shop, pages):
    review = go_to_review(client, shop)
    html = review.content.decode()
    label = re.search(r'<label for="id_accept_terms">(.*?)</label>', html, re.S).group(1)
    assert '<a href="/de/pages/terms/" target="_blank" rel="noopener">' in label
    assert '<a href="/de/pages/withdrawal/" target="_blank" rel="noopener">' in label
    assert "Allgemeinen Geschäftsbedingungen" in label


# --- error pages ---------------------------------------------------------------------------------------


def test_404_page_is_in_the_shop_layout_and_language(catalog):
    response = _client().get("/de/p/no-such-product/")
    assert response.status_code == 404
    body = response.content.decode()
    assert '<html lang="de">' in body and "Seite nicht gefunden" in body
    assert 'class="site-header"' in body and 'href="/de/pages/imprint/"' in body  # header and footer of the shop
    assert 'name="robots" content="noindex"' in body


def test_403_page_is_in_the_shop_layout(catalog):
    staff = User.objects.create_user("clerk", "clerk@example.com", "pw-for-tests-only", is_staff=True)  # no permissions
    client = _client()
    client.force_login(staff)
    response = client.get("/admin/shop/product/add/")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Access denied" in body and 'class="site-footer"' in body


def test_400_page_is_in_the_shop_layout(catalog):
    response = _client().get("/de/search/", {"q": "x"}, headers={"host": "evil.example"})  # DisallowedHost
    assert response.status_code == 400
    body = response.content.decode()
    assert "Ungültige Anfrage" in body and 'class="site-footer"' in body


def test_csrf_failure_outside_checkout_says_the_form_expired(catalog):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post("/de/accounts/login/", {"login": "a@example.com", "password": "x"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Dieses Formular ist abgelaufen" in body and 'class="site-footer"' in body
    assert "Sitzung" not in body


def test_csrf_failure_at_place_order_says_the_session_expired_and_leads_to_the_cart(client, shop):
    review = go_to_review(client, shop)
    # The browser lost its cookies' tokens (session and CSRF cookie expired): the form posts a stale token.
    stale = Client(enforce_csrf_checks=True, raise_request_exception=False)
    data = {"cart": str(review.context["cart"].token), "payment_method": "bank_transfer", "accept_terms": "on",
            "expected_total": str(review.context["quote"].total_gross), "csrfmiddlewaretoken": "x" * 64}
    response = stale.post("/de/checkout/place/", data)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Ihre Sitzung ist abgelaufen" in body
    assert 'href="/de/cart/"' in body and "Zurück zum Warenkorb" in body
    assert not Order.objects.exists()


def test_expired_session_at_place_order_says_so_and_leads_back_to_the_cart(client, shop):
    review = go_to_review(client, shop)
    client.cookies.pop(settings.SESSION_COOKIE_NAME)  # the session cookie expired; the CSRF cookie is still there
    response = place(client, review)
    assert response.status_code == 302 and response["Location"] == "/de/cart/"
    page = client.get(response["Location"])
    assert "Ihre Sitzung ist abgelaufen" in page.content.decode()
    assert "in einem anderen Fenster" not in page.content.decode()
    assert not Order.objects.exists()


def _database_down(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_500_page_renders_when_the_database_is_down_without_claiming_anyone_was_notified(catalog, settings):
    settings.ADMINS = []
    client = _client()
    with connection.execute_wrapper(_database_down):
        response = client.get("/de/")
    assert response.status_code == 500
    body = response.content.decode()
    assert '<html lang="de">' in body and "Etwas ist schiefgelaufen" in body
    assert 'class="site-footer"' in body and 'href="/de/pages/imprint/"' in body
    assert "benachrichtigt" not in body
    assert mail.outbox == []


def test_500_page_says_we_were_notified_only_when_error_reports_go_out(catalog, settings):
    settings.ADMINS = [("Ops", "ops@example.com")]
    client = _client()
    with connection.execute_wrapper(_database_down):
        response = client.get("/en/")
    assert response.status_code == 500
    assert "We have been notified" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["ops@example.com"]]  # and it is true: the report went out


def test_admins_come_from_the_environment(monkeypatch):
    import importlib

    import config.settings as config_settings

    monkeypatch.setenv("DJANGO_ADMINS", "Ops Team <ops@example.com>, dev@example.com, not-an-address")
    try:
        reloaded = importlib.reload(config_settings)
        assert reloaded.ADMINS == [("Ops Team", "ops@example.com"), ("dev@example.com", "dev@example.com")]
        monkeypatch.delenv("DJANGO_ADMINS")
        assert importlib.reload(config_settings).ADMINS == []
    finally:
        importlib.reload(config_settings)

