"""What is printed about a tax treatment, per place it is printed: the product page and cart (`origin_note`,
`cart_import_notes`), the checkout's review and confirmation pages (`checkout_notes`) and the legal notes of the
invoice, the order e-mails and the account's order page (`legal_notes`). Templates get these texts from here (the
views pass them in), never by testing treatment codes themselves.

One entry of `NOTES` per treatment; the texts are gettext message ids, translated when they are printed."""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop
from django_countries import countries

from shop.formatting import active_language
from shop.money import format_money
from shop.tax.treatments import Treatment, import_rule


@dataclass(frozen=True)
class TreatmentNotes:
    origin: str = ""  # product page and cart, after "Ships from <country>" (empty: the country alone)
    checkout: str = ""  # the checkout's review step
    legal: str = ""  # invoice, order e-mails, account order page
    warn: bool = False  # the checkout note is a warning (money is due on delivery)
    after_order: bool = False  # the checkout note is repeated on the order's confirmation page


NOTES: dict[str, TreatmentNotes] = {
    Treatment.IOSS: TreatmentNotes(
        origin=gettext_noop("Ships from %(country)s · EU VAT included (IOSS), no import charges on delivery (orders up to €150)"),
        checkout=gettext_noop("VAT is collected at checkout under the Import One-Stop Shop (IOSS number %(ioss_number)s): "
                              "nothing more to pay on delivery."),
        legal=gettext_noop("VAT collected under the Import One-Stop Shop. IOSS number: %(ioss)s"),
    ),
    Treatment.UK_LOW_VALUE: TreatmentNotes(
        origin=gettext_noop("Ships from %(country)s · UK VAT included, no import charges on delivery (orders up to £135)"),
        checkout=gettext_noop("UK VAT is collected at checkout (consignment up to £135): nothing more to pay on delivery."),
        legal=gettext_noop("UK VAT collected at the point of sale (consignment up to £135)."),
    ),
    Treatment.IMPORT_ON_DELIVERY: TreatmentNotes(
        origin=gettext_noop("Ships from %(country)s · price without VAT: import VAT and duties may be due on delivery"),
        checkout=gettext_noop("This consignment is imported: import VAT and any duties are not included and are due to "
                              "the carrier on delivery."),
        legal=gettext_noop("Import VAT and duties are not included and are due on delivery."),
        warn=True, after_order=True,
    ),
    Treatment.REVERSE_CHARGE: TreatmentNotes(
        checkout=gettext_noop("Reverse charge: no VAT is charged; VAT is to be accounted for by the recipient."),
        legal=gettext_noop("Reverse charge: tax-exempt intra-Community supply of goods (Article 138, Council "
                           "Directive 2006/112/EC); VAT to be accounted for by the recipient."),
    ),
}
NO_NOTES = TreatmentNotes()
SHIPS_FROM = gettext_noop("Ships from %(country)s")


@dataclass(frozen=True)
class Note:
    text: str
    warn: bool = False


def origin_note(origin_country: str, treatment: str) -> str:
    """Where an item ships from and what that means for VAT and duties, for the product page and the cart."""
    if not origin_country:
        return ""
    place = {"country": countries.name(origin_country) or origin_country}
    return gettext(NOTES.get(treatment, NO_NOTES).origin or SHIPS_FROM) % place


def checkout_notes(treatments, ioss_number: str, *, after_order: bool = False) -> list[Note]:
    """The notes of the checkout's review step (`after_order`: of the order's confirmation page) for these
    treatment codes, in a fixed order."""
    codes = set(treatments)
    return [
        Note(gettext(notes.checkout) % {"ioss_number": ioss_number}, notes.warn)
        for code, notes in NOTES.items()
        if code in codes and notes.checkout and (notes.after_order or not after_order)
    ]


def legal_notes(treatments, ioss_number: str) -> list[str]:
    """The legal notes printed for an order's treatment codes (in their order), in the active language."""
    return [
        gettext(NOTES[code].legal) % {"ioss": ioss_number}
        for code in treatments or []
        if code in NOTES and NOTES[code].legal
    ]


def cart_import_notes(country: str, treatments, eu_business: bool) -> list[str]:
    """Said in the cart before checkout: consignments over the import limit are priced without VAT."""
    rule = import_rule(country)
    if rule is None or Treatment.IMPORT_ON_DELIVERY not in set(treatments):
        return []
    if eu_business:
        # Not the limit: a business imports goods from outside the EU itself, whatever they are worth (IOSS is B2C).
        return [gettext("Your items shipping from outside the EU are imported by your business: they are priced without "
                        "VAT, and your business pays import VAT and duties on delivery.")]
    return [gettext("Your items shipping from outside %(area)s are worth more than %(limit)s together: VAT cannot be "
                    "collected at checkout, so they are priced without VAT, and import VAT and duties are due on delivery.")
            % {"area": gettext(rule.area_name), "limit": format_money(rule.limit, rule.limit_currency, active_language())}]
