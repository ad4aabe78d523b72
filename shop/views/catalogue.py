"""Storefront pages: parse the request, ask a selector, render."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from shop.formatting import active_language
from shop.forms.catalogue import SORT_CHOICES, ListingFilterForm
from shop.selectors import categories, listings, products


def _listing_query(request, form, category_ids=None, root_category_id=None):
    attribute_slugs = categories.filterable_attribute_slugs()
    wanted = {}
    for key in request.GET:
        if key in attribute_slugs:
            wanted[key] = [v for v in request.GET.getlist(key)[:20] if v]
    value_ids = categories.attribute_value_ids(wanted) if wanted else {}
    # A filter on values that do not exist matches nothing, rather than being silently dropped.
    for attr in wanted:
        value_ids.setdefault(attr, [-1])
    return (
        listings.ListingQuery(
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
    language = active_language()
    tree = categories.category_tree(language)
    featured_categories = [c for c in tree if c["is_featured"]] or tree[:6]
    return render(
        request,
        "shop/home.html",
        {
            "categories": tree,
            "featured_categories": featured_categories,
            # Rendered here rather than included by home.html so that the featured cards can be read off the context.
            "featured_html": render_to_string(
                "shop/_cards.html", {"cards": listings.featured_cards(request.market, language, limit=8)}
            ),
        },
    )


@require_GET
def category(request, slug):
    language = active_language()
    tree = categories.category_tree(language)
    node, parent = categories.find_category(tree, slug)
    if node is None:
        raise Http404("No such category")
    category_ids = [node["id"]] + [child["id"] for child in node["children"]]
    form = ListingFilterForm(request.GET)
    form.is_valid()
    if parent is None:
        query, selected = _listing_query(request, form, None, root_category_id=node["id"])
    else:
        query, selected = _listing_query(request, form, [node["id"]])
    page = listings.paginate_cards(request.market, query, language, request.GET.get("page"), _per_page(form))
    facets = [
        {**facet, "values": [{**v, "checked": v["slug"] in selected.get(facet["slug"], ())} for v in facet["values"]]}
        for facet in categories.facets(category_ids, language)
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
    language = active_language()
    form = ListingFilterForm(request.GET)
    form.is_valid()
    query, selected = _listing_query(request, form)
    text = form.value("q", "")
    page = None
    if text:
        page = listings.paginate_cards(request.market, query, language, request.GET.get("page"), _per_page(form))
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
    language = active_language()
    data = products.product_page(slug, request.pricing, language)
    if data is None:
        raise Http404("No such product")
    options = products.with_availability(data["options"], request.pricing)
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
