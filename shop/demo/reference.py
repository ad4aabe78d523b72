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
    # Berlin ships to the whole EU plus Switzerland/Liechtenstein, backs up the UK and US warehouses and sends to Japan
    # (DHL international); Osaka ships to Japan and China and to the EU by Japan Post EMS (goods only it stocks), so an
    # order can split across the two (checkout shows two parcels).
    {"code": "de-ber", "name": "Berlin", "city": "Berlin", "country": "DE", "latitude": "52.52000", "longitude": "13.40500",
     "address": "Caravan Lager Berlin\nLahnstraße 30\n12055 Berlin", "language": "de",
     "countries_served": (*EU_COUNTRIES, "CH", "LI", "GB", "US", "JP"), "priority": 20},
    {"code": "uk-lon", "name": "London", "city": "London", "country": "GB", "latitude": "51.50700", "longitude": "-0.12800",
     "address": "Caravan UK Warehouse\nUnit 4, Thames Road\nLondon E16 2EZ", "language": "en",
     "countries_served": ("GB",), "priority": 10},
    {"code": "us-nj", "name": "New Jersey", "city": "Edison", "country": "US", "latitude": "40.51900", "longitude": "-74.41200",
     "address": "Caravan US Fulfillment\n300 Raritan Center Pkwy\nEdison, NJ 08837", "language": "en",
     "countries_served": ("US",), "priority": 10},
    {"code": "jp-osa", "name": "Osaka", "city": "Osaka", "country": "JP", "latitude": "34.69400", "longitude": "135.50200",
     "address": "〒559-0034\n大阪府大阪市住之江区南港北1-2-3\nキャラバン大阪倉庫", "language": "ja",
     "countries_served": ("JP", "CN", *EU_COUNTRIES), "priority": 10},
)

# Products whose number ends in this digit are made in Japan: stocked only in Osaka (Berlin's row stays at 0).
OSAKA_ONLY_DIGIT = 3

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
    ("jp-ems-eu", "jp-osa", EXPRESS, "Japan Post EMS", 3, 6, EU_COUNTRIES, "JPY",
     [(2000, "2400"), (5000, "3900"), (10000, "6500"), (30000, "12000")]),
    ("de-dhl-japan", "de-ber", INTERNATIONAL, "DHL", 4, 7, ("JP",), "EUR",
     [(2000, "16.00"), (5000, "24.00"), (10000, "36.00"), (31500, "60.00")]),
)

# Carriers: (code, name, tracking address, [(service code, name, transport mode)]).
CARRIERS = (
    ("dhl", "DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={tracking_number}",
     [("paket", "Paket", "road"), ("international", "Paket International", "air")]),
    ("dhl-express", "DHL Express", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={tracking_number}",
     [("express", "Express", "air")]),  # next-day across Europe flies: Standard by road is the greener choice
    ("royal-mail", "Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/{tracking_number}",
     [("tracked48", "Tracked 48", "road")]),
    ("dpd", "DPD", "https://track.dpd.co.uk/parcels/{tracking_number}", [("next-day", "Next Day", "road")]),
    ("usps", "USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels={tracking_number}", [("ground-advantage", "Ground Advantage", "road")]),
    ("ups", "UPS", "https://www.ups.com/track?tracknum={tracking_number}", [("2nd-day-air", "2nd Day Air", "air")]),
    ("yamato", "Yamato Transport", "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01={tracking_number}",
     [("takkyubin", "TA-Q-BIN", "road")]),
    ("japan-post", "Japan Post", "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={tracking_number}&locale=en",
     [("ems", "EMS", "air")]),
)

# Which carrier service each demo shipping method uses, and its speed: method code -> (carrier, service, level).
METHOD_SERVICES = {
    "de-dhl-paket": ("dhl", "paket", "standard"),
    "de-dhl-express": ("dhl-express", "express", "express"),
    "de-dhl-international": ("dhl", "international", "standard"),
    "de-dhl-japan": ("dhl", "international", "standard"),
    "uk-royal-mail": ("royal-mail", "tracked48", "standard"),
    "uk-dpd": ("dpd", "next-day", "express"),
    "us-usps": ("usps", "ground-advantage", "standard"),
    "us-ups": ("ups", "2nd-day-air", "express"),
    "jp-yamato": ("yamato", "takkyubin", "standard"),
    "jp-ems": ("japan-post", "ems", "express"),
    "jp-ems-eu": ("japan-post", "ems", "express"),
}

# Lanes: (carrier, service, warehouse, destination, transit days from, up to, distance km by the route parcels take).
_BERLIN_ROAD_KM = {"DE": 300, "FR": 1050, "ES": 2300, "IT": 1500, "NL": 650, "AT": 680, "BE": 770, "IE": 1900, "PT": 2800,
                   "FI": 1600, "LU": 750}
_OSAKA_AIR_KM = {"DE": 9300, "FR": 9700, "ES": 10800, "IT": 9900, "NL": 9300, "AT": 9200, "BE": 9500, "IE": 9800, "PT": 11200,
                 "FI": 7800, "LU": 9500}
LANES = (
    *(("dhl", "paket", "de-ber", c, 1 if c == "DE" else 2, 2 if c == "DE" else 4, km) for c, km in _BERLIN_ROAD_KM.items()),
    *(("dhl-express", "express", "de-ber", c, 1, 1 if c == "DE" else 2, km) for c, km in _BERLIN_ROAD_KM.items()),
    ("dhl", "international", "de-ber", "GB", 3, 5, 1100),
    ("dhl", "international", "de-ber", "CH", 2, 4, 850),
    ("dhl", "international", "de-ber", "LI", 2, 4, 750),
    ("dhl", "international", "de-ber", "US", 4, 8, 7200),
    ("dhl", "international", "de-ber", "JP", 4, 7, 9300),
    ("royal-mail", "tracked48", "uk-lon", "GB", 2, 3, 250),
    ("dpd", "next-day", "uk-lon", "GB", 1, 1, 250),
    ("usps", "ground-advantage", "us-nj", "US", 3, 6, 1800),
    ("ups", "2nd-day-air", "us-nj", "US", 2, 2, 2000),
    ("yamato", "takkyubin", "jp-osa", "JP", 1, 2, 450),
    ("japan-post", "ems", "jp-osa", "CN", 3, 5, 2100),
    *(("japan-post", "ems", "jp-osa", c, 3, 6, km) for c, km in _OSAKA_AIR_KM.items()),
)

# Demo vouchers: (code, kind, value, currency, minimum spend)
VOUCHERS = (
    ("WELCOME10", "percentage", "10", "EUR", None),
    ("SAVE5", "fixed", "5", "EUR", "30"),
)
