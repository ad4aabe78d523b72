"""Markets, tax rates and warehouses of the demo shop."""

from decimal import Decimal

from shop.demo.catalogue import T

EU_COUNTRIES = ("DE", "FR", "ES", "IT", "NL", "AT", "BE", "IE", "PT", "FI", "LU")

MARKETS = (
    {
        "code": "eu", "names": T("European Union", "Europäische Union", "Union européenne", "Unión Europea", "欧州連合", "欧盟"),
        "currency": "EUR", "countries": EU_COUNTRIES, "default_country": "DE", "default_language": "de",
        "prices_include_tax": True, "rounding_rule": "ending_99", "is_default": True,
        "registration": (T("EU VAT number", "USt-IdNr.", "N° de TVA intracommunautaire", "NIF-IVA", "EU VAT番号", "欧盟增值税号"),
                         "DE123456789"),
    },
    {
        "code": "uk", "names": T("United Kingdom", "Vereinigtes Königreich", "Royaume-Uni", "Reino Unido", "イギリス", "英国"),
        "currency": "GBP", "countries": ("GB",), "default_country": "GB", "default_language": "en",
        "prices_include_tax": True, "rounding_rule": "ending_99", "is_default": False,
        "registration": (T("UK VAT number", "USt-IdNr. Vereinigtes Königreich", "N° de TVA Royaume-Uni", "NIF-IVA Reino Unido",
                           "英国VAT登録番号", "英国增值税号"), "GB123456789"),
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
        "registration": (T("Registration number (qualified invoice)", "Registrierungsnummer (Japan)", "Numéro d'enregistrement (Japon)",
                           "Número de registro (Japón)", "登録番号", "登记号码（日本）"), "T1234567890123"),
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
        "registration": (T("Swiss VAT number", "MWST-Nr.", "N° TVA", "N.º IVA Suiza", "スイスVAT番号", "瑞士增值税号"),
                         "CHE-123.456.789 MWST"),
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

STANDARD = T("Standard", "Standard", "Standard", "Estándar", "通常配送", "标准配送")
EXPRESS = T("Express", "Express", "Express", "Exprés", "お急ぎ便", "快递")
INTERNATIONAL = T("International", "International", "International", "Internacional", "国際配送", "国际配送")

# Shipping methods: (code, warehouse, names, carrier, min days, max days, destinations (empty: all served),
# currency, [(up to grams, net price)]).
SHIPPING_METHODS = (
    ("de-dhl-paket", "de-ber", STANDARD, "DHL", 2, 4, EU_COUNTRIES, "EUR",
     [(2000, "4.20"), (5000, "5.90"), (10000, "8.40"), (31500, "14.30")]),
    ("de-dhl-express", "de-ber", EXPRESS, "DHL Express", 1, 2, EU_COUNTRIES, "EUR",
     [(2000, "12.60"), (5000, "16.80"), (10000, "25.20"), (31500, "42.00")]),
    ("de-dhl-international", "de-ber", INTERNATIONAL, "DHL", 4, 9, ("GB", "US", "CH", "LI"), "EUR",
     [(2000, "12.00"), (5000, "18.00"), (10000, "28.00"), (31500, "45.00")]),
    ("uk-royal-mail", "uk-lon", STANDARD, "Royal Mail Tracked 48", 2, 3, (), "GBP",
     [(2000, "3.20"), (10000, "7.90"), (30000, "12.50")]),
    ("uk-dpd", "uk-lon", EXPRESS, "DPD Next Day", 1, 1, (), "GBP",
     [(2000, "6.50"), (10000, "9.90"), (30000, "15.00")]),
    ("us-usps", "us-nj", STANDARD, "USPS Ground Advantage", 3, 6, (), "USD",
     [(2000, "5.50"), (5000, "8.90"), (10000, "14.00"), (30000, "25.00")]),
    ("us-ups", "us-nj", EXPRESS, "UPS 2nd Day Air", 2, 2, (), "USD",
     [(2000, "12.00"), (5000, "16.00"), (10000, "24.00"), (30000, "40.00")]),
    ("jp-yamato", "jp-osa", STANDARD, "Yamato TA-Q-BIN", 1, 2, ("JP",), "JPY",
     [(2000, "700"), (5000, "900"), (10000, "1300"), (25000, "2000")]),
    ("jp-ems", "jp-osa", INTERNATIONAL, "Japan Post EMS", 4, 7, ("CN",), "JPY",
     [(2000, "2000"), (5000, "3000"), (10000, "5000"), (30000, "8000")]),
)

# Demo vouchers: (code, kind, value, currency, minimum spend)
VOUCHERS = (
    ("WELCOME10", "percentage", "10", "EUR", None),
    ("SAVE5", "fixed", "5", "EUR", "30"),
)
