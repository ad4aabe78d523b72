"""Markets, tax rates and warehouses of the demo shop."""

from decimal import Decimal

from .catalogue import T

EU_COUNTRIES = ("DE", "FR", "ES", "IT", "NL", "AT", "BE", "IE", "PT", "FI", "LU")

MARKETS = (
    {
        "code": "eu", "names": T("European Union", "Europäische Union", "Union européenne", "Unión Europea", "欧州連合", "欧盟"),
        "currency": "EUR", "countries": EU_COUNTRIES, "default_country": "DE", "default_language": "de",
        "prices_include_tax": True, "rounding_rule": "ending_99", "is_default": True,
    },
    {
        "code": "uk", "names": T("United Kingdom", "Vereinigtes Königreich", "Royaume-Uni", "Reino Unido", "イギリス", "英国"),
        "currency": "GBP", "countries": ("GB",), "default_country": "GB", "default_language": "en",
        "prices_include_tax": True, "rounding_rule": "ending_99", "is_default": False,
    },
    {
        "code": "us", "names": T("United States", "Vereinigte Staaten", "États-Unis", "Estados Unidos", "アメリカ合衆国", "美国"),
        "currency": "USD", "countries": ("US",), "default_country": "US", "default_language": "en",
        "prices_include_tax": False, "rounding_rule": "ending_99", "is_default": False,
    },
    {
        "code": "jp", "names": T("Japan", "Japan", "Japon", "Japón", "日本", "日本"),
        "currency": "JPY", "countries": ("JP",), "default_country": "JP", "default_language": "ja",
        "prices_include_tax": True, "rounding_rule": "up_to_10", "is_default": False,
    },
    {
        "code": "cn", "names": T("China", "China", "Chine", "China", "中国", "中国"),
        "currency": "CNY", "countries": ("CN",), "default_country": "CN", "default_language": "zh-hans",
        "prices_include_tax": True, "rounding_rule": "whole", "is_default": False,
    },
    {
        "code": "ch", "names": T("Switzerland & Liechtenstein", "Schweiz & Liechtenstein", "Suisse et Liechtenstein",
                                 "Suiza y Liechtenstein", "スイス・リヒテンシュタイン", "瑞士和列支敦士登"),
        "currency": "CHF", "countries": ("CH", "LI"), "default_country": "CH", "default_language": "de",
        "prices_include_tax": True, "rounding_rule": "nearest_0_05", "is_default": False,
    },
)

# country: (standard %, reduced %, tax name)
TAX_RATES = {
    "DE": ("19", "7", "MwSt."),
    "FR": ("20", "5.5", "TVA"),
    "ES": ("21", "10", "IVA"),
    "IT": ("22", "10", "IVA"),
    "NL": ("21", "9", "BTW"),
    "AT": ("20", "10", "USt."),
    "BE": ("21", "6", "BTW/TVA"),
    "IE": ("23", "13.5", "VAT"),
    "PT": ("23", "6", "IVA"),
    "FI": ("25.5", "14", "ALV"),
    "LU": ("17", "8", "TVA"),
    "GB": ("20", "5", "VAT"),
    "US": ("0", "0", "Sales tax"),
    "JP": ("10", "8", "Consumption tax"),
    "CN": ("13", "9", "VAT"),
    "CH": ("8.1", "2.6", "MWST"),
    "LI": ("8.1", "2.6", "MWST"),
}


def tax_rows():
    for country, (standard, reduced, name) in TAX_RATES.items():
        yield country, "standard", Decimal(standard), name
        yield country, "reduced", Decimal(reduced), name
        yield country, "zero", Decimal("0"), name


WAREHOUSES = (
    # Berlin ships to the whole EU plus Switzerland/Liechtenstein and backs up the UK and US warehouses.
    {"code": "de-ber", "name": "Berlin", "country": "DE", "countries_served": (*EU_COUNTRIES, "CH", "LI", "GB", "US"), "priority": 20},
    {"code": "uk-lon", "name": "London", "country": "GB", "countries_served": ("GB",), "priority": 10},
    {"code": "us-nj", "name": "New Jersey", "country": "US", "countries_served": ("US",), "priority": 10},
    {"code": "jp-osa", "name": "Osaka", "country": "JP", "countries_served": ("JP", "CN"), "priority": 10},
)
