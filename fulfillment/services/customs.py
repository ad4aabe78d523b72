"""Customs facts of a consignment that leaves its warehouse's customs territory: checked before dispatch, frozen at
dispatch, printed on the commercial invoice and the CN23 declaration (fulfillment/documents/).

Each consignment line's customs facts are the HS code, the country of origin and a plain customs description. Until
dispatch they are read from the line's variant (through `ConsignmentLine.variant`: a related row, no import of
shop); at dispatch `freeze_customs_data` copies them onto the line, so papers printed later (a reprint, a return)
say what the parcel was declared with, even if the catalogue changes afterwards. A value already on the line wins
over the variant's.

The description is in the language the destination's customs read (`customs_language`: Japanese for Japan,
Chinese for China, German for Germany, Austria and Switzerland, French for France, Spanish for Spain, …) when the
variant has it translated, else in English, which every postal customs declaration (CN23) accepts.

The dispatch service calls, inside its transaction and with the consignment row locked:

    problems = customs_problems(consignment)     # [] when it does not leave the customs territory
    if problems: refuse, showing the problems    # staff fix the variants, then dispatch again
    freeze_customs_data(consignment)             # copies the facts onto the lines (one UPDATE for the lines that change)

Both read the lines with their variants in one query (pass the consignment with its warehouse joined, e.g.
`select_related("warehouse")`, or `customs_problems` reads the warehouse's address with one more) (only the columns they need: the HS code, origin and the
English and destination-language customs descriptions). `customs_problems` returns translated, staff-readable
sentences (in the active language) that name the SKU at fault; the documents raise `CustomsDataMissing` with the same
list instead of printing a broken declaration."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext

from fulfillment.models import Consignment, ConsignmentLine

HS_CODE_RE = re.compile(r"^\d{6,10}$")

# Import VAT schemes whose number must be on the customs declaration: the EU's Import One-Stop Shop (VAT collected
# at checkout on goods up to €150) and the UK's low-value goods rule (up to £135, the seller's UK VAT number).
IMPORT_VAT_SCHEMES = {"ioss", "uk_low_value"}

# The language a destination's customs read, where it is one of the shop's languages; anything else: English.
_CUSTOMS_LANGUAGES = {
    "JP": "ja",
    "CN": "zh-hans",
    "DE": "de", "AT": "de", "CH": "de", "LI": "de",
    "FR": "fr", "MC": "fr", "LU": "fr",
    "ES": "es", "MX": "es", "AR": "es", "CL": "es", "CO": "es", "PE": "es", "UY": "es",
}


def customs_language(country_code: str) -> str:
    """The language customs descriptions are given in for goods sent to `country_code` (English by default)."""
    language = _CUSTOMS_LANGUAGES.get((country_code or "").upper(), "en")
    return language if language in {code for code, _name in settings.LANGUAGES} else "en"


def _description_field(language: str) -> str:
    return "customs_description_" + language.replace("-", "_")


class CustomsDataMissing(Exception):
    """A customs document cannot be made: `problems` lists what is missing (translated, staff-readable)."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


@dataclass(frozen=True)
class CustomsFacts:
    """What a line is declared as: the line's frozen values, else its variant's."""

    hs_code: str
    origin_country: str
    description: str


def customs_lines(consignment: Consignment) -> list[ConsignmentLine]:
    """The consignment's lines with their variants' customs columns, in one query. Each line gets `.customs`
    (CustomsFacts)."""
    language = customs_language(consignment.destination.code if consignment.destination else "")
    fields = {"variant__hs_code", "variant__origin_country", "variant__customs_description_en",
              "variant__" + _description_field(language)}
    lines = list(
        ConsignmentLine.objects.filter(consignment_id=consignment.pk).select_related("variant")
        .only("consignment", "order_line", "variant", "sku", "ean", "name", "quantity", "quantity_picked", "unit_value",
              "unit_weight_grams", "hs_code", "origin_country", "customs_description", *fields)
        .order_by("pk")
    )
    for line in lines:
        line.customs = line_customs_facts(line, language)
    return lines


def line_customs_facts(line: ConsignmentLine, language: str) -> CustomsFacts:
    variant = line.variant
    hs_code = line.hs_code or (variant.hs_code if variant else "") or ""
    origin = (line.origin_country.code if line.origin_country else "") or (
        variant.origin_country.code if variant and variant.origin_country else "")
    description = line.customs_description
    if not description and variant is not None:
        description = (getattr(variant, _description_field(language), "") if language != "en" else "") or \
            variant.customs_description_en or ""
    return CustomsFacts(hs_code.strip(), origin, (description or "").strip())


def customs_problems(consignment: Consignment, *, lines: list[ConsignmentLine] | None = None, always: bool = False) -> list[str]:
    """What stops the consignment's customs papers from being made, one translated sentence per problem, each
    naming the SKU at fault; [] when it can be declared, or when it stays inside its warehouse's customs territory
    (`needs_customs` false) unless `always` (the documents ask for every consignment they are printed for).
    `lines`: the result of `customs_lines` if the caller has it (saves the query)."""
    if not consignment.needs_customs and not always:
        return []
    problems = []
    warehouse = consignment.warehouse
    if not (warehouse.address or "").strip():
        problems.append(gettext("The warehouse %(warehouse)s has no address to print as the sender.") % {"warehouse": warehouse.name})
    ship_to = consignment.ship_to or {}
    if not (ship_to.get("full_name") and ship_to.get("line1") and ship_to.get("country")):
        problems.append(gettext("The consignment has no complete delivery address (name, street and country)."))
    lines = customs_lines(consignment) if lines is None else lines
    if not lines:
        problems.append(gettext("The consignment has no lines to declare."))
    for line in lines:
        facts = getattr(line, "customs", None) or line_customs_facts(line, customs_language(consignment.destination.code))
        sku = line.sku
        if not facts.hs_code:
            problems.append(gettext("%(sku)s has no HS code.") % {"sku": sku})
        elif not HS_CODE_RE.match(facts.hs_code):
            problems.append(gettext("%(sku)s: the HS code %(code)s is not 6 to 10 digits.") % {"sku": sku, "code": facts.hs_code})
        if not facts.origin_country:
            problems.append(gettext("%(sku)s has no country of origin.") % {"sku": sku})
        if not facts.description:
            problems.append(gettext("%(sku)s has no customs description.") % {"sku": sku})
        if not line.unit_weight_grams:
            problems.append(gettext("%(sku)s has no weight.") % {"sku": sku})
        if line.unit_value <= 0:
            problems.append(gettext("%(sku)s has no customs value.") % {"sku": sku})
    if not consignment.weight_grams and not any(line.unit_weight_grams for line in lines):
        problems.append(gettext("The consignment weighs nothing: weigh it before printing its customs papers."))
    scheme = consignment.import_vat_scheme
    if scheme in IMPORT_VAT_SCHEMES and not consignment.import_vat_number.strip():
        if scheme == "ioss":
            problems.append(gettext("VAT was collected at checkout under the EU's IOSS, but the consignment has no IOSS number "
                                    "to print on its customs declaration."))
        else:
            problems.append(gettext("VAT was collected at checkout under the UK's low-value rule, but the consignment has no UK "
                                    "VAT number to print on its customs declaration."))
    return problems


@transaction.atomic
def freeze_customs_data(consignment: Consignment) -> int:
    """Copy each line's customs facts (HS code, origin, description in the destination's customs language) from
    its variant onto the line, where the line has none yet. Call at dispatch, after `customs_problems` came back
    empty. Returns the number of lines changed."""
    changed = []
    for line in customs_lines(consignment):
        facts = line.customs
        origin = line.origin_country.code if line.origin_country else ""
        if (line.hs_code, origin, line.customs_description) == (facts.hs_code, facts.origin_country, facts.description):
            continue
        line.hs_code, line.origin_country, line.customs_description = facts.hs_code, facts.origin_country, facts.description[:200]
        changed.append(line)
    if changed:
        ConsignmentLine.objects.bulk_update(changed, ["hs_code", "origin_country", "customs_description"])
    return len(changed)
