"""Issue 9 #1: invoices are private documents. They are stored outside MEDIA_ROOT (never served as /media/) and
reach people only through views that check who asks: the buyer's account, the browser that placed a guest order,
staff in admin with the permission to view invoices."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.urls import reverse

from shop.models import Invoice
from shop.services.invoices import ensure_invoice_pdf, issue_invoice
from tests import factories as f

pytestmark = pytest.mark.django_db

SAFE_TOTALS = {"subtotal_gross": Decimal("20.00"), "total_tax": Decimal("4.00"), "total_gross": Decimal("25.00"),
               "total_gross_base": Decimal("25.00")}


def _billed(**kwargs):
    order = f.OrderFactory(**{**SAFE_TOTALS, **kwargs})
    f.OrderLineFactory(order=order, unit_gross=Decimal("20.00"), total_gross=Decimal("20.00"))
    with transaction.atomic():
        invoice = issue_invoice(order)
    ensure_invoice_pdf(invoice)
    return order, invoice


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("owner", "owner@example.com", "pw")


@pytest.fixture
def other(django_user_model):
    return django_user_model.objects.create_user("other", "other@example.com", "pw")


def _media_path(invoice):
    return f"/media/{invoice.pdf.name}"


def test_the_pdf_is_stored_privately_never_under_media_root(owner):
    _order, invoice = _billed(user=owner)
    assert invoice.pdf.name == f"invoices/{invoice.year}/invoice-{invoice.number}.pdf"
    assert (Path(settings.CARAVAN_PRIVATE_ROOT) / invoice.pdf.name).is_file()
    assert not (Path(settings.MEDIA_ROOT) / invoice.pdf.name).exists()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_anonymous_and_other_buyers_get_nothing(client, owner, other):
    order, invoice = _billed(user=owner)
    account_url = reverse("shop:account-invoice", kwargs={"number": order.number})
    guest_url = reverse("shop:checkout-invoice", kwargs={"number": order.number})
    # Anonymous: the old media path and the guest route are 404; the account route asks to sign in.
    assert client.get(_media_path(invoice)).status_code == 404
    assert client.get(guest_url).status_code == 404
    response = client.get(account_url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    # Another buyer: 404 everywhere.
    client.force_login(other)
    for url in (_media_path(invoice), account_url, guest_url):
        response = client.get(url)
        assert response.status_code == 404, url
        assert not response.content.startswith(b"%PDF")


def test_the_owner_downloads_it_with_private_headers(client, owner):
    order, invoice = _billed(user=owner)
    client.force_login(owner)
    for url in (reverse("shop:account-invoice", kwargs={"number": order.number}),
                reverse("shop:checkout-invoice", kwargs={"number": order.number})):
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), url
        assert response["Cache-Control"] == "private, no-store"
        assert response["Content-Disposition"] == f'attachment; filename="invoice-{invoice.number}.pdf"'
    assert client.get(_media_path(invoice)).status_code == 404


def test_a_guest_downloads_it_in_the_browser_that_placed_the_order(client):
    order, invoice = _billed(user=None)
    url = reverse("shop:checkout-invoice", kwargs={"number": order.number})
    assert client.get(url).status_code == 404
    session = client.session
    session["placed_orders"] = [order.number]
    session.save()
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == f'attachment; filename="invoice-{invoice.number}.pdf"'


def test_staff_download_in_admin_and_the_order_page_links_there(admin_client, owner):
    order, invoice = _billed(user=owner)
    admin_url = reverse("admin:shop_invoice_pdf", kwargs={"pk": invoice.pk})
    response = admin_client.get(admin_url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == f'attachment; filename="invoice-{invoice.number}.pdf"'
    assert admin_url in admin_client.get(f"/admin/shop/order/{order.pk}/change/").content.decode()
    page = admin_client.get(f"/admin/shop/invoice/{invoice.pk}/change/")
    assert page.status_code == 200 and admin_url in page.content.decode() and "/media/" not in page.content.decode()


def test_a_signed_out_visitor_cannot_reach_the_admin_view(client, owner):
    _order, invoice = _billed(user=owner)
    response = client.get(reverse("admin:shop_invoice_pdf", kwargs={"pk": invoice.pk}))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_invoices_left_under_media_are_moved_to_the_private_storage(owner):
    """What older versions stored under MEDIA_ROOT moves out (migration 0007 runs this command)."""
    from django.core.management import call_command

    order, invoice = _billed(user=owner)
    name = invoice.pdf.name
    data = storages["private"].open(name).read()
    storages["private"].delete(name)
    storages["default"].save(name, ContentFile(data))  # as an old version left it
    storages["default"].save("invoices/2025/invoice-2025-000007.pdf", ContentFile(b"%PDF old"))
    storages["default"].save("products/photo.jpg", ContentFile(b"jpeg"))  # public media stays
    call_command("move_private_files")
    assert not (Path(settings.MEDIA_ROOT) / "invoices").exists() or not any((Path(settings.MEDIA_ROOT) / "invoices").rglob("*.pdf"))
    assert (Path(settings.MEDIA_ROOT) / "products/photo.jpg").is_file()
    assert storages["private"].open(name).read() == data
    assert storages["private"].open("invoices/2025/invoice-2025-000007.pdf").read() == b"%PDF old"
    assert ensure_invoice_pdf(Invoice.objects.get(pk=invoice.pk)) == data  # the stored name still works
    call_command("move_private_files")  # a second run finds nothing to do


def test_a_private_folder_inside_media_root_fails_the_system_check(settings, tmp_path):
    from shop.storage import check_private_root

    assert check_private_root() == []
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                                          "OPTIONS": {"location": tmp_path / "private"}}}
    assert [e.id for e in check_private_root()] == ["shop.E001"]


def test_a_private_folder_inside_a_staticfiles_dir_fails_the_system_check(settings, tmp_path):
    """collectstatic copies every STATICFILES_DIRS folder into STATIC_ROOT, which is served: a private folder in
    one (e.g. static/p) would be published. Entries may be paths or (prefix, path) pairs."""
    from shop.storage import check_private_root

    static = tmp_path / "static"
    settings.STATICFILES_DIRS = [tmp_path / "assets", ("vendor", str(static))]
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                                          "OPTIONS": {"location": static / "p"}}}
    errors = check_private_root()
    assert [e.id for e in errors] == ["shop.E001"] and "STATICFILES_DIRS" in errors[0].msg
    settings.STATICFILES_DIRS = [tmp_path / "assets"]
    assert check_private_root() == []


def test_private_files_are_readable_by_the_shop_alone(owner):
    """Invoices are written 0600 in folders made 0700 (the project's STORAGES["private"] options), not 0644/0755."""
    _order, invoice = _billed(user=owner)
    path = Path(settings.CARAVAN_PRIVATE_ROOT) / invoice.pdf.name
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700  # invoices/<year>/
    assert path.parent.parent.stat().st_mode & 0o777 == 0o700  # invoices/
