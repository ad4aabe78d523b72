"""The warehouse floor's papers: the pick list (in the warehouse staff's language), the packing slip (in the
buyer's language) and the shipping labels (A6, one per parcel, with the tracking number as Code 128 and the
tracking address as a QR code)."""

from django.utils import timezone

from fulfillment.documents.barcodes import code128_data_uri, qr_data_uri
from fulfillment.documents.base import (
    carrier_text,
    load_consignment,
    order_number,
    render_pdf,
    require_tracking_number,
    sender_lines,
)
from fulfillment.documents.formatting import address_lines, country_name, kilograms, long_date
from fulfillment.models import Consignment, ConsignmentLine, PickList, Stock


def _shipped_quantity(line: ConsignmentLine) -> int:
    return line.quantity if line.quantity_picked is None else line.quantity_picked


# --- Pick list -----------------------------------------------------------------------------------------------------

def pick_list_context(pick_list: PickList) -> dict:
    """The pick list's rows: one per item, in walking order (bin, then SKU; items without a bin last), the units
    summed over its consignments with each consignment's share. Three queries."""
    pick_list = PickList.objects.select_related("warehouse", "created_by").get(pk=pick_list.pk)
    warehouse, language = pick_list.warehouse, pick_list.warehouse.language
    name_field = "name_" + language.replace("-", "_")  # the product's name in the staff's language (modeltranslation)
    lines = list(ConsignmentLine.objects.filter(consignment__pick_list=pick_list).select_related("consignment", "variant__product")
                 .only("variant", "sku", "ean", "name", "quantity", "consignment__number", "consignment__destination",
                       "consignment__method_name", "variant__product__name_en", f"variant__product__{name_field}")
                 .order_by("consignment__number", "pk"))
    variant_ids = {line.variant_id for line in lines if line.variant_id}
    bins = dict(Stock.objects.filter(warehouse=warehouse, variant_id__in=variant_ids).values_list("variant_id", "bin_location"))
    rows: dict = {}
    consignments: dict = {}
    for line in lines:
        key = line.variant_id or line.sku
        product = line.variant.product if line.variant_id else None
        name = (getattr(product, name_field, "") or product.name_en) if product is not None else ""
        row = rows.setdefault(key, {"bin": bins.get(line.variant_id, "") or "", "sku": line.sku, "ean": line.ean,
                                    "name": name or line.name, "quantity": 0, "shares": []})
        row["quantity"] += line.quantity
        row["shares"].append((line.consignment.number, line.quantity))
        summary = consignments.setdefault(line.consignment.number, {
            "number": line.consignment.number, "units": 0, "method": line.consignment.method_name,
            "destination": country_name(line.consignment.destination.code, language)})
        summary["units"] += line.quantity
    ordered = sorted(rows.values(), key=lambda r: (r["bin"] == "", r["bin"], r["sku"]))
    for row in ordered:
        row["barcode"] = code128_data_uri(row["sku"], module_width=0.25, height_mm=7, quiet_zone=2)
    return {
        "pick_list": pick_list, "warehouse": warehouse, "rows": ordered, "consignments": list(consignments.values()),
        "units": sum(r["quantity"] for r in ordered), "created": long_date(timezone.localdate(pick_list.created_at), language),
        "created_by": (pick_list.created_by.get_full_name() or pick_list.created_by.get_username()) if pick_list.created_by else "",
    }


def pick_list_pdf(pick_list: PickList) -> bytes:
    """The pick list as a PDF (A4), in the warehouse's staff language."""
    context = pick_list_context(pick_list)
    return render_pdf("fulfillment/documents/pick_list.html", context, context["warehouse"].language)


# --- Packing slip --------------------------------------------------------------------------------------------------

def packing_slip_context(consignment: Consignment) -> dict:
    consignment = load_consignment(consignment)
    language = consignment.language
    lines = list(consignment.lines.only("sku", "name", "quantity", "quantity_picked", "consignment").order_by("pk"))
    parcels = list(consignment.parcels.all())
    return {
        "consignment": consignment, "order_number": order_number(consignment),
        "ship_to": address_lines(consignment.ship_to, language),
        "sender": sender_lines(consignment.warehouse, language),
        "lines": [{"sku": line.sku, "name": line.name, "quantity": _shipped_quantity(line), "ordered": line.quantity} for line in lines],
        "units": sum(_shipped_quantity(line) for line in lines),
        "parcels": len(parcels) or 1, "carrier": carrier_text(consignment),
        "date": long_date(timezone.localdate(consignment.packed_at or timezone.now()), language),
        "delivery": (long_date(consignment.estimated_delivery or consignment.promised_latest, language)),
        "barcode": code128_data_uri(consignment.number, module_width=0.3, height_mm=10),
    }


def packing_slip_pdf(consignment: Consignment) -> bytes:
    """The packing slip (A4) in the buyer's language: where it goes, what is in it, no prices."""
    context = packing_slip_context(consignment)
    return render_pdf("fulfillment/documents/packing_slip.html", context, context["consignment"].language)


# --- Shipping label ------------------------------------------------------------------------------------------------

def label_context(consignment: Consignment) -> dict:
    consignment = load_consignment(consignment)
    require_tracking_number(consignment)
    language = consignment.warehouse.language
    parcels = list(consignment.parcels.all())
    weights = [p.weight_grams for p in parcels] or [consignment.weight_grams]
    recipient = address_lines(consignment.ship_to, "en")  # the country last, in English capitals (UPU)
    if recipient and (consignment.ship_to or {}).get("country"):
        recipient[-1] = recipient[-1].upper()
    tracking_url = consignment.tracking_url
    return {
        "consignment": consignment, "order_number": order_number(consignment),
        "sender": sender_lines(consignment.warehouse, "en"), "recipient": recipient,
        "phone": (consignment.ship_to or {}).get("phone", ""), "carrier": carrier_text(consignment),
        "labels": [{"index": k, "count": len(weights), "weight": kilograms(grams, language)} for k, grams in enumerate(weights, start=1)],
        "barcode": code128_data_uri(consignment.tracking_number, module_width=0.4, height_mm=18, quiet_zone=4),
        "tracking_url": tracking_url, "qr": qr_data_uri(tracking_url, scale=3) if tracking_url else "",
        "date": long_date(timezone.localdate(), language),
    }


def label_pdf(consignment: Consignment) -> bytes:
    """The shipping labels (A6, 105 × 148 mm): one page per parcel (one for the whole consignment when it has no
    parcels yet), captions in the warehouse's language. Raises DocumentError without a tracking number."""
    context = label_context(consignment)
    return render_pdf("fulfillment/documents/label.html", context, context["consignment"].warehouse.language)
