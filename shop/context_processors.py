"""Header data for every storefront page: language and market switchers, hreflang alternates, category menu.

These repeat on every page, so they are rendered to HTML here in Python (escaped) rather than looped over in
the template; it costs no query. The HTML is built lazily, on first use: htmx fragments and admin pages, which
never show the header, pay nothing for it.
"""

from html import escape

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe

from shop.formatting import active_language
from shop.plumbing import cart_count
from shop.selectors.catalogue import category_nav_html

CURRENT = ' aria-current="true"'


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

    alternates, language_items, active_name = [], [], language
    for code, name in settings.LANGUAGES:
        # i18n_patterns URLs differ only by their language prefix; other paths go through translate_url.
        url = f"/{code}/{rest}" if rest is not None else translate_url(path, code)
        href = escape(origin + url)
        alternates.append(f'<link rel="alternate" hreflang="{code}" href="{href}">')
        if code == settings.LANGUAGE_CODE:
            alternates.append(f'<link rel="alternate" hreflang="x-default" href="{href}">')
        current = code == language
        if current:
            active_name = name
        language_items.append(
            f'<li><a href="{escape(url + suffix)}" hreflang="{code}" lang="{code}" data-lang="{code}"'
            f"{CURRENT if current else ''}>{escape(name)}</a></li>"
        )

    market_items = []
    for m in config.markets:
        q = query.copy()
        # Prices typed in one currency mean nothing in another; the page number may not exist there either.
        for name in ("min_price", "max_price", "page"):
            q.pop(name, None)
        q["market"] = m.code
        current = m.code == market.code
        market_items.append(
            f'<li><a href="{escape(path + "?" + q.urlencode())}" rel="nofollow" data-market="{escape(m.code)}"'
            f"{CURRENT if current else ''}>{escape(m.name(language))} · {m.currency}</a></li>"
        )
    return {
        "language_name": active_name,
        "hreflang_html": mark_safe("\n".join(alternates)),  # noqa: S308 - values escaped above
        "language_menu_html": mark_safe("".join(language_items)),  # noqa: S308
        "market_menu_html": mark_safe("".join(market_items)),  # noqa: S308
        "category_nav_html": category_nav_html(language),
    }
