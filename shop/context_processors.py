"""Header data for every storefront page: language and market switchers, hreflang alternates, category menu.

base.html loops over these lists; building them costs no query (the markets come from the configuration snapshot,
the categories from the cached tree). They are built lazily, on first use: htmx fragments and admin pages, which
never show the header, pay nothing for them; and base.html keeps their rendering in the per-process fragment cache
under `header_key` and `menu_key` (short strings naming everything the fragments depend on), so a page whose header
was rendered before builds nothing at all.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from shop.formatting import active_language
from shop.plumbing import cart_count
from shop.plumbing.storefront_config import catalog_version, config_version
from shop.selectors.categories import category_tree


def storefront(request):
    market = getattr(request, "market", None)
    config = getattr(request, "storefront_config", None)
    if config is None or market is None:
        return {}
    language = active_language()
    return {
        "shop_name": settings.CARAVAN_SHOP_NAME,
        "market": market,
        "market_name": market.name(language),
        "cart_count": cart_count.current(request),
        "header": SimpleLazyObject(lambda: _header(request, market, config, language)),
        # What the header's fragments depend on: the language, the market, the page's address (links to the same page
        # in other languages and markets), and the versions of the configuration (markets) and catalogue (categories).
        "header_key": SimpleLazyObject(lambda: f"{language}|{market.code}|{config_version()}|{request.scheme}://{request.get_host()}"
                                                f"{request.get_full_path()}"),
        "menu_key": SimpleLazyObject(lambda: f"{language}|{catalog_version()}"),
    }


def _header(request, market, config, language) -> dict:
    path = request.path
    query = request.GET.copy()
    query.pop("market", None)
    query.pop("currency", None)
    suffix = ("?" + query.urlencode()) if query else ""
    prefix = f"/{language}/"
    rest = path[len(prefix) :] if path.startswith(prefix) else None
    origin = f"{request.scheme}://{request.get_host()}"

    alternates, languages, active_name = [], [], language
    for code, name in settings.LANGUAGES:
        # i18n_patterns URLs differ only by their language prefix; other paths go through translate_url.
        url = f"/{code}/{rest}" if rest is not None else translate_url(path, code)
        alternates.append((code, origin + url))
        if code == settings.LANGUAGE_CODE:
            alternates.append(("x-default", origin + url))
        current = code == language
        if current:
            active_name = name
        languages.append({"code": code, "name": name, "url": url + suffix, "current": current})

    markets = []
    for m in config.markets:
        q = query.copy()
        # Prices typed in one currency mean nothing in another; the page number may not exist there either.
        for name in ("min_price", "max_price", "page"):
            q.pop(name, None)
        q["market"] = m.code
        markets.append(
            {
                "code": m.code,
                "name": m.name(language),
                "currency": m.currency,
                "url": path + "?" + q.urlencode(),
                "current": m.code == market.code,
            }
        )
    return {
        "language_name": active_name,
        "alternates": alternates,  # (hreflang, absolute URL)
        "languages": languages,
        "markets": markets,
        "categories": category_tree(language),
    }
