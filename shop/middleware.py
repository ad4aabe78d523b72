"""Resolve the buyer's market for every request: explicit choice, else Accept-Language, else the default."""

import math
import re

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from shop import formatting
from shop.plumbing import cart_count
from shop.plumbing.storefront_config import begin_request, end_request, get_config
from shop.pricing import PricingPolicy
from shop.views.health import healthz

SESSION_KEY = "market"
# Paths that work before any market exists (merchant setup, health checks, files).
EXEMPT_PREFIXES = ("/admin", "/healthz", "/static", "/media", "/bench", "/sitemap", "/payments/", "/favicon.ico")
# Where a bare language tag says nothing about the country, the country it most likely means.
LANGUAGE_COUNTRIES = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "ja": "JP", "zh": "CN", "it": "IT", "nl": "NL"}
_TAG = re.compile(r"^([a-zA-Z]{1,8})(?:[-_]([a-zA-Z0-9]{1,8}))?(?:[-_]([a-zA-Z0-9]{1,8}))?$")


def countries_from_accept_language(header: str) -> list[str]:
    """Countries named or implied by an Accept-Language header, by descending quality."""
    entries = []
    for index, part in enumerate(header.split(",")[:20]):
        piece = part.strip().split(";")
        tag = piece[0].strip()
        quality = 1.0
        for param in piece[1:]:
            if param.strip().startswith("q="):
                try:
                    quality = float(param.strip()[2:])
                except ValueError:
                    quality = 0.0
                if not math.isfinite(quality):
                    quality = 0.0
                quality = min(quality, 1.0)
        match = _TAG.match(tag)
        if not match or quality <= 0:
            continue
        language, second, third = match.group(1).lower(), match.group(2), match.group(3)
        region = next((p.upper() for p in (second, third) if p and len(p) == 2 and p.isalpha()), None)
        if language == "zh" and not region and (second or "").lower() == "hant":
            region = "TW"
        country = region or LANGUAGE_COUNTRIES.get(language)
        if country:
            entries.append((-quality, index, country))
    return [country for _q, _i, country in sorted(entries)]


def resolve_market(request, config):
    """Return (market, explicit) for the request; remembers an explicit choice in the session."""
    by_code = config.by_code
    code, currency = request.GET.get("market"), request.GET.get("currency")
    chosen = (by_code.get(code.strip().lower()) if code else None) or (
        config.market_for_currency(currency.strip().upper()[:3]) if currency else None
    )
    if chosen:
        if request.session.get(SESSION_KEY) != chosen.code:
            request.session[SESSION_KEY] = chosen.code
        return chosen, True
    if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        stored = request.session.get(SESSION_KEY)
        if stored and stored in by_code:
            return by_code[stored], True
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    if header:
        for country in countries_from_accept_language(header):
            market = config.market_for_country(country)
            if market:
                return market, False
    return config.default_market, False


class HealthCheckMiddleware:
    """Answers /healthz first, before middleware that needs the database (sessions, markets) or the Host header's
    check (load balancers probe by IP), so a database outage is reported as a 503 JSON, not a 500 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)


class MarketMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        begin_request()
        try:
            return self._handle(request)
        finally:
            end_request()

    def _handle(self, request):
        config = get_config()
        market, explicit = resolve_market(request, config)
        request.market = market
        request.market_explicit = explicit
        request.storefront_config = config
        request.pricing = SimpleLazyObject(lambda: PricingPolicy(market, config)) if market else None
        if market is None and not request.path.startswith(EXEMPT_PREFIXES):
            return HttpResponse(
                _("The shop is being set up: no market is active yet. Please come back soon."),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        with formatting.override_country(market.default_country if market else ""):  # dates as the market writes them
            response = self.get_response(request)
        cart_count.apply(request, response)
        if market:
            response.headers.setdefault("Content-Language", getattr(request, "LANGUAGE_CODE", ""))
            # The market (hence currency and prices) comes from the session cookie or Accept-Language.
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response


class PrivateAccountPagesMiddleware:
    """Every page of the buyer's account (overview, orders, addresses; its 404s, form errors and the sign-in redirect
    too) is sent `Cache-Control: private, no-store`: addresses and order details must stay in no shared cache and
    no browser history, as on the guest's confirmation page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.namespace == "shop" and (match.url_name or "").startswith("account"):
            patch_cache_control(response, private=True, no_store=True)
        return response
