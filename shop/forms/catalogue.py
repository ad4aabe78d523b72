from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shop.money import parse_amount

SORT_CHOICES = [
    ("newest", _("Newest")),
    ("price_asc", _("Price: low to high")),
    ("price_desc", _("Price: high to low")),
    ("name", _("Name")),
]


class ListingFilterForm(forms.Form):
    """Validates listing parameters. Invalid values are reported and ignored; they never fail the page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    min_price = forms.CharField(label=_("Min. price"), required=False, max_length=20)
    max_price = forms.CharField(label=_("Max. price"), required=False, max_length=20)
    in_stock = forms.BooleanField(label=_("In stock only"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    per_page = forms.TypedChoiceField(
        label=_("Per page"), choices=[(n, n) for n in settings.CARAVAN_PAGE_SIZES], coerce=int, required=False
    )

    def clean_min_price(self):
        return self._amount("min_price")

    def clean_max_price(self):
        return self._amount("max_price")

    def _amount(self, name):
        raw = self.cleaned_data.get(name)
        if raw in (None, ""):
            return None
        value = parse_amount(raw)
        if value is None:
            raise forms.ValidationError(_("Enter a price as a positive number, e.g. 25 or 19.99."))
        return value

    def clean(self):
        data = super().clean()
        low, high = data.get("min_price"), data.get("max_price")
        if low is not None and high is not None and low > high:
            self.add_error("max_price", _("The maximum price must not be below the minimum price."))
        return data

    def value(self, name, default=None):
        """The cleaned value when valid, else the default (so a bad field never breaks the listing)."""
        if name in self.errors:
            return default
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value
