"""Invoices: gapless numbers per year, one invoice per order, the PDF in the buyer's language, the download."""

import datetime
import re
import shutil
import subprocess
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from shop.models import Counter, Invoice, OrderEvent
from shop.selectors.orders import tax_breakdown
from shop.services.invoices import ensure_invoice_pdf, issue_invoice, render_invoice_pdf
from tests import factories as f

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext is missing: install poppler-utils (scripts/bootstrap.sh test does)",
)


# Totals whose float sum is exact: SQLite checks `total_gross = total_net + total_tax` in floating point, and the
# factory's default 21.00 + 3.99 fails it there.
SAFE_TOTALS = {"subtotal_gross": Decimal("20.00"), "total_tax": Decimal("4.00"), "total_gross": Decimal("25.00"),
               "total_gross_base": Decimal("25.00")}


def _order(**kwargs):
    return f.OrderFactory(**{**SAFE_TOTALS, **kwargs})


def _line(order, **kwargs):
    return f.OrderLineFactory(order=order, **{"unit_gross": Decimal("20.00"), "total_gross": Decimal("20.00"), **kwargs})


def _issue(order, **kwargs):
    with transaction.atomic():
        return issue_invoice(order, **kwargs)


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "invoice.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, timeout=60)
    return out.stdout.decode("utf-8")


def _two_rate_order(**kwargs):
    """19 % goods, 7 % goods (a 10 % voucher already in the line totals) and 19 % shipping."""
    order = _order(
        discount=Decimal("3.85"), voucher_code="WELCOME10",
        subtotal_net=Decimal("30.30"), subtotal_gross=Decimal("34.58"),
        shipping_net=Decimal("4.20"), shipping_gross=Decimal("5.00"), shipping_tax_rate=Decimal("19"),
        total_net=Decimal("34.50"), total_tax=Decimal("5.08"), total_gross=Decimal("39.58"), **kwargs,
    )
    f.OrderLineFactory(order=order, quantity=2, unit_net=Decimal("10.00"), unit_gross=Decimal("11.90"), tax_rate=Decimal("19"),
                       discount=Decimal("2.38"), total_net=Decimal("18.00"), total_gross=Decimal("21.42"))
    f.OrderLineFactory(order=order, product_name="Tea", variant_name="", quantity=1, unit_net=Decimal("13.67"),
                       unit_gross=Decimal("14.63"), tax_rate=Decimal("7"), discount=Decimal("1.47"),
                       total_net=Decimal("12.30"), total_gross=Decimal("13.16"))  # 7 % of 12.30 = 0.861 → 0.86
    return order


# --- Numbers ---------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_invoice_numbers_are_sequential_per_year_and_an_order_gets_one_invoice():
    year = timezone.now().year
    orders = [_order() for _ in range(3)]
    invoices = [_issue(order) for order in orders]
    assert [i.number for i in invoices] == [f"{year}-{n:06d}" for n in (1, 2, 3)]
    assert [i.sequence for i in invoices] == [1, 2, 3] and {i.year for i in invoices} == {year}
    again = _issue(orders[0])
    assert again.pk == invoices[0].pk and Invoice.objects.count() == 3
    assert Counter.objects.get(name="invoice", year=year).value == 3  # the second call took no number
    events = OrderEvent.objects.filter(order=orders[0], kind="invoice")
    assert events.count() == 1 and events.get().data == {"invoice": f"{year}-000001"}


@pytest.mark.django_db
def test_a_new_year_starts_again_at_one():
    dec = datetime.datetime(2026, 12, 31, 23, 59, tzinfo=datetime.UTC)
    jan = datetime.datetime(2027, 1, 1, 0, 1, tzinfo=datetime.UTC)
    first, second = _issue(_order(), now=dec), _issue(_order(), now=dec)
    third = _issue(_order(), now=jan)
    assert (first.number, second.number, third.number) == ("2026-000001", "2026-000002", "2027-000001")
    assert Invoice.objects.get(pk=third.pk).issued_at == jan


@pytest.mark.django_db
def test_a_rolled_back_order_gives_its_number_back():
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        issue_invoice(_order())
        raise Abort
    assert _issue(_order()).sequence == 1


@pytest.mark.django_db(transaction=True)
def test_issuing_needs_the_callers_transaction():
    with pytest.raises(RuntimeError):
        issue_invoice(_order())


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_orders_get_invoice_numbers_one_to_twenty():
    market = f.MarketFactory(code="eu")
    order_ids = [_order(market=market).pk for _ in range(20)]
    year = timezone.now().year
    barrier, numbers, errors = threading.Barrier(20), [], []

    def bill(order_id):
        from shop.models import Order

        try:
            order = Order.objects.get(pk=order_id)
            barrier.wait()
            with transaction.atomic():
                numbers.append(issue_invoice(order).sequence)
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=bill, args=(pk,)) for pk in order_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert sorted(numbers) == list(range(1, 21))
    assert sorted(Invoice.objects.values_list("number", flat=True)) == [f"{year}-{n:06d}" for n in range(1, 21)]
    assert Counter.objects.get(name="invoice", year=year).value == 20


# --- Tax breakdown ---------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_tax_breakdown_per_rate_adds_up_to_the_order_totals():
    order = _two_rate_order()
    rows = tax_breakdown(order)
    assert [(r.rate, r.net, r.tax, r.gross) for r in rows] == [
        (Decimal("7"), Decimal("12.30"), Decimal("0.86"), Decimal("13.16")),
        (Decimal("19"), Decimal("22.20"), Decimal("4.22"), Decimal("26.42")),
    ]
    assert sum(r.net for r in rows) == order.total_net
    assert sum(r.tax for r in rows) == order.total_tax
    assert sum(r.gross for r in rows) == order.total_gross


@pytest.mark.django_db
def test_an_order_whose_lines_do_not_add_up_is_refused():
    from shop.selectors.orders import InvoiceTotalsMismatch

    order = _order(total_net=Decimal("21.50"), total_gross=Decimal("25.50"))
    _line(order)
    with pytest.raises(InvoiceTotalsMismatch):
        tax_breakdown(order)


# --- The PDF ---------------------------------------------------------------------------------------------------------

@needs_pdftotext
@pytest.mark.django_db
def test_german_invoice_pdf(tmp_path):
    order = _two_rate_order(language="de")
    invoice = _issue(order)
    data = render_invoice_pdf(invoice)
    assert data.startswith(b"%PDF")
    text = _pdf_text(data, tmp_path)
    assert invoice.number in text and order.number in text
    assert "Artikelnummer" in text and "Menge" in text and "Zwischensumme" in text  # German labels
    assert "Caravan Trading GmbH" in text and "DE123456789" in text
    assert "GB123456789" not in text  # the UK VAT number is only for shipments to GB
    # German number format, the breakdown rows and the totals they add up to.
    for amount in ("12,30 €", "0,86 €", "13,16 €", "22,20 €", "4,22 €", "26,42 €", "34,50 €", "5,08 €", "39,58 €", "3,85 €"):
        assert amount in text, amount
    assert re.search(r"\b7\s?%", text) and re.search(r"\b19\s?%", text)  # pdftotext may drop the narrow space


@needs_pdftotext
@pytest.mark.django_db
def test_japanese_invoice_pdf_has_japanese_labels_and_glyphs(tmp_path):
    order = _order(
        language="ja", currency="JPY", shipping_net=Decimal("500"), shipping_gross=Decimal("550"),
        shipping_tax_rate=Decimal("10"), subtotal_net=Decimal("3000"), subtotal_gross=Decimal("3300"),
        total_net=Decimal("3500"), total_tax=Decimal("350"), total_gross=Decimal("3850"),
        shipping_address={"full_name": "山田 太郎", "line1": "千代田1-1", "postcode": "100-0001", "city": "東京都", "country": "JP"},
    )
    f.OrderLineFactory(order=order, product_name="麻のシャツ", variant_name="青 / M", quantity=2, unit_net=Decimal("1500"),
                       unit_gross=Decimal("1650"), tax_rate=Decimal("10"), total_net=Decimal("3000"), total_gross=Decimal("3300"))
    invoice = _issue(order)
    text = _pdf_text(render_invoice_pdf(invoice), tmp_path)
    assert invoice.number in text
    assert "商品番号" in text and "数量" in text and "合計" in text  # Japanese labels
    assert "麻のシャツ" in text and "山田 太郎" in text and "日本" in text
    assert "￥3,850" in text and "￥350" in text


@needs_pdftotext
@pytest.mark.django_db
def test_ioss_note(tmp_path):
    order = _order(tax_notes=["ioss"], ioss_number="IM2760000042")
    _line(order)
    text = _pdf_text(render_invoice_pdf(_issue(order)), tmp_path)
    assert "VAT collected under the Import One-Stop Shop. IOSS number: IM2760000042" in " ".join(text.split())


@needs_pdftotext
@pytest.mark.django_db
def test_reverse_charge_note_and_the_buyers_vat_number(tmp_path):
    order = _order(
        tax_notes=["reverse_charge"], vat_number="FR40303265045", shipping_tax_rate=Decimal("0"),
        shipping_net=Decimal("4.20"), shipping_gross=Decimal("4.20"), subtotal_gross=Decimal("16.80"),
        total_net=Decimal("21.00"), total_tax=Decimal("0"), total_gross=Decimal("21.00"),
        billing_address={"full_name": "Jean Dupont", "company": "Dupont SARL", "line1": "1 rue de la Paix",
                         "postcode": "75002", "city": "Paris", "country": "FR"},
    )
    f.OrderLineFactory(order=order, tax_rate=Decimal("0"), unit_gross=Decimal("16.80"), total_gross=Decimal("16.80"),
                       tax_treatment="reverse_charge")
    text = " ".join(_pdf_text(render_invoice_pdf(_issue(order)), tmp_path).split())
    assert "Reverse charge: tax-exempt intra-Community supply of goods (Article 138, Council Directive 2006/112/EC); VAT to be accounted for by the recipient." in text
    assert "FR40303265045" in text and "Dupont SARL" in text


@needs_pdftotext
@pytest.mark.django_db
def test_uk_shipments_show_the_sellers_uk_vat_number_and_the_low_value_note(tmp_path):
    address = {"full_name": "Jane Doe", "line1": "1 High St", "postcode": "SW1A 1AA", "city": "London", "country": "GB"}
    order = _order(currency="GBP", tax_notes=["uk_low_value"], shipping_address=address, billing_address=address)
    _line(order)
    text = " ".join(_pdf_text(render_invoice_pdf(_issue(order)), tmp_path).split())
    assert "GB123456789" in text and "£25.00" in text
    assert "UK VAT collected at the point of sale (consignment up to £135)." in text


@pytest.mark.django_db
def test_the_stored_pdf_is_rendered_once_and_never_replaced():
    order = _order()
    _line(order)
    invoice = _issue(order)
    first = ensure_invoice_pdf(invoice)
    assert first.startswith(b"%PDF") and invoice.pdf.name.endswith(f"invoice-{invoice.number}.pdf")
    name = invoice.pdf.name
    order.billing_address = {**order.billing_address, "full_name": "Someone Else"}
    order.save()
    again = Invoice.objects.get(pk=invoice.pk)
    assert ensure_invoice_pdf(again) == first and again.pdf.name == name


# --- Download --------------------------------------------------------------------------------------------------------

@pytest.fixture
def billed_order(django_user_model):
    owner = django_user_model.objects.create_user("owner", "owner@example.com", "pw")
    order = _order(user=owner)
    _line(order)
    return order, _issue(order)


@pytest.mark.django_db
def test_the_owner_downloads_the_invoice(client, billed_order):
    order, invoice = billed_order
    client.force_login(order.user)
    response = client.get(reverse("shop:account-invoice", kwargs={"number": order.number}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="invoice-{invoice.number}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_another_user_gets_404_and_staff_download_in_admin(client, billed_order, django_user_model):
    order, invoice = billed_order
    url = reverse("shop:account-invoice", kwargs={"number": order.number})
    client.force_login(django_user_model.objects.create_user("other", "other@example.com", "pw"))
    assert client.get(url).status_code == 404
    # Staff are no buyers: the account route shows only their own orders; invoices are theirs in admin.
    clerk = django_user_model.objects.create_user("clerk", "clerk@example.com", "pw", is_staff=True)
    client.force_login(clerk)
    assert client.get(url).status_code == 404
    admin_url = reverse("admin:shop_invoice_pdf", kwargs={"pk": invoice.pk})
    assert client.get(admin_url).status_code == 403  # staff without the permission to view invoices
    from django.contrib.auth.models import Permission

    clerk.user_permissions.add(Permission.objects.get(codename="view_invoice"))
    response = client.get(admin_url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == f'attachment; filename="invoice-{invoice.number}.pdf"'


@pytest.mark.django_db
def test_an_order_without_invoice_is_404(client, django_user_model):
    owner = django_user_model.objects.create_user("owner", "owner@example.com", "pw")
    order = _order(user=owner)
    client.force_login(owner)
    assert client.get(reverse("shop:account-invoice", kwargs={"number": order.number})).status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, billed_order):
    order, _invoice = billed_order
    response = client.get(reverse("shop:account-invoice", kwargs={"number": order.number}))
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_vies_consultation_number_is_printed_next_to_the_buyers_vat_number_with_the_reverse_charge_note():
    from shop.services.invoices import render_invoice_html

    order = _order(
        tax_notes=["reverse_charge"], vat_number="FR40303265045", vat_number_check="valid",
        vat_number_consultation="WAPIAAAAZ1234567", shipping_tax_rate=Decimal("0"),
        shipping_net=Decimal("4.20"), shipping_gross=Decimal("4.20"), subtotal_gross=Decimal("16.80"),
        total_net=Decimal("21.00"), total_tax=Decimal("0"), total_gross=Decimal("21.00"),
    )
    f.OrderLineFactory(order=order, tax_rate=Decimal("0"), unit_gross=Decimal("16.80"), total_gross=Decimal("16.80"),
                       tax_treatment="reverse_charge")
    html = " ".join(render_invoice_html(_issue(order)).split())
    assert re.search(r"VAT number: FR40303265045 · <span class=\"vies\">VIES consultation number: WAPIAAAAZ1234567</span>", html)
    assert "Reverse charge: tax-exempt intra-Community supply of goods" in html

    unchecked = _order(tax_notes=["reverse_charge"], vat_number="FR40303265045", vat_number_check="not_checked")
    _line(unchecked)
    html = render_invoice_html(_issue(unchecked))
    assert "FR40303265045" in html and "VIES consultation number" not in html
