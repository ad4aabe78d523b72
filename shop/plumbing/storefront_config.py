"""Process-wide snapshot of the small, hot configuration every storefront request needs.

Markets, exchange rates, tax rates and which warehouses serve each market change rarely but are read on every
request. They are loaded once into a frozen snapshot, memoised per process and validated against a version
number kept in the shared cache (Redis in production): any change bumps the version (see `signals.py`), so
every worker reloads on its next request. A request costs one cache read, no database query.
"""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from djmoney.contrib.exchange.models import Rate

from fulfillment.emissions import estimated_distance_km
from fulfillment.selectors import lanes_and_factors, warehouse_places
from shop.models import Market, ShippingRate, TaxRate

VERSION_KEY = "caravan:config-version"
CATALOG_VERSION_KEY = "caravan:catalog-version"

_memo: dict = {"snapshot": None}
_request = threading.local()  # versions read once at the start of a request
_local_lock = threading.Lock()
_local: OrderedDict = OrderedDict()  # process-local copies of versioned (hence immutable) cache entries
LOCAL_MAX_ENTRIES = 4096
NEAR_KM = 2500  # warehouses within the same 2,500 km band of a destination keep their priority order


@dataclass(frozen=True)
class MarketInfo:
    id: int
    code: str
    names: dict  # language -> name
    currency: str
    countries: tuple
    default_country: str
    default_language: str
    prices_include_tax: bool
    rounding_rule: str
    is_default: bool
    warehouse_ids: tuple  # serving warehouses, preferred first
    payment_methods: tuple = ()  # payment provider codes the merchant offers here (payments.providers)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.code


@dataclass(frozen=True)
class ShippingMethodInfo:
    id: int
    names: dict  # language -> name
    carrier: str
    countries: frozenset  # empty: every country the warehouse serves
    min_days: int
    max_days: int
    bands: tuple  # ((max grams, Decimal net price, currency), ...) lightest first
    level: str = "standard"  # shop.models.ShippingLevel: parcels of one order from several warehouses go at one speed
    service_id: int | None = None  # fulfillment.CarrierService: lanes (days, distance) and transport mode (CO2)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or ""


@dataclass(frozen=True)
class StorefrontConfig:
    markets: tuple
    rates: dict = field(default_factory=dict)
    tax_rates: dict = field(default_factory=dict)  # (country, tax_class) -> Decimal percent
    warehouses: dict = field(default_factory=dict)  # id -> (country, frozenset of countries served)
    shipping_methods: dict = field(default_factory=dict)  # warehouse id -> (ShippingMethodInfo, ...) in display order
    places: dict = field(default_factory=dict)  # warehouse id -> (name, city, country, (lat, long) or None)
    services: dict = field(default_factory=dict)  # service id (of active methods) -> (carrier id, carrier name, transport mode)
    lanes: dict = field(default_factory=dict)  # (service id, warehouse id, destination) -> (min days, max days, km or None)
    emission_factors: dict = field(default_factory=dict)  # transport mode -> Decimal g CO2e per tonne-km
    version: int = 0

    def warehouses_for(self, market: MarketInfo, country: str) -> list[int]:
        """The market's warehouses that ship to `country`, preferred first: those in that country, then the nearer
        ones (warehouse to the country's centre, fulfillment/emissions.py; unknown distances last), then by priority —
        so a warehouse far away that also serves the country (Osaka for Germany) backs up the near one instead of
        going first."""
        key = (market.id, country)
        found = self._nearest.get(key)
        if found is None:
            serving = [pk for pk in market.warehouse_ids if country in self.warehouses.get(pk, ("", frozenset()))[1]]
            found = sorted(serving, key=lambda pk: self._closeness(pk, country))  # stable: priority order within equals
            self._nearest[key] = found
        return list(found)

    def _closeness(self, warehouse_id: int, country: str) -> tuple:
        origin = self.warehouses.get(warehouse_id, ("", frozenset()))[0]
        if origin == country:
            return (0, 0)
        coordinates = self.places.get(warehouse_id, ("", "", origin, None))[3]
        km = estimated_distance_km(coordinates, origin, country)
        return (1, km // NEAR_KM if km else 10**9)

    @cached_property
    def _nearest(self) -> dict:
        return {}

    @cached_property
    def by_code(self) -> dict:
        return {m.code: m for m in self.markets}

    @cached_property
    def by_id(self) -> dict:
        return {m.id: m for m in self.markets}

    def market_by_id(self, market_id: int) -> MarketInfo:
        """The market (inactive markets are not in the snapshot: fall back to the default market)."""
        return self.by_id.get(market_id) or self.default_market

    @property
    def default_market(self):
        for m in self.markets:
            if m.is_default:
                return m
        return self.markets[0] if self.markets else None

    def market_for_country(self, country: str):
        for m in self.markets:
            if country in m.countries:
                return m
        return None

    def market_for_currency(self, currency: str):
        for m in self.markets:
            if m.currency == currency:
                return m
        return None


def _load() -> StorefrontConfig:
    languages = [code for code, _ in settings.LANGUAGES]
    markets = []
    facts, places = warehouse_places()
    serving = [(pk, served) for pk, _country, served in facts]
    for m in Market.objects.filter(is_active=True).order_by("position", "code"):
        countries = tuple(c.code for c in m.countries)
        names = {lang: getattr(m, f"name_{lang.replace('-', '_')}") for lang in languages}
        markets.append(
            MarketInfo(
                id=m.pk,
                code=m.code,
                names=names,
                currency=m.currency,
                countries=countries,
                default_country=m.default_country.code,
                default_language=m.default_language,
                prices_include_tax=m.prices_include_tax,
                rounding_rule=m.rounding_rule,
                is_default=m.is_default,
                payment_methods=tuple(m.payment_methods or ()),
                warehouse_ids=tuple(
                    pk for pk, served in serving if served & set(countries)
                ),
            )
        )
    rates = {r.currency: r.value for r in Rate.objects.filter(backend_id=settings.CARAVAN_FX_BACKEND)}
    rates.setdefault(settings.BASE_CURRENCY, Decimal(1))
    tax_rates = {(t.country.code, t.tax_class): t.rate for t in TaxRate.objects.all()}
    warehouses = {pk: (country, frozenset(served)) for pk, country, served in facts}
    # Active methods with their weight bands in one query (rates joined to their method; a method without rates is
    # never offered, so it need not be here), lightest band first.
    bands: dict = {}
    methods: dict = {}
    rows = ShippingRate.objects.filter(method__is_active=True).select_related("method__service__carrier")
    for r in rows.order_by("method__position", "method__code", "method_id", "max_weight_grams"):
        methods.setdefault(r.method_id, r.method)
        bands.setdefault(r.method_id, []).append((r.max_weight_grams, r.price.amount, str(r.price.currency)))
    shipping: dict = {}
    services: dict = {}
    for method in methods.values():
        if method.service is not None and method.service.carrier.is_active:
            services[method.service_id] = (method.service.carrier_id, method.service.carrier.name, method.service.mode)
        shipping.setdefault(method.warehouse_id, []).append(
            ShippingMethodInfo(
                id=method.pk,
                names={lang: getattr(method, f"name_{lang.replace('-', '_')}") for lang in languages},
                carrier=method.carrier,
                countries=frozenset(c.code for c in method.countries),
                min_days=method.min_days,
                max_days=method.max_days,
                bands=tuple(bands[method.pk]),
                level=method.level,
                service_id=method.service_id if method.service_id in services else None,
            )
        )
    lanes, factors = lanes_and_factors()
    return StorefrontConfig(markets=tuple(markets), rates=rates, tax_rates=tax_rates, warehouses=warehouses,
                            shipping_methods={k: tuple(v) for k, v in shipping.items()}, places=places, services=services,
                            lanes=lanes, emission_factors=factors)


def begin_request() -> None:
    """Read both version numbers with one cache round trip; used until `end_request`."""
    values = cache.get_many([VERSION_KEY, CATALOG_VERSION_KEY])
    _request.versions = (values.get(VERSION_KEY), values.get(CATALOG_VERSION_KEY))


def end_request() -> None:
    _request.versions = None


def _request_version(index: int):
    versions = getattr(_request, "versions", None)
    return versions[index] if versions else None


def _fresh_version() -> int:
    """A starting version that never repeats (microseconds since the epoch), so entries cached under an old
    version can never be mistaken for current ones after the shared cache was flushed or restarted."""
    return time.time_ns() // 1000


def _version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        cache.add(key, _fresh_version(), timeout=None)
        version = cache.get(key)
    return version


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # the key is gone (cache flushed): start a new, never-seen version
        cache.set(key, _fresh_version(), timeout=None)


def config_version() -> int:
    """The configuration's version now (read once per request): it changes whenever markets, rates, tax rates,
    warehouses, shipping, carriers, lanes or emission factors change."""
    return _request_version(0) or _version(VERSION_KEY)


def get_config() -> StorefrontConfig:
    version = config_version()
    memo = _memo.get("snapshot")  # (version, config), replaced in one assignment (threads share it)
    if memo is None or memo[0] != version:
        memo = (version, _load())
        _memo["snapshot"] = memo
    return memo[1]


def bump_config_version() -> None:
    _bump(VERSION_KEY)
    _memo["snapshot"] = None
    end_request()


def catalog_version() -> int:
    return _request_version(1) or _version(CATALOG_VERSION_KEY)


def bump_catalog_version() -> None:
    _bump(CATALOG_VERSION_KEY)
    end_request()


def versioned_get(key: str):
    """Get an entry whose key embeds a version number: from this process's memory, else the shared cache."""
    with _local_lock:
        if key in _local:
            _local.move_to_end(key)
            return _local[key]
    value = cache.get(key)
    if value is not None:
        _remember(key, value)
    return value


def versioned_get_many(keys: list[str]) -> dict:
    """Like versioned_get for several keys: one shared-cache round trip for those not in this process."""
    found = {}
    with _local_lock:
        for key in keys:
            if key in _local:
                _local.move_to_end(key)
                found[key] = _local[key]
    missing = [key for key in keys if key not in found]
    if missing:
        for key, value in cache.get_many(missing).items():
            found[key] = value
            _remember(key, value)
    return found


def versioned_set_many(entries: dict, timeout: int = 3600) -> None:
    if entries:
        cache.set_many(entries, timeout=timeout)
        for key, value in entries.items():
            _remember(key, value)


def versioned_set(key: str, value, timeout: int = 3600) -> None:
    cache.set(key, value, timeout=timeout)
    _remember(key, value)


def _remember(key: str, value) -> None:
    with _local_lock:
        _local[key] = value
        _local.move_to_end(key)
        while len(_local) > LOCAL_MAX_ENTRIES:
            _local.popitem(last=False)


def clear_local_cache() -> None:
    with _local_lock:
        _local.clear()
    _memo["snapshot"] = None
    end_request()
