"""Returns in the back office: the list within a query budget at a few hundred returns, the change page with lines
and events, approve / refuse from the action bar with a note (refusing needs one), the rules per market (the EU
floor enforced), and the returnable flag on products."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.models import ReturnEvent, ReturnLine, ReturnPolicy, ReturnReason, ReturnRequest, ReturnStatus
from shop.services.returns.requests import request_return
from tests import factories as f
from tests.shop.returns_helpers import delivered_order, warehouses

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "a-long-password-1")
    client.force_login(user)
    client.user = user
    return client


def _returns(order, n):
    line = order.lines.get()
    made = []
    for i in range(n):
        request = ReturnRequest.objects.create(order=order, number=f"{order.number}-X{i}", reason=ReturnReason.OTHER, warehouse_id=order.wh)
        ReturnLine.objects.create(return_request=request, order_line=line, quantity=1)
        ReturnEvent.objects.create(return_request=request, to_status=ReturnStatus.REQUESTED)
        made.append(request)
    return made


def test_list_and_change_pages_within_a_query_budget_at_300_returns(staff):
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)])
    order.wh = berlin.pk
    made = _returns(order, 300)
    url = reverse("admin:shop_returnrequest_changelist")
    staff.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = staff.get(url)
    assert response.status_code == 200 and made[-1].number in response.content.decode()
    assert len(queries) <= 12, len(queries)
    change = staff.get(reverse("admin:shop_returnrequest_change", args=[made[0].pk]))
    assert change.status_code == 200 and "Requested" in change.content.decode()


def test_approve_and_refuse_from_the_action_bar(staff, django_capture_on_commit_callbacks):
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 3)])
    line = order.lines.get()
    first = request_return(order.pk, {line.pk: 1}, reason="damaged")
    second = request_return(order.pk, {line.pk: 1}, reason="other")
    url = reverse("admin:shop_returnrequest_changelist")
    staff.post(url, {"action": "approve_returns", "_selected_action": [first.pk], "note": "Photo OK"})
    first.refresh_from_db()
    assert first.status == ReturnStatus.APPROVED and first.staff_note == "Photo OK"
    assert first.events.last().user_id == staff.user.pk
    response = staff.post(url, {"action": "refuse_returns", "_selected_action": [second.pk], "note": ""}, follow=True)
    assert ReturnRequest.objects.get(pk=second.pk).status == ReturnStatus.REQUESTED
    assert "why" in response.content.decode()
    staff.post(url, {"action": "refuse_returns", "_selected_action": [second.pk, first.pk], "note": "Worn"})
    assert ReturnRequest.objects.get(pk=second.pk).status == ReturnStatus.REFUSED
    assert ReturnRequest.objects.get(pk=first.pk).status == ReturnStatus.APPROVED  # decided already: refused, unchanged


def test_return_rules_per_market_keep_the_eu_floor(staff):
    eu = f.MarketFactory(code="eu", countries=["DE", "FR"])
    url = reverse("admin:shop_returnpolicy_add")
    data = {"market": eu.pk, "window_days": 7, "auto_approve_reasons": ["wrong_size"], "return_shipping_fee": "0",
            "restocking_fee_percent": "0"}
    assert staff.post(url, data).status_code == 200 and not ReturnPolicy.objects.exists()
    data["window_days"] = 30
    assert staff.post(url, data).status_code == 302
    assert ReturnPolicy.objects.get().auto_approve_reasons == ["wrong_size"]
    assert staff.get(reverse("admin:shop_market_change", args=[eu.pk])).status_code == 200
    assert staff.get(reverse("admin:shop_returnpolicy_changelist")).status_code == 200


def test_products_list_shows_and_filters_returnable(staff):
    f.ProductFactory(is_returnable=False, name_en="Toothbrush")
    response = staff.get(reverse("admin:shop_product_changelist") + "?is_returnable__exact=0")
    assert response.status_code == 200 and "Toothbrush" in response.content.decode()


def test_change_page_with_a_photo(staff, monkeypatch):
    import io

    from django.core.files.storage import storages
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    monkeypatch.setattr(ReturnRequest._meta.get_field("photo"), "storage", storages["private"])
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(out, "JPEG")
    berlin, _ = warehouses()
    order = delivered_order(berlin, [(f.ProductVariantFactory(), 1)])
    created = request_return(order.pk, {order.lines.get().pk: 1}, reason="damaged", comment="Torn seam",
                             photo=SimpleUploadedFile("tear.jpg", out.getvalue(), "image/jpeg"))
    response = staff.get(reverse("admin:shop_returnrequest_change", args=[created.pk]))
    photo_url = reverse("admin:shop_returnrequest_photo", kwargs={"pk": created.pk})
    assert response.status_code == 200 and "Torn seam" in response.content.decode() and photo_url in response.content.decode()
    photo = staff.get(photo_url)
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg" and photo["Cache-Control"] == "private, no-store"
    staff.logout()
    assert staff.get(photo_url).status_code == 302  # to the admin login
