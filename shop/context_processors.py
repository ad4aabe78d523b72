from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def storefront(request):
    """Language and market switchers, hreflang alternates. Costs no query."""
    market = getattr(request, "market", None)
    config = getattr(request, "storefront_config", None)
    if config is None:
        return {}
    language = get_language()
    path = request.path
    query = request.GET.copy()
    query.pop("market", None)
    query.pop("currency", None)
    suffix = ("?" + query.urlencode()) if query else ""
    languages = []
    prefix = f"/{language}/"
    rest = path[len(prefix):] if path.startswith(prefix) else None
    for code, name in settings.LANGUAGES:
        # i18n_patterns URLs differ only by their language prefix; other paths go through translate_url.
        url = f"/{code}/{rest}" if rest is not None else translate_url(path, code)
        languages.append({"code": code, "name": name, "url": url + suffix, "href": request.build_absolute_uri(url), "active": code == language})
    markets = []
    for m in config.markets:
        q = query.copy()
        q["market"] = m.code
        markets.append({"code": m.code, "name": m.name(language), "currency": m.currency, "url": f"{path}?{q.urlencode()}", "active": market and m.code == market.code})
    return {
        "shop_name": settings.CARAVAN_SHOP_NAME,
        "languages": languages,
        "markets": markets,
        "market": market,
        "market_name": market.name(language) if market else "",
    }
