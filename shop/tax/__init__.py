"""Every tax decision of the shop (see docs/architecture.md §3):

* rates.py — which rate applies (the destination's rate for a tax class);
* treatments.py — how a consignment is taxed: EU membership, the import rules per destination (EU IOSS €150,
  UK £135) as a table, reverse charge, zero-rating;
* consignment.py — `tax_consignment`, the one function checkout, pricing, orders and documents ask;
* vat_numbers.py — buyers' VAT numbers: format, check digits, VIES, the evidence kept;
* rounding.py — tax rounded once per rate, allocation over lines;
* notes.py, rows.py — what is printed: notes per treatment and place, tax rows stating their base.
"""

from shop.tax import treatments, vat_numbers
from shop.tax.consignment import DOMESTIC, ConsignmentTax, tax_consignment
from shop.tax.notes import NOTES, Note, TreatmentNotes, cart_import_notes, checkout_notes, legal_notes, origin_note
from shop.tax.rates import STANDARD, destination_rate
from shop.tax.rounding import HUNDRED, RateTotal, allocate, rate_total, split_by_rate, tax_of
from shop.tax.rows import tax_row_label, tax_rows
from shop.tax.treatments import (
    EU_MEMBER_STATES,
    IMPORT_RULES,
    ZERO_RATED,
    ImportRule,
    Treatment,
    consignment_treatment,
    import_limit,
    import_rule,
    recorded_ioss_number,
    zero_rated,
)
from shop.tax.vat_numbers import VatCheck

__all__ = [
    "DOMESTIC", "EU_MEMBER_STATES", "HUNDRED", "IMPORT_RULES", "STANDARD", "ZERO_RATED", "ConsignmentTax", "ImportRule",
    "NOTES", "Note", "RateTotal", "TreatmentNotes", "Treatment", "VatCheck", "allocate", "cart_import_notes", "checkout_notes",
    "consignment_treatment", "destination_rate", "import_limit", "import_rule", "legal_notes", "origin_note",
    "rate_total", "recorded_ioss_number", "split_by_rate", "tax_consignment", "tax_of", "tax_row_label", "tax_rows", "treatments", "vat_numbers",
    "zero_rated",
]
