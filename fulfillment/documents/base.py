"""What every warehouse document shares: loading a consignment with what its papers print (few queries), and
turning a template into PDF bytes with WeasyPrint in one language."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from fulfillment.documents.formatting import country_name, text_lines
from fulfillment.models import Consignment, Warehouse


class DocumentError(Exception):
    """A document cannot be made yet; the message (translated) says why and what to do."""


def render_pdf(template: str, context: dict, language: str) -> bytes:
    """The template rendered in `language` (texts, dates, numbers) as PDF bytes."""
    from weasyprint import HTML  # heavy import: only where PDFs are made

    return HTML(string=render_html(template, context, language), base_url=str(settings.BASE_DIR)).write_pdf()


def render_html(template: str, context: dict, language: str) -> str:
    with translation.override(language):
        return render_to_string(template, {"language": language, "shop_name": settings.CARAVAN_SHOP_NAME, **context})


def load_consignment(consignment: Consignment | int) -> Consignment:
    """The consignment with its warehouse, carrier, service and order number (one query) and its parcels (one more)."""
    pk = consignment.pk if isinstance(consignment, Consignment) else consignment
    loaded = (Consignment.objects.select_related("warehouse", "carrier", "service__carrier", "order")
              .prefetch_related("parcels").get(pk=pk))
    return loaded


def order_number(consignment: Consignment) -> str:
    """The order's number (read through the consignment's order foreign key: data, not an import of shop)."""
    order = consignment.order
    return getattr(order, "number", "") or consignment.number.rsplit("-", 1)[0]


def sender_lines(warehouse: Warehouse, language: str) -> list[str]:
    """The warehouse as a sender: its name, its address and its country named in `language`."""
    lines = [warehouse.name, *text_lines(warehouse.address)]
    country = country_name(warehouse.country.code, language) if warehouse.country else ""
    if country and (not lines or lines[-1].casefold() != country.casefold()):
        lines.append(country)
    return lines


def carrier_text(consignment: Consignment) -> str:
    if consignment.service_id:
        return str(consignment.service)
    if consignment.carrier_id:
        return consignment.carrier.name
    return consignment.method_name


def require_tracking_number(consignment: Consignment) -> None:
    if not consignment.tracking_number.strip():
        raise DocumentError(gettext("Consignment %(number)s has no tracking number yet: enter the carrier's tracking number "
                                    "before printing its label.") % {"number": consignment.number})
