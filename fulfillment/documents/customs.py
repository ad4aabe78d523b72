"""Customs papers for a consignment leaving its warehouse's customs territory: the commercial invoice and the
CN23-style customs declaration (A4). Headings in English and, where it differs, the destination's language;
descriptions as `fulfillment.services.customs` gives them; values in the consignment's currency with that
currency's decimals (none for JPY). Both refuse (CustomsDataMissing) rather than print a broken declaration."""

from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_noop

from fulfillment.documents.base import carrier_text, load_consignment, order_number, render_pdf, sender_lines
from fulfillment.documents.formatting import address_lines, amount, country_name, kilograms, long_date
from fulfillment.models import Consignment
from fulfillment.services.customs import IMPORT_VAT_SCHEMES, CustomsDataMissing, customs_language, customs_lines, customs_problems

# Headings printed in English and in the destination's customs language.
HEADINGS = {
    "commercial_invoice": gettext_noop("Commercial invoice"),
    "cn23": gettext_noop("Customs declaration"),
    "exporter": gettext_noop("Sender / exporter"),
    "importer": gettext_noop("Recipient / importer"),
    "invoice_number": gettext_noop("Invoice number"),
    "date": gettext_noop("Date"),
    "order_number": gettext_noop("Order number"),
    "consignment": gettext_noop("Consignment"),
    "carrier": gettext_noop("Carrier"),
    "tracking_number": gettext_noop("Tracking number"),
    "parcels": gettext_noop("Number of parcels"),
    "gross_weight": gettext_noop("Gross weight"),
    "net_weight": gettext_noop("Net weight"),
    "description": gettext_noop("Detailed description of contents"),
    "hs_code": gettext_noop("HS tariff number"),
    "origin": gettext_noop("Country of origin"),
    "quantity": gettext_noop("Quantity"),
    "unit_value": gettext_noop("Unit value"),
    "value": gettext_noop("Value"),
    "goods_total": gettext_noop("Total value of goods"),
    "shipping": gettext_noop("Postage / shipping"),
    "total": gettext_noop("Total"),
    "currency": gettext_noop("Currency"),
    "category": gettext_noop("Category of item"),
    "reason": gettext_noop("Reason for export"),
    "sale_of_goods": gettext_noop("Sale of goods"),
    "gift": gettext_noop("Gift"),
    "documents": gettext_noop("Documents"),
    "sample": gettext_noop("Commercial sample"),
    "returned_goods": gettext_noop("Returned goods"),
    "other": gettext_noop("Other"),
    "incoterms": gettext_noop("Terms of delivery"),
    "ioss": gettext_noop("IOSS number"),
    "uk_vat": gettext_noop("UK VAT number"),
    "vat_number": gettext_noop("VAT number"),
    "signature": gettext_noop("Signature"),
    "place_date": gettext_noop("Place and date"),
    "phone": gettext_noop("Telephone"),
    "email": gettext_noop("E-mail"),
}

CN23_DECLARATION = gettext_noop(
    "I certify that the particulars given in this customs declaration are correct and that this item does not contain "
    "any dangerous article or articles prohibited by legislation or by postal or customs regulations.")
INVOICE_DECLARATION = gettext_noop(
    "I declare that the information on this invoice is true and correct and that the goods are of the origin stated.")


def _both(msgid: str, language: str):
    """A heading in English and, when the destination reads another language, in that language too (as HTML)."""
    with translation.override("en"):
        english = gettext(msgid)
    if language == "en":
        return english
    with translation.override(language):
        local = gettext(msgid)
    return english if local == english else format_html('{}<span class="local">{}</span>', english, local)


def customs_context(consignment: Consignment) -> dict:
    """What both customs documents print. Raises CustomsDataMissing (with `customs_problems`' list) when the
    consignment cannot be declared."""
    consignment = load_consignment(consignment)
    lines = customs_lines(consignment)
    problems = customs_problems(consignment, lines=lines, always=True)
    if problems:
        raise CustomsDataMissing(problems)
    destination = consignment.destination.code
    language = customs_language(destination)
    currency = consignment.currency
    parcels = list(consignment.parcels.all())
    rows, goods_total, net_weight = [], Decimal(0), 0
    for line in lines:
        quantity = line.quantity if line.quantity_picked is None else line.quantity_picked
        if not quantity:
            continue
        value = line.unit_value * quantity
        goods_total += value
        net_weight += line.unit_weight_grams * quantity
        rows.append({
            "sku": line.sku, "description": line.customs.description, "hs_code": line.customs.hs_code,
            "origin": line.customs.origin_country, "origin_name": country_name(line.customs.origin_country, "en"),
            "quantity": quantity, "net_weight": kilograms(line.unit_weight_grams * quantity, "en"),
            "unit_value": amount(line.unit_value, currency, "en"), "value": amount(value, currency, "en"),
        })
    gross_weight = sum(p.weight_grams for p in parcels) or max(consignment.weight_grams, net_weight)
    seller = settings.CARAVAN_SELLER
    scheme = consignment.import_vat_scheme if consignment.import_vat_scheme in IMPORT_VAT_SCHEMES else ""
    dated = timezone.localdate(consignment.dispatched_at or timezone.now())
    ship_to = consignment.ship_to or {}
    return {
        "consignment": consignment, "order_number": order_number(consignment),
        "h": {key: _both(msgid, language) for key, msgid in HEADINGS.items()},
        "cn23_declaration": _both(CN23_DECLARATION, language), "invoice_declaration": _both(INVOICE_DECLARATION, language),
        "destination_language": language,
        "seller_name": seller.get("name", ""), "seller_vat_number": seller.get("vat_number", ""),
        "sender": sender_lines(consignment.warehouse, "en"),
        "recipient": address_lines(ship_to, "en"), "recipient_phone": ship_to.get("phone", ""), "recipient_email": consignment.email,
        "destination_name": country_name(destination, "en"),
        "carrier": carrier_text(consignment), "parcels": len(parcels) or 1,
        "rows": rows, "currency": currency,
        "goods_total": amount(goods_total, currency, "en"), "shipping": amount(consignment.shipping_net, currency, "en"),
        "total": amount(goods_total + consignment.shipping_net, currency, "en"),
        "net_weight": kilograms(net_weight, "en"), "gross_weight": kilograms(gross_weight, "en"),
        "scheme": scheme, "import_vat_number": consignment.import_vat_number if scheme else "",
        "incoterms": "DDP" if scheme else "DAP",
        "date": long_date(dated, "en"), "place": consignment.warehouse.city or consignment.warehouse.name,
    }


def commercial_invoice_pdf(consignment: Consignment) -> bytes:
    """The commercial invoice (A4, English with the destination's language). Raises CustomsDataMissing."""
    return render_pdf("fulfillment/documents/commercial_invoice.html", customs_context(consignment), "en")


def cn23_pdf(consignment: Consignment) -> bytes:
    """The CN23-style customs declaration (A4, English with the destination's language). Raises CustomsDataMissing."""
    return render_pdf("fulfillment/documents/cn23.html", customs_context(consignment), "en")
