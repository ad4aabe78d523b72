#!/usr/bin/env python
"""Fill Caravan's UI translations (de, fr, es, ja, zh_Hans).

Idempotent: re-runs `makemessages` (unless --no-makemessages), then fills only
msgstrs that are empty (or marked fuzzy by msgmerge) from the table below, fixes
the PO headers, drops `fuzzy` flags, and reports every msgid that has no
translation in the table. Existing (non-fuzzy) translations are never touched.
Finally runs `compilemessages` (unless --no-compile).

Usage (from anywhere):
    .venv/bin/python scripts/fill_translations.py [--no-makemessages] [--no-compile]

Requires polib in the venv (`.venv/bin/pip install polib`; not a project dependency).
Exit status 1 if any msgid is left untranslated.
"""
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv/bin/python")
LANGS = ["de", "fr", "es", "ja", "zh_Hans"]
HEADERS = {
    "de": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "ja": "nplurals=1; plural=0;",
    "zh_Hans": "nplurals=1; plural=0;",
}
TEAMS = {
    "de": "German", "fr": "French", "es": "Spanish", "ja": "Japanese", "zh_Hans": "Chinese (Simplified)",
}
NB = "\u00a0"  # French typography: no-break space before : ; ! ? and inside « »

# msgid -> (de, fr, es, ja, zh_Hans)
T = {
    # --- app labels -------------------------------------------------------------------------------
    "Customers": ("Kunden", "Clients", "Clientes", "顧客", "客户"),
    "Fulfillment": ("Auftragsabwicklung", "Logistique", "Logística", "フルフィルメント", "订单履约"),
    "Payments": ("Zahlungen", "Paiements", "Pagos", "決済", "支付"),
    "Shop": ("Shop", "Boutique", "Tienda", "ショップ", "商店"),
    # --- fulfillment models -----------------------------------------------------------------------
    "code": ("Code", "code", "código", "コード", "代码"),
    "name": ("Name", "nom", "nombre", "名称", "名称"),
    "country": ("Land", "pays", "país", "国", "国家"),
    "countries served": ("belieferte Länder", "pays desservis", "países atendidos", "配送対象国", "配送国家"),
    "priority": ("Priorität", "priorité", "prioridad", "優先度", "优先级"),
    "Lower numbers are preferred when several warehouses can ship.": (
        "Niedrigere Zahlen werden bevorzugt, wenn mehrere Lager liefern können.",
        "Les valeurs les plus basses sont privilégiées lorsque plusieurs entrepôts peuvent expédier.",
        "Se da preferencia a los números más bajos cuando varios almacenes pueden enviar.",
        "複数の倉庫から出荷できる場合は、数値の小さい倉庫が優先されます。",
        "当多个仓库均可发货时，优先使用数值较小的仓库。",
    ),
    "active": ("aktiv", "actif", "activo", "有効", "启用"),
    "warehouse": ("Lager", "entrepôt", "almacén", "倉庫", "仓库"),
    "warehouses": ("Lager", "entrepôts", "almacenes", "倉庫", "仓库"),
    "variant": ("Variante", "variante", "variante", "バリエーション", "规格"),
    "on hand": ("Bestand", "en stock", "existencias", "実在庫", "现有库存"),
    "allocated": ("reserviert", "réservé", "reservado", "引当済み", "已分配"),
    "stock": ("Lagerbestand", "stock", "inventario", "在庫", "库存"),
    # --- shop admin -------------------------------------------------------------------------------
    "products": ("Produkte", "produits", "productos", "商品", "商品"),
    "preview": ("Vorschau", "aperçu", "vista previa", "プレビュー", "预览"),
    "variants": ("Varianten", "variantes", "variantes", "バリエーション", "规格"),
    "fixed price for a currency": (
        "Festpreis für eine Währung",
        "prix fixe pour une devise",
        "precio fijo para una moneda",
        "通貨別の固定価格",
        "指定货币的固定价格",
    ),
    "fixed prices per currency (the price buyers see; overrides conversion)": (
        "Festpreise je Währung (der Preis, den Käufer sehen; ersetzt die Umrechnung)",
        f"prix fixes par devise (le prix affiché aux acheteurs{NB}; remplace la conversion)",
        "precios fijos por moneda (el precio que ven los compradores; sustituye a la conversión)",
        "通貨別の固定価格（購入者に表示される価格。換算価格より優先されます）",
        "各货币的固定价格（即买家看到的价格；优先于汇率换算）",
    ),
    # --- shop forms -------------------------------------------------------------------------------
    "Newest": ("Neueste zuerst", "Nouveautés", "Más recientes", "新着順", "最新上架"),
    "Price: low to high": (
        "Preis: aufsteigend", "Prix croissant", "Precio: de menor a mayor", "価格の安い順", "价格从低到高",
    ),
    "Price: high to low": (
        "Preis: absteigend", "Prix décroissant", "Precio: de mayor a menor", "価格の高い順", "价格从高到低",
    ),
    "Name": ("Name", "Nom", "Nombre", "名前順", "名称"),
    "Search": ("Suchen", "Rechercher", "Buscar", "検索", "搜索"),
    "Min. price": ("Mindestpreis", "Prix min.", "Precio mín.", "最低価格", "最低价格"),
    "Max. price": ("Höchstpreis", "Prix max.", "Precio máx.", "最高価格", "最高价格"),
    "In stock only": ("Nur verfügbare Artikel", "En stock uniquement", "Solo en stock", "在庫ありのみ", "仅显示有货"),
    "Sort by": ("Sortieren nach", "Trier par", "Ordenar por", "並び替え", "排序方式"),
    "Per page": ("Pro Seite", "Par page", "Por página", "表示件数", "每页显示"),
    "Enter a price as a positive number, e.g. 25 or 19.99.": (
        "Bitte geben Sie einen Preis als positive Zahl ein, z.\u00a0B. 25 oder 19,99.",
        "Saisissez un prix sous la forme d’un nombre positif, par exemple 25 ou 19,99.",
        "Introduce un precio como número positivo, p.\u00a0ej., 25 o 19,99.",
        "価格は正の数で入力してください（例：25、19.99）。",
        "请输入正数价格，例如 25 或 19.99。",
    ),
    "The maximum price must not be below the minimum price.": (
        "Der Höchstpreis darf nicht unter dem Mindestpreis liegen.",
        "Le prix maximum ne peut pas être inférieur au prix minimum.",
        "El precio máximo no puede ser inferior al precio mínimo.",
        "最高価格は最低価格以上の値を入力してください。",
        "最高价格不能低于最低价格。",
    ),
    # --- shop models: markets, rounding -----------------------------------------------------------
    "Round to the currency's smallest unit": (
        "Auf die kleinste Währungseinheit runden",
        "Arrondir à la plus petite unité de la devise",
        "Redondear a la unidad más pequeña de la moneda",
        "通貨の最小単位に丸める",
        "舍入到货币的最小单位",
    ),
    "Round to whole units": (
        "Auf ganze Einheiten runden",
        "Arrondir à l’unité",
        "Redondear a unidades enteras",
        "整数単位に丸める",
        "舍入到整数单位",
    ),
    "Round up to .99 endings": (
        "Auf ,99-Endungen aufrunden",
        "Arrondir au prix en ,99 supérieur",
        "Redondear al alza a precios terminados en ,99",
        "末尾 .99 に切り上げる",
        "向上取整至 .99 结尾",
    ),
    "Round to the nearest 0.05": (
        "Auf die nächsten 0,05 runden",
        "Arrondir aux 0,05 les plus proches",
        "Redondear a los 0,05 más próximos",
        "0.05 単位で丸める",
        "舍入到最接近的 0.05",
    ),
    "Round up to the next 10 (e.g. yen)": (
        "Auf den nächsten Zehner aufrunden (z.\u00a0B. Yen)",
        "Arrondir à la dizaine supérieure (par ex. yen)",
        "Redondear a la decena superior (p.\u00a0ej., yenes)",
        "10 単位で切り上げる（例：円）",
        "向上取整到 10 的倍数（如日元）",
    ),
    "Used in links: ?market=<code>.": (
        "Wird in Links verwendet: ?market=<code>.",
        f"Utilisé dans les liens{NB}: ?market=<code>.",
        "Se usa en los enlaces: ?market=<code>.",
        "リンクで使用します：?market=<code>",
        "用于链接：?market=<code>。",
    ),
    "currency": ("Währung", "devise", "moneda", "通貨", "货币"),
    "countries": ("Länder", "pays", "países", "国", "国家"),
    "default country": ("Standardland", "pays par défaut", "país predeterminado", "デフォルトの国", "默认国家"),
    "Used for tax display before an address is known.": (
        "Wird für die Steueranzeige verwendet, solange noch keine Adresse bekannt ist.",
        "Sert à l’affichage des taxes tant que l’adresse n’est pas connue.",
        "Se usa para mostrar los impuestos mientras no se conoce la dirección.",
        "住所が確定するまでの税表示に使用されます。",
        "在地址未知时用于显示税费。",
    ),
    "default language": ("Standardsprache", "langue par défaut", "idioma predeterminado", "デフォルト言語", "默认语言"),
    "prices include tax": (
        "Preise inkl. Steuern",
        "prix toutes taxes comprises",
        "precios con impuestos incluidos",
        "税込価格",
        "价格含税",
    ),
    "rounding rule": ("Rundungsregel", "règle d’arrondi", "regla de redondeo", "端数処理ルール", "舍入规则"),
    "default market": ("Standardmarkt", "marché par défaut", "mercado predeterminado", "デフォルトのマーケット", "默认市场"),
    "position": ("Position", "position", "posición", "表示順", "排序"),
    "market": ("Markt", "marché", "mercado", "マーケット", "市场"),
    "markets": ("Märkte", "marchés", "mercados", "マーケット", "市场"),
    "The default country must be one of the market's countries.": (
        "Das Standardland muss eines der Länder des Marktes sein.",
        "Le pays par défaut doit faire partie des pays du marché.",
        "El país predeterminado debe ser uno de los países del mercado.",
        "デフォルトの国は、このマーケットの対象国から選択してください。",
        "默认国家必须是该市场所含国家之一。",
    ),
    # --- shop models: tax -------------------------------------------------------------------------
    "Standard rate": ("Regelsteuersatz", "Taux normal", "Tipo general", "標準税率", "标准税率"),
    "Reduced rate": ("Ermäßigter Steuersatz", "Taux réduit", "Tipo reducido", "軽減税率", "低税率"),
    "Zero rate": ("Nullsteuersatz", "Taux zéro", "Tipo cero", "ゼロ税率", "零税率"),
    "tax class": ("Steuerklasse", "catégorie de taxe", "clase de impuesto", "税区分", "税率类别"),
    "rate (%)": ("Satz (%)", "taux (%)", "tipo (%)", "税率（%）", "税率（%）"),
    "e.g. VAT, MwSt, GST, Sales tax": (
        "z.\u00a0B. MwSt, VAT, GST, Sales Tax",
        "par ex. TVA, VAT, MwSt, GST, Sales tax",
        "p.\u00a0ej., IVA, VAT, MwSt, GST, Sales tax",
        "例：消費税、VAT、MwSt、GST、Sales tax",
        "例如：增值税、VAT、MwSt、GST、Sales tax",
    ),
    "tax rate": ("Steuersatz", "taux de taxe", "tipo impositivo", "税率", "税率"),
    "tax rates": ("Steuersätze", "taux de taxe", "tipos impositivos", "税率", "税率"),
    # --- shop models: catalogue -------------------------------------------------------------------
    "parent": ("übergeordnete Kategorie", "catégorie parente", "categoría principal", "親カテゴリ", "上级分类"),
    "slug": ("Slug", "slug", "slug", "スラッグ", "URL 别名"),
    "description": ("Beschreibung", "description", "descripción", "説明", "描述"),
    "featured on home page": (
        "auf der Startseite hervorheben",
        "mis en avant sur la page d’accueil",
        "destacado en la página de inicio",
        "トップページに掲載",
        "在首页推荐",
    ),
    "colour": ("Farbe", "couleur", "color", "カラー", "颜色"),
    "category": ("Kategorie", "catégorie", "categoría", "カテゴリ", "分类"),
    "categories": ("Kategorien", "catégories", "categorías", "カテゴリ", "分类"),
    "A category cannot be its own parent.": (
        "Eine Kategorie kann nicht sich selbst übergeordnet sein.",
        "Une catégorie ne peut pas être sa propre catégorie parente.",
        "Una categoría no puede ser su propia categoría principal.",
        "カテゴリを自身の親カテゴリに設定することはできません。",
        "分类不能将自身设为上级分类。",
    ),
    "Categories are two levels deep: choose a top-level parent.": (
        "Kategorien haben höchstens zwei Ebenen: Wählen Sie eine Hauptkategorie als übergeordnete Kategorie.",
        f"Les catégories comportent au plus deux niveaux{NB}: choisissez une catégorie parente de premier niveau.",
        "Las categorías tienen como máximo dos niveles: elige una categoría principal de primer nivel.",
        "カテゴリは2階層までです。親には最上位のカテゴリを選択してください。",
        "分类最多两级：请选择一个顶级分类作为上级分类。",
    ),
    "This category has subcategories, so it must stay top-level.": (
        "Diese Kategorie hat Unterkategorien und muss daher eine Hauptkategorie bleiben.",
        "Cette catégorie contient des sous-catégories, elle doit donc rester au premier niveau.",
        "Esta categoría tiene subcategorías, por lo que debe seguir en el primer nivel.",
        "このカテゴリにはサブカテゴリがあるため、最上位のままにしておく必要があります。",
        "该分类包含子分类，因此必须保持为顶级分类。",
    ),
    "attribute": ("Merkmal", "attribut", "atributo", "属性", "属性"),
    "attributes": ("Merkmale", "attributs", "atributos", "属性", "属性"),
    "swatch colour": ("Farbfeld", "couleur de la pastille", "color de muestra", "スウォッチの色", "色块颜色"),
    "attribute value": ("Merkmalswert", "valeur d’attribut", "valor de atributo", "属性値", "属性值"),
    "attribute values": ("Merkmalswerte", "valeurs d’attribut", "valores de atributo", "属性値", "属性值"),
    "published": ("veröffentlicht", "publié", "publicado", "公開", "已发布"),
    "featured": ("hervorgehoben", "mis en avant", "destacado", "おすすめ", "推荐"),
    "created": ("erstellt am", "créé le", "creado", "作成日時", "创建时间"),
    "updated": ("aktualisiert am", "mis à jour le", "actualizado", "更新日時", "更新时间"),
    "product": ("Produkt", "produit", "producto", "商品", "商品"),
    "image": ("Bild", "image", "imagen", "画像", "图片"),
    "alternative text": ("Alternativtext", "texte alternatif", "texto alternativo", "代替テキスト", "替代文本"),
    "product image": ("Produktbild", "image du produit", "imagen del producto", "商品画像", "商品图片"),
    "product images": ("Produktbilder", "images du produit", "imágenes del producto", "商品画像", "商品图片"),
    "SKU": ("Artikelnummer", "Référence", "Referencia", "商品番号", "货号"),
    "base price (net)": (
        "Basispreis (netto)", "prix de base (HT)", "precio base (sin impuestos)", "基本価格（税抜）", "基础价格（不含税）",
    ),
    "Net of tax. Other currencies are converted from it unless a fixed price is set.": (
        "Ohne Steuern. Andere Währungen werden daraus umgerechnet, sofern kein Festpreis hinterlegt ist.",
        "Hors taxes. Les autres devises sont converties à partir de ce prix, sauf si un prix fixe est défini.",
        "Sin impuestos. Las demás monedas se convierten a partir de este precio, salvo que se defina un precio fijo.",
        "税抜価格です。固定価格が設定されていない場合、他の通貨の価格はこの価格から換算されます。",
        "不含税。除非设置了固定价格，否则其他货币的价格将据此换算。",
    ),
    "weight (g)": ("Gewicht (g)", "poids (g)", "peso (g)", "重量（g）", "重量（克）"),
    "price": ("Preis", "prix", "precio", "価格", "价格"),
    "fixed price": ("Festpreis", "prix fixe", "precio fijo", "固定価格", "固定价格"),
    "fixed prices": ("Festpreise", "prix fixes", "precios fijos", "固定価格", "固定价格"),
    # --- error pages ------------------------------------------------------------------------------
    "Bad request": ("Ungültige Anfrage", "Requête incorrecte", "Solicitud incorrecta", "不正なリクエスト", "请求无效"),
    "The link or form had values we could not understand.": (
        "Der Link oder das Formular enthielt Werte, die wir nicht verarbeiten konnten.",
        "Le lien ou le formulaire contenait des valeurs que nous n’avons pas pu interpréter.",
        "El enlace o el formulario contenía valores que no hemos podido interpretar.",
        "リンクまたはフォームに、処理できない値が含まれていました。",
        "链接或表单中包含无法识别的值。",
    ),
    "Go to the shop": ("Zum Shop", "Aller à la boutique", "Ir a la tienda", "ショップへ移動", "前往商店"),
    "Page not found": ("Seite nicht gefunden", "Page introuvable", "Página no encontrada", "ページが見つかりません", "页面未找到"),
    "We could not find that page. It may have moved, or the link is wrong.": (
        "Wir konnten diese Seite nicht finden. Möglicherweise wurde sie verschoben oder der Link ist fehlerhaft.",
        "Nous n’avons pas trouvé cette page. Elle a peut-être été déplacée, ou le lien est erroné.",
        "No hemos encontrado esta página. Puede que se haya movido o que el enlace sea incorrecto.",
        "お探しのページが見つかりませんでした。移動したか、リンクが間違っている可能性があります。",
        "找不到该页面。页面可能已被移动，或链接有误。",
    ),
    # --- base layout ------------------------------------------------------------------------------
    "Shop across borders in your language and currency.": (
        "Grenzenlos einkaufen – in Ihrer Sprache und Währung.",
        "Achetez au-delà des frontières, dans votre langue et votre devise.",
        "Compra sin fronteras en tu idioma y tu moneda.",
        "国境を越えて、あなたの言語と通貨でお買い物。",
        "跨境购物，使用您的语言和货币。",
    ),
    "Skip to content": ("Zum Inhalt springen", "Aller au contenu", "Saltar al contenido", "本文へスキップ", "跳到主要内容"),
    "%(shop_name)s home": (
        "%(shop_name)s – Startseite",
        "Accueil %(shop_name)s",
        "Inicio de %(shop_name)s",
        "%(shop_name)s ホーム",
        "%(shop_name)s 首页",
    ),
    "Search products": ("Produkte suchen", "Rechercher des produits", "Buscar productos", "商品を検索", "搜索商品"),
    "Language": ("Sprache", "Langue", "Idioma", "言語", "语言"),
    "Market and currency": ("Region und Währung", "Région et devise", "Región y moneda", "地域と通貨", "地区和货币"),
    "Categories": ("Kategorien", "Catégories", "Categorías", "カテゴリ", "商品分类"),
    "You are shopping in the %(market)s market. Prices in %(currency)s.": (
        "Sie kaufen im Shop für %(market)s ein. Preise in %(currency)s.",
        "Vous achetez sur la boutique %(market)s. Prix en %(currency)s.",
        "Estás comprando en la tienda de %(market)s. Precios en %(currency)s.",
        "%(market)s向けショップでお買い物中です。価格は%(currency)sで表示しています。",
        "您正在%(market)s站点购物，价格以%(currency)s显示。",
    ),
    "Prices include VAT.": (
        "Alle Preise inkl. MwSt.",
        "Prix TTC.",
        "Los precios incluyen el IVA.",
        "表示価格はすべて税込みです。",
        "价格已含增值税。",
    ),
    "Prices exclude sales tax, which is added at checkout.": (
        "Preise zzgl. Umsatzsteuer, die an der Kasse hinzugerechnet wird.",
        "Prix hors taxes de vente, ajoutées lors du paiement.",
        "Los precios no incluyen el impuesto sobre las ventas, que se añade al finalizar la compra.",
        "表示価格は税抜きです。売上税はご購入手続き時に加算されます。",
        "价格不含销售税，销售税将在结账时加收。",
    ),
    # --- listing / cards / pagination -------------------------------------------------------------
    "from": ("ab", "à partir de", "desde", "最安値", "低至"),
    "Out of stock": ("Nicht auf Lager", "Rupture de stock", "Agotado", "在庫切れ", "缺货"),
    "Pages": ("Seiten", "Pages", "Páginas", "ページ送り", "分页"),
    "Previous": ("Zurück", "Précédent", "Anterior", "前へ", "上一页"),
    "Page %(number)s of %(total)s": (
        "Seite %(number)s von %(total)s",
        "Page %(number)s sur %(total)s",
        "Página %(number)s de %(total)s",
        "%(number)s / %(total)s ページ",
        "第 %(number)s 页，共 %(total)s 页",
    ),
    "Next": ("Weiter", "Suivant", "Siguiente", "次へ", "下一页"),
    "Breadcrumb": ("Brotkrümelnavigation", "Fil d’Ariane", "Ruta de navegación", "パンくずリスト", "面包屑导航"),
    "Home": ("Startseite", "Accueil", "Inicio", "ホーム", "首页"),
    "Filter": ("Filtern", "Filtrer", "Filtrar", "絞り込み", "筛选"),
    "Price (%(currency)s)": (
        "Preis (%(currency)s)", "Prix (%(currency)s)", "Precio (%(currency)s)", "価格（%(currency)s）", "价格（%(currency)s）",
    ),
    "From": ("Von", "De", "Desde", "下限", "最低"),
    "To": ("Bis", "À", "Hasta", "上限", "最高"),
    "Apply filters": ("Filter anwenden", "Appliquer les filtres", "Aplicar filtros", "この条件で絞り込む", "应用筛选"),
    "Clear filters": ("Filter zurücksetzen", "Effacer les filtres", "Borrar filtros", "条件をクリア", "清除筛选"),
    "Apply": ("Anwenden", "Appliquer", "Aplicar", "適用", "应用"),
    "No products match these filters.": (
        "Keine Produkte entsprechen diesen Filtern.",
        "Aucun produit ne correspond à ces filtres.",
        "Ningún producto coincide con estos filtros.",
        "条件に一致する商品はありません。",
        "没有符合筛选条件的商品。",
    ),
    # --- home -------------------------------------------------------------------------------------
    "Good things, shipped from near you": (
        "Gute Dinge, versandt aus Ihrer Nähe",
        "De belles choses, expédiées près de chez vous",
        "Cosas buenas, enviadas desde cerca de ti",
        "いいモノを、お近くの倉庫からお届け",
        "好物精选，就近发货",
    ),
    "Browse in your language, pay in %(currency)s, delivered from our nearest warehouse.": (
        "Stöbern Sie in Ihrer Sprache, bezahlen Sie in %(currency)s – geliefert aus unserem nächstgelegenen Lager.",
        "Naviguez dans votre langue, payez en %(currency)s et faites-vous livrer depuis notre entrepôt le plus proche.",
        "Navega en tu idioma, paga en %(currency)s y recibe tu pedido desde nuestro almacén más cercano.",
        "お使いの言語で商品を探し、%(currency)sでお支払い。最寄りの倉庫からお届けします。",
        "用您的语言浏览，以%(currency)s付款，由离您最近的仓库发货。",
    ),
    "Shop by category": (
        "Nach Kategorie einkaufen", "Acheter par catégorie", "Comprar por categoría", "カテゴリから探す", "按分类选购",
    ),
    "Featured products": ("Empfohlene Produkte", "Produits phares", "Productos destacados", "おすすめ商品", "精选商品"),
    "No featured products yet.": (
        "Noch keine empfohlenen Produkte.",
        "Aucun produit mis en avant pour le moment.",
        "Aún no hay productos destacados.",
        "おすすめ商品はまだありません。",
        "暂无精选商品。",
    ),
    # --- product page -----------------------------------------------------------------------------
    "incl. %(rate)s%% VAT": (
        "inkl. %(rate)s%% MwSt.",
        f"TVA de %(rate)s{NB}%% incluse",
        "IVA del %(rate)s%% incluido",
        "税込（税率%(rate)s%%）",
        "含 %(rate)s%% 增值税",
    ),
    "plus applicable sales tax": (
        "zzgl. anfallender Umsatzsteuer",
        "taxes de vente applicables en sus",
        "más el impuesto sobre las ventas aplicable",
        "税抜（売上税が別途かかります）",
        "另加适用的销售税",
    ),
    "The shop is being set up: no market is active yet. Please come back soon.": (
        "Der Shop wird gerade eingerichtet: Es ist noch kein Markt aktiv. Bitte schauen Sie bald wieder vorbei.",
        "La boutique est en cours de configuration : aucun marché n'est encore actif. Revenez bientôt.",
        "La tienda se está configurando: todavía no hay ningún mercado activo. Vuelve pronto.",
        "ショップは準備中です。有効な販売地域がまだありません。しばらくしてからお越しください。",
        "商店正在设置中：尚无可用的销售地区。请稍后再来。",
    ),
    'reference': (
        'Referenz',
        'référence',
        'referencia',
        '参照',
        '引用',
    ),
    'quantity': (
        'Menge',
        'quantité',
        'cantidad',
        '数量',
        '数量',
    ),
    'expires at': (
        'läuft ab um',
        'expire le',
        'caduca el',
        '有効期限',
        '过期时间',
    ),
    'reservation': (
        'Reservierung',
        'réservation',
        'reserva',
        '引当予約',
        '预留',
    ),
    'reservations': (
        'Reservierungen',
        'réservations',
        'reservas',
        '引当予約',
        '预留',
    ),
    'allocation': (
        'Zuteilung',
        'affectation',
        'asignación',
        '引当',
        '分配',
    ),
    'allocations': (
        'Zuteilungen',
        'affectations',
        'asignaciones',
        '引当',
        '分配',
    ),
    'lines': (
        'Positionen',
        'lignes',
        'líneas',
        '明細',
        '明细',
    ),
    'token': (
        'Token',
        'jeton',
        'token',
        'トークン',
        '令牌',
    ),
    'user': (
        'Benutzer',
        'utilisateur',
        'usuario',
        'ユーザー',
        '用户',
    ),
    'cart': (
        'Warenkorb',
        'panier',
        'carrito',
        'カート',
        '购物车',
    ),
    'carts': (
        'Warenkörbe',
        'paniers',
        'carritos',
        'カート',
        '购物车',
    ),
    'cart line': (
        'Warenkorbposition',
        'ligne de panier',
        'línea del carrito',
        'カート明細',
        '购物车明细',
    ),
    'cart lines': (
        'Warenkorbpositionen',
        'lignes de panier',
        'líneas del carrito',
        'カート明細',
        '购物车明细',
    ),
    'Enter a whole number of items.': (
        'Bitte geben Sie eine ganze Stückzahl ein.',
        "Saisissez un nombre entier d'articles.",
        'Introduce un número entero de artículos.',
        '個数を整数で入力してください。',
        '请输入整数数量。',
    ),
    'You can order between 1 and %(max)s of an item.': (
        'Sie können von einem Artikel 1 bis %(max)s Stück bestellen.',
        "Vous pouvez commander de 1 à %(max)s exemplaires d'un article.",
        'Puedes pedir entre 1 y %(max)s unidades de un artículo.',
        '1つの商品につき1～%(max)s個まで注文できます。',
        '每件商品可订购 1 至 %(max)s 件。',
    ),
    'This item is not available.': (
        'Dieser Artikel ist nicht verfügbar.',
        "Cet article n'est pas disponible.",
        'Este artículo no está disponible.',
        'この商品はご利用いただけません。',
        '该商品不可购买。',
    ),
    'This item is out of stock for %(market)s.': (
        'Dieser Artikel ist für %(market)s nicht auf Lager.',
        'Cet article est en rupture de stock pour %(market)s.',
        'Este artículo está agotado para %(market)s.',
        'この商品は%(market)s向けの在庫がありません。',
        '该商品在%(market)s缺货。',
    ),
    'Added to your cart.': (
        'In den Warenkorb gelegt.',
        'Ajouté à votre panier.',
        'Añadido a tu carrito.',
        'カートに追加しました。',
        '已加入购物车。',
    ),
    'Only %(count)s available: your cart holds all of them.': (
        'Nur %(count)s verfügbar: Ihr Warenkorb enthält alle.',
        'Seulement %(count)s disponibles : votre panier les contient tous.',
        'Solo hay %(count)s disponibles: tu carrito los tiene todos.',
        '在庫は%(count)s点のみです。すべてカートに入っています。',
        '仅有 %(count)s 件可售：已全部加入购物车。',
    ),
    'Cart': (
        'Warenkorb',
        'Panier',
        'Carrito',
        'カート',
        '购物车',
    ),
    'View cart': (
        'Warenkorb ansehen',
        'Voir le panier',
        'Ver carrito',
        'カートを見る',
        '查看购物车',
    ),
    'Item': (
        'Artikel',
        'Article',
        'Artículo',
        '商品',
        '商品',
    ),
    'Price': (
        'Preis',
        'Prix',
        'Precio',
        '価格',
        '价格',
    ),
    'Quantity': (
        'Menge',
        'Quantité',
        'Cantidad',
        '数量',
        '数量',
    ),
    'Total': (
        'Summe',
        'Total',
        'Total',
        '合計',
        '合计',
    ),
    'Update': (
        'Aktualisieren',
        'Mettre à jour',
        'Actualizar',
        '更新',
        '更新',
    ),
    'Remove': (
        'Entfernen',
        'Supprimer',
        'Eliminar',
        '削除',
        '删除',
    ),
    'Subtotal': (
        'Zwischensumme',
        'Sous-total',
        'Subtotal',
        '小計',
        '小计',
    ),
    'Shipping is calculated at checkout.': (
        'Der Versand wird an der Kasse berechnet.',
        'Les frais de livraison sont calculés lors du paiement.',
        'El envío se calcula al finalizar la compra.',
        '送料はご購入手続きの際に計算されます。',
        '运费将在结账时计算。',
    ),
    'Your cart is empty.': (
        'Ihr Warenkorb ist leer.',
        'Votre panier est vide.',
        'Tu carrito está vacío.',
        'カートは空です。',
        '您的购物车是空的。',
    ),
    'Your cart': (
        'Ihr Warenkorb',
        'Votre panier',
        'Tu carrito',
        'ショッピングカート',
        '您的购物车',
    ),
    'Add to cart': (
        'In den Warenkorb',
        'Ajouter au panier',
        'Añadir al carrito',
        'カートに入れる',
        '加入购物车',
    ),
    "More than 1,000 products": (
        "Mehr als 1.000 Produkte",
        "Plus de 1 000 produits",
        "Más de 1.000 productos",
        "1,000件以上の商品",
        "超过 1,000 件商品",
    ),
    "In stock for %(market_name)s": (
        "Für %(market_name)s auf Lager",
        "En stock pour %(market_name)s",
        "En stock para %(market_name)s",
        "%(market_name)s向けの在庫あり",
        "%(market_name)s地区有货",
    ),
    "Out of stock for %(market_name)s": (
        "Für %(market_name)s nicht auf Lager",
        "En rupture de stock pour %(market_name)s",
        "Agotado para %(market_name)s",
        "%(market_name)s向けは在庫切れです",
        "%(market_name)s地区缺货",
    ),
    "Choose a variant": (
        "Variante wählen", "Choisissez une variante", "Elige una variante", "バリエーションを選択", "选择规格",
    ),
    "in stock": ("auf Lager", "en stock", "en stock", "在庫あり", "有货"),
    "sold out": ("ausverkauft", "épuisé", "agotado", "売り切れ", "已售罄"),
    "Show this variant": (
        "Diese Variante anzeigen", "Afficher cette variante", "Ver esta variante", "このバリエーションを表示", "查看此规格",
    ),
    "This product is not available at the moment.": (
        "Dieses Produkt ist derzeit nicht erhältlich.",
        "Ce produit n’est pas disponible pour le moment.",
        "Este producto no está disponible en este momento.",
        "この商品は現在お取り扱いしておりません。",
        "该商品暂时无法购买。",
    ),
    "You may also like": (
        "Das könnte Ihnen auch gefallen", "Vous aimerez aussi", "También te puede gustar", "こちらもおすすめ", "猜你喜欢",
    ),
    # --- search -----------------------------------------------------------------------------------
    "Search: %(q)s": (
        "Suche: %(q)s", f"Recherche{NB}: %(q)s", "Búsqueda: %(q)s", "検索：%(q)s", "搜索：%(q)s",
    ),
    "Results for “%(q)s”": (
        "Ergebnisse für „%(q)s“",
        f"Résultats pour «{NB}%(q)s{NB}»",
        "Resultados para «%(q)s»",
        "「%(q)s」の検索結果",
        "“%(q)s”的搜索结果",
    ),
    "Nothing found. Try another word.": (
        "Nichts gefunden. Versuchen Sie es mit einem anderen Suchbegriff.",
        "Aucun résultat. Essayez avec un autre mot.",
        "No hemos encontrado nada. Prueba con otra palabra.",
        "該当する商品が見つかりませんでした。別のキーワードでお試しください。",
        "未找到相关商品，请尝试其他关键词。",
    ),
    "Type a word in the search box above.": (
        "Geben Sie oben im Suchfeld einen Suchbegriff ein.",
        "Saisissez un mot dans le champ de recherche ci-dessus.",
        "Escribe una palabra en el cuadro de búsqueda de arriba.",
        "上の検索ボックスにキーワードを入力してください。",
        "请在上方搜索框中输入关键词。",
    ),
}

# (msgid, msgid_plural) -> per language: (singular, plural) for de/fr/es, single string for ja/zh_Hans
P = {
    ("%(counter)s product", "%(counter)s products"): (
        ("%(counter)s Produkt", "%(counter)s Produkte"),
        ("%(counter)s produit", "%(counter)s produits"),
        ("%(counter)s producto", "%(counter)s productos"),
        "%(counter)s件の商品",
        "%(counter)s 件商品",
    ),
    (
        "Only %(counter)s left in stock for %(market_name)s",
        "Only %(counter)s left in stock for %(market_name)s",
    ): (
        ("Nur noch %(counter)s für %(market_name)s auf Lager", "Nur noch %(counter)s für %(market_name)s auf Lager"),
        ("Plus que %(counter)s en stock pour %(market_name)s", "Plus que %(counter)s en stock pour %(market_name)s"),
        ("Solo queda %(counter)s en stock para %(market_name)s", "Solo quedan %(counter)s en stock para %(market_name)s"),
        "%(market_name)s向けの在庫は残り%(counter)s点です",
        "%(market_name)s地区仅剩 %(counter)s 件",
    ),
}


def run(*args):
    print("+", " ".join(args), flush=True)
    subprocess.run(args, cwd=ROOT, check=True)


def fix_header(po, lang):
    po.metadata.update({
        "Project-Id-Version": "Caravan",
        "Language": lang,
        "Language-Team": TEAMS[lang],
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": HEADERS[lang],
    })
    po.metadata_is_fuzzy = False
    po.header = f"Caravan UI translations: {TEAMS[lang]}."
    if po.metadata.get("Last-Translator", "").startswith("FULL NAME"):
        po.metadata["Last-Translator"] = "Caravan team"


def touch_revision(po):
    po.metadata["PO-Revision-Date"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


def fill(lang):
    idx = LANGS.index(lang)
    nplurals = int(HEADERS[lang].split("nplurals=")[1].split(";")[0])
    path = ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path), wrapwidth=79)
    fix_header(po, lang)
    filled, missing, total = 0, [], 0
    for e in po:
        if e.obsolete:
            continue
        total += 1
        fuzzy = "fuzzy" in e.flags
        if fuzzy:
            e.flags.remove("fuzzy")
            e.previous_msgid = e.previous_msgid_plural = e.previous_msgctxt = None
        if e.msgid_plural:
            current = [e.msgstr_plural.get(i, "") for i in range(nplurals)]
            if not fuzzy and all(current):
                # normalise the number of forms to the header
                e.msgstr_plural = {i: current[i] for i in range(nplurals)}
                continue
            tr = P.get((e.msgid, e.msgid_plural))
            if tr is None:
                e.msgstr_plural = {i: "" for i in range(nplurals)}
                missing.append(e.msgid)
                continue
            forms = tr[idx]
            forms = (forms,) if isinstance(forms, str) else tuple(forms)
            assert len(forms) == nplurals, (lang, e.msgid)
            e.msgstr_plural = {i: f for i, f in enumerate(forms)}
            filled += 1
        else:
            if e.msgstr and not fuzzy:
                continue
            tr = T.get(e.msgid)
            if tr is None:
                e.msgstr = ""
                missing.append(e.msgid)
                continue
            e.msgstr = tr[idx]
            filled += 1
    if filled or po.metadata.get("PO-Revision-Date", "").startswith("YEAR"):
        touch_revision(po)
    po.save(str(path))
    return total, filled, missing


def main():
    if "--no-makemessages" not in sys.argv:
        (ROOT / "locale").mkdir(exist_ok=True)
        run(PY, "manage.py", "makemessages", *[a for lg in LANGS for a in ("-l", lg)],
            "--ignore=.venv", "--ignore=tests", "--ignore=bench", "--ignore=staticfiles", "--no-obsolete")
    all_missing = {}
    for lang in LANGS:
        total, filled, missing = fill(lang)
        print(f"{lang:8} {total:4} messages, {filled:4} newly filled, {len(missing)} missing")
        if missing:
            all_missing[lang] = missing
    if all_missing:
        print("\nNo translation in the table for:")
        for msgid in dict.fromkeys(m for ms in all_missing.values() for m in ms):
            langs = ", ".join(lg for lg, ms in all_missing.items() if msgid in ms)
            print(f"  {msgid!r}  [{langs}]")
    if "--no-compile" not in sys.argv:
        run(PY, "manage.py", "compilemessages", "--ignore=.venv")
    return 1 if all_missing else 0


if __name__ == "__main__":
    sys.exit(main())
