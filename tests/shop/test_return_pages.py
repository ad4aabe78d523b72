"""The buyer's return pages: the link on the order pages, the form, the return's page with where to send it and
the label (PDF with a scannable Code 128), "I have sent it"; the account door for the owner only, the guest door
only through the tracking token."""

import io
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from shop.models import Order, ReturnPolicy, ReturnRequest, ReturnStatus
from shop.selectors.orders import order_tracking_token
from shop.services.returns.requests import approve_return, request_return
from tests import factories as f
from tests.shop.returns_helpers import delivered_order, on_sale, warehouses

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_photos(monkeypatch):
    from django.core.files.storage import storages

    monkeypatch.setattr(ReturnRequest._meta.get_field("photo"), "storage", storages["private"])


def _url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def order():
    berlin, _ = warehouses()
    market = f.MarketFactory(code="eu")
    product = f.ProductFactory()
    small, large = f.ProductVariantFactory(product=product), f.ProductVariantFactory(product=product)
    on_sale(product, market)
    f.StockFactory(variant=large, warehouse=berlin, quantity=3)
    hygiene = f.ProductVariantFactory(product=f.ProductFactory(is_returnable=False))
    order = delivered_order(berlin, [(small, 2), (hygiene, 1)], market=market)
    order.large = large
    return order


@pytest.fixture
def buyer(django_user_model, order):
    user = django_user_model.objects.create_user("erika", "erika@example.com", "pw-caravan-37")
    Order.objects.filter(pk=order.pk).update(user=user)
    return user


def test_account_order_page_links_to_the_form_which_creates_the_return(client, order, buyer):
    client.force_login(buyer)
    page = client.get(_url("shop:account-order", number=order.number)).content.decode()
    new_url = _url("shop:account-return-new", number=order.number)
    assert new_url in page and 'id="return-items"' in page
    form = client.get(new_url)
    assert form.status_code == 200
    returnable, hygiene = order.lines.order_by("pk")
    body = form.content.decode()
    assert f'name="qty_{returnable.pk}"' in body and f'name="qty_{hygiene.pk}"' not in body
    assert "cannot be returned" in body
    response = client.post(new_url, {f"qty_{returnable.pk}": "1", "reason": "wrong_size", "resolution": "exchange",
                                     f"exchange_{returnable.pk}": str(order.large.pk), "comment": "Too tight"})
    created = ReturnRequest.objects.get()
    assert response.status_code == 302 and response.url == _url("shop:account-return", number=order.number, return_number=created.number)
    detail = client.get(response.url).content.decode()
    assert created.number in detail and "Lagerstraße 1" in detail and "Germany" in detail
    page = client.get(_url("shop:account-order", number=order.number)).content.decode()
    assert f'id="return-{created.number}"' in page and "Requested" in page


def test_the_form_shows_errors_and_creates_nothing(client, order, buyer):
    client.force_login(buyer)
    url = _url("shop:account-return-new", number=order.number)
    returnable = order.lines.order_by("pk").first()
    for data in ({f"qty_{returnable.pk}": "0", "reason": "other", "resolution": "refund"},
                 {f"qty_{returnable.pk}": "5", "reason": "other", "resolution": "refund"},
                 {f"qty_{returnable.pk}": "1", "reason": "nope", "resolution": "refund"},
                 {f"qty_{returnable.pk}": "1", "reason": "other", "resolution": "refund", "comment": "a\x00b"}):
        assert client.post(url, data).status_code == 400
    bad_photo = io.BytesIO(b"GIF89a not really")
    bad_photo.name = "x.png"
    assert client.post(url, {f"qty_{returnable.pk}": "1", "reason": "other", "resolution": "refund", "photo": bad_photo}).status_code == 400
    assert not ReturnRequest.objects.exists()


def test_account_pages_are_the_owners_only(client, order, buyer, django_user_model):
    created = request_return(order.pk, {order.lines.order_by("pk").first().pk: 1}, reason="other")
    client.force_login(django_user_model.objects.create_user("mallory", "mallory@example.com", "pw-caravan-37"))
    for name, kwargs in (("shop:account-return-new", {}), ("shop:account-return", {"return_number": created.number}),
                         ("shop:account-return-label", {"return_number": created.number})):
        assert client.get(_url(name, number=order.number, **kwargs)).status_code == 404
    client.logout()
    assert client.get(_url("shop:account-return-new", number=order.number)).status_code == 302  # to sign in


def test_guest_door_through_the_token_only_and_sent_by_the_buyer(client, order):
    token = order_tracking_token(order)
    page = client.get(_url("shop:order-tracking", token=token)).content.decode()
    new_url = _url("shop:tracking-return-new", token=token)
    assert new_url in page
    returnable = order.lines.order_by("pk").first()
    response = client.post(new_url, {f"qty_{returnable.pk}": "2", "reason": "changed_mind", "resolution": "refund"})
    created = ReturnRequest.objects.get()
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200
    for bad in (token[:-2] + "xx", "nonsense"):
        assert client.get(f"/en/orders/track/{bad}/returns/new/").status_code == 404
        assert client.get(f"/en/orders/track/{bad}/returns/{created.number}/").status_code == 404
    other = delivered_order(warehouses()[0], [(f.ProductVariantFactory(), 1)])
    assert client.get(_url("shop:tracking-return", token=order_tracking_token(other), return_number=created.number)).status_code == 404
    # Nothing left to return: the link is gone and the form sends back to the order.
    page = client.get(_url("shop:order-tracking", token=token)).content.decode()
    assert new_url not in page and created.number in page
    assert client.get(new_url).status_code == 302
    approve_return(created.pk)
    detail_url = _url("shop:tracking-return", token=token, return_number=created.number)
    assert client.post(detail_url, {"tracking_number": "JJD123"}).status_code == 302
    assert ReturnRequest.objects.get().status == ReturnStatus.IN_TRANSIT
    assert "On its way back" in client.get(detail_url).content.decode()


def test_label_pdf_in_japanese_scans_as_the_return_number(client, order, tmp_path):
    ReturnPolicy.objects.create(market=order.market, auto_approve_reasons=["other"])
    created = request_return(order.pk, {order.lines.order_by("pk").first().pk: 1}, reason="other")
    response = client.get(_url("shop:tracking-return-label", "ja", token=order_tracking_token(order), return_number=created.number))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    pdf = tmp_path / "label.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-singlefile", str(pdf), str(tmp_path / "label")], check=True)
    import zxingcpp
    from PIL import Image

    found = [r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "label.png"))]
    assert created.number in found
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Lagerstraße 1" in text and created.number in text


def test_order_page_shows_the_timeline_of_each_return(client, order, buyer):
    created = request_return(order.pk, {order.lines.order_by("pk").first().pk: 1}, reason="other")
    approve_return(created.pk, "ok")
    client.force_login(buyer)
    body = client.get(_url("shop:account-order", "de", number=order.number)).content.decode()
    assert created.number in body and body.count("<time>") >= 2
    assert Client().get(_url("shop:account-return", number=order.number, return_number=created.number)).status_code == 302


def test_order_pages_cost_the_same_queries_for_1_or_6_returns(client, order, buyer, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from shop.services.returns.requests import refuse_return

    line = order.lines.order_by("pk").first()
    client.force_login(buyer)
    guest = Client()
    pages = [(guest, _url("shop:order-tracking", token=order_tracking_token(order))), (client, _url("shop:account-order", number=order.number))]
    counts = {url: [] for _, url in pages}
    for round_ in range(2):
        for _ in range(1 if round_ == 0 else 5):
            refuse_return(request_return(order.pk, {line.pk: 1}, reason="other").pk, "no")
        for browser, url in pages:
            browser.get(url)
            with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(12 if browser is guest else 18):
                assert browser.get(url).status_code == 200
            counts[url].append(len(queries))
    for url, (few, many) in counts.items():
        assert few == many, (url, few, many)


def test_the_form_states_the_market_rules(client, order, buyer):
    ReturnPolicy.objects.create(market=order.market, window_days=30, buyer_pays_return_shipping=True, return_shipping_fee="4.95",
                                restocking_fee_percent="10")
    client.force_login(buyer)
    body = client.get(_url("shop:account-return-new", number=order.number)).content.decode()
    assert "within 30 days" in body and "€4.95" in body and "10%" in body
