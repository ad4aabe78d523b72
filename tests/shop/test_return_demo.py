"""The returns demo: rules per market, return desks, non-returnable goods and one demo return on a delivered demo
order; a second run changes nothing, and the demo orders can still be deleted (their returns first)."""

import io

import pytest
from django.core.management import call_command

from fulfillment.models import Warehouse
from shop.demo.returns import delete_demo_returns, ensure_returns_demo
from shop.demo.shipments import delete_demo_shipments
from shop.models import Product, ReturnPolicy, ReturnRequest
from shop.services.returns.requests import return_warehouse


@pytest.fixture(autouse=True)
def _fast_setup(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.delenv("CARAVAN_ADMIN_PASSWORD", raising=False)


@pytest.mark.django_db
def test_returns_demo(monkeypatch, django_capture_on_commit_callbacks):
    from django.core.files.storage import storages

    monkeypatch.setattr(ReturnRequest._meta.get_field("photo"), "storage", storages["private"])
    with django_capture_on_commit_callbacks(execute=True):  # the orders follow their parcels (shipped, delivered)
        call_command("seed_demo", "--quiet", "--products", "30", stdout=io.StringIO())
    # seed_demo made the rules; in a test transaction its orders become delivered only when the block's commit
    # callbacks ran, so the demo return comes with this second call
    counts = ensure_returns_demo()
    assert ReturnPolicy.objects.count() == 6 and counts["demo returns"] == 1
    policies = {p.market.code: p for p in ReturnPolicy.objects.select_related("market")}
    assert policies["jp"].window_days == 14 and policies["us"].buyer_pays_return_shipping and not policies["eu"].buyer_pays_return_shipping
    assert policies["eu"].auto_approve_reasons == ["wrong_size", "changed_mind"]
    assert Product.objects.filter(is_returnable=False).exists()
    codes = {country: return_warehouse(country).code for country in ("DE", "FR", "CH", "GB", "US", "JP", "CN")}
    assert codes == {"DE": "de-ber", "FR": "de-ber", "CH": "de-ber", "GB": "uk-lon", "US": "us-nj", "JP": "jp-osa", "CN": "jp-osa"}
    demo = ReturnRequest.objects.get()
    assert demo.status == "approved" and demo.number.endswith("-R1") and demo.warehouse == Warehouse.objects.get(code="de-ber")
    assert ensure_returns_demo()["demo returns"] == 0 and ReturnRequest.objects.count() == 1
    assert delete_demo_returns() >= 1
    assert delete_demo_shipments() > 0
