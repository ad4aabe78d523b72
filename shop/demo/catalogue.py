"""Translated vocabulary of the demo catalogue and the rules that assemble product names and descriptions.

Languages are the modeltranslation field suffixes: en, de, fr, es, ja, zh_hans. A product name is
adjective + material + noun, assembled per language:

* en: "Classic Linen Shirt"
* de: "Klassisches Leinenhemd" (material compound; strong adjective ending by gender) or
  "Leichte Daunenjacke aus recyceltem Nylon" when the material does not compound
* fr: "Chemise classique en lin" (adjective agrees with the noun's gender and number)
* es: "Camisa clásica de lino"
* ja: "クラシックなリネンシャツ"
* zh_hans: "经典亚麻衬衫"
"""

from dataclasses import dataclass, field

LANGS = ("en", "de", "fr", "es", "ja", "zh_hans")


def T(en, de, fr, es, ja, zh):  # noqa: N802 (reads like a table row)
    return {"en": en, "de": de, "fr": fr, "es": es, "ja": ja, "zh_hans": zh}


# --- Attributes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    slug: str
    names: dict
    swatch: str = ""
    code: str = ""  # used in SKUs


@dataclass(frozen=True)
class AttributeDef:
    slug: str
    names: dict
    values: tuple


def _same(text):
    return T(text, text, text, text, text, text)


COLOUR = AttributeDef(
    "colour",
    T("Colour", "Farbe", "Couleur", "Color", "カラー", "颜色"),
    (
        Value("black", T("Black", "Schwarz", "Noir", "Negro", "ブラック", "黑色"), "#222222", "BLK"),
        Value("white", T("White", "Weiß", "Blanc", "Blanco", "ホワイト", "白色"), "#f4f3ee", "WHT"),
        Value("grey", T("Grey", "Grau", "Gris", "Gris", "グレー", "灰色"), "#8d8f91", "GRY"),
        Value("navy", T("Navy", "Marineblau", "Bleu marine", "Azul marino", "ネイビー", "藏青色"), "#1f2d4d", "NVY"),
        Value("blue", T("Blue", "Blau", "Bleu", "Azul", "ブルー", "蓝色"), "#2f6db5", "BLU"),
        Value("red", T("Red", "Rot", "Rouge", "Rojo", "レッド", "红色"), "#b8322a", "RED"),
        Value("green", T("Green", "Grün", "Vert", "Verde", "グリーン", "绿色"), "#3d8a4f", "GRN"),
        Value("olive", T("Olive", "Olivgrün", "Vert olive", "Verde oliva", "オリーブ", "橄榄绿"), "#6b7236", "OLV"),
        Value("beige", T("Beige", "Beige", "Beige", "Beige", "ベージュ", "米色"), "#d9c6a5", "BEI"),
        Value("mustard", T("Mustard", "Senfgelb", "Moutarde", "Mostaza", "マスタード", "芥末黄"), "#d1a12b", "MUS"),
        Value("terracotta", T("Terracotta", "Terrakotta", "Terre cuite", "Terracota", "テラコッタ", "陶土红"), "#c2653f", "TER"),
        Value("pink", T("Pink", "Rosa", "Rose", "Rosa", "ピンク", "粉色"), "#e3a1a9", "PNK"),
    ),
)

SIZE = AttributeDef(
    "size",
    T("Size", "Größe", "Taille", "Talla", "サイズ", "尺码"),
    tuple(Value(s.lower(), _same(s), "", s) for s in ("XS", "S", "M", "L", "XL")),
)

SHOE_SIZE = AttributeDef(
    "shoe-size",
    T("Shoe size", "Schuhgröße", "Pointure", "Talla de calzado", "靴のサイズ", "鞋码"),
    tuple(Value(f"eu-{n}", T(f"EU {n}", f"EU {n}", f"EU {n}", f"EU {n}", f"EU {n}", f"欧码 {n}"), "", str(n)) for n in range(38, 46)),
)

DIMENSIONS = AttributeDef(
    "dimensions",
    T("Dimensions", "Maße", "Dimensions", "Medidas", "寸法", "尺寸"),
    tuple(
        Value(f"{w}x{h}", _same(f"{w} × {h} cm"), "", f"{w}X{h}")
        for w, h in ((40, 40), (50, 50), (60, 60), (130, 170), (150, 200))
    ),
)

ATTRIBUTES = (COLOUR, SIZE, SHOE_SIZE, DIMENSIONS)


# --- Materials, adjectives, nouns -----------------------------------------------------------------


@dataclass(frozen=True)
class Material:
    key: str
    en: str
    de_compound: str | None  # "Leinen" -> "Leinenhemd"; "Canvas-" -> "Canvas-Sneaker"; None -> "... aus <de_aus>"
    de_aus: str
    fr: str  # "en lin"
    es: str  # "de lino"
    ja: str
    zh: str
    sentence: dict


M = {
    m.key: m
    for m in (
        Material("linen", "Linen", "Leinen", "Leinen", "en lin", "de lino", "リネン", "亚麻", T(
            "Linen is breathable and gets softer with every wash.",
            "Leinen ist atmungsaktiv und wird mit jeder Wäsche weicher.",
            "Le lin est respirant et s'adoucit à chaque lavage.",
            "El lino es transpirable y se vuelve más suave con cada lavado.",
            "リネンは通気性がよく、洗うたびにやわらかくなります。",
            "亚麻透气性好，越洗越柔软。")),
        Material("organic-cotton", "Organic Cotton", None, "Bio-Baumwolle", "en coton bio", "de algodón orgánico", "オーガニックコットン", "有机棉", T(
            "Made from GOTS-certified organic cotton.",
            "Aus GOTS-zertifizierter Bio-Baumwolle.",
            "Fabriqué en coton bio certifié GOTS.",
            "Fabricado con algodón orgánico certificado GOTS.",
            "GOTS認証のオーガニックコットンを使用しています。",
            "采用GOTS认证有机棉制成。")),
        Material("cotton", "Cotton", "Baumwoll", "Baumwolle", "en coton", "de algodón", "コットン", "棉质", T(
            "Soft, durable cotton that is easy to care for.",
            "Weiche, strapazierfähige Baumwolle, die pflegeleicht ist.",
            "Un coton doux et résistant, facile d'entretien.",
            "Algodón suave y resistente, fácil de cuidar.",
            "やわらかく丈夫で、お手入れしやすいコットン。",
            "柔软耐用的棉质面料，易于打理。")),
        Material("denim", "Denim", "Denim-", "Denim", "en denim", "de denim", "デニム", "牛仔", T(
            "Sturdy denim that fades beautifully over time.",
            "Robuster Denim, der mit der Zeit schön verblasst.",
            "Un denim robuste qui se patine joliment avec le temps.",
            "Denim resistente que se desgasta con estilo con el tiempo.",
            "丈夫なデニムは、時間とともに美しく色落ちします。",
            "结实的牛仔布，随时间自然褪色，别有韵味。")),
        Material("silk", "Silk", "Seiden", "Seide", "en soie", "de seda", "シルク", "真丝", T(
            "Pure mulberry silk with a subtle sheen.",
            "Reine Maulbeerseide mit dezentem Glanz.",
            "Pure soie de mûrier au léger reflet satiné.",
            "Pura seda de morera con un brillo sutil.",
            "ほのかな光沢のある、上質なマルベリーシルク。",
            "纯桑蚕丝，光泽柔和。")),
        Material("merino", "Merino", "Merino", "Merinowolle", "en mérinos", "de merino", "メリノウール", "美利奴羊毛", T(
            "Fine merino wool regulates temperature and resists odours.",
            "Feine Merinowolle reguliert die Temperatur und nimmt kaum Gerüche an.",
            "La fine laine mérinos régule la température et limite les odeurs.",
            "La lana merino fina regula la temperatura y evita los olores.",
            "上質なメリノウールは温度を調整し、においも抑えます。",
            "细腻的美利奴羊毛可调节温度，不易产生异味。")),
        Material("wool", "Wool", "Woll", "Wolle", "en laine", "de lana", "ウール", "羊毛", T(
            "Responsibly sourced wool that keeps its shape.",
            "Verantwortungsvoll gewonnene Wolle, die ihre Form behält.",
            "Une laine d'origine responsable qui garde sa forme.",
            "Lana de origen responsable que mantiene su forma.",
            "責任ある調達によるウールで、型崩れしにくい素材です。",
            "负责任采购的羊毛，不易变形。")),
        Material("cashmere", "Cashmere", "Kaschmir", "Kaschmir", "en cachemire", "de cachemir", "カシミヤ", "羊绒", T(
            "Grade-A Mongolian cashmere, incredibly soft and light.",
            "Mongolischer Kaschmir der Güteklasse A, unglaublich weich und leicht.",
            "Cachemire de Mongolie de qualité A, incroyablement doux et léger.",
            "Cachemir mongol de calidad A, increíblemente suave y ligero.",
            "最高級グレードのモンゴル産カシミヤは、驚くほどやわらかく軽やか。",
            "A级蒙古羊绒，极其柔软轻盈。")),
        Material("corduroy", "Corduroy", "Cord", "Cord", "en velours côtelé", "de pana", "コーデュロイ", "灯芯绒", T(
            "Fine-wale corduroy with a soft, velvety touch.",
            "Feiner Cord mit weichem, samtigem Griff.",
            "Un velours côtelé fin au toucher doux et velouté.",
            "Pana fina con un tacto suave y aterciopelado.",
            "細畝のコーデュロイは、やわらかくベルベットのような手ざわり。",
            "细条灯芯绒，手感柔软如丝绒。")),
        Material("leather", "Leather", "Leder", "Leder", "en cuir", "de piel", "レザー", "真皮", T(
            "Vegetable-tanned leather that develops a rich patina.",
            "Pflanzlich gegerbtes Leder, das eine schöne Patina entwickelt.",
            "Un cuir au tannage végétal qui se patine avec élégance.",
            "Piel de curtido vegetal que desarrolla una bonita pátina.",
            "タンニンなめしのレザーは、使うほどに深い味わいが増します。",
            "植鞣皮革，随使用形成温润光泽。")),
        Material("suede", "Suede", "Wildleder", "Wildleder", "en daim", "de ante", "スエード", "麂皮", T(
            "Soft suede with a water-repellent finish.",
            "Weiches Wildleder mit wasserabweisender Ausrüstung.",
            "Un daim souple avec un traitement déperlant.",
            "Ante suave con acabado repelente al agua.",
            "撥水加工を施したやわらかなスエード。",
            "柔软麂皮，经防泼水处理。")),
        Material("canvas", "Canvas", "Canvas-", "Canvas", "en toile", "de lona", "キャンバス", "帆布", T(
            "Heavy cotton canvas that only gets better with age.",
            "Schweres Baumwoll-Canvas, das mit dem Alter immer schöner wird.",
            "Une toile de coton épaisse qui se bonifie avec le temps.",
            "Lona de algodón gruesa que mejora con el tiempo.",
            "厚手のコットンキャンバスは、使い込むほどに味が出ます。",
            "厚实的棉帆布，越用越有味道。")),
        Material("mesh", "Mesh", "Mesh-", "Mesh", "en mesh", "de malla", "メッシュ", "网面", T(
            "Breathable engineered mesh keeps your feet cool.",
            "Atmungsaktives Mesh hält die Füße kühl.",
            "Un mesh respirant qui garde les pieds au frais.",
            "La malla transpirable mantiene los pies frescos.",
            "通気性の高いメッシュで、足元を涼しく保ちます。",
            "透气网面让双脚保持凉爽。")),
        Material("knit", "Knit", "Strick", "Strick", "en maille", "de punto", "ニット", "针织", T(
            "A seamless knit upper that moves with your foot.",
            "Ein nahtloses Strickobermaterial, das jede Bewegung mitmacht.",
            "Une tige en maille sans coutures qui suit chaque mouvement du pied.",
            "Un empeine de punto sin costuras que se adapta a cada movimiento.",
            "足の動きにフィットする、縫い目のないニットアッパー。",
            "无缝针织鞋面，随脚而动。")),
        Material("nubuck", "Nubuck", "Nubuk", "Nubukleder", "en nubuck", "de nobuk", "ヌバック", "磨砂皮", T(
            "Brushed nubuck with a soft, matt finish.",
            "Geschliffenes Nubukleder mit weicher, matter Oberfläche.",
            "Un nubuck brossé au fini doux et mat.",
            "Nobuk cepillado con acabado suave y mate.",
            "起毛加工を施した、マットでやわらかなヌバック。",
            "拉绒磨砂皮，质感柔软哑光。")),
        Material("cork", "Cork", "Kork", "Kork", "en liège", "de corcho", "コルク", "软木", T(
            "Natural cork is light, cushioning and renewable.",
            "Naturkork ist leicht, dämpfend und nachwachsend.",
            "Le liège naturel est léger, amortissant et renouvelable.",
            "El corcho natural es ligero, amortiguador y renovable.",
            "天然コルクは軽くてクッション性があり、再生可能な素材です。",
            "天然软木轻盈缓震，可再生。")),
        Material("rubber", "Rubber", "Gummi", "Gummi", "en caoutchouc", "de caucho", "ラバー", "橡胶", T(
            "Flexible natural rubber with a non-slip grip.",
            "Flexibler Naturkautschuk mit rutschfestem Profil.",
            "Un caoutchouc naturel souple et antidérapant.",
            "Caucho natural flexible con agarre antideslizante.",
            "滑りにくく柔軟な天然ラバー。",
            "柔韧天然橡胶，防滑抓地。")),
        Material("stoneware", "Stoneware", "Steingut", "Steingut", "en grès", "de gres", "ストーンウェア", "粗陶", T(
            "Thick stoneware keeps drinks and food warm for longer.",
            "Dickwandiges Steingut hält Getränke und Speisen länger warm.",
            "Le grès épais garde boissons et plats au chaud plus longtemps.",
            "El gres grueso mantiene bebidas y comidas calientes durante más tiempo.",
            "厚手のストーンウェアは、料理や飲み物の温かさを長く保ちます。",
            "厚实粗陶让饮品和食物保温更久。")),
        Material("porcelain", "Porcelain", "Porzellan", "Porzellan", "en porcelaine", "de porcelana", "磁器の", "白瓷", T(
            "Fine porcelain, thin and surprisingly strong.",
            "Feines Porzellan, dünn und erstaunlich robust.",
            "Une porcelaine fine, légère et étonnamment solide.",
            "Porcelana fina, delgada y sorprendentemente resistente.",
            "薄くて驚くほど丈夫な、上質な磁器。",
            "精致白瓷，轻薄却出奇坚固。")),
        Material("enamel", "Enamel", "Emaille", "Emaille", "en émail", "de esmalte", "ホーロー", "搪瓷", T(
            "Enamel-coated steel that is almost unbreakable.",
            "Emaillierter Stahl, der nahezu unzerbrechlich ist.",
            "Un acier émaillé quasiment incassable.",
            "Acero esmaltado prácticamente irrompible.",
            "ほぼ割れることのない、ホーロー加工のスチール。",
            "搪瓷钢材，几乎摔不坏。")),
        Material("ceramic", "Ceramic", "Keramik", "Keramik", "en céramique", "de cerámica", "セラミック", "陶瓷", T(
            "Glazed ceramic with a smooth, satin finish.",
            "Glasierte Keramik mit glatter, seidenmatter Oberfläche.",
            "Une céramique émaillée au fini satiné et lisse.",
            "Cerámica esmaltada con un acabado liso y satinado.",
            "なめらかなサテン仕上げの釉薬をかけたセラミック。",
            "釉面陶瓷，表面光滑呈缎面质感。")),
        Material("glass", "Glass", "Glas", "Glas", "en verre", "de vidrio", "ガラス", "玻璃", T(
            "Mouth-blown glass with a gentle, uneven charm.",
            "Mundgeblasenes Glas mit sanftem, unregelmäßigem Charme.",
            "Un verre soufflé bouche au charme délicatement irrégulier.",
            "Vidrio soplado a boca con un encanto suavemente irregular.",
            "手吹きガラスならではの、やさしい揺らぎが魅力です。",
            "人工吹制玻璃，带有自然不规则的独特魅力。")),
        Material("brass", "Brass", "Messing", "Messing", "en laiton", "de latón", "真鍮の", "黄铜", T(
            "Solid brass that darkens gracefully over time.",
            "Massives Messing, das mit der Zeit edel nachdunkelt.",
            "Un laiton massif qui se patine avec élégance.",
            "Latón macizo que se oscurece con elegancia con el paso del tiempo.",
            "無垢の真鍮は、時とともに美しく色を深めます。",
            "实心黄铜，随时间优雅氧化。")),
        Material("oak", "Oak", "Eichen", "Eichenholz", "en chêne", "de roble", "オーク", "橡木", T(
            "FSC-certified European oak with an oiled finish.",
            "FSC-zertifizierte europäische Eiche, geölt.",
            "Du chêne européen certifié FSC, finition huilée.",
            "Roble europeo con certificación FSC y acabado aceitado.",
            "オイル仕上げのFSC認証ヨーロピアンオーク。",
            "FSC认证欧洲橡木，油蜡饰面。")),
        Material("rattan", "Rattan", "Rattan", "Rattan", "en rotin", "de ratán", "ラタン", "藤编", T(
            "Hand-woven rattan casts beautiful patterns of light.",
            "Handgeflochtenes Rattan zaubert schöne Lichtmuster.",
            "Le rotin tressé à la main projette de jolis jeux de lumière.",
            "El ratán tejido a mano proyecta bonitos juegos de luz.",
            "手編みのラタンが、美しい光の模様を描きます。",
            "手工编织藤条，投射出美丽的光影。")),
        Material("velvet", "Velvet", "Samt", "Samt", "en velours", "de terciopelo", "ベルベット", "丝绒", T(
            "Rich cotton velvet with a deep, soft pile.",
            "Satter Baumwollsamt mit tiefem, weichem Flor.",
            "Un velours de coton riche au poil profond et doux.",
            "Terciopelo de algodón con un pelo suave y denso.",
            "深くやわらかな毛足のコットンベルベット。",
            "厚实棉丝绒，绒毛细密柔软。")),
        Material("recycled-nylon", "Recycled Nylon", None, "recyceltem Nylon", "en nylon recyclé", "de nailon reciclado", "リサイクルナイロン", "再生尼龙", T(
            "Made from recycled nylon, light and hard-wearing.",
            "Aus recyceltem Nylon, leicht und strapazierfähig.",
            "En nylon recyclé, léger et résistant.",
            "De nailon reciclado, ligero y resistente.",
            "リサイクルナイロン製で、軽くて丈夫。",
            "采用再生尼龙，轻盈耐磨。")),
        Material("waxed-cotton", "Waxed Cotton", None, "gewachster Baumwolle", "en coton ciré", "de algodón encerado", "ワックスコットン", "蜡棉", T(
            "Waxed cotton sheds light rain and can be re-waxed for years of use.",
            "Gewachste Baumwolle hält leichtem Regen stand und lässt sich immer wieder nachwachsen.",
            "Le coton ciré résiste à la pluie fine et peut être reciré pendant des années.",
            "El algodón encerado resiste la lluvia ligera y se puede volver a encerar durante años.",
            "ワックスコットンは小雨をはじき、リワックスで長く使えます。",
            "涂蜡棉可抵御小雨，重新上蜡后可长久使用。")),
        Material("ripstop", "Ripstop", "Ripstop-", "Ripstop", "en ripstop", "de ripstop", "リップストップ", "防撕裂", T(
            "Ripstop weave stops small tears from spreading.",
            "Das Ripstop-Gewebe verhindert, dass sich kleine Risse ausbreiten.",
            "Le tissage ripstop empêche les petites déchirures de s'étendre.",
            "El tejido ripstop evita que los pequeños desgarros se extiendan.",
            "リップストップ織りで、小さな裂け目が広がりません。",
            "防撕裂织法，防止小破口扩大。")),
        Material("stainless-steel", "Stainless Steel", "Edelstahl", "Edelstahl", "en inox", "de acero inoxidable", "ステンレス", "不锈钢", T(
            "Food-grade stainless steel that won't rust or retain flavours.",
            "Lebensmittelechter Edelstahl, der nicht rostet und keinen Geschmack annimmt.",
            "Un inox alimentaire qui ne rouille pas et ne retient pas les goûts.",
            "Acero inoxidable apto para alimentos que no se oxida ni retiene sabores.",
            "錆びにくく、においも移りにくい食品グレードのステンレス。",
            "食品级不锈钢，不生锈、不串味。")),
        Material("aluminium", "Aluminium", "Aluminium", "Aluminium", "en aluminium", "de aluminio", "アルミ", "铝制", T(
            "Anodised aluminium, strong and featherlight.",
            "Eloxiertes Aluminium, stabil und federleicht.",
            "Aluminium anodisé, solide et ultra-léger.",
            "Aluminio anodizado, resistente y ligerísimo.",
            "アルマイト加工のアルミで、丈夫でとても軽量。",
            "阳极氧化铝，坚固且轻若鸿毛。")),
    )
}

DE_ENDINGS = {"m": "er", "f": "e", "n": "es", "pl": "e"}
FR_SLOT = {"m": 0, "f": 1, "mp": 2, "fp": 3}


@dataclass(frozen=True)
class Adjective:
    key: str
    en: str
    de: str  # stem ("Klassisch" -> Klassischer/Klassische/Klassisches) or invariable prefix ending in "-" ("Vintage-")
    fr: tuple  # masc., fem., masc. plural, fem. plural
    es: tuple
    ja: str
    zh: str


A = {
    a.key: a
    for a in (
        Adjective("classic", "Classic", "Klassisch", ("classique", "classique", "classiques", "classiques"),
                  ("clásico", "clásica", "clásicos", "clásicas"), "クラシックな", "经典"),
        Adjective("relaxed", "Relaxed", "Lässig", ("décontracté", "décontractée", "décontractés", "décontractées"),
                  ("informal", "informal", "informales", "informales"), "ゆったりした", "宽松"),
        Adjective("essential", "Essential", "Basic-", ("essentiel", "essentielle", "essentiels", "essentielles"),
                  ("básico", "básica", "básicos", "básicas"), "ベーシックな", "基础款"),
        Adjective("vintage", "Vintage", "Vintage-", ("vintage",) * 4, ("vintage",) * 4, "ヴィンテージ風", "复古"),
        Adjective("nordic", "Nordic", "Nordisch", ("nordique", "nordique", "nordiques", "nordiques"),
                  ("nórdico", "nórdica", "nórdicos", "nórdicas"), "北欧風", "北欧风"),
        Adjective("urban", "Urban", "Urban", ("urbain", "urbaine", "urbains", "urbaines"),
                  ("urbano", "urbana", "urbanos", "urbanas"), "アーバン", "都市"),
        Adjective("lightweight", "Lightweight", "Leicht", ("léger", "légère", "légers", "légères"),
                  ("ligero", "ligera", "ligeros", "ligeras"), "軽量", "轻量"),
        Adjective("modern", "Modern", "Modern", ("moderne", "moderne", "modernes", "modernes"),
                  ("moderno", "moderna", "modernos", "modernas"), "モダンな", "现代"),
        Adjective("handmade", "Handmade", "Handgemacht", ("fait main", "faite main", "faits main", "faites main"),
                  ("hecho a mano", "hecha a mano", "hechos a mano", "hechas a mano"), "ハンドメイドの", "手工"),
        Adjective("rustic", "Rustic", "Rustikal", ("rustique", "rustique", "rustiques", "rustiques"),
                  ("rústico", "rústica", "rústicos", "rústicas"), "素朴な", "质朴"),
        Adjective("minimal", "Minimal", "Schlicht", ("minimaliste", "minimaliste", "minimalistes", "minimalistes"),
                  ("minimalista", "minimalista", "minimalistas", "minimalistas"), "シンプルな", "简约"),
        Adjective("alpine", "Alpine", "Alpin", ("alpin", "alpine", "alpins", "alpines"),
                  ("alpino", "alpina", "alpinos", "alpinas"), "アルパイン", "高山"),
    )
}


@dataclass(frozen=True)
class Noun:
    key: str
    shape: str  # drawing in images.py
    en: str
    de: str
    de_g: str  # m, f, n, pl
    fr: str
    fr_g: str  # m, f, mp, fp
    es: str
    es_g: str
    ja: str
    zh: str
    materials: tuple
    price: tuple  # net EUR range
    weight: int  # grams
    sizes: tuple = ()  # attribute slug and the value slugs this noun comes in
    de_hyphen: bool = False  # loanwords: "Kaschmir-Cardigan", not "Kaschmircardigan"


CLOTHING_SIZES = ("size", ("xs", "s", "m", "l", "xl"))
SOCK_SIZES = ("size", ("s", "m", "l"))
SHOE_SIZES = ("shoe-size", tuple(f"eu-{n}" for n in range(38, 46)))
CUSHION_SIZES = ("dimensions", ("40x40", "50x50", "60x60"))
THROW_SIZES = ("dimensions", ("130x170", "150x200"))


@dataclass
class Leaf:
    slug: str
    names: dict
    colour: str
    nouns: tuple
    sentences: tuple  # two translated usage sentences
    palette: tuple  # colour slugs


@dataclass
class Top:
    slug: str
    names: dict
    description: dict
    colour: str
    adjectives: tuple
    leaves: list = field(default_factory=list)


def N(*args, **kwargs):  # noqa: N802
    return Noun(*args, **kwargs)


TREE = [
    Top(
        "clothing", T("Clothing", "Kleidung", "Vêtements", "Ropa", "衣料品", "服装"),
        T("Everyday clothing in natural fibres, made to last.",
          "Langlebige Alltagskleidung aus Naturfasern.",
          "Des vêtements du quotidien en fibres naturelles, faits pour durer.",
          "Ropa para el día a día en fibras naturales, hecha para durar.",
          "天然素材でつくる、長く着られる毎日の服。",
          "天然纤维制成的日常服装，经久耐穿。"),
        "#7a6a58", ("classic", "relaxed", "essential", "vintage", "nordic"),
        [
            Leaf("shirts", T("Shirts & Blouses", "Hemden & Blusen", "Chemises et chemisiers", "Camisas y blusas", "シャツ・ブラウス", "衬衫"), "#8c7b6b", (
                N("shirt", "shirt", "Shirt", "Hemd", "n", "Chemise", "f", "Camisa", "f", "シャツ", "衬衫",
                  ("linen", "organic-cotton", "cotton", "denim"), (29, 89), 260, CLOTHING_SIZES),
                N("blouse", "shirt", "Blouse", "Bluse", "f", "Chemisier", "m", "Blusa", "f", "ブラウス", "女式衬衫",
                  ("linen", "silk", "organic-cotton"), (35, 119), 220, CLOTHING_SIZES),
                N("t-shirt", "tshirt", "T-Shirt", "T-Shirt", "n", "T-shirt", "m", "Camiseta", "f", "Tシャツ", "T恤",
                  ("organic-cotton", "cotton", "linen", "merino"), (19, 49), 180, CLOTHING_SIZES),
            ), (
                T("Cut for an easy, comfortable fit that works from the office to the weekend.",
                  "Bequem geschnitten – passt ins Büro ebenso wie zum Wochenende.",
                  "Une coupe confortable qui passe du bureau au week-end.",
                  "Un corte cómodo que va de la oficina al fin de semana.",
                  "オフィスから週末まで使える、着心地のよいシルエットです。",
                  "版型舒适，从办公室到周末都适合穿着。"),
                T("Finished with neat, durable seams that keep their shape wash after wash.",
                  "Saubere, strapazierfähige Nähte halten die Form auch nach vielen Wäschen.",
                  "Des coutures nettes et résistantes qui gardent leur forme lavage après lavage.",
                  "Costuras limpias y resistentes que mantienen la forma lavado tras lavado.",
                  "丁寧で丈夫な縫製で、洗濯を重ねても形崩れしにくい仕上がりです。",
                  "做工精细耐用，多次洗涤后依然保持版型。"),
            ), ("white", "blue", "navy", "beige", "pink", "olive", "black")),
            Leaf("knitwear", T("Knitwear", "Strickmode", "Maille", "Punto", "ニット", "针织衫"), "#9a6f5a", (
                N("sweater", "sweater", "Sweater", "Pullover", "m", "Pull", "m", "Jersey", "m", "セーター", "毛衣",
                  ("merino", "wool", "cashmere", "organic-cotton"), (49, 149), 450, CLOTHING_SIZES, True),
                N("cardigan", "sweater", "Cardigan", "Cardigan", "m", "Cardigan", "m", "Cárdigan", "m", "カーディガン", "开衫",
                  ("merino", "wool", "cashmere"), (59, 169), 420, CLOTHING_SIZES, True),
            ), (
                T("A soft knit that keeps you warm without bulk.",
                  "Weicher Strick, der wärmt, ohne aufzutragen.",
                  "Une maille douce qui tient chaud sans épaissir la silhouette.",
                  "Un punto suave que abriga sin abultar.",
                  "かさばらずに暖かい、やわらかなニットです。",
                  "柔软针织，保暖却不显臃肿。"),
                T("Ribbed cuffs and hem hold their shape season after season.",
                  "Gerippte Bündchen und Saum behalten Saison für Saison ihre Form.",
                  "Les poignets et l'ourlet côtelés gardent leur forme saison après saison.",
                  "Los puños y el bajo de canalé mantienen su forma temporada tras temporada.",
                  "リブ編みの袖口と裾は、シーズンを重ねても形をキープします。",
                  "罗纹袖口和下摆经久不变形。"),
            ), ("grey", "navy", "beige", "mustard", "green", "black", "terracotta")),
            Leaf("trousers", T("Trousers & Shorts", "Hosen & Shorts", "Pantalons et shorts", "Pantalones y shorts", "パンツ・ショートパンツ", "裤装"), "#6d6a5c", (
                N("trousers", "trousers", "Trousers", "Hose", "f", "Pantalon", "m", "Pantalón", "m", "パンツ", "长裤",
                  ("linen", "corduroy", "wool", "cotton"), (49, 129), 520, CLOTHING_SIZES),
                N("shorts", "shorts", "Shorts", "Shorts", "pl", "Short", "m", "Pantalón corto", "m", "ショートパンツ", "短裤",
                  ("linen", "cotton", "denim"), (29, 69), 300, CLOTHING_SIZES, True),
                N("chinos", "trousers", "Chinos", "Chino", "f", "Chino", "m", "Pantalón chino", "m", "チノパン", "奇诺裤",
                  ("cotton", "organic-cotton", "linen"), (45, 99), 480, CLOTHING_SIZES, True),
            ), (
                T("A relaxed straight leg with a comfortable mid-rise waist.",
                  "Lässig gerades Bein mit bequemem, mittelhohem Bund.",
                  "Une jambe droite décontractée et une taille mi-haute confortable.",
                  "Pernera recta y relajada con una cómoda cintura media.",
                  "ゆったりとしたストレートレッグに、はき心地のよいミッドライズ。",
                  "宽松直筒裤型，中腰设计穿着舒适。"),
                T("Deep pockets and a reinforced waistband for everyday wear.",
                  "Tiefe Taschen und ein verstärkter Bund für jeden Tag.",
                  "Des poches profondes et une ceinture renforcée pour tous les jours.",
                  "Bolsillos profundos y cinturilla reforzada para el día a día.",
                  "深めのポケットと補強したウエストバンドで、毎日のはき回しに。",
                  "深口袋与加固腰头，适合日常穿着。"),
            ), ("beige", "navy", "olive", "black", "grey", "blue")),
        ],
    ),
    Top(
        "shoes", T("Shoes", "Schuhe", "Chaussures", "Zapatos", "シューズ", "鞋履"),
        T("Shoes and boots built to be worn for years.",
          "Schuhe und Stiefel, die jahrelang getragen werden wollen.",
          "Des chaussures et des bottes conçues pour être portées des années.",
          "Zapatos y botas pensados para llevarse durante años.",
          "何年も履き続けられる靴とブーツ。",
          "可穿多年的鞋靴。"),
        "#5c5f73", ("classic", "urban", "vintage", "lightweight"),
        [
            Leaf("sneakers", T("Sneakers", "Sneaker", "Baskets", "Zapatillas", "スニーカー", "运动鞋"), "#6b7089", (
                N("sneakers", "sneaker", "Sneakers", "Sneaker", "pl", "Baskets", "fp", "Zapatillas", "fp", "スニーカー", "运动鞋",
                  ("leather", "canvas", "suede"), (69, 179), 820, SHOE_SIZES),
                N("running-shoes", "sneaker", "Running Shoes", "Laufschuhe", "pl", "Chaussures de course", "fp", "Zapatillas de running", "fp",
                  "ランニングシューズ", "跑鞋", ("mesh", "knit"), (89, 189), 640, SHOE_SIZES),
            ), (
                T("A cushioned insole and flexible rubber sole for all-day comfort.",
                  "Gepolsterte Innensohle und flexible Gummisohle für Komfort den ganzen Tag.",
                  "Une semelle intérieure rembourrée et une semelle en caoutchouc flexible pour un confort toute la journée.",
                  "Plantilla acolchada y suela de goma flexible para estar cómodo todo el día.",
                  "クッション性のあるインソールと柔軟なラバーソールで、一日中快適です。",
                  "缓震鞋垫搭配柔韧橡胶大底，全天舒适。"),
                T("Clean lines that pair with jeans, chinos or a summer dress.",
                  "Klare Linien, die zu Jeans, Chinos oder einem Sommerkleid passen.",
                  "Des lignes épurées qui s'accordent avec un jean, un chino ou une robe d'été.",
                  "Líneas limpias que combinan con vaqueros, chinos o un vestido de verano.",
                  "ジーンズにもチノパンにもワンピースにも合わせやすい、すっきりしたデザイン。",
                  "简洁线条，搭配牛仔裤、休闲裤或夏日连衣裙都合适。"),
            ), ("white", "black", "grey", "navy", "beige", "green")),
            Leaf("boots", T("Boots", "Stiefel", "Bottes", "Botas", "ブーツ", "靴子"), "#5a4a42", (
                N("chelsea-boots", "boot", "Chelsea Boots", "Chelsea-Boots", "pl", "Bottines Chelsea", "fp", "Botas Chelsea", "fp",
                  "チェルシーブーツ", "切尔西靴", ("leather", "suede", "nubuck"), (119, 249), 1250, SHOE_SIZES),
                N("ankle-boots", "boot", "Ankle Boots", "Stiefeletten", "pl", "Bottines", "fp", "Botines", "mp",
                  "ショートブーツ", "短靴", ("leather", "suede"), (99, 229), 1100, SHOE_SIZES),
                N("lace-up-boots", "boot", "Lace-up Boots", "Schnürstiefel", "pl", "Bottes à lacets", "fp", "Botas con cordones", "fp",
                  "レースアップブーツ", "系带靴", ("leather", "nubuck"), (129, 249), 1400, SHOE_SIZES),
            ), (
                T("Built on a sturdy, resoleable sole for many winters of wear.",
                  "Auf einer robusten, neu besohlbaren Sohle gebaut – für viele Winter.",
                  "Montées sur une semelle robuste et ressemelable, pour de nombreux hivers.",
                  "Con una suela resistente que se puede cambiar, para muchos inviernos.",
                  "張り替え可能な丈夫なソールで、何シーズンも履き続けられます。",
                  "坚固耐用、可更换鞋底，陪你度过许多个冬天。"),
                T("A padded collar and leather lining keep your feet comfortable.",
                  "Gepolsterter Schaftrand und Lederfutter für angenehmen Tragekomfort.",
                  "Un col rembourré et une doublure en cuir pour des pieds à l'aise.",
                  "El cuello acolchado y el forro de piel mantienen tus pies cómodos.",
                  "パッド入りの履き口とレザーライニングで足元快適。",
                  "加垫鞋口与真皮内衬，让双脚舒适自在。"),
            ), ("black", "terracotta", "beige", "grey", "olive")),
            Leaf("sandals", T("Sandals", "Sandalen", "Sandales", "Sandalias", "サンダル", "凉鞋"), "#a08560", (
                N("sandals", "sandal", "Sandals", "Sandalen", "pl", "Sandales", "fp", "Sandalias", "fp", "サンダル", "凉鞋",
                  ("leather", "cork", "suede"), (39, 119), 480, SHOE_SIZES),
                N("slides", "sandal", "Slides", "Pantoletten", "pl", "Claquettes", "fp", "Chanclas", "fp", "スライドサンダル", "拖鞋",
                  ("leather", "cork", "rubber"), (29, 89), 380, SHOE_SIZES),
            ), (
                T("A contoured footbed that supports your feet through long summer days.",
                  "Ein anatomisch geformtes Fußbett stützt den Fuß an langen Sommertagen.",
                  "Une semelle anatomique qui soutient le pied pendant les longues journées d'été.",
                  "Una plantilla anatómica que sujeta el pie durante los largos días de verano.",
                  "足の形に沿ったフットベッドが、長い夏の日も足をしっかり支えます。",
                  "贴合足形的鞋床，在漫长夏日给双脚稳定支撑。"),
                T("Light enough to pack for every trip.",
                  "Leicht genug, um auf jede Reise mitzukommen.",
                  "Assez légères pour vous suivre dans tous vos voyages.",
                  "Lo bastante ligeras para llevarlas en cada viaje.",
                  "軽いので、どんな旅にも気軽に持って行けます。",
                  "轻巧便携，每次旅行都能随身携带。"),
            ), ("beige", "black", "terracotta", "white", "pink")),
        ],
    ),
    Top(
        "home-kitchen", T("Home & Kitchen", "Wohnen & Küche", "Maison & cuisine", "Hogar y cocina", "ホーム＆キッチン", "家居与厨房"),
        T("Tableware, lighting and textiles for a calm, lived-in home.",
          "Geschirr, Leuchten und Textilien für ein ruhiges, wohnliches Zuhause.",
          "Vaisselle, luminaires et textiles pour une maison paisible et chaleureuse.",
          "Vajilla, iluminación y textiles para un hogar tranquilo y acogedor.",
          "落ち着いた暮らしのための食器、照明、テキスタイル。",
          "餐具、灯具与家纺，打造宁静温馨的家。"),
        "#6f8a7a", ("nordic", "handmade", "modern", "rustic", "minimal"),
        [
            Leaf("tableware", T("Tableware", "Geschirr", "Vaisselle", "Vajilla", "食器", "餐具"), "#7c9a8a", (
                N("mug", "mug", "Mug", "Becher", "m", "Mug", "m", "Taza", "f", "マグカップ", "马克杯",
                  ("stoneware", "porcelain", "enamel", "ceramic"), (10, 25), 350),
                N("bowl", "bowl", "Bowl", "Schale", "f", "Bol", "m", "Cuenco", "m", "ボウル", "碗",
                  ("stoneware", "porcelain", "ceramic", "glass"), (12, 35), 420),
                N("plate", "plate", "Plate", "Teller", "m", "Assiette", "f", "Plato", "m", "プレート", "餐盘",
                  ("stoneware", "porcelain", "ceramic"), (12, 39), 560),
            ), (
                T("Dishwasher safe and made for daily use.",
                  "Spülmaschinenfest und für den täglichen Gebrauch gemacht.",
                  "Passe au lave-vaisselle, conçu pour un usage quotidien.",
                  "Apto para lavavajillas y pensado para el uso diario.",
                  "食洗機対応で、毎日の食卓に。",
                  "可用洗碗机清洗，适合日常使用。"),
                T("Small variations in colour make every piece unique.",
                  "Kleine Farbunterschiede machen jedes Stück einzigartig.",
                  "De légères variations de couleur rendent chaque pièce unique.",
                  "Las pequeñas variaciones de color hacen que cada pieza sea única.",
                  "わずかな色の違いが、ひとつひとつを特別なものにします。",
                  "细微的色差让每一件都独一无二。"),
            ), ("white", "grey", "blue", "green", "terracotta", "beige", "black")),
            Leaf("lighting", T("Lighting", "Leuchten", "Luminaires", "Iluminación", "照明", "灯具"), "#b08d57", (
                N("table-lamp", "lamp", "Table Lamp", "Tischleuchte", "f", "Lampe à poser", "f", "Lámpara de mesa", "f", "テーブルランプ", "台灯",
                  ("brass", "oak", "ceramic", "glass"), (49, 199), 1900),
                N("pendant-light", "pendant", "Pendant Light", "Pendelleuchte", "f", "Suspension", "f", "Lámpara colgante", "f",
                  "ペンダントライト", "吊灯", ("brass", "glass", "rattan"), (69, 249), 1500),
                N("candle-holder", "candle", "Candle Holder", "Kerzenhalter", "m", "Bougeoir", "m", "Portavelas", "m",
                  "キャンドルホルダー", "烛台", ("brass", "glass", "ceramic", "oak"), (14, 49), 400),
            ), (
                T("Creates a warm, cosy atmosphere in living rooms and bedrooms.",
                  "Sorgt für eine warme, gemütliche Atmosphäre in Wohn- und Schlafzimmer.",
                  "Crée une ambiance chaleureuse dans le salon comme dans la chambre.",
                  "Crea un ambiente cálido y acogedor en el salón y el dormitorio.",
                  "リビングや寝室に、あたたかく居心地のよい雰囲気をつくります。",
                  "为客厅和卧室营造温暖惬意的氛围。"),
                T("Designed in our Berlin studio and finished by a small workshop in Portugal.",
                  "Entworfen in unserem Berliner Studio, gefertigt von einer kleinen Werkstatt in Portugal.",
                  "Dessiné dans notre studio berlinois et fini par un petit atelier au Portugal.",
                  "Diseñado en nuestro estudio de Berlín y terminado por un pequeño taller en Portugal.",
                  "ベルリンのスタジオでデザインし、ポルトガルの小さな工房で仕上げました。",
                  "由我们的柏林工作室设计，在葡萄牙的小作坊完成制作。"),
            ), ("white", "black", "beige", "green", "mustard", "grey")),
            Leaf("home-textiles", T("Home Textiles", "Heimtextilien", "Linge de maison", "Textiles para el hogar", "ホームテキスタイル", "家纺"), "#8d7f9a", (
                N("cushion-cover", "cushion", "Cushion Cover", "Kissenbezug", "m", "Housse de coussin", "f", "Funda de cojín", "f",
                  "クッションカバー", "抱枕套", ("linen", "velvet", "cotton", "wool"), (19, 49), 250, CUSHION_SIZES),
                N("throw", "blanket", "Throw", "Decke", "f", "Plaid", "m", "Manta", "f", "ブランケット", "盖毯",
                  ("wool", "cotton", "cashmere", "merino"), (49, 169), 1300, THROW_SIZES),
                N("tea-towel", "towel", "Tea Towel", "Geschirrtuch", "n", "Torchon", "m", "Paño de cocina", "m", "ティータオル", "茶巾",
                  ("linen", "cotton"), (10, 20), 120),
            ), (
                T("Pre-washed for a soft, lived-in feel from day one.",
                  "Vorgewaschen für einen weichen, angenehmen Griff vom ersten Tag an.",
                  "Prélavé pour un toucher doux dès le premier jour.",
                  "Prelavado para un tacto suave desde el primer día.",
                  "あらかじめ洗いをかけているので、最初からやわらかな風合いです。",
                  "预洗处理，从第一天起就柔软亲肤。"),
                T("Machine washable at 30 °C.",
                  "Maschinenwaschbar bei 30 °C.",
                  "Lavable en machine à 30 °C.",
                  "Lavable a máquina a 30 °C.",
                  "30 °Cで洗濯機洗いができます。",
                  "可在30 °C下机洗。"),
            ), ("beige", "grey", "terracotta", "olive", "pink", "navy", "mustard")),
        ],
    ),
    Top(
        "accessories", T("Accessories", "Accessoires", "Accessoires", "Accesorios", "アクセサリー", "配饰"),
        T("Bags, scarves and small leather goods to finish every outfit.",
          "Taschen, Schals und kleine Lederwaren als Abschluss jedes Outfits.",
          "Sacs, écharpes et petite maroquinerie pour parfaire chaque tenue.",
          "Bolsos, bufandas y pequeña marroquinería para completar cada look.",
          "コーディネートを仕上げるバッグ、マフラー、革小物。",
          "包袋、围巾与小皮具，完善每一套搭配。"),
        "#8a5a5a", ("classic", "minimal", "vintage", "handmade", "urban"),
        [
            Leaf("bags", T("Bags", "Taschen", "Sacs", "Bolsos", "バッグ", "包袋"), "#94665f", (
                N("tote-bag", "tote", "Tote Bag", "Shopper", "m", "Sac cabas", "m", "Bolso tote", "m", "トートバッグ", "托特包",
                  ("canvas", "leather", "organic-cotton"), (29, 129), 600, (), True),
                N("backpack", "backpack", "Backpack", "Rucksack", "m", "Sac à dos", "m", "Mochila", "f", "リュックサック", "双肩包",
                  ("canvas", "leather", "recycled-nylon", "waxed-cotton"), (59, 199), 950),
                N("crossbody-bag", "crossbody", "Crossbody Bag", "Umhängetasche", "f", "Sac bandoulière", "m", "Bandolera", "f",
                  "ショルダーバッグ", "斜挎包", ("leather", "recycled-nylon", "suede"), (45, 159), 450),
            ), (
                T("Roomy enough for a laptop, a water bottle and your daily essentials.",
                  "Geräumig genug für Laptop, Trinkflasche und alles, was man täglich braucht.",
                  "Assez spacieux pour un ordinateur portable, une gourde et l'essentiel du quotidien.",
                  "Con espacio de sobra para un portátil, una botella y lo esencial del día a día.",
                  "ノートPCや水筒、毎日の必需品がすっきり収まる容量です。",
                  "空间宽敞，可容纳笔记本电脑、水壶和日常必需品。"),
                T("Reinforced straps and an inner zip pocket keep things secure.",
                  "Verstärkte Riemen und ein Reißverschlussfach innen halten alles sicher.",
                  "Des anses renforcées et une poche intérieure zippée pour tout garder en sécurité.",
                  "Asas reforzadas y un bolsillo interior con cremallera para llevarlo todo seguro.",
                  "補強したストラップと内側のファスナーポケットで、中身をしっかり守ります。",
                  "加固背带和内置拉链袋，让物品安全无忧。"),
            ), ("black", "terracotta", "beige", "navy", "olive", "grey")),
            Leaf("scarves-hats", T("Scarves & Hats", "Schals & Mützen", "Écharpes et bonnets", "Bufandas y gorros", "マフラー・帽子", "围巾与帽子"), "#7d6b8f", (
                N("scarf", "scarf", "Scarf", "Schal", "m", "Écharpe", "f", "Bufanda", "f", "マフラー", "围巾",
                  ("wool", "cashmere", "merino", "silk", "linen"), (24, 99), 180),
                N("beanie", "beanie", "Beanie", "Mütze", "f", "Bonnet", "m", "Gorro", "m", "ニット帽", "毛线帽",
                  ("wool", "merino", "cashmere"), (19, 59), 90),
                N("cap", "cap", "Cap", "Schirmmütze", "f", "Casquette", "f", "Gorra", "f", "キャップ", "棒球帽",
                  ("cotton", "waxed-cotton", "wool"), (19, 45), 110),
            ), (
                T("Warm, breathable and soft against the skin.",
                  "Warm, atmungsaktiv und angenehm weich auf der Haut.",
                  "Chaleur, respirabilité et douceur au contact de la peau.",
                  "Calidez, transpirabilidad y suavidad en contacto con la piel.",
                  "暖かく通気性もよく、肌ざわりもやわらか。",
                  "保暖透气，亲肤柔软。"),
                T("An easy finishing touch for any outfit.",
                  "Der einfache letzte Schliff für jedes Outfit.",
                  "La touche finale idéale pour toutes vos tenues.",
                  "El toque final perfecto para cualquier look.",
                  "どんなコーディネートにも合わせやすい仕上げのアイテム。",
                  "为任何造型增添点睛之笔。"),
            ), ("grey", "navy", "mustard", "red", "beige", "green", "pink", "black")),
            Leaf("wallets", T("Wallets", "Geldbörsen", "Portefeuilles", "Carteras", "財布", "钱包"), "#6e5444", (
                N("wallet", "wallet", "Wallet", "Geldbörse", "f", "Portefeuille", "m", "Cartera", "f", "財布", "钱包",
                  ("leather", "suede", "canvas", "cork"), (29, 119), 120),
                N("card-holder", "cardholder", "Card Holder", "Kartenetui", "n", "Porte-cartes", "m", "Tarjetero", "m", "カードケース", "卡包",
                  ("leather", "cork", "suede"), (19, 59), 50),
            ), (
                T("Slim enough for a front pocket, with room for up to eight cards.",
                  "Schlank genug für die Vordertasche, mit Platz für bis zu acht Karten.",
                  "Assez fin pour une poche avant, avec de la place pour huit cartes.",
                  "Lo bastante fino para el bolsillo delantero, con espacio para hasta ocho tarjetas.",
                  "前ポケットに収まる薄さで、カードは最大8枚収納できます。",
                  "轻薄可放入前袋，最多可容纳八张卡。"),
                T("An RFID-blocking lining protects your contactless cards.",
                  "Ein RFID-blockierendes Futter schützt kontaktlose Karten.",
                  "Une doublure anti-RFID protège vos cartes sans contact.",
                  "El forro con bloqueo RFID protege tus tarjetas sin contacto.",
                  "RFIDブロッキング仕様の裏地で、非接触カードを守ります。",
                  "防RFID内衬，保护你的非接触式卡片。"),
            ), ("black", "terracotta", "navy", "green", "beige")),
        ],
    ),
    Top(
        "outdoor", T("Outdoor", "Outdoor", "Plein air", "Aire libre", "アウトドア", "户外"),
        T("Gear for rain, trail and campsite.",
          "Ausrüstung für Regen, Trail und Zeltplatz.",
          "De l'équipement pour la pluie, les sentiers et le camping.",
          "Equipamiento para la lluvia, la montaña y el camping.",
          "雨の日もトレイルもキャンプも、頼れるギア。",
          "应对雨天、山径和营地的装备。"),
        "#4f7a6a", ("lightweight", "alpine", "urban", "classic", "essential"),
        [
            Leaf("jackets", T("Jackets", "Jacken", "Vestes", "Chaquetas", "ジャケット", "夹克"), "#4d6f8a", (
                N("rain-jacket", "jacket", "Rain Jacket", "Regenjacke", "f", "Veste imperméable", "f", "Chaqueta impermeable", "f",
                  "レインジャケット", "防水夹克", ("recycled-nylon", "waxed-cotton", "ripstop"), (89, 229), 420, CLOTHING_SIZES),
                N("down-jacket", "jacket", "Down Jacket", "Daunenjacke", "f", "Doudoune", "f", "Chaqueta de plumón", "f",
                  "ダウンジャケット", "羽绒服", ("recycled-nylon", "ripstop"), (129, 249), 650, CLOTHING_SIZES),
                N("softshell-jacket", "jacket", "Softshell Jacket", "Softshelljacke", "f", "Veste softshell", "f", "Chaqueta softshell", "f",
                  "ソフトシェルジャケット", "软壳夹克", ("recycled-nylon", "ripstop"), (79, 189), 520, CLOTHING_SIZES),
            ), (
                T("Taped seams and an adjustable hood keep wind and rain out.",
                  "Verschweißte Nähte und eine verstellbare Kapuze halten Wind und Regen ab.",
                  "Coutures étanchées et capuche réglable pour se protéger du vent et de la pluie.",
                  "Costuras termoselladas y capucha ajustable frente al viento y la lluvia.",
                  "シームテープ加工と調節可能なフードで、風雨をしっかりガード。",
                  "压胶接缝与可调节兜帽，有效阻挡风雨。"),
                T("Packs down small into its own pocket.",
                  "Lässt sich klein in die eigene Tasche verpacken.",
                  "Se range dans sa propre poche.",
                  "Se guarda en su propio bolsillo.",
                  "自身のポケットにコンパクトに収納できます。",
                  "可收纳进自带口袋，小巧便携。"),
            ), ("navy", "olive", "red", "black", "mustard", "blue")),
            Leaf("camping", T("Camping", "Camping", "Camping", "Camping", "キャンプ用品", "露营装备"), "#7a8a4f", (
                N("water-bottle", "bottle", "Water Bottle", "Trinkflasche", "f", "Gourde", "f", "Cantimplora", "f", "ウォーターボトル", "水壶",
                  ("stainless-steel", "aluminium", "glass"), (19, 45), 340),
                N("lantern", "lantern", "Lantern", "Laterne", "f", "Lanterne", "f", "Farol", "m", "ランタン", "营地灯",
                  ("aluminium", "brass", "stainless-steel"), (29, 89), 560),
                N("camping-mug", "mug", "Camping Mug", "Campingbecher", "m", "Tasse de camping", "f", "Taza de camping", "f",
                  "キャンプマグ", "露营杯", ("enamel", "stainless-steel"), (10, 25), 200),
            ), (
                T("Tough enough for the trail, good-looking enough for the kitchen table.",
                  "Robust genug für unterwegs, schön genug für den Küchentisch.",
                  "Assez robuste pour le sentier, assez beau pour la table de la cuisine.",
                  "Lo bastante resistente para la montaña y lo bastante bonito para la mesa de la cocina.",
                  "アウトドアで使えるタフさと、キッチンに置きたくなるデザイン。",
                  "坚固耐用适合户外，颜值也配得上厨房餐桌。"),
                T("Free of BPA and easy to clean.",
                  "BPA-frei und leicht zu reinigen.",
                  "Sans BPA et facile à nettoyer.",
                  "Sin BPA y fácil de limpiar.",
                  "BPAフリーでお手入れも簡単。",
                  "不含BPA，易于清洁。"),
            ), ("green", "olive", "white", "black", "red", "blue")),
            Leaf("hiking", T("Hiking", "Wandern", "Randonnée", "Senderismo", "ハイキング", "徒步"), "#8a6f4f", (
                N("daypack", "backpack", "Daypack", "Tagesrucksack", "m", "Sac à dos de randonnée", "m", "Mochila de senderismo", "f",
                  "デイパック", "徒步背包", ("recycled-nylon", "ripstop", "canvas"), (59, 179), 800),
                N("hiking-socks", "socks", "Hiking Socks", "Wandersocken", "pl", "Chaussettes de randonnée", "fp", "Calcetines de senderismo", "mp",
                  "トレッキングソックス", "徒步袜", ("merino", "wool"), (12, 29), 90, SOCK_SIZES),
                N("sun-hat", "hat", "Sun Hat", "Sonnenhut", "m", "Chapeau de soleil", "m", "Sombrero de sol", "m", "サンハット", "遮阳帽",
                  ("cotton", "linen", "recycled-nylon"), (24, 59), 120),
            ), (
                T("Made for long days on the trail, from the first climb to the last descent.",
                  "Gemacht für lange Tage auf dem Trail, vom ersten Anstieg bis zum letzten Abstieg.",
                  "Conçu pour les longues journées sur les sentiers, de la première montée à la dernière descente.",
                  "Pensado para largas jornadas en la montaña, de la primera subida al último descenso.",
                  "最初の登りから最後の下りまで、長い一日のトレイルに。",
                  "专为漫长的徒步日设计，从第一段上坡到最后的下坡。"),
                T("Quick-drying and light, so it never weighs you down.",
                  "Schnelltrocknend und leicht, damit nichts unnötig belastet.",
                  "Séchage rapide et légèreté pour ne jamais vous alourdir.",
                  "Secado rápido y ligereza para que nada te pese.",
                  "速乾性があって軽いので、負担になりません。",
                  "速干轻盈，不会给你增加负担。"),
            ), ("olive", "grey", "navy", "mustard", "beige", "red")),
        ],
    ),
]

CLOSERS = (
    T("Ships within two working days from our nearest warehouse.",
      "Versand innerhalb von zwei Werktagen aus unserem nächstgelegenen Lager.",
      "Expédié sous deux jours ouvrés depuis notre entrepôt le plus proche.",
      "Se envía en dos días laborables desde nuestro almacén más cercano.",
      "最寄りの倉庫から2営業日以内に発送します。",
      "从最近的仓库发货，两个工作日内发出。"),
    T("Free returns within 30 days.",
      "Kostenlose Rücksendung innerhalb von 30 Tagen.",
      "Retours gratuits sous 30 jours.",
      "Devoluciones gratuitas en un plazo de 30 días.",
      "30日以内の返品は無料です。",
      "30天内免费退货。"),
    T("Designed to be repaired, not replaced.",
      "Gemacht, um repariert statt ersetzt zu werden.",
      "Conçu pour être réparé, pas remplacé.",
      "Diseñado para repararse, no para reemplazarse.",
      "買い替えではなく、修理して長く使えるように作りました。",
      "为修复而设计，而非替换。"),
    T("Made in small batches by family-run workshops in Europe.",
      "In kleinen Serien von Familienbetrieben in Europa gefertigt.",
      "Fabriqué en petites séries par des ateliers familiaux en Europe.",
      "Fabricado en pequeñas series por talleres familiares en Europa.",
      "ヨーロッパの家族経営の工房で、少量ずつ生産しています。",
      "由欧洲家族作坊小批量制作。"),
    T("Packed plastic-free in recycled cardboard.",
      "Plastikfrei in recyceltem Karton verpackt.",
      "Emballé sans plastique dans du carton recyclé.",
      "Embalado sin plástico en cartón reciclado.",
      "プラスチックを使わず、再生段ボールで梱包しています。",
      "采用再生纸箱无塑包装。"),
    T("Covered by our two-year quality guarantee.",
      "Mit unserer zweijährigen Qualitätsgarantie.",
      "Couvert par notre garantie qualité de deux ans.",
      "Cubierto por nuestra garantía de calidad de dos años.",
      "2年間の品質保証付きです。",
      "享受两年质量保证。"),
)


# Product lines, used once a category has used up its adjective x material x noun combinations (big catalogues):
# en "Kiruna Classic Linen Shirt", de "Klassisches Leinenhemd Kiruna", ja "キルナ クラシックなリネンシャツ", zh "基律纳系列经典亚麻衬衫".
LINES = (
    ("Alba", "アルバ", "阿尔巴"), ("Birka", "ビルカ", "比尔卡"), ("Kiruna", "キルナ", "基律纳"), ("Sora", "ソラ", "索拉"),
    ("Lumo", "ルモ", "卢莫"), ("Fjell", "フィエル", "菲耶尔"), ("Hana", "ハナ", "哈娜"), ("Brisa", "ブリサ", "布里萨"),
    ("Mistral", "ミストラル", "米斯特拉尔"), ("Nami", "ナミ", "娜米"), ("Sierra", "シエラ", "塞拉"), ("Aurora", "オーロラ", "欧若拉"),
    ("Oda", "オダ", "奥达"), ("Vela", "ベラ", "维拉"), ("Terra", "テラ", "泰拉"), ("Luna", "ルナ", "露娜"),
    ("Nord", "ノルド", "诺德"), ("Isola", "イゾラ", "伊索拉"), ("Riva", "リヴァ", "里瓦"), ("Mira", "ミラ", "米拉"),
    ("Selva", "セルバ", "塞尔瓦"), ("Arbor", "アーバー", "阿伯"), ("Kaze", "カゼ", "卡泽"), ("Yama", "ヤマ", "亚马"),
)


# --- Assembling names and descriptions ------------------------------------------------------------


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _german(adj: Adjective, mat: Material, noun: Noun, latin: str = "") -> str:
    tail = ""
    pre = mat.de_compound
    if pre is None:
        core, tail = noun.de, f" aus {mat.de_aus}"
    elif pre.endswith("-") or noun.de_hyphen or "-" in noun.de or len(noun.de) >= 10:
        core = f"{pre.rstrip('-')}-{noun.de}"
    else:
        core = pre + noun.de[:1].lower() + noun.de[1:]
    if adj.de.endswith("-"):
        head = adj.de + core
    else:
        head = f"{adj.de}{DE_ENDINGS[noun.de_g]} {core}"
    if latin:
        head += f" {latin}"
    return head + tail


def product_name(adj: Adjective, mat: Material, noun: Noun, line: tuple | None = None) -> dict:
    """Names in every language; `line` (latin, katakana, chinese) adds a product-line name after the noun."""
    latin, line_ja, line_zh = line or ("", "", "")
    model = f" {latin}" if latin else ""
    ja_sep = " " if "\u30a1" <= adj.ja[-1] <= "\u30ff" else ""  # space only between two katakana words
    return {
        "en": f"{latin} {adj.en} {mat.en} {noun.en}".lstrip(),
        "de": _german(adj, mat, noun, latin),
        "fr": f"{noun.fr}{model} {adj.fr[FR_SLOT[noun.fr_g]]} {mat.fr}",
        "es": f"{noun.es}{model} {adj.es[FR_SLOT[noun.es_g]]} {mat.es}",
        "ja": (f"{line_ja} " if line_ja else "") + f"{adj.ja}{ja_sep}{mat.ja}{noun.ja}",
        "zh_hans": (f"{line_zh}系列" if line_zh else "") + f"{adj.zh}{mat.zh}{noun.zh}",
    }


def join_sentences(parts: list[dict]) -> dict:
    out = {}
    for lang in LANGS:
        sep = "" if lang in ("ja", "zh_hans") else " "
        out[lang] = sep.join(p[lang] for p in parts)
    return out


def image_alt(name: dict, colour: dict) -> dict:
    out = {}
    for lang in LANGS:
        out[lang] = f"{name[lang]}（{colour[lang]}）" if lang in ("ja", "zh_hans") else f"{name[lang]} – {colour[lang]}"
    return out


def attribute_value(attr_slug: str, value_slug: str) -> Value:
    return _VALUES[(attr_slug, value_slug)]


_VALUES = {(a.slug, v.slug): v for a in ATTRIBUTES for v in a.values}


def leaves():
    for top in TREE:
        for leaf in top.leaves:
            yield top, leaf
