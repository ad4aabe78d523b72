"""More strings of warehouse operations (issue 11): texts with apostrophes or quotes."""

T = {
    "Empty: the great-circle distance from the warehouse to the country's centre.": (
        "Leer: die Luftlinie vom Lager zur Landesmitte.",
        "Vide\u00a0: la distance orthodromique de l’entrepôt au centre du pays.",
        "Vacío: la distancia ortodrómica del almacén al centro del país.",
        "空欄の場合：倉庫から国の中心までの大圏距離。",
        "留空：从仓库到该国中心的大圆距离。",
    ),
    "The allocations it ships (the order's).": (
        "Die Reservierungen, die sie versendet (die der Bestellung).",
        "Les allocations qu’il expédie (celles de la commande).",
        "Las asignaciones que envía (las del pedido).",
        "この出荷で発送する引当（注文の引当）。",
        "此货件发运的分配（订单的分配）。",
    ),
    "buyer's e-mail": ("E-Mail des Käufers", "e-mail de l’acheteur", "correo del comprador", "購入者のメールアドレス", "买家邮箱"),
    "buyer's language": ("Sprache des Käufers", "langue de l’acheteur", "idioma del comprador", "購入者の言語", "买家语言"),
    "carrier's event id": ("Ereignis-ID des Versanddienstleisters", "identifiant d’événement du transporteur",
                           "id. de evento del transportista", "配送業者のイベントID", "承运商事件编号"),
    "Enter the carrier's tracking number: 4 to 40 letters, digits or dashes.": (
        "Geben Sie die Sendungsnummer des Versanddienstleisters ein: 4 bis 40 Buchstaben, Ziffern oder Bindestriche.",
        "Saisissez le numéro de suivi du transporteur\u00a0: 4 à 40 lettres, chiffres ou tirets.",
        "Introduzca el número de seguimiento del transportista: de 4 a 40 letras, cifras o guiones.",
        "配送業者の追跡番号を入力してください（英数字またはハイフンで4～40文字）。",
        "请输入承运商的运单号：4 到 40 个字母、数字或连字符。",
    ),
    "Give the parcel's dimensions or choose a packaging.": (
        "Geben Sie die Maße des Pakets an oder wählen Sie eine Verpackung.",
        "Indiquez les dimensions du colis ou choisissez un emballage.",
        "Indique las dimensiones del paquete o elija un embalaje.",
        "荷物の寸法を入力するか、梱包材を選んでください。",
        "请填写包裹尺寸或选择包装。",
    ),
    "Customs tariff number, 6 to 10 digits (e.g. 6109100010). Needed to ship outside the warehouse's customs territory.": (
        "Zolltarifnummer, 6 bis 10 Ziffern (z. B. 6109100010). Nötig für Sendungen außerhalb des Zollgebiets des Lagers.",
        "Numéro du tarif douanier, 6 à 10 chiffres (p. ex. 6109100010). Nécessaire pour expédier hors du territoire douanier de l’entrepôt.",
        "Código arancelario, de 6 a 10 cifras (p. ej. 6109100010). Necesario para enviar fuera del territorio aduanero del almacén.",
        "関税番号（6～10桁、例：6109100010）。倉庫の関税地域の外へ発送するときに必要です。",
        "海关税则号，6 到 10 位数字（例如 6109100010）。发往仓库关税区以外时必填。",
    ),
    "Enter the carrier's tracking number and dispatch: the labels (with its barcode) are then under “Dispatched today”.": (
        "Sendungsnummer des Versanddienstleisters eingeben und versenden: Die Etiketten (mit ihrem Barcode) stehen dann unter „Heute versendet“.",
        "Saisissez le numéro de suivi du transporteur et expédiez\u00a0: les étiquettes (avec son code-barres) sont alors sous «\u00a0Expédiés aujourd’hui\u00a0».",
        "Introduzca el número de seguimiento del transportista y envíe: las etiquetas (con su código de barras) aparecen en «Despachados hoy».",
        "配送業者の追跡番号を入力して出荷すると、（そのバーコード付きの）ラベルが「本日出荷済み」に表示されます。",
        "输入承运商的运单号并发货：标签（含其条形码）随后显示在“今日已发出”中。",
    ),
    "Estimated CO2e of the consignments of orders placed in %(month)s: weight × distance × the transport mode's emission factor, as fixed when each order was placed.": (
        "Geschätztes CO2e der Sendungen aus Bestellungen im %(month)s: Gewicht × Entfernung × Emissionsfaktor des Verkehrsträgers, festgehalten bei der Bestellung.",
        "CO2e estimé des envois des commandes passées en %(month)s\u00a0: poids × distance × facteur d’émission du mode de transport, fixé à la commande.",
        "CO2e estimado de los envíos de los pedidos realizados en %(month)s: peso × distancia × factor de emisión del modo de transporte, fijado al hacer el pedido.",
        "%(month)sの注文の出荷による推定CO2e：重量 × 距離 × 輸送手段の排出係数（注文時に確定）。",
        "%(month)s所下订单货件的估算 CO2e：重量 × 距离 × 运输方式的排放系数（下单时确定）。",
    ),
}
