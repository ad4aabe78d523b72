"""Customs facts for the demo catalogue: an HS code, a country of origin and a plain customs description per leaf
category (translated), and an EAN-13 per variant (in-store prefix 200, correct check digit), so consignments
leaving their customs territory get complete papers and the packing desk can scan EANs."""

from django.db.models import Q
from stdnum import ean

from shop.demo.catalogue import T
from shop.models import ProductVariant

# leaf slug: (HS code, origin, description)
CUSTOMS = {
    "shirts": ("620520", "PT", T("Shirts and blouses of cotton, woven", "Hemden und Blusen aus Baumwolle, gewebt",
                                 "Chemises et chemisiers en coton, tissés", "Camisas y blusas de algodón, tejidas",
                                 "綿製シャツ・ブラウス（織物）", "棉制机织衬衫")),
    "knitwear": ("611030", "IT", T("Jumpers and cardigans, knitted", "Pullover und Strickjacken, gestrickt", "Pulls et cardigans en maille",
                                   "Jerséis y cárdigans de punto", "ニットのセーター・カーディガン", "针织套头衫及开襟衫")),
    "trousers": ("620342", "PT", T("Trousers and shorts of cotton", "Hosen und Shorts aus Baumwolle", "Pantalons et shorts en coton",
                                   "Pantalones y shorts de algodón", "綿製ズボン・ショートパンツ", "棉制长裤及短裤")),
    "sneakers": ("640411", "VN", T("Sports shoes with textile uppers", "Sportschuhe mit Obermaterial aus Textil",
                                   "Chaussures de sport à dessus en textile", "Zapatillas deportivas con parte superior textil",
                                   "甲被が繊維製の運動靴", "纺织鞋面运动鞋")),
    "boots": ("640391", "IT", T("Boots with leather uppers", "Stiefel mit Obermaterial aus Leder", "Bottes à dessus en cuir",
                                "Botas con parte superior de cuero", "甲被が革製のブーツ", "皮革鞋面靴")),
    "sandals": ("640399", "ES", T("Sandals with leather uppers", "Sandalen mit Obermaterial aus Leder", "Sandales à dessus en cuir",
                                  "Sandalias con parte superior de cuero", "甲被が革製のサンダル", "皮革鞋面凉鞋")),
    "tableware": ("691200", "JP", T("Ceramic tableware", "Geschirr aus Keramik", "Vaisselle en céramique", "Vajilla de cerámica",
                                    "陶磁器製の食器", "陶瓷餐具")),
    "lighting": ("940520", "DE", T("Electric table lamps", "Elektrische Tischleuchten", "Lampes de table électriques",
                                   "Lámparas de mesa eléctricas", "電気式卓上ランプ", "电动台灯")),
    "home-textiles": ("630231", "PT", T("Bed and table linen of cotton", "Bett- und Tischwäsche aus Baumwolle",
                                        "Linge de lit et de table en coton", "Ropa de cama y mesa de algodón", "綿製のベッド・テーブルリネン",
                                        "棉制床上及餐桌用织物")),
    "bags": ("420222", "IT", T("Handbags with outer surface of textile", "Handtaschen mit Außenseite aus Textil",
                               "Sacs à main à surface extérieure en textile", "Bolsos de mano con superficie exterior textil",
                               "外面が繊維製のハンドバッグ", "纺织面手提包")),
    "scarves-hats": ("611710", "IT", T("Scarves and hats, knitted", "Schals und Mützen, gestrickt", "Écharpes et bonnets en maille",
                                       "Bufandas y gorros de punto", "ニットのマフラー・帽子", "针织围巾及帽子")),
    "wallets": ("420231", "ES", T("Wallets of leather", "Geldbörsen aus Leder", "Portefeuilles en cuir", "Carteras de cuero",
                                  "革製の財布", "皮革钱包")),
    "jackets": ("620193", "VN", T("Jackets of synthetic fibres", "Jacken aus Chemiefasern", "Vestes en fibres synthétiques",
                                  "Chaquetas de fibras sintéticas", "合成繊維製のジャケット", "合成纤维夹克")),
    "camping": ("630622", "CN", T("Tents and camping goods of synthetic fibres", "Zelte und Campingartikel aus Chemiefasern",
                                  "Tentes et articles de camping en fibres synthétiques", "Tiendas y artículos de camping de fibras sintéticas",
                                  "合成繊維製のテント・キャンプ用品", "合成纤维帐篷及露营用品")),
    "hiking": ("420292", "VN", T("Backpacks with outer surface of textile", "Rucksäcke mit Außenseite aus Textil",
                                 "Sacs à dos à surface extérieure en textile", "Mochilas con superficie exterior textil",
                                 "外面が繊維製のリュックサック", "纺织面背包")),
}


def demo_ean(variant_id: int) -> str:
    body = f"200{variant_id:09d}"
    return body + ean.calc_check_digit(body)


def ensure_customs_data() -> int:
    """Fill what is missing (never overwrites what the merchant typed). Returns variants changed."""
    changed = 0
    for slug, (hs_code, origin, names) in CUSTOMS.items():
        fields = {"hs_code": hs_code, "origin_country": origin, **{f"customs_description_{lang}": text for lang, text in names.items()}}
        fields["customs_description"] = names["en"]
        changed += ProductVariant.objects.filter(product__category__slug=slug, hs_code="").update(**fields)
    missing_ean = list(ProductVariant.objects.filter(Q(ean="")).only("pk"))
    for variant in missing_ean:
        variant.ean = demo_ean(variant.pk)
    ProductVariant.objects.bulk_update(missing_ean, ["ean"], batch_size=2000)
    return changed
