"""Shipping options at checkout: one parcel (a *leg*) per consignment, i.e. per warehouse the goods ship from.

An option is named by a shipping method of the main consignment's warehouse (the one shipping the most units), so
the buyer's choice stays one method id. Every other consignment goes by its own warehouse's method of the same
speed (`ShippingMethod.level`), else the nearest one: the cheapest for economy and standard, the fastest for
express. An option is offered only when every consignment has a leg.

Each leg is priced from its own parcel's weight band, taxed on its own (zero-rated when its consignment's goods
are), dated from its lane's transit days (else the method's days) in working days of its warehouse's country (weekends
and public holidays, the `holidays` package), and given a CO2 estimate:
weight × distance (the lane's, else warehouse to the destination's centre) × the emission factor of the service's
transport mode (road when the method names no service), see fulfillment/emissions.py. The option costs the sum of
its legs, arrives with its latest leg and emits their sum; the lowest-emission option is marked greener.

Everything is read from the storefront snapshot (carriers, lanes, factors included): no queries."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.utils import timezone

from fulfillment.calendar import working_days_after
from fulfillment.emissions import co2e_grams, estimated_distance_km
from shop.plumbing.storefront_config import ShippingMethodInfo, StorefrontConfig
from shop.pricing import Price, PricingPolicy
from shop.tax import STANDARD, zero_rated

LEVELS = ("economy", "standard", "express")
ROAD = "road"


@dataclass(frozen=True)
class ShippingLeg:
    """One consignment's parcel: from which warehouse, how, for how much, when, and its CO2 estimate."""

    warehouse_id: int
    warehouse_name: str
    origin_country: str
    method_id: int
    name: str
    carrier: str
    price: Price
    earliest: date
    latest: date
    transit_min_days: int = 0
    transit_max_days: int = 0
    weight_grams: int = 0
    distance_km: int = 0
    co2e_grams: int = 0
    mode: str = ROAD
    service_id: int | None = None
    carrier_id: int | None = None


@dataclass(frozen=True)
class ShippingOption:
    method_id: int
    name: str
    carrier: str
    price: Price  # the sum of its legs (one leg: that leg's price)
    earliest: date | None
    latest: date | None
    legs: tuple = ()  # ShippingLeg per consignment, the main one first
    co2e_grams: int = 0
    greener: bool = False  # the lowest-emission option (only marked when options differ)
    level: str = "standard"

    @property
    def parcels(self) -> int:
        return max(1, len(self.legs))


def working_days_from(start: date, days: int, country: str = "") -> date:
    """Checkout's name for fulfillment's one working-day count (origin warehouse's country: parcels leave on its
    working days)."""
    return working_days_after(start, days, country)


def _band(method: ShippingMethodInfo, weight: int):
    return next((b for b in method.bands if b[0] >= weight), None)  # bands are ordered by weight


def _candidates(config: StorefrontConfig, warehouse_id: int, country: str, weight: int) -> list[ShippingMethodInfo]:
    served = config.warehouses.get(warehouse_id, ("", frozenset()))[1]
    return [m for m in config.shipping_methods.get(warehouse_id, ()) if country in (m.countries or served) and _band(m, weight)]


def _match(level: str, candidates: list[ShippingMethodInfo], weight: int) -> ShippingMethodInfo | None:
    """The method of another warehouse for a parcel going at `level`: the same level, else the nearest — the
    cheapest for economy and standard, the fastest for express."""
    if not candidates:
        return None
    same = [m for m in candidates if m.level == level] or candidates
    if level == "express":
        return min(same, key=lambda m: (m.max_days, m.min_days, _band(m, weight)[1]))
    return min(same, key=lambda m: (_band(m, weight)[1], m.max_days))


def _leg(policy: PricingPolicy, config: StorefrontConfig, method: ShippingMethodInfo, warehouse_id: int, country: str,
         weight: int, zero_rate: bool, language: str, today: date) -> ShippingLeg:
    band = _band(method, weight)
    price = policy.price(band[1], band[2], STANDARD)
    if zero_rate:
        price = zero_rated(price)
    name, city, origin, coordinates = config.places.get(warehouse_id, ("", "", config.warehouses.get(warehouse_id, ("",))[0], None))
    lane = config.lanes.get((method.service_id, warehouse_id, country)) if method.service_id else None
    transit_min, transit_max = (lane[0], lane[1]) if lane else (method.min_days, method.max_days)
    distance = lane[2] if lane and lane[2] is not None else estimated_distance_km(coordinates, origin, country)
    carrier_id, _carrier_name, mode = config.services.get(method.service_id, (None, "", ROAD))
    factor = config.emission_factors.get(mode, Decimal(0))
    return ShippingLeg(
        warehouse_id, city or name, origin, method.id, method.name(language), method.carrier, price,
        working_days_from(today, transit_min, origin), working_days_from(today, transit_max, origin), transit_min, transit_max, weight,
        distance, co2e_grams(weight, distance, factor), mode, method.service_id if carrier_id else None, carrier_id,
    )


def sum_price(legs, currency: str, includes_tax: bool) -> Price:
    """The option's price: its legs added up (their rate when they share one, else the main leg's)."""
    rates = {leg.price.tax_rate for leg in legs}
    rate = legs[0].price.tax_rate if len(rates) != 1 else rates.pop()
    return Price(sum((leg.price.net for leg in legs), Decimal(0)), sum((leg.price.gross for leg in legs), Decimal(0)), currency,
                 rate, includes_tax)


def shipping_options(policy: PricingPolicy, config: StorefrontConfig, consignments: dict, weights: dict, zero_rated_warehouses: set,
                     country: str, language: str) -> list[ShippingOption]:
    """The options for `consignments` ({warehouse id: {variant id: quantity}}), cheapest first. `weights`: grams per
    variant; `zero_rated_warehouses`: warehouses whose consignment is sold without VAT (so is its shipping)."""
    if not consignments:
        return []
    order = sorted(consignments, key=lambda w: -sum(consignments[w].values()))  # the main consignment first (stable)
    parcel = {w: sum(weights.get(v, 0) * q for v, q in consignments[w].items()) for w in order}
    today = timezone.localdate()
    main, others = order[0], order[1:]
    options = []
    for method in _candidates(config, main, country, parcel[main]):
        chosen = [(main, method)]
        for warehouse_id in others:
            match = _match(method.level, _candidates(config, warehouse_id, country, parcel[warehouse_id]), parcel[warehouse_id])
            if match is None:
                break
            chosen.append((warehouse_id, match))
        else:
            legs = tuple(_leg(policy, config, m, w, country, parcel[w], w in zero_rated_warehouses, language, today) for w, m in chosen)
            options.append(ShippingOption(
                method.id, method.name(language), method.carrier, sum_price(legs, policy.currency, policy.market.prices_include_tax),
                max(leg.earliest for leg in legs), max(leg.latest for leg in legs), legs, sum(leg.co2e_grams for leg in legs),
                level=method.level,
            ))
    options.sort(key=lambda o: (o.price.display, o.latest))
    emissions = {o.co2e_grams for o in options}
    if len(emissions) > 1:
        lowest = min(emissions)
        index = next(i for i, o in enumerate(options) if o.co2e_grams == lowest)
        options[index] = replace(options[index], greener=True)
    return options


def with_sides(option: ShippingOption, sides: list[tuple[Decimal, Decimal]], currency: str, includes_tax: bool) -> ShippingOption:
    """The option with its legs' (net, gross) set from the per-rate tax split (shop/tax/rounding.py); its price their sum."""
    if not option.legs:
        net, gross = sides[0]
        return replace(option, price=replace(option.price, net=net, gross=gross))
    legs = tuple(replace(leg, price=replace(leg.price, net=net, gross=gross)) for leg, (net, gross) in zip(option.legs, sides, strict=True))
    return replace(option, legs=legs, price=sum_price(legs, currency, includes_tax))


def shipping_items(option: ShippingOption) -> list[tuple[Decimal, Decimal]]:
    """(tax rate, shown amount) of each taxed shipping item: one per leg (the option itself when it has none)."""
    return [(leg.price.tax_rate, leg.price.display) for leg in option.legs] or [(option.price.tax_rate, option.price.display)]
