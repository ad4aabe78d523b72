"""CO2 estimates for shipments: weight (tonnes) × distance (km) × the transport mode's emission factor
(g CO2e per tonne-km, `EmissionFactor` rows the merchant can edit). Distance is the lane's when it has one, else the
great-circle distance from the warehouse (its coordinates, or its country's centre) to the destination country's
centre, times a routing factor (parcels do not fly or drive in straight lines).

Pure functions over plain values: checkout (through the storefront snapshot), consignments and reports call the same
ones, so the figure a buyer sees is the figure the order keeps."""

import math
from decimal import ROUND_HALF_UP, Decimal

# Roads and flight paths are longer than the great circle: DIN EN 16258 / GLEC add about 5-15 % for air and more on
# roads; one factor keeps the estimate simple and on the safe side.
ROUTING_FACTOR = Decimal("1.15")

# Approximate geographic centres (latitude, longitude) of the countries Caravan ships to most. A lane with its own
# distance, or a warehouse's coordinates, take precedence; a country not listed has no estimate (0 km) until a
# lane gives its distance.
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "AT": (47.6, 14.1), "BE": (50.6, 4.6), "BG": (42.7, 25.3), "CH": (46.8, 8.2), "CN": (35.0, 103.0),
    "CY": (35.0, 33.2), "CZ": (49.8, 15.5), "DE": (51.2, 10.4), "DK": (56.0, 10.0), "EE": (58.7, 25.5),
    "ES": (40.2, -3.7), "FI": (64.0, 26.0), "FR": (46.6, 2.4), "GB": (53.0, -1.8), "GR": (39.3, 22.0),
    "HR": (45.1, 15.5), "HU": (47.2, 19.4), "IE": (53.2, -8.1), "IT": (42.8, 12.6), "JP": (36.2, 138.3),
    "KR": (36.4, 127.9), "LI": (47.15, 9.55), "LT": (55.2, 23.9), "LU": (49.8, 6.1), "LV": (56.9, 24.6),
    "MT": (35.9, 14.4), "NL": (52.2, 5.5), "NO": (61.0, 9.0), "PL": (52.1, 19.4), "PT": (39.6, -8.0),
    "RO": (45.9, 24.9), "SE": (62.0, 15.0), "SI": (46.1, 14.8), "SK": (48.7, 19.7), "US": (39.8, -98.6),
    "CA": (56.1, -106.3), "AU": (-25.3, 133.8), "NZ": (-41.5, 172.8), "SG": (1.35, 103.8), "HK": (22.3, 114.2),
    "TW": (23.7, 121.0), "MX": (23.6, -102.6), "BR": (-14.2, -51.9), "IN": (21.0, 78.0), "AE": (24.0, 54.0),
    "IS": (64.9, -18.6), "TR": (39.0, 35.2), "UA": (49.0, 31.4), "IL": (31.0, 34.9), "ZA": (-29.0, 24.0),
}

EARTH_RADIUS_KM = 6371.0


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance between two (latitude, longitude) points, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def estimated_distance_km(origin: tuple[float, float] | None, origin_country: str, destination_country: str) -> int:
    """Warehouse to destination country: its centre, × ROUTING_FACTOR, whole km; within one country half the
    country's span is not known, so a flat 300 km; 0 when either end is unknown."""
    start = origin or COUNTRY_CENTRES.get(origin_country)
    end = COUNTRY_CENTRES.get(destination_country)
    if start is None or end is None:
        return 0
    if origin_country == destination_country:
        return 300
    km = Decimal(str(great_circle_km(start, end))) * ROUTING_FACTOR
    return int(km.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def co2e_grams(weight_grams: int, distance_km: int, grams_per_tonne_km: Decimal) -> int:
    """weight (t) × distance (km) × factor (g/t·km), rounded half up to whole grams."""
    grams = Decimal(weight_grams) / Decimal(1_000_000) * Decimal(distance_km) * Decimal(grams_per_tonne_km)
    return int(grams.quantize(Decimal(1), rounding=ROUND_HALF_UP))

