"""Strings of parcels per consignment at checkout, on order pages, e-mails and invoices, and CO2 estimates (issue 11)."""

T = {
    "%(amount)s g CO₂e": ("%(amount)s g CO₂e", "%(amount)s g éq. CO₂", "%(amount)s g CO₂e", "%(amount)s g CO₂e", "%(amount)s 克 CO₂e"),
    "%(amount)s kg CO₂e": ("%(amount)s kg CO₂e", "%(amount)s kg éq. CO₂", "%(amount)s kg CO₂e", "%(amount)s kg CO₂e", "%(amount)s 千克 CO₂e"),
    "greener": ("umweltfreundlicher", "plus écologique", "más ecológico", "環境にやさしい", "更环保"),
    "from %(origin)s, %(carrier)s, arrives %(dates)s": (
        "aus %(origin)s, %(carrier)s, Ankunft %(dates)s",
        "depuis %(origin)s, %(carrier)s, livraison le %(dates)s",
        "desde %(origin)s, %(carrier)s, llega %(dates)s",
        "%(origin)s から %(carrier)s で発送、%(dates)s 到着予定",
        "从%(origin)s发货，%(carrier)s，预计 %(dates)s 送达",
    ),
    "from %(origin)s, %(method)s, arrives %(dates)s": (
        "aus %(origin)s, %(method)s, Ankunft %(dates)s",
        "depuis %(origin)s, %(method)s, livraison le %(dates)s",
        "desde %(origin)s, %(method)s, llega %(dates)s",
        "%(origin)s から %(method)s で発送、%(dates)s 到着予定",
        "从%(origin)s发货，%(method)s，预计 %(dates)s 送达",
    ),
    "Estimated emissions: %(co2)s": (
        "Geschätzte Emissionen: %(co2)s",
        "Émissions estimées\u00a0: %(co2)s",
        "Emisiones estimadas: %(co2)s",
        "推定排出量：%(co2)s",
        "预计排放量：%(co2)s",
    ),
    "Shipping from %(origin)s": (
        "Versand aus %(origin)s",
        "Livraison depuis %(origin)s",
        "Envío desde %(origin)s",
        "%(origin)s からの送料",
        "从%(origin)s发货的运费",
    ),
    "Track": ("Sendung verfolgen", "Suivre", "Seguir", "追跡", "跟踪"),
}

P = {
    ("%(parcels)s parcel:", "%(parcels)s parcels:"): (
        ("%(parcels)s Paket:", "%(parcels)s Pakete:"),
        ("%(parcels)s colis\u00a0:", "%(parcels)s colis\u00a0:"),
        ("%(parcels)s paquete:", "%(parcels)s paquetes:"),
        "%(parcels)s 個口：",
        "%(parcels)s 个包裹：",
    ),
}
