"""The buyer's returns: the form (which items, how many, why, refund or exchange), the return's page (number,
where to send it, what to write on the parcel, the printable label, the timeline) and "I have sent it".

Two doors to the same pages: the signed-in owner's account order (anyone else: 404) and the guest's tracking
token (a forged or altered token: 404). Views are thin: shop.services.returns.requests does the work."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from shop.formatting import active_language
from shop.models import Order, ProductVariant, ReturnReason
from shop.models.catalog import ProductMarketPrice
from shop.models.returns import ReturnResolution
from shop.selectors.orders import order_for_tracking_token
from shop.selectors.returns import find_return, order_returns, return_view
from shop.services.returns import ReturnError
from shop.services.returns.label import render_return_label_pdf
from shop.services.returns.requests import RETURNABLE_ORDER_STATUSES, mark_in_transit, policy_notes, request_return, returnable_lines


class ReturnForm(forms.Form):
    reason = forms.ChoiceField(label=gettext_lazy("Why are you returning it?"), choices=[("", "—"), *ReturnReason.choices])
    resolution = forms.ChoiceField(label=gettext_lazy("What would you like?"), choices=ReturnResolution.choices,
                                   initial=ReturnResolution.REFUND, widget=forms.RadioSelect)
    comment = forms.CharField(label=gettext_lazy("Comment (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    photo = forms.FileField(label=gettext_lazy("Photo (optional, up to 5 MB)"), required=False,
                            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))

    def __init__(self, *args, rows=(), order=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = [row for row in rows if row.units]
        alternatives = _alternatives(order, self.rows) if order is not None else {}
        for row in self.rows:
            self.fields[f"qty_{row.line.pk}"] = forms.TypedChoiceField(
                label=f"{row.line.product_name} {row.line.variant_name}".strip(), coerce=int, initial=0,
                choices=[(n, str(n)) for n in range(row.units + 1)])
            choices = alternatives.get(row.line.pk, [])
            if choices:
                self.fields[f"exchange_{row.line.pk}"] = forms.ChoiceField(
                    label=_("Instead:"), required=False, choices=[("", "—")] + choices)

    def line_fields(self):
        """(row, quantity field, exchange field or None) per returnable line, for the template."""
        return [(row, self[f"qty_{row.line.pk}"], self[f"exchange_{row.line.pk}"] if f"exchange_{row.line.pk}" in self.fields else None)
                for row in self.rows]


def _alternatives(order: Order, rows) -> dict[int, list[tuple[str, str]]]:
    """Per order line, the other active variants of its product, when the product is for sale in the order's market."""
    product_of = dict(ProductVariant.objects.filter(pk__in=[row.line.variant_id for row in rows if row.line.variant_id])
                      .values_list("pk", "product_id"))
    product_ids = set(product_of.values())
    if not product_ids:
        return {}
    on_sale = set(ProductMarketPrice.objects.filter(market_id=order.market_id, product_id__in=product_ids, is_published=True)
                  .values_list("product_id", flat=True))
    variants = ProductVariant.objects.filter(product_id__in=on_sale, is_active=True, product__is_published=True).prefetch_related("attribute_values")
    by_product: dict[int, list] = {}
    for variant in variants:
        by_product.setdefault(variant.product_id, []).append(variant)
    result = {}
    for row in rows:
        if row.line.variant_id:
            result[row.line.pk] = [(str(v.pk), " / ".join(str(a) for a in v.attribute_values.all()) or v.sku)
                                   for v in by_product.get(product_of.get(row.line.variant_id), []) if v.pk != row.line.variant_id]
    return result


# --- The two doors ------------------------------------------------------------------------------------------------

def _account_order(request, number) -> Order:
    order = Order.objects.filter(user=request.user, number=number).select_related("market").first()
    if order is None:
        raise Http404("No such order")
    return order


def _token_order(token) -> Order:
    order = order_for_tracking_token(token)
    if order is None:
        raise Http404("No such order")
    return order


def _urls(order: Order, *, token: str = "") -> dict:
    if token:
        return {"back": reverse("shop:order-tracking", kwargs={"token": token}),
                "return": lambda n: reverse("shop:tracking-return", kwargs={"token": token, "return_number": n}),
                "label": lambda n: reverse("shop:tracking-return-label", kwargs={"token": token, "return_number": n})}
    return {"back": reverse("shop:account-order", kwargs={"number": order.number}),
            "return": lambda n: reverse("shop:account-return", kwargs={"number": order.number, "return_number": n}),
            "label": lambda n: reverse("shop:account-return-label", kwargs={"number": order.number, "return_number": n})}


def returns_context(order: Order, language: str, *, token: str = "") -> dict:
    """What the order pages add: the returns with their timelines and whether "Return items" shows."""
    urls = _urls(order, token=token)
    found = order_returns(order)
    returns = []
    for request in found:
        view = return_view(request, language)
        view["url"] = urls["return"](request.number)
        returns.append(view)
    can = order.status in RETURNABLE_ORDER_STATUSES and any(r.units for r in returnable_lines(order, returns=found))
    new_url = (reverse("shop:tracking-return-new", kwargs={"token": token}) if token
               else reverse("shop:account-return-new", kwargs={"number": order.number}))
    return {"returns": returns, "can_return": can, "new_return_url": new_url}


def _new_return(request, order: Order, *, token: str = ""):
    urls = _urls(order, token=token)
    rows = returnable_lines(order)
    if order.status not in RETURNABLE_ORDER_STATUSES or not any(r.units for r in rows):
        messages.info(request, _("Nothing in this order can be returned now."))
        return redirect(urls["back"])
    status = 200
    if request.method == "POST":
        form = ReturnForm(request.POST, request.FILES, rows=rows, order=order)
        if form.is_valid():
            data = form.cleaned_data
            lines = {row.line.pk: data[f"qty_{row.line.pk}"] for row in form.rows}
            exchanges = {row.line.pk: data.get(f"exchange_{row.line.pk}") for row in form.rows}
            try:
                created = request_return(order.pk, lines, reason=data["reason"], comment=data["comment"], photo=data["photo"],
                                         resolution=data["resolution"], exchanges=exchanges, user=request.user)
            except ReturnError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect(urls["return"](created.number))
        status = 400
    else:
        form = ReturnForm(rows=rows, order=order)
    context = {"order": order, "form": form, "rows": rows, "back_url": urls["back"], "rules": policy_notes(order, active_language())}
    return render(request, "shop/returns/new.html", context, status=status)


def _return_page(request, order: Order, return_number: str, *, token: str = ""):
    urls = _urls(order, token=token)
    found = find_return(order, return_number)
    if found is None:
        raise Http404("No such return")
    if request.method == "POST":
        try:
            mark_in_transit(found.pk, request.POST.get("tracking_number", ""), user=request.user)
        except ReturnError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you: we are expecting your parcel."))
        return redirect(urls["return"](return_number))
    view = return_view(found, active_language())
    return render(request, "shop/returns/detail.html", {
        "order": order, "ret": view, "label_url": urls["label"](return_number), "back_url": urls["back"],
    })


def _label(order: Order, return_number: str) -> HttpResponse:
    found = find_return(order, return_number)
    if found is None:
        raise Http404("No such return")
    response = HttpResponse(render_return_label_pdf(found, active_language()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="return-{found.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, ("Cookie",))
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def account_return_new(request, number):
    return _new_return(request, _account_order(request, number))


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def account_return(request, number, return_number):
    return _return_page(request, _account_order(request, number), return_number)


@login_required
@require_http_methods(["GET"])
def account_return_label(request, number, return_number):
    return _label(_account_order(request, number), return_number)


@never_cache
@require_http_methods(["GET", "POST"])
def tracking_return_new(request, token):
    return _new_return(request, _token_order(token), token=token)


@never_cache
@require_http_methods(["GET", "POST"])
def tracking_return(request, token, return_number):
    return _return_page(request, _token_order(token), return_number, token=token)


@require_http_methods(["GET"])
def tracking_return_label(request, token, return_number):
    return _label(_token_order(token), return_number)
