"""Buyers' VAT numbers: check digits (python-stdnum, every EU scheme) and, when `CARAVAN_VIES_URL` is set, the EU's
VIES service, whose answer is kept as evidence for a reverse-charge invoice.

The reverse charge applies only to a number that is well formed, belongs to the billing country (its prefix:
``EL`` for Greece) and that VIES confirmed. A number that was not confirmed — VIES not configured ("not checked"),
invalid, or unreachable (down, timeout, error) — is charged VAT and the buyer is told why (`notice`): the check
digits alone prove only that a number could exist, never that it belongs to this buyer, so the shop never
zero-rates on them. Northern Ireland's ``XI`` numbers pass the check digits but do
not lead to the reverse charge here: the shop ships to Northern Ireland as part of the UK.

VIES client: ``POST CARAVAN_VIES_URL`` with ``{"countryCode", "vatNumber", "requesterMemberStateCode",
"requesterNumber"}`` (the EU's REST endpoint ``…/vies/rest-api/check-vat-number``); the answer's ``valid`` and
``requestIdentifier`` (the consultation number) are kept. Timeout `CARAVAN_VIES_TIMEOUT` seconds (default 5).
Confirmed answers are cached for `POSITIVE_CACHE_SECONDS`; negative ones and failures never are.
"""

import logging
import re
from dataclasses import asdict, dataclass

import requests
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django_countries import countries
from stdnum.eu import vat as eu_vat

from shop.tax.treatments import EU_MEMBER_STATES

logger = logging.getLogger(__name__)

POSITIVE_CACHE_SECONDS = 15 * 60
PREFIX_OF_COUNTRY = {"GR": "EL"}  # VAT numbers use EL for Greece; XI is Northern Ireland (country GB)
COUNTRY_OF_PREFIX = {"EL": "GR", "XI": "GB"}


class Status:
    NOT_CHECKED = "not_checked"  # VIES not configured: check digits only (VAT is charged)
    VALID = "valid"  # VIES confirmed it
    INVALID = "invalid"  # VIES says it is not a registered number
    UNAVAILABLE = "unavailable"  # VIES did not answer in time, or answered with an error

    CHOICES = (NOT_CHECKED, VALID, INVALID, UNAVAILABLE)
    ZERO_RATING = (VALID,)  # the one answer that allows the reverse charge


def normalise(value: str) -> str:
    """Upper case without spaces, dots or dashes: how an address keeps the number the buyer typed (`compact` is
    the stricter form used to check it)."""
    return re.sub(r"[\s.\-]", "", (value or "").upper())


def compact(value: str) -> str:
    """`de 136,695 976` → `DE136695976`; a Greek number with the ISO prefix GR becomes EL."""
    value = re.sub(r"[^0-9A-Za-z+*]", "", value or "").upper()
    if value.startswith("GR"):
        value = "EL" + value[2:]
    return value


def country_of(number: str) -> str:
    """The ISO country a VAT number belongs to (from its prefix)."""
    prefix = compact(number)[:2]
    return COUNTRY_OF_PREFIX.get(prefix, prefix)


def validate(number: str, country: str) -> str:
    """The compact number, or ValidationError saying why it cannot be used with a billing address in `country`.
    Only numbers of EU member states are checked here (others are printed on the invoice as given)."""
    number = compact(number)
    country = (country or "").upper()
    if not number or country not in EU_MEMBER_STATES:
        return number
    if not eu_vat.is_valid(number):
        raise ValidationError(_("This is not a valid VAT number for %(country)s. Check it, or leave the field empty.")
                              % {"country": countries.name(country)}, code="vat_invalid")
    if country_of(number) != country:
        raise ValidationError(
            _("This VAT number belongs to %(other)s, but the billing address is in %(country)s. Enter the VAT number "
              "of the billing country (it starts with %(prefix)s).")
            % {"other": countries.name(country_of(number)) or number[:2], "country": countries.name(country),
               "prefix": PREFIX_OF_COUNTRY.get(country, country)},
            code="vat_country",
        )
    return number


def is_valid_for(number: str, country: str) -> bool:
    try:
        validate(number, country)
    except ValidationError:
        return False
    return bool(number) and (country or "").upper() in EU_MEMBER_STATES


@dataclass(frozen=True)
class VatCheck:
    """What was found out about a number: kept on the cart's billing details, then on the order."""

    number: str
    status: str
    checked_at: str = ""  # ISO 8601, when VIES answered (or was asked)
    consultation: str = ""  # VIES request identifier: the merchant's proof of the check

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data) -> "VatCheck | None":
        if not isinstance(data, dict) or data.get("status") not in Status.CHOICES:
            return None
        return cls(str(data.get("number", "")), data["status"], str(data.get("checked_at", "")), str(data.get("consultation", "")))

    @property
    def allows_reverse_charge(self) -> bool:
        return self.status in Status.ZERO_RATING


def recorded_check(billing: dict, seller_country: str) -> VatCheck | None:
    """The check kept with the billing details (`vat_check`, see `check_for_billing` and the checkout's billing step) when their VAT
    number could make the sale a reverse charge (billed in a member state other than the seller's), else None. A
    number with no check on record for it (say, entered before checks existed) counts as not confirmed."""
    number = compact(billing.get("vat_number") or "")
    country = billing.get("country", "")
    if not number or country not in EU_MEMBER_STATES or country == seller_country:
        return None
    stored = VatCheck.from_dict(billing.get("vat_check"))
    if stored is None or stored.number != number:
        return VatCheck(number, Status.UNAVAILABLE)
    return stored


def check_for_billing(number: str, billing_country: str, seller_country: str) -> VatCheck | None:
    """Ask VIES about `number` when it could make the sale a reverse charge (well formed, of the billing country, a
    member state other than the seller's); None when it cannot (then nothing is asked). A network call: never
    inside a transaction."""
    number = compact(number)
    if number and billing_country in EU_MEMBER_STATES and billing_country != seller_country \
            and is_valid_for(number, billing_country):
        return check(number)
    return None


def qualifies_for_reverse_charge(found: VatCheck | None, billing_country: str, destination_country: str) -> bool:
    """An EU business buyer receiving the goods in the EU: a VAT number with valid check digits, of its billing
    country (a member state other than the seller's: see `recorded_check`), confirmed by VIES. Whether a consignment
    is then an intra-Community supply (reverse charge) depends on where it ships from: see treatments.py."""
    return (found is not None and found.allows_reverse_charge and destination_country in EU_MEMBER_STATES
            and is_valid_for(found.number, billing_country))


def order_evidence(found: VatCheck | None) -> dict:
    """The VIES answer about the buyer's VAT number, as the order keeps it (the merchant's proof for a reverse
    charge): status, when, consultation number (Order fields). Empty when no number could lead to the reverse charge."""
    if found is None:
        return {}
    checked_at = parse_datetime(found.checked_at) if found.checked_at else None
    return {"vat_number_check": found.status, "vat_number_checked_at": checked_at,
            "vat_number_consultation": found.consultation[:64]}


def _cache_get(key):
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001 - a cache outage only costs a VIES request
        logger.warning("VIES: cache unavailable, asking VIES")
        return None


def _cache_set(key, value) -> None:
    try:
        cache.set(key, value, POSITIVE_CACHE_SECONDS)
    except Exception:  # noqa: BLE001
        logger.warning("VIES: cache unavailable, answer not cached")


def check(number: str) -> VatCheck:
    """Ask VIES about a (well-formed) EU VAT number. Never raises: failures come back as UNAVAILABLE."""
    number = compact(number)
    url = getattr(settings, "CARAVAN_VIES_URL", "")
    if not url:
        return VatCheck(number, Status.NOT_CHECKED)
    key = f"caravan:vies:{number}"
    cached = VatCheck.from_dict(_cache_get(key))
    if cached is not None and cached.status == Status.VALID:
        return cached
    body = {"countryCode": number[:2], "vatNumber": number[2:]}
    requester = compact(settings.CARAVAN_SELLER.get("vat_number", ""))
    if requester[:2] in {PREFIX_OF_COUNTRY.get(c, c) for c in EU_MEMBER_STATES}:
        body.update(requesterMemberStateCode=requester[:2], requesterNumber=requester[2:])
    now = timezone.now().isoformat(timespec="seconds")
    try:
        response = requests.post(url, json=body, timeout=float(getattr(settings, "CARAVAN_VIES_TIMEOUT", 5)),
                                 headers={"Accept": "application/json"})
        data = response.json() if response.status_code == 200 else None
    except (requests.RequestException, ValueError) as exc:
        logger.warning("VIES: no answer for %s: %s", number, exc.__class__.__name__)
        return VatCheck(number, Status.UNAVAILABLE, now)
    if not isinstance(data, dict) or not isinstance(data.get("valid"), bool):
        logger.warning("VIES: unusable answer for %s (HTTP %s)", number, response.status_code)
        return VatCheck(number, Status.UNAVAILABLE, now)
    if not data["valid"]:
        return VatCheck(number, Status.INVALID, now, str(data.get("requestIdentifier") or ""))
    result = VatCheck(number, Status.VALID, now, str(data.get("requestIdentifier") or ""))
    _cache_set(key, result.as_dict())
    return result


def notice(vat_check: VatCheck | None) -> str:
    """Why a number the buyer entered does not zero-rate the order (empty when it does, or none was entered)."""
    if vat_check is None or vat_check.allows_reverse_charge:
        return ""
    if vat_check.status == Status.NOT_CHECKED:
        return _("This shop does not check VAT numbers with the EU's VIES service, so the reverse charge cannot be applied "
                 "and VAT is charged on this order. Please contact us if your business needs an invoice without VAT.")
    if vat_check.status == Status.INVALID:
        return _("The EU's VIES service says the VAT number %(number)s is not valid, so VAT is charged on this order. "
                 "Check the number at the billing step if you think this is wrong.") % {"number": vat_check.number}
    return _("We could not confirm the VAT number %(number)s with the EU's VIES service just now, so VAT is charged on "
             "this order. You can try again later at the billing step.") % {"number": vat_check.number}
