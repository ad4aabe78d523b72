"""The printable return label and instructions (A4, WeasyPrint) in the buyer's language: where the parcel goes
(the warehouse's address, large, to cut out and stick on), the return number as text and as a Code 128 barcode the
receiving desk scans, the items, and the steps to follow."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from fulfillment.documents.barcodes import code128_data_uri
from shop.formatting import address_lines
from shop.models import ReturnRequest
from shop.selectors.returns import return_view


def render_return_label_html(request: ReturnRequest, language: str) -> str:
    order = request.order
    with translation.override(language):
        context = {
            "language": language, "shop_name": settings.CARAVAN_SHOP_NAME, "ret": return_view(request, language),
            "order": order, "barcode": code128_data_uri(request.number),
            "sender": address_lines(order.shipping_address, phone=False),
        }
        return render_to_string("shop/returns/label.html", context)


def render_return_label_pdf(request: ReturnRequest, language: str) -> bytes:
    from weasyprint import HTML  # heavy import: only where PDFs are made

    return HTML(string=render_return_label_html(request, language), base_url=str(settings.BASE_DIR)).write_pdf()
