"""Address checks shared by checkout and the address book: postcode formats per country."""

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


def normalise_vat_number(value: str) -> str:
    """Upper case without spaces, dots or dashes (checking a VAT number: shop/vat_numbers.py)."""
    return re.sub(r"[\s.\-]", "", (value or "").upper())
