"""The merchant back-office: every list and form opens; translated fields get language tabs; edits reach the shop."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "a-long-password-1")
    client.force_login(user)
    return client


def test_every_admin_list_and_add_form_opens(staff_client, catalog):
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        listing = staff_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        assert listing.status_code == 200, meta.label
        if model_admin.has_add_permission(listing.wsgi_request):
            add = staff_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
            assert add.status_code == 200, meta.label


def test_product_form_has_a_tab_per_language_served_locally(staff_client, catalog):
    _, products = catalog
    response = staff_client.get(reverse("admin:shop_product_change", args=[products[0].pk]))
    body = response.content.decode()
    assert "tabbed_translation_fields.js" in body
    assert "vendor/jquery-ui/jquery-ui.min.js" in body
    assert "googleapis" not in body
    for lang in ["en", "de", "fr", "es", "ja", "zh_hans"]:
        assert f'name="name_{lang}"' in body


def test_changing_a_rate_in_admin_reprices_the_shop(staff_client, catalog, django_capture_on_commit_callbacks):
    from djmoney.contrib.exchange.models import Rate

    _, products = catalog
    rate = Rate.objects.get(currency="USD")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:exchange_rate_change", args=[rate.pk]),
            {"currency": "USD", "value": "2.000000", "backend": "caravan"},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = staff_client.get(f"/en/p/{products[0].slug}/?market=us")
    # 10.00 EUR net x 2.0 = 20.00 USD, .99 rule -> $19.99 (the US shows prices before tax)
    assert page.context["options"][0]["price_display"] == "$19.99"
