"""Storefront pages: parse the request, ask a selector, render."""

from django.conf import settings
from django.contrib import messages
from django.db import connection, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.crypto import get_random_string
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import cart_count, selectors
from .forms import SORT_CHOICES, ListingFilterForm
from .services import cart as cart_services
from .services.db import relaxed_commit


def _language():
    return get_language() or settings.LANGUAGE_CODE


def _listing_query(request, form, category_ids=None, root_category_id=None):
    attribute_slugs = selectors.filterable_attribute_slugs()
    wanted = {}
    for key in request.GET:
        if key in attribute_slugs:
            wanted[key] = [v for v in request.GET.getlist(key)[:20] if v]
    value_ids = selectors.attribute_value_ids(wanted) if wanted else {}
    # A filter on values that do not exist matches nothing, rather than being silently dropped.
    for attr in wanted:
        value_ids.setdefault(attr, [-1])
    return (
        selectors.ListingQuery(
            category_ids=category_ids,
            root_category_id=root_category_id,
            search=form.value("q", ""),
            min_price=form.value("min_price"),
            max_price=form.value("max_price"),
            in_stock=bool(form.value("in_stock", False)),
            attribute_value_ids=value_ids,
            sort=form.value("sort", "relevance" if form.value("q") else "newest"),
        ),
        wanted,
    )


def _per_page(form):
    return form.value("per_page", settings.CARAVAN_DEFAULT_PAGE_SIZE)


@require_GET
def home(request):
    language = _language()
    tree = selectors.category_tree(language)
    featured_categories = [c for c in tree if c["is_featured"]] or tree[:6]
    return render(
        request,
        "shop/home.html",
        {
            "categories": tree,
            "featured_categories": featured_categories,
            # Rendered here rather than included by home.html so that the featured cards can be read off the context.
            "featured_html": render_to_string(
                "shop/_cards.html", {"cards": selectors.featured_cards(request.market, language, limit=8)}
            ),
        },
    )


@require_GET
def category(request, slug):
    language = _language()
    tree = selectors.category_tree(language)
    node, parent = selectors.find_category(tree, slug)
    if node is None:
        raise Http404("No such category")
    category_ids = [node["id"]] + [child["id"] for child in node["children"]]
    form = ListingFilterForm(request.GET)
    form.is_valid()
    if parent is None:
        query, selected = _listing_query(request, form, None, root_category_id=node["id"])
    else:
        query, selected = _listing_query(request, form, [node["id"]])
    page = selectors.paginate_cards(request.market, query, language, request.GET.get("page"), _per_page(form))
    facets = [
        {**facet, "values": [{**v, "checked": v["slug"] in selected.get(facet["slug"], ())} for v in facet["values"]]}
        for facet in selectors.facets(category_ids, language)
    ]
    return render(
        request,
        "shop/category.html",
        {
            "categories": tree,
            "category": node,
            "parent": parent,
            "form": form,
            "facets": facets,
            "sort_controls": {
                # The active filters ride along as hidden inputs when only the sort or page size changes.
                "hidden": [
                    (key, value)
                    for key, values in request.GET.lists()
                    if key not in ("sort", "page", "per_page")
                    for value in values[:20]
                ],
                "choices": SORT_CHOICES,
                "sort": query.sort,
                "page_sizes": settings.CARAVAN_PAGE_SIZES,
                "per_page": page.paginator.per_page,
            },
            "selected": selected,
            "page": page,
            "query_without_page": _query_without(request, "page"),
        },
    )


@require_GET
def search(request):
    language = _language()
    form = ListingFilterForm(request.GET)
    form.is_valid()
    query, selected = _listing_query(request, form)
    text = form.value("q", "")
    page = None
    if text:
        page = selectors.paginate_cards(request.market, query, language, request.GET.get("page"), _per_page(form))
    return render(
        request,
        "shop/search.html",
        {
            "form": form,
            "q": text,
            "page": page,
            "query_without_page": _query_without(request, "page"),
        },
    )


@require_GET
def product(request, slug):
    language = _language()
    data = selectors.product_page(slug, request.pricing, language)
    if data is None:
        raise Http404("No such product")
    options = selectors.with_availability(data["options"], request.pricing)
    market_name = request.market.name(language)
    for option in options:
        option["stock_text"] = _stock_text(option, market_name)
    chosen = None
    wanted = request.GET.get("variant", "")
    if wanted:
        chosen = next((o for o in options if str(o["id"]) == wanted or o["sku"] == wanted), None)
    if chosen is None and options:
        chosen = next((o for o in options if o["in_stock"]), options[0])
    images = data["images"]
    # One large picture (the chosen variant's, else the product's first) and thumbnails of all of them.
    shown_image = next((i for i in images if chosen and i["url"] == chosen.get("image")), images[0] if images else None)
    return render(
        request,
        "shop/product.html",
        {
            "product": data,
            "images": images,
            "shown_image": shown_image,
            "options": options,
            "groups": data["groups"],
            "chosen": chosen,
            "related": data["related"],
        },
    )


def _stock_text(option, market_name):
    if not option["in_stock"]:
        return _("Out of stock for %(market_name)s") % {"market_name": market_name}
    if option["low_stock"]:
        return ngettext(
            "Only %(counter)s left in stock for %(market_name)s",
            "Only %(counter)s left in stock for %(market_name)s",
            option["available"],
        ) % {"counter": option["available"], "market_name": market_name}
    return _("In stock for %(market_name)s") % {"market_name": market_name}


def _query_without(request, *names):
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _check_database() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        connection.close()  # a broken connection is not reused by the next request
        raise


def _check_cache() -> None:
    from django.core.cache import cache

    check = getattr(cache, "check_health", None)  # the Redis cache degrades on its own: ask Redis directly
    if check is not None:
        check()
        return
    token = get_random_string(12)
    cache.set("healthz", token, 10)
    if cache.get("healthz") != token:
        raise RuntimeError("the cache did not keep a value")


@never_cache
def healthz(request):
    """200 when the database and the cache answer, else 503 naming what is down. Served by HealthCheckMiddleware
    before any other middleware (they need the database), so it answers JSON even when the database is down."""
    checks = {"database": _check_database, "cache": _check_cache}
    report, down = {}, []
    for name, check in checks.items():
        try:
            check()
            report[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - report any failure, never raise
            report[name] = f"error: {exc.__class__.__name__}"
            down.append(name)
    status = 503 if down else 200
    response = JsonResponse({"status": "degraded" if down else "ok", "down": down, **report, "vendor": connection.vendor}, status=status)
    return response


def floor(request):
    """Benchmark floor: the cheapest response Django can give through the full middleware stack."""
    return HttpResponse(b"ok", content_type="text/plain")


# --- Cart -----------------------------------------------------------------------------------------

CART_SESSION_KEY = "cart_token"


def _current_cart(request, create: bool):
    token = request.session.get(CART_SESSION_KEY)
    if not create and not token and not request.user.is_authenticated:
        return None
    if create:
        cart = cart_services.get_or_create_cart(market_id=request.market.id, token=token, user=request.user)
    else:  # looking does not create: e.g. after the cart became an order, the token still finds that order
        cart = cart_services.find_cart(market_id=request.market.id, token=token, user=request.user)
        if cart is None:
            return None
    if cart.user_id is None and request.session.get(CART_SESSION_KEY) != str(cart.token):
        request.session[CART_SESSION_KEY] = str(cart.token)
    return cart


def _cart_response(request, cart, message="", status=200):
    language = _language()
    summary = cart_services.cart_summary(cart, request.pricing, language) if cart else None
    _remember_count(request, summary["count"] if summary else 0)
    template = "shop/_cart.html" if request.htmx else "shop/cart.html"
    return render(request, template, {"cart": summary, "message": message}, status=status)


def _capped_message(change) -> str:
    if not change.capped:
        return ""
    quantity = change.quantity if hasattr(change, "quantity") else change.line.quantity
    return _("Only %(count)s available: your cart holds all of them.") % {"count": quantity}


def _remember_count(request, count: int) -> None:
    cart_count.remember(request, count)


@require_GET
def cart_detail(request):
    return _cart_response(request, _current_cart(request, create=False))


def _cross_site(request) -> bool:
    """A POST another site made the browser send: browsers say so in Sec-Fetch-Site, older ones in Origin."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin not in ("null", f"{request.scheme}://{request.get_host()}")


# Adding to a cart needs no CSRF token, so product pages stay token-free (and cheap) for anonymous browsing.
# It is still safe: the session cookie is SameSite=Lax, so a cross-site POST arrives without it, and such a POST
# is refused outright (it would otherwise answer with a new session cookie and push the buyer's session out).
# Changing or removing lines, and everything after, keeps CSRF protection.
@csrf_exempt
@require_POST
def cart_add(request):
    if _cross_site(request):
        return HttpResponse(_("Adding to the cart works from this shop's pages only."), status=403, content_type="text/plain; charset=utf-8")
    try:
        with transaction.atomic():  # a new guest's cart and its first line: one commit
            relaxed_commit()
            cart = _current_cart(request, create=True)
            change = cart_services.add_to_cart(cart, request.POST.get("variant"), request.POST.get("quantity", "1"), request.pricing)
    except cart_services.CartError as exc:
        if request.htmx:
            return render(request, "shop/_added.html", {"message": str(exc), "count": cart_count.current(request)})
        return _cart_response(request, cart, str(exc), status=409)
    message = _capped_message(change) or _("Added to your cart.")
    count = change.count
    _remember_count(request, count)
    if not request.htmx:
        messages.info(request, message)
        return redirect("shop:cart")
    return render(request, "shop/_added.html", {"message": message, "count": count})


@require_POST
def cart_update(request, variant_id):
    cart = _current_cart(request, create=True)
    message = ""
    try:
        change = cart_services.set_line_quantity(cart, variant_id, request.POST.get("quantity", "0"), request.pricing)
        message = _capped_message(change)
    except cart_services.CartError as exc:
        message = str(exc)
    if not request.htmx:
        _remember_count(request, cart_services.item_count(cart))
        if message:
            messages.info(request, message)
        return redirect("shop:cart")
    return _cart_response(request, cart, message)
