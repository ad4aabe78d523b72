"""Checkout pages: contact & shipping address → shipping option → billing → review (voucher, payment method)
→ place order → confirmation. Thin: parse, call services/checkout/ or services/orders/, render."""

import logging
import math
import re
import uuid

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_countries import countries
from django_ratelimit import ALL as ratelimit_all
from django_ratelimit.core import is_ratelimited

from fulfillment.services import InsufficientStock
from payments.providers import get_provider
from shop.formatting import active_language
from shop.forms.checkout import BillingForm, ContactAddressForm, PaymentForm, VoucherForm, is_refresh
from shop.models import Invoice, Order, OrderStatus
from shop.money import format_money
from shop.plumbing import cart_count
from shop.plumbing.cart_count import CART_SESSION_KEY
from shop.selectors import account as selectors_account
from shop.selectors.orders import parcel_rows, shipping_parts, tax_breakdown
from shop.services import accounts as account_services
from shop.services import checkout as checkout_services
from shop.services import orders as order_services
from shop.services.checkout import CheckoutError, quote_cart
from shop.tax import checkout_notes, tax_rows
from shop.views.cart import current_cart
from shop.views.order_confirm import rate_limited

logger = logging.getLogger(__name__)

PLACED_ORDERS_KEY = "placed_orders"
STEPS = ("address", "shipping", "billing", "review")



def _cart_or_redirect(request, *, require_lines=False):
    """The buyer's cart, or a redirect to the cart page. Steps that price the cart check for lines on the quote
    (no extra query); the first step checks here."""
    cart = current_cart(request, create=False)
    if cart is None or (require_lines and not cart.lines.exists()):
        return None, redirect("shop:cart")
    return cart, None


def _enter_step(request, *, needs: str, back_to: str):
    """The cart at a step after the address: the step before done (`needs` is filled in, else back to `back_to`) and
    the address still in the buyer's market. Returns (cart, None) or (None, a redirect)."""
    cart, bounce = _cart_or_redirect(request)
    if bounce:
        return None, bounce
    if not getattr(cart, needs):
        return None, redirect(back_to)
    if bounce := _address_outside_market(request, cart):
        return None, bounce
    return cart, None


def _empty(quote) -> bool:
    return not quote.lines and not quote.withdrawn


def _address_outside_market(request, cart):
    """The buyer switched market after entering an address there: back to the address step."""
    if checkout_services.address_outside_market(cart, request.market):
        messages.error(request, _("Your shipping address is outside the %(market)s shop. Please enter it again.")
                       % {"market": request.market.name(active_language())})
        return redirect("shop:checkout-address")
    return None


def _money(amount, currency):
    return format_money(amount, currency, active_language())


def _reserve(request, cart, force=False):
    """Hold the stock for this checkout; on a shortage, back to the cart with every short line named. A new hold (none
    live: the first step of a checkout, or the old hold ran out) is a start of checkout and counts against the
    client's CARAVAN_RATELIMIT_CHECKOUT; page views, refreshes and a hold kept or moved to another warehouse do not."""
    # (No lines check here: it would cost every step a query; an empty cart reaching review is sent back anyway.)
    if not (cart.reserved_until and cart.reserved_until > timezone.now()):
        if _over_limit(request, "checkout", settings.CARAVAN_RATELIMIT_CHECKOUT):
            return rate_limited(request)
    try:
        checkout_services.reserve_cart(cart, request.storefront_config, force=force)
    except InsufficientStock as short:
        quote = quote_cart(cart, request.storefront_config, language=active_language(), check_voucher=False)
        names = {line.variant_id: f"{line.product_name} ({line.sku})" for line in quote.lines}
        for text in checkout_services.shortage_messages(short.shortages, names):
            messages.error(request, text)
        return redirect("shop:cart")
    return None


def _context(request, cart, quote, step, **extra):
    currency = quote.currency
    return {
        "step": step,
        "steps": STEPS,
        "cart": cart,
        "quote": quote,
        "lines": [
            {"line": line, "unit": _money(line.unit.display, currency), "total": _money(line.total_display, currency),
             "undiscounted": _money(line.undiscounted_display, currency)}
            for line in quote.lines
        ],
        "totals": _totals(quote),
        "reserved_minutes": _minutes_left(cart.reserved_until),
        "shipping_country": countries.name((cart.shipping_address or {}).get("country", "")),
        "billing_country": countries.name((cart.billing_address or {}).get("country", "")),
        **extra,
    }


def _legs(option, currency: str) -> list[dict]:
    """An option's parcels with their prices formatted, when it ships in more than one."""
    if len(option.legs) < 2:
        return []
    return [{"leg": leg, "price": _money(leg.price.display, currency)} for leg in option.legs]


def _minutes_left(until) -> int | None:
    if until is None:
        return None
    seconds = (until - timezone.now()).total_seconds()
    return max(1, math.ceil(seconds / 60)) if seconds > 0 else None


def _totals(quote) -> dict:
    c = quote.currency
    return {
        "subtotal": _money(quote.subtotal_display, c),
        "discount": _money(quote.discount, c) if quote.discount else "",
        "shipping": _money(quote.shipping_display, c) if quote.shipping else "",
        "net": _money(quote.total_net, c),
        "tax": _money(quote.total_tax, c),
        "total": _money(quote.total_gross, c),
        "tax_rows": tax_rows(quote.rate_totals, quote.includes_tax, c, active_language()),
    }


def _over_limit(request, group: str, rate: str) -> bool:
    """Counts this request against the client's limit for `group` (django-ratelimit, key "ip": the real client
    behind the proxy, see RATELIMIT_IP_META_KEY); True once over `rate`. If the cache cannot count (down), the
    request goes through and the log says so: a cache outage must not stop checkout."""
    try:
        return is_ratelimited(request, group=f"caravan.{group}", key="ip", rate=rate, method=ratelimit_all, increment=True)
    except Exception:
        logger.warning("rate limit %s not checked: the cache is unavailable", group, exc_info=True)
        return False


@never_cache
@require_http_methods(["GET", "POST"])
def address(request):
    cart, bounce = _cart_or_redirect(request, require_lines=True)
    if bounce:
        return bounce
    if request.method == "GET" and (bounce := _reserve(request, cart)):
        return bounce
    market = request.market
    if is_refresh(request):  # the country switch: the same entries with that country's fields
        form = ContactAddressForm(initial=request.POST.dict(), market=market)
    elif request.method == "POST":
        form = ContactAddressForm(request.POST, market=market)
        if form.is_valid():
            before = checkout_services.destination(cart, market)
            cart = checkout_services.set_contact_and_shipping_address(cart, form.cleaned_data["email"], form.address)
            if request.user.is_authenticated and form.cleaned_data.get("save_address"):
                account_services.remember_address(request.user, form.address)
            # The destination decides the warehouses: hold the stock again only if it changed (or nothing is held).
            moved = checkout_services.destination(cart, market) != before
            if bounce := _reserve(request, cart, force=moved):
                return bounce
            return redirect("shop:checkout-shipping")
    else:
        book = selectors_account.address_book(request.user, market.countries)
        wanted = request.GET.get("use", "")
        chosen = next((a for a in book if str(a.pk) == wanted), None) if re.fullmatch(r"[0-9]{1,18}", wanted) else None
        saved = chosen or (None if cart.shipping_address else (book[0] if book else None))
        initial = dict(saved.as_dict() if saved else cart.shipping_address or {"country": market.default_country})
        initial["email"] = cart.email or (request.user.email if request.user.is_authenticated else "")
        form = ContactAddressForm(initial=initial, market=market)
    if not request.user.is_authenticated:
        del form.fields["save_address"]  # only an account has an address book
    if request.method == "POST":
        book = selectors_account.address_book(request.user, market.countries)
    quote = quote_cart(cart, request.storefront_config, language=active_language())
    return render(request, "shop/checkout/address.html", _context(request, cart, quote, "address", form=form, book=book),
                  status=400 if form.is_bound and form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def shipping(request):
    cart, bounce = _enter_step(request, needs="shipping_address", back_to="shop:checkout-address")
    if bounce:
        return bounce
    quote = quote_cart(cart, request.storefront_config, language=active_language())
    if _empty(quote):
        return redirect("shop:cart")
    error = ""
    if request.method == "POST":
        try:
            checkout_services.set_shipping_method(cart, request.POST.get("shipping_method"), quote)
            return redirect("shop:checkout-billing")
        except CheckoutError as exc:
            error = str(exc)
    options = [
        {"option": o, "price": _money(o.price.display, quote.currency), "checked": o.method_id == cart.shipping_method_id,
         "legs": _legs(o, quote.currency)}
        for o in quote.shipping_options
    ]
    if options and not any(o["checked"] for o in options):
        options[0]["checked"] = True
    status = 400 if error else 200
    return render(request, "shop/checkout/shipping.html",
                  _context(request, cart, quote, "shipping", options=options, error=error), status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def billing(request):
    cart, bounce = _enter_step(request, needs="shipping_method_id", back_to="shop:checkout-shipping")
    if bounce:
        return bounce
    market = request.market
    if is_refresh(request):
        form = BillingForm(initial={**request.POST.dict(), "same_as_shipping": False}, market=market)
    elif request.method == "POST":
        form = BillingForm(request.POST, market=market, shipping_country=(cart.shipping_address or {}).get("country", ""))
        if form.is_valid():
            checkout_services.set_billing(cart, form.address, form.cleaned_data.get("vat_number", ""))
            return redirect("shop:checkout-review")  # which says why VAT is charged if the number was not confirmed
    else:
        current = cart.billing_address or {}
        same = current.get("same_as_shipping", True)
        initial = {**(cart.shipping_address or {}), **({} if same else current), "same_as_shipping": same,
                   "vat_number": current.get("vat_number", "")}
        form = BillingForm(initial=initial, market=market)
    quote = quote_cart(cart, request.storefront_config, language=active_language())
    return render(request, "shop/checkout/billing.html", _context(request, cart, quote, "billing", form=form),
                  status=400 if form.is_bound and form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def review(request):
    cart, bounce = _enter_step(request, needs="billing_address", back_to="shop:checkout-billing")
    if bounce:
        return bounce
    if bounce := _reserve(request, cart):
        return bounce
    quote = quote_cart(cart, request.storefront_config, language=active_language())
    if _empty(quote):
        return redirect("shop:cart")
    if quote.shipping is None:
        messages.error(request, _("Please choose a shipping option again."))
        return redirect("shop:checkout-shipping")
    return _render_review(request, cart, quote, _payment_form(request, cart, quote))


def _payment_form(request, cart, quote, data=None) -> PaymentForm:
    """The review page's form, offering the market's payment methods (`quote` gives the total for an unbound form)."""
    methods = checkout_services.payment_methods_for(request.storefront_config.market_by_id(cart.market_id))
    if data is not None:
        return PaymentForm(data, methods=methods)
    chosen = cart.payment_method if cart.payment_method in methods else (methods[0] if methods else "")
    return PaymentForm(methods=methods, initial={"payment_method": chosen, "expected_total": quote.total_gross})


def _render_review(request, cart, quote, form, voucher_form=None, status=200):
    return render(
        request,
        "shop/checkout/review.html",
        _context(request, cart, quote, "review", form=form, voucher_form=voucher_form or VoucherForm(),
                 legs=_legs(quote.shipping, quote.currency) if quote.shipping else [],
                 tax_notes=checkout_notes(quote.treatments, settings.CARAVAN_SELLER["ioss_number"]),
                 vat_notice=checkout_services.vat_number_notice(cart)),
        status=status,
    )


@require_POST
def voucher(request):
    cart, bounce = _cart_or_redirect(request)
    if bounce:
        return bounce
    if request.POST.get("remove"):
        checkout_services.remove_voucher(cart)
        messages.info(request, _("Voucher removed."))
        return redirect("shop:checkout-review")
    form = VoucherForm(request.POST)
    if form.is_valid():
        try:
            applied = checkout_services.apply_voucher(cart, form.cleaned_data["code"], request.storefront_config)
            messages.success(request, _("Voucher %(code)s applied.") % {"code": applied.code})
            return redirect("shop:checkout-review")
        except CheckoutError as exc:
            form.add_error("code", str(exc))
    quote = quote_cart(cart, request.storefront_config, language=active_language())
    return _render_review(request, cart, quote, _payment_form(request, cart, quote), voucher_form=form, status=400)


@require_POST
def place(request):
    posted = request.POST.get("cart", "")
    cart = current_cart(request, create=False)
    if cart is None or str(cart.token) != posted:
        return _already_placed(request, posted) or (_session_expired(request) if cart is None else _cart_changed(request))
    # Checked here, not only by place_order: its error would send the buyer back to the review step, which says the
    # same again on its way to the address step (the message showed twice).
    if bounce := _address_outside_market(request, cart):
        return bounce
    form = _payment_form(request, cart, None, data=request.POST)
    if form.is_valid():
        # Only a real attempt counts (a current cart, a valid form), before anything is written: the cart stays.
        if _over_limit(request, "place-order", settings.CARAVAN_RATELIMIT_PLACE_ORDER):
            return rate_limited(request)
        try:
            order = order_services.place_order(
                cart.token, request.storefront_config, language=active_language(), user=request.user,
                expected_total=form.cleaned_data["expected_total"], payment_method=form.cleaned_data["payment_method"],
            )
        except order_services.StockShortError as exc:
            for text in exc.messages:
                messages.error(request, text)
            return redirect("shop:cart")
        except CheckoutError as exc:
            messages.error(request, str(exc))
            return redirect("shop:checkout-review")
        return _placed(request, order)
    quote = quote_cart(cart, request.storefront_config, language=active_language())
    return _render_review(request, cart, quote, form, status=400)


def _session_expired(request):
    """The review page was posted but the session no longer holds a cart (it expired, or the cookie was lost)."""
    messages.error(request, _("Your session has expired, so nothing was ordered. Please check your cart and check out again."))
    return redirect("shop:cart")


def _cart_changed(request):
    messages.error(request, _("Your cart changed in another window. Please check it and check out again."))
    return redirect("shop:cart")


def _already_placed(request, token: str):
    """A second submit of "place order" after the first one went through: show the order it made."""
    try:
        token = str(uuid.UUID(token))
    except ValueError:
        return None
    order = selectors_account.order_for_buyer(request.user, request.session.get(PLACED_ORDERS_KEY, []),
                                              request.session.get(CART_SESSION_KEY, ""), cart_token=token)
    return redirect("shop:checkout-done", number=order.number) if order is not None else None


def _placed(request, order):
    placed = request.session.get(PLACED_ORDERS_KEY, [])[-9:]
    request.session[PLACED_ORDERS_KEY] = [*placed, order.number]
    cart_count.remember(request, 0)
    # Keep the token: a double submit finds the order by it. The next add-to-cart starts a new cart.
    step = "shop:checkout-pay" if get_provider(order.payment_method).pays_online else "shop:checkout-done"
    return redirect(reverse(step, kwargs={"number": order.number}))


def buyers_order(request, number: str, *, with_lines: bool = False) -> Order:
    """The order `number` if this buyer may see it (selectors_account.order_for_buyer); 404 otherwise."""
    order = selectors_account.order_for_buyer(request.user, request.session.get(PLACED_ORDERS_KEY, []),
                                              request.session.get(CART_SESSION_KEY, ""), number=number, with_lines=with_lines)
    if order is None:
        raise Http404
    return order


@never_cache
def done(request, number):
    order = buyers_order(request, number, with_lines=True)
    if order.status in (OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLED) and get_provider(order.payment_method).pays_online:
        return redirect("shop:checkout-pay", number=order.number)  # not paid (yet): the pay page says where it stands
    c = order.currency
    lines = [{"line": line, "total": _money(line.total_gross if order.prices_include_tax else line.total_net, c)}
             for line in order.lines.all()]
    parts = shipping_parts(order)
    return render(request, "shop/checkout/done.html", {
        "order": order, "lines": lines, "total": _money(order.total_gross, c),
        "tax_rows": tax_rows(tax_breakdown(order, list(order.lines.all()), parts), order.prices_include_tax, c,
                             active_language()),
        "parcels": parcel_rows(parts, order, active_language()),
        "shipping": _money(order.shipping_gross if order.prices_include_tax else order.shipping_net, c),
        "discount": _money(order.discount, c) if order.discount else "",
        "seller": settings.CARAVAN_SELLER, "payment_provider": get_provider(order.payment_method),
        "tax_notes": checkout_notes(order.tax_notes, order.ioss_number, after_order=True),
        "unpaid_days": max(1, settings.CARAVAN_UNPAID_ORDER_HOURS // 24),
        "confirm_hours": settings.CARAVAN_COD_CONFIRM_HOURS,
        # Invoices exist once an order is paid or shipped: an unpaid order's page asks for none.
        "invoice": Invoice.objects.filter(order=order).first() if order.paid_at or order.status in order_services.SHIPPING_STATUSES else None,
    })
