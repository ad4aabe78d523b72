"""shop/tax: the import rules are a table, one entry per destination area, and every treatment a rule can lead to
has its codes and printed notes (adding a market's rule is adding an entry: docs/architecture.md §4)."""

from decimal import Decimal

import pytest

from shop.models import TaxTreatment
from shop.tax import (
    IMPORT_RULES,
    NOTES,
    ZERO_RATED,
    ImportRule,
    Treatment,
    checkout_notes,
    import_limit,
    legal_notes,
    tax_consignment,
    treatments,
)

RATES = {"EUR": Decimal(1), "GBP": Decimal("0.85"), "USD": Decimal("1.1"), "CHF": Decimal("0.95")}


def test_every_treatment_code_is_an_order_line_choice_and_every_special_one_has_notes():
    codes = {value for name, value in vars(Treatment).items() if name.isupper()}
    assert codes == set(TaxTreatment.values)
    for code in codes - {Treatment.DOMESTIC}:
        assert NOTES[code].checkout and NOTES[code].legal, code
    for rule in IMPORT_RULES:
        assert rule.within_limit in NOTES and rule.within_limit not in ZERO_RATED


@pytest.mark.parametrize(("origin", "destination", "value", "currency", "business", "expected"), [
    ("GB", "DE", Decimal("150"), "EUR", False, Treatment.IOSS),  # up to the limit: collected at checkout
    ("GB", "DE", Decimal("150.01"), "EUR", False, Treatment.IMPORT_ON_DELIVERY),
    ("DE", "GB", Decimal("114.75"), "EUR", False, Treatment.UK_LOW_VALUE),  # 114.75 € = 97.54 £ ≤ 135 £
    ("DE", "GB", Decimal("200"), "EUR", False, Treatment.IMPORT_ON_DELIVERY),
    ("DE", "FR", Decimal("900"), "EUR", False, Treatment.DOMESTIC),  # inside the EU: the destination's VAT
    ("DE", "FR", Decimal("900"), "EUR", True, Treatment.REVERSE_CHARGE),
    ("GB", "FR", Decimal("10"), "EUR", True, Treatment.IMPORT_ON_DELIVERY),  # IOSS is for consumers only
    ("FR", "FR", Decimal("10"), "EUR", True, Treatment.DOMESTIC),
    ("DE", "US", Decimal("900"), "USD", False, Treatment.DOMESTIC),  # no rule for the destination
])
def test_tax_consignment(origin, destination, value, currency, business, expected):
    taxed = tax_consignment(origin, destination, value, currency, RATES, eu_business=business)
    assert taxed.treatment == expected
    assert taxed.zero_rated == (expected in ZERO_RATED)


def test_a_market_rule_is_one_entry(monkeypatch):
    """A new area's rule (here a made-up Swiss one) changes the answer for its destination and nothing else."""
    swiss = ImportRule("Switzerland", frozenset({"CH"}), Decimal(100), "CHF", Treatment.UK_LOW_VALUE)
    monkeypatch.setattr(treatments, "IMPORT_RULES", (*IMPORT_RULES, swiss))
    assert import_limit("CH") == (Decimal(100), "CHF")
    assert tax_consignment("DE", "CH", Decimal("100"), "EUR", RATES).treatment == Treatment.UK_LOW_VALUE  # 95 CHF
    assert tax_consignment("DE", "CH", Decimal("110"), "EUR", RATES).treatment == Treatment.IMPORT_ON_DELIVERY
    assert tax_consignment("CH", "CH", Decimal("900"), "EUR", RATES).treatment == Treatment.DOMESTIC
    assert tax_consignment("GB", "DE", Decimal("150"), "EUR", RATES).treatment == Treatment.IOSS


def test_notes_per_place():
    assert [n.text for n in checkout_notes(["ioss"], "IM123")] == [
        "VAT is collected at checkout under the Import One-Stop Shop (IOSS number IM123): nothing more to pay on delivery."]
    assert checkout_notes(["ioss", "uk_low_value"], "IM123", after_order=True) == []
    assert [n.warn for n in checkout_notes(["import_on_delivery"], "", after_order=True)] == [True]
    assert legal_notes(["reverse_charge", "ioss"], "IM9") == [
        "Reverse charge: tax-exempt intra-Community supply of goods (Article 138, Council Directive 2006/112/EC); VAT to "
        "be accounted for by the recipient.",
        "VAT collected under the Import One-Stop Shop. IOSS number: IM9",
    ]
