"""Credit notes and the money path: a received return refunded once (fees from the market's policy), offline money
noted for staff, lost parcels and cancelled shipped lines from admin, gapless CN numbers, the PDF in the buyer's
language (German and Japanese, looked at), e-mailed and downloadable only by the buyer, the tracking link and staff."""

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from payments.models import Refund
from shop.models import CreditNote, OrderEvent, ReturnEvent, ReturnStatus
from shop.selectors.orders import order_tracking_token
from shop.services.returns.credit_notes import ensure_credit_note_pdf
from shop.services.returns.payback import lost_parcel_quantities, refund_lines, refund_return
from shop.services.returns.refunds import RefundError
from tests import factories as f
from tests.fulfillment.helpers import make_consignments
from tests.shop.refund_helpers import make_paid_order, make_received_return, set_policy

pytestmark = pytest.mark.django_db

SPECS = [("19.99", 3, 19), ("7.49", 2, 7), ("12.00", 1, 0)]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
PNG_DIR = Path("/work/notes/cn_png")


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("owner", "owner@example.com", "pw")


def test_a_received_return_is_refunded_once_with_the_policy_fees(owner, django_capture_on_commit_callbacks):
    order, (shirt, socks, book) = make_paid_order(SPECS, voucher=Decimal("6.00"))
    order.user = owner
    order.save(update_fields=["user"])
    set_policy(order.market, restocking_fee_percent=Decimal("10"), buyer_pays_return_shipping=True, return_shipping_fee=Decimal("3.95"))
    request = make_received_return(order, {shirt: 2})
    with django_capture_on_commit_callbacks(execute=True):
        note = refund_return(request.pk)
    year = timezone.localdate().year
    assert note.number == f"CN-{year}-000001" and note.invoice.order_id == order.pk and note.cause == CreditNote.Cause.RETURN
    goods = note.total_gross
    assert goods == shirt.total_gross * 2 / 3 or abs(goods - shirt.total_gross * 2 / 3) < Decimal("0.02")
    assert note.fees == (goods * Decimal("0.10")).quantize(Decimal("0.01")) + Decimal("3.95")
    request.refresh_from_db()
    assert request.status == ReturnStatus.REFUNDED and request.refund_amount == goods - note.fees
    # offline money: noted on the order for staff to pay back, not marked refunded
    payback = OrderEvent.objects.get(order=order, data__credit_note=note.number, data__payback__isnull=False)
    assert "pay back" in payback.message and payback.data["payback_amount"] == str(goods - note.fees)
    assert not Refund.objects.exists()
    # the buyer's e-mail carries the PDF
    (message,) = [m for m in mail.outbox if note.number in m.subject]
    assert message.to == [order.email]
    (name, pdf, mimetype), = message.attachments
    assert name == f"credit-note-{note.number}.pdf" and pdf.startswith(b"%PDF") and mimetype == "application/pdf"
    # again: nothing more
    with django_capture_on_commit_callbacks(execute=True):
        assert refund_return(request.pk).pk == note.pk
    assert CreditNote.objects.count() == 1 and ReturnEvent.objects.filter(return_request=request, to_status="refunded").count() == 1
    assert OrderEvent.objects.filter(order=order, data__payback__isnull=False).count() == 1
    assert len([m for m in mail.outbox if note.number in m.subject]) == 1


def test_no_fees_for_damaged_goods_and_the_whole_order_brings_shipping_back():
    order, lines = make_paid_order(SPECS)
    set_policy(order.market, restocking_fee_percent=Decimal("10"), buyer_pays_return_shipping=True, return_shipping_fee=Decimal("3.95"))
    request = make_received_return(order, {line: line.quantity for line in lines}, reason="damaged")
    note = refund_return(request.pk)
    assert note.fees == 0 and note.total_gross == order.total_gross
    assert note.lines.filter(order_line=None).count() == 1  # the shipping row


def test_only_received_returns_and_never_more_than_paid():
    order, (shirt, *_rest) = make_paid_order(SPECS)
    request = make_received_return(order, {shirt: 1})
    request.status = ReturnStatus.IN_TRANSIT
    request.save()
    with pytest.raises(RefundError, match="Only a received return"):
        refund_return(request.pk)
    unpaid, (line, *_rest) = make_paid_order(SPECS, capture=False)
    request = make_received_return(unpaid, {line: 1})
    with pytest.raises(RefundError, match="At most"):
        refund_return(request.pk)
    assert not CreditNote.objects.exists()


def test_numbers_are_gapless_across_causes():
    order, (shirt, socks, book) = make_paid_order(SPECS)
    a = refund_return(make_received_return(order, {shirt: 1}).pk)
    b = refund_lines(order.pk, {socks.pk: 1}, cause=CreditNote.Cause.CANCELLED_LINE)
    c = refund_return(make_received_return(order, {shirt: 2, book: 1}).pk)
    assert [n.sequence for n in (a, b, c)] == [1, 2, 3]


def _lost_order():
    variant = f.ProductVariantFactory()
    warehouse = f.WarehouseFactory(code="de", country="DE")
    order, (consignment,) = make_consignments({warehouse: [(variant, 2)]})
    line = order.lines.get()
    line.total_gross, line.total_net, line.unit_gross, line.unit_net = Decimal("39.98"), Decimal("33.60"), Decimal("19.99"), Decimal("16.80")
    line.save()
    order.shipping_net, order.shipping_gross = Decimal("4.20"), Decimal("5.00")
    order.total_gross, order.total_net, order.total_tax = Decimal("44.98"), Decimal("37.80"), Decimal("7.18")
    order.payment_method = "bank_transfer"
    order.save()
    from payments.models import Payment
    Payment.objects.create(order=order, provider="bank_transfer", currency="EUR", amount=order.total_gross,
                           amount_captured=order.total_gross, status="captured", idempotency_key=f"o-{order.pk}")
    return order, consignment


def test_a_lost_parcel_is_refunded_from_admin(admin_client):
    order, consignment = _lost_order()
    assert lost_parcel_quantities(consignment) == {order.lines.get().pk: 2}
    url = reverse("admin:shop_creditnote_refund", args=[order.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"cause": "cancelled_line", "consignment": str(consignment.pk)})
    assert response.status_code == 302, response.content.decode()[:2000]
    note = CreditNote.objects.get(order=order)
    assert note.cause == CreditNote.Cause.LOST_PARCEL and note.total_gross == order.total_gross  # goods and the parcel's shipping
    # the list (one query for the rows whatever their number) and the PDF link
    page = admin_client.get(reverse("admin:shop_creditnote_changelist"))
    assert note.number in page.content.decode() and reverse("admin:shop_creditnote_pdf", kwargs={"pk": note.pk}) in page.content.decode()
    # nothing left: a second try is refused on the page
    response = admin_client.post(url, {"cause": "lost_parcel", "consignment": str(consignment.pk)})
    assert response.status_code == 200 and "refunded already" in response.content.decode()


def test_a_cancelled_shipped_line_from_the_order_action(admin_client):
    order, (shirt, *_rest) = make_paid_order(SPECS)
    response = admin_client.post(reverse("admin:shop_order_changelist"), {"action": "refund_lines_action", "_selected_action": [order.pk]})
    assert response.status_code == 302 and response["Location"] == reverse("admin:shop_creditnote_refund", args=[order.pk])
    response = admin_client.post(response["Location"], {"cause": "cancelled_line", f"line_{shirt.pk}": "4"})
    assert response.status_code == 200 and not CreditNote.objects.exists()  # only 3 units
    response = admin_client.post(reverse("admin:shop_creditnote_refund", args=[order.pk]), {"cause": "cancelled_line", f"line_{shirt.pk}": "1"})
    assert response.status_code == 302
    note = CreditNote.objects.get()
    assert note.lines.get().quantity == 1
    page = admin_client.get(reverse("admin:shop_order_change", args=[order.pk])).content.decode()
    assert reverse("admin:shop_creditnote_pdf", kwargs={"pk": note.pk}) in page and reverse("admin:shop_creditnote_refund", args=[order.pk]) in page


def test_credit_note_list_query_budget(admin_client, django_assert_max_num_queries):
    order, lines = make_paid_order(SPECS)
    for line in lines:
        refund_lines(order.pk, {line.pk: 1}, cause=CreditNote.Cause.CANCELLED_LINE)
    with django_assert_max_num_queries(12):
        assert admin_client.get(reverse("admin:shop_creditnote_changelist")).status_code == 200


# --- Who may download it -------------------------------------------------------------------------------------------

def test_only_the_buyer_the_tracking_link_and_staff_get_the_pdf(client, owner, django_user_model):
    order, (shirt, *_rest) = make_paid_order(SPECS)
    order.user = owner
    order.save(update_fields=["user"])
    note = refund_lines(order.pk, {shirt.pk: 1}, cause=CreditNote.Cause.CANCELLED_LINE)
    other_order, (other_line, *_rest) = make_paid_order(SPECS)
    other_note = refund_lines(other_order.pk, {other_line.pk: 1}, cause=CreditNote.Cause.CANCELLED_LINE)
    account = reverse("shop:account-credit-note", kwargs={"number": order.number, "credit_note": note.number})
    token = order_tracking_token(order)
    tracking = reverse("shop:tracking-credit-note", kwargs={"token": token, "credit_note": note.number})
    staff_pdf = reverse("admin:shop_creditnote_pdf", kwargs={"pk": note.pk})

    assert client.get(account).status_code == 302  # sign in first
    assert client.get(tracking)["Content-Type"] == "application/pdf"
    assert client.get(tracking.replace(token, token[:-2] + "xx")).status_code == 404  # forged link
    assert client.get(reverse("shop:tracking-credit-note", kwargs={"token": token, "credit_note": other_note.number})).status_code == 404
    assert client.get(f"/media/{CreditNote.objects.get(pk=note.pk).pdf.name}").status_code == 404

    other = django_user_model.objects.create_user("other", "other@example.com", "pw")
    client.force_login(other)
    assert client.get(account).status_code == 404
    client.force_login(owner)
    response = client.get(account)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")
    assert client.get(reverse("shop:account-credit-note", kwargs={"number": order.number, "credit_note": other_note.number})).status_code == 404
    # the buyer's order page lists it, and so does the guest's tracking page
    page = client.get(reverse("shop:account-order", kwargs={"number": order.number})).content.decode()
    assert note.number in page and account in page
    assert tracking in client.get(reverse("shop:order-tracking", kwargs={"token": token})).content.decode()

    staff = django_user_model.objects.create_user("clerk", "clerk@example.com", "pw", is_staff=True)
    client.force_login(staff)
    assert client.get(staff_pdf).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_creditnote"))
    assert client.get(staff_pdf)["Content-Type"] == "application/pdf"


# --- The document in the buyer's language ---------------------------------------------------------------------------

def _text(pdf: bytes, tmp_path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(path), str(PNG_DIR / name)], check=True)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


@needs_poppler
def test_german_credit_note_pdf(tmp_path):
    order, (shirt, socks, book) = make_paid_order(SPECS, voucher=Decimal("6.00"), language="de")
    set_policy(order.market, restocking_fee_percent=Decimal("10"))
    note = refund_return(make_received_return(order, {shirt: 1, socks: 2}).pk)
    text = _text(ensure_credit_note_pdf(note), tmp_path, "credit_note_de")
    assert note.number in text and note.invoice.number in text and order.number in text
    assert "Rechnungsnummer" in text  # the invoice's words, in German
    assert "€" in text and "," in text  # German money: 12,34 €
    assert "Linen shirt" in text and "19 %" in text and "7 %" in text


@needs_poppler
def test_japanese_credit_note_pdf_in_whole_yen(tmp_path):
    market = f.MarketFactory(code="jp", currency="JPY", countries=["JP"], default_country="JP", default_language="ja")
    order, (tea, cup) = make_paid_order([("1100", 3, 10), ("880", 2, 8)], currency="JPY", market=market, language="ja",
                                        voucher=Decimal("300"), shipping_gross=Decimal("990"), shipping_rate=Decimal(10))
    note = refund_lines(order.pk, {tea.pk: 3, cup.pk: 2}, cause=CreditNote.Cause.LOST_PARCEL)
    assert note.total_gross == order.total_gross == note.total_gross.to_integral_value()
    text = _text(ensure_credit_note_pdf(note), tmp_path, "credit_note_ja")
    assert note.number in text and "請求書番号" in text  # "invoice number"
    assert "￥" in text or "¥" in text
