"""Checkout forms: they render what the buyer typed and show per-field errors; the rules live in
services/checkout.py (`clean_address`), so the address book and the API check the same things."""

from functools import lru_cache
from html import escape

from django import forms
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from . import vat_numbers
from .models import PaymentMethod
from .services.checkout import clean_address


def country_choices(codes) -> list[tuple[str, str]]:
    """(code, name in the active language), sorted by name; memoised per language and country list."""
    return list(_country_choices(get_language() or "en", tuple(codes)))


@lru_cache(maxsize=64)
def _country_choices(language: str, codes: tuple) -> tuple:
    return tuple(sorted(((code, str(countries.name(code))) for code in codes), key=lambda c: c[1]))


class CountrySelect(forms.Select):
    """A <select> of ~250 countries built with string joins: Django's per-option templates cost ~12 ms a page."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        attributes = "".join(
            f" {escape(k)}" if v is True else f' {escape(k)}="{escape(str(v))}"' for k, v in final.items() if v is not None and v is not False
        )
        selected = str(value or "")
        options = "".join(
            f'<option value="{escape(code)}"{" selected" if code == selected else ""}>{escape(label)}</option>'
            for code, label in self.choices
        )
        return mark_safe(f"<select{attributes}>{options}</select>")


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

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            self.address = clean_address(data, self.market, require_market_country=self.restrict_countries)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
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
            for name in ("full_name", "line1", "city", "country"):
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
    payment_method = forms.ChoiceField(label=_("Payment method"), choices=PaymentMethod.choices, widget=forms.RadioSelect)
    expected_total = forms.DecimalField(widget=forms.HiddenInput, max_digits=20, decimal_places=3)
    accept_terms = forms.BooleanField(label=_("I have checked my order and accept the terms of sale."),
                                      error_messages={"required": _("Please confirm that you accept the terms of sale.")})

    def __init__(self, *args, methods: list[str], **kwargs):
        """`methods`: the payment methods offered in the buyer's market (checkout.payment_methods_for)."""
        super().__init__(*args, **kwargs)
        self.fields["payment_method"].choices = [(m, PaymentMethod(m).label) for m in methods]


class VoucherForm(forms.Form):
    code = forms.CharField(label=_("Voucher code"), max_length=40)
