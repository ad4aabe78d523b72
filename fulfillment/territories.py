"""Customs territories, for deciding whether a consignment crosses a customs border (and so needs a commercial
invoice and a CN23). The EU is one customs union; every other country is its own territory here."""

EU_CUSTOMS_UNION = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
    "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})


def customs_territory(country: str) -> str:
    return "EU" if country in EU_CUSTOMS_UNION else country


def crosses_customs_border(origin: str, destination: str) -> bool:
    return customs_territory(origin) != customs_territory(destination)
