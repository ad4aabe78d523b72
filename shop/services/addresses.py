"""Address checks shared by checkout and the address book: postcode formats per country, VAT number formats."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Country -> (pattern on the normalised postcode, example shown in the error). Countries not listed accept any
# postcode up to 12 characters (and an empty one where the country has no postcodes).
POSTCODE_FORMATS = {
    "AT": (r"\d{4}", "1010"),
    "BE": (r"\d{4}", "1000"),
    "CH": (r"\d{4}", "8001"),
    "CN": (r"\d{6}", "100000"),
    "DE": (r"\d{5}", "10115"),
    "DK": (r"\d{4}", "1050"),
    "ES": (r"(0[1-9]|[1-4]\d|5[0-2])\d{3}", "28001"),
    "FI": (r"\d{5}", "00100"),
    "FR": (r"\d{5}", "75001"),
    "GB": (r"([A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}", "SW1A 1AA"),
    "IE": (r"[AC-FHKNPRTV-Y]\d{2}|D6W ?[0-9AC-FHKNPRTV-Y]{4}", "D02 X285"),
    "IT": (r"\d{5}", "00184"),
    "JP": (r"\d{3}-\d{4}", "100-0001"),
    "LI": (r"94(8[5-9]|9[0-8])", "9490"),
    "LU": (r"\d{4}", "1009"),
    "NL": (r"[1-9]\d{3} ?[A-Z]{2}", "1012 AB"),
    "PL": (r"\d{2}-\d{3}", "00-001"),
    "PT": (r"\d{4}-\d{3}", "1000-001"),
    "SE": (r"\d{3} ?\d{2}", "111 22"),
    "US": (r"\d{5}(-\d{4})?", "10001"),
}
IE_EIRCODE = re.compile(r"^([AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$")


def normalise_postcode(country: str, postcode: str) -> str:
    value = " ".join((postcode or "").upper().split())
    if country == "JP" and re.fullmatch(r"\d{7}", value):
        value = f"{value[:3]}-{value[3:]}"
    if country == "PT" and re.fullmatch(r"\d{7}", value):
        value = f"{value[:4]}-{value[4:]}"
    if country == "LU" and value.startswith("L-"):
        value = value[2:]
    if country == "GB" and " " not in value and 5 <= len(value) <= 7:
        value = f"{value[:-3]} {value[-3:]}"
    return value


def validate_postcode(country: str, postcode: str) -> str:
    """The postcode in its usual form for the country, or ValidationError with an example of a valid one."""
    country = (country or "").upper()
    value = normalise_postcode(country, postcode)
    if country == "IE":
        if value and not IE_EIRCODE.fullmatch(value):
            raise ValidationError(_("Enter a valid Eircode, e.g. %(example)s.") % {"example": "D02 X285"}, code="postcode")
        return value
    rule = POSTCODE_FORMATS.get(country)
    if rule is None:
        if len(value) > 12:
            raise ValidationError(_("This postcode is too long."), code="postcode")
        return value
    pattern, example = rule
    if not value:
        raise ValidationError(_("Enter the postcode."), code="postcode")
    if not re.fullmatch(pattern, value):
        raise ValidationError(_("Enter a valid postcode for this country, e.g. %(example)s.") % {"example": example}, code="postcode")
    return value


EU_MEMBER_STATES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
# VAT number prefixes differ from ISO codes for Greece (EL).
VAT_PREFIX = {"GR": "EL"}
VAT_FORMATS = {
    "AT": r"U\d{8}", "BE": r"[01]\d{9}", "BG": r"\d{9,10}", "CY": r"\d{8}[A-Z]", "CZ": r"\d{8,10}", "DE": r"\d{9}",
    "DK": r"\d{8}", "EE": r"\d{9}", "EL": r"\d{9}", "ES": r"[A-Z0-9]\d{7}[A-Z0-9]", "FI": r"\d{8}", "FR": r"[A-HJ-NP-Z0-9]{2}\d{9}",
    "HR": r"\d{11}", "HU": r"\d{8}", "IE": r"\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W]", "IT": r"\d{11}", "LT": r"\d{9}|\d{12}",
    "LU": r"\d{8}", "LV": r"\d{11}", "MT": r"\d{8}", "NL": r"\d{9}B\d{2}", "PL": r"\d{10}", "PT": r"\d{9}", "RO": r"\d{2,10}",
    "SE": r"\d{12}", "SI": r"\d{8}", "SK": r"\d{10}",
}


def normalise_vat_number(value: str) -> str:
    return re.sub(r"[\s.\-]", "", (value or "").upper())


def is_well_formed_eu_vat_number(vat_number: str, country: str) -> bool:
    """Whether `vat_number` has the format of a VAT number of EU member state `country` (format only: checking
    that it is registered needs the EU's VIES service, which is online)."""
    country = (country or "").upper()
    if country not in EU_MEMBER_STATES:
        return False
    prefix = VAT_PREFIX.get(country, country)
    value = normalise_vat_number(vat_number)
    return value.startswith(prefix) and re.fullmatch(VAT_FORMATS[prefix], value[len(prefix):]) is not None
