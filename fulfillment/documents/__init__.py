"""The warehouse's documents as PDF bytes (WeasyPrint, templates under templates/fulfillment/documents/):

- `pick_list_pdf(pick_list)`: items in walking order (bin, then SKU), in the warehouse staff's language;
- `packing_slip_pdf(consignment)`: what is in the parcel, in the buyer's language, no prices;
- `label_pdf(consignment)`: A6 shipping labels, one per parcel, tracking number as Code 128 and as a QR code of
  the carrier's tracking address;
- `commercial_invoice_pdf(consignment)` and `cn23_pdf(consignment)`: customs papers in English and the
  destination's language, refused with `CustomsDataMissing` (its `problems`) when a line lacks customs facts.

Nothing here writes: staff download them through fulfillment/views.py (`consignment_document_url`)."""

from fulfillment.documents.base import DocumentError
from fulfillment.documents.customs import cn23_pdf, commercial_invoice_pdf
from fulfillment.documents.warehouse import label_pdf, packing_slip_pdf, pick_list_pdf
from fulfillment.services.customs import CustomsDataMissing

CONSIGNMENT_DOCUMENTS = {
    "packing_slip": packing_slip_pdf,
    "label": label_pdf,
    "commercial_invoice": commercial_invoice_pdf,
    "cn23": cn23_pdf,
}

__all__ = ["CONSIGNMENT_DOCUMENTS", "CustomsDataMissing", "DocumentError", "cn23_pdf", "commercial_invoice_pdf", "label_pdf",
           "packing_slip_pdf", "pick_list_pdf"]
