"""Staff strings of returns, credit notes, the returns desk and report (issue 12)."""

NB = "\u00a0"  # French: no-break space before : ; ! ? and inside « »

# Terms as in refunds.py / returns_buyer.py / ledger.py: credit note = Gutschrift / avoir / factura rectificativa / 返金明細書 / 红字发票;
# return = Rücksendung / retour / devolución / 返品 / 退货; write-off = abschreiben / mise au rebut / baja / 廃棄 / 报废.

# msgid -> (de, fr, es, ja, zh_Hans)
T = {
    # --- Warehouse fields (fulfillment/models/stock.py)
    "takes returns": ("nimmt Rücksendungen an", "accepte les retours", "acepta devoluciones", "返品を受け付ける", "接收退货"),
    "Buyers in the countries below send returns here.": (
        "Käufer in den unten genannten Ländern senden ihre Rücksendungen hierher.",
        "Les acheteurs des pays ci-dessous envoient leurs retours ici.",
        "Los compradores de los países de abajo envían aquí sus devoluciones.",
        "下記の国の購入者はここへ返品を送ります。",
        "以下国家的买家将退货寄到这里。",
    ),
    "takes returns from": ("nimmt Rücksendungen an aus", "accepte les retours de", "acepta devoluciones de", "返品受付元の国", "接收退货的来源国家"),
    # --- Return policy (shop/models/returns.py)
    "return window (days after delivery)": (
        "Rückgabefrist (Tage nach Lieferung)", "délai de retour (jours après la livraison)", "plazo de devolución (días tras la entrega)",
        "返品期間（配達後の日数）", "退货期限（收货后天数）",
    ),
    "buyer pays return shipping": (
        "Käufer trägt die Rückversandkosten", "retour à la charge de l’acheteur", "el comprador paga el envío de devolución",
        "返送料は購入者負担", "买家承担退货运费",
    ),
    "The return shipping fee is deducted from the refund (never for damaged or wrong items).": (
        "Die Rückversandgebühr wird von der Erstattung abgezogen (nie bei beschädigten oder falschen Artikeln).",
        "Les frais de retour sont déduits du remboursement (jamais pour les articles endommagés ou erronés).",
        "La tarifa de envío de devolución se descuenta del reembolso (nunca en artículos dañados o equivocados).",
        "返送料は返金額から差し引かれます（破損品・誤配送品は除く）。",
        "退货运费从退款中扣除（损坏或发错的商品除外）。",
    ),
    "return shipping fee": ("Rückversandgebühr", "frais de retour", "tarifa de envío de devolución", "返送料", "退货运费"),
    "restocking fee (%)": ("Wiedereinlagerungsgebühr (%)", "frais de remise en stock (%)", "tarifa de reposición (%)", "再入庫手数料（%）", "重新入库费（%）"),
    "return policy": ("Rückgaberegelung", "politique de retour", "política de devoluciones", "返品ポリシー", "退货政策"),
    "return policies": ("Rückgaberegelungen", "politiques de retour", "políticas de devoluciones", "返品ポリシー", "退货政策"),
    # --- Return request, lines, events (shop/models/returns.py)
    "photo": ("Foto", "photo", "foto", "写真", "照片"),
    "resolution": ("Abwicklung", "solution", "solución", "対応方法", "处理方式"),
    "returns to": ("Rücksendung an", "retour à", "se devuelve a", "返品先", "退回至"),
    "staff note": ("Notiz der Mitarbeiter", "note du personnel", "nota del personal", "スタッフメモ", "员工备注"),
    "requested": ("angefragt am", "demandé le", "solicitado el", "申請日時", "申请时间"),
    "decided": ("entschieden am", "décidé le", "decidido el", "審査日時", "审核时间"),
    "closed": ("abgeschlossen am", "clôturé le", "cerrado el", "完了日時", "关闭时间"),
    "return": ("Rücksendung", "retour", "devolución", "返品", "退货"),
    "returns": ("Rücksendungen", "retours", "devoluciones", "返品", "退货"),
    "return to receive": ("erwartete Rücksendung", "retour à réceptionner", "devolución por recibir", "受領待ちの返品", "待收货退货"),
    "returns to receive": ("erwartete Rücksendungen", "retours à réceptionner", "devoluciones por recibir", "受領待ちの返品", "待收货退货"),
    "as new: back on sale": ("wie neu: wieder im Verkauf", f"comme neuf{NB}: remis en vente", "como nuevo: vuelve a la venta",
                             "新品同様：再販売", "全新：重新上架销售"),
    "damaged: written off": ("beschädigt: abgeschrieben", f"endommagé{NB}: mis au rebut", "dañado: dado de baja", "破損：廃棄", "损坏：报废"),
    "restocked": ("wieder eingelagert", "remis en stock", "devuelto a existencias", "再入庫", "重新入库"),
    "written off": ("abgeschrieben", "mis au rebut", "dado de baja", "廃棄", "报废"),
    "exchange for": ("Umtausch gegen", "échange contre", "cambio por", "交換先", "换成"),
    "return line": ("Rücksendeposition", "ligne de retour", "línea de devolución", "返品明細", "退货明细"),
    "return lines": ("Rücksendepositionen", "lignes de retour", "líneas de devolución", "返品明細", "退货明细"),
    "to": ("neuer Status", "nouveau statut", "estado nuevo", "変更後のステータス", "新状态"),
    "return event": ("Rücksendeereignis", "événement de retour", "evento de devolución", "返品イベント", "退货事件"),
    "return events": ("Rücksendeereignisse", "événements de retour", "eventos de devolución", "返品イベント", "退货事件"),
    # --- Credit notes (shop/models/returns.py, shop/admin/credit_notes.py)
    "net": ("netto", "montant HT", "base imponible", "税抜金額", "不含税金额"),
    "tax": ("Steuern", "taxes", "impuestos", "税額", "税费"),
    "gross": ("brutto", "montant TTC", "total con impuestos", "税込金額", "含税金额"),
    "credit note": ("Gutschrift", "avoir", "factura rectificativa", "返金明細書", "红字发票"),
    "credit notes": ("Gutschriften", "avoirs", "facturas rectificativas", "返金明細書", "红字发票"),
    "credit note line": ("Gutschriftsposition", "ligne d’avoir", "línea de factura rectificativa", "返金明細書の明細", "红字发票明细"),
    "credit note lines": ("Gutschriftspositionen", "lignes d’avoir", "líneas de factura rectificativa", "返金明細書の明細", "红字发票明细"),
    # --- Receiving and status services (shop/services/returns/receiving.py, status.py)
    "%(sku)s: enter a whole number of units.": (
        "%(sku)s: Geben Sie eine ganze Zahl von Einheiten ein.",
        f"%(sku)s{NB}: saisissez un nombre entier d’unités.",
        "%(sku)s: introduzca un número entero de unidades.",
        "%(sku)s：個数を整数で入力してください。",
        "%(sku)s：请输入整数数量。",
    ),
    "Return %(number)s is %(status)s: nothing is expected for it.": (
        "Rücksendung %(number)s hat den Status „%(status)s“: Dafür wird nichts erwartet.",
        f"Le retour %(number)s est au statut «{NB}%(status)s{NB}»{NB}: rien n’est attendu pour lui.",
        "La devolución %(number)s está en estado «%(status)s»: no se espera nada de ella.",
        "返品 %(number)s のステータスは「%(status)s」のため、到着予定の商品はありません。",
        "退货 %(number)s 的状态为“%(status)s”：没有待收的商品。",
    ),
    "That line is not part of return %(number)s.": (
        "Diese Position gehört nicht zur Rücksendung %(number)s.",
        "Cette ligne ne fait pas partie du retour %(number)s.",
        "Esa línea no forma parte de la devolución %(number)s.",
        "その明細は返品 %(number)s に含まれていません。",
        "该明细不属于退货 %(number)s。",
    ),
    "%(sku)s: %(count)s more units are expected, not %(received)s.": (
        "%(sku)s: Es werden noch %(count)s Einheiten erwartet, nicht %(received)s.",
        f"%(sku)s{NB}: encore %(count)s unités attendues, et non %(received)s.",
        "%(sku)s: se esperan %(count)s unidades más, no %(received)s.",
        "%(sku)s：到着予定はあと%(count)s個で、%(received)s個ではありません。",
        "%(sku)s：还应收到 %(count)s 件，而不是 %(received)s 件。",
    ),
    "%(sku)s is no longer in the catalogue: it cannot be put back on the shelf.": (
        "%(sku)s ist nicht mehr im Sortiment: Der Artikel kann nicht wieder eingelagert werden.",
        f"%(sku)s n’est plus au catalogue{NB}: il ne peut pas être remis en rayon.",
        "%(sku)s ya no está en el catálogo: no se puede volver a poner en la estantería.",
        "%(sku)s はカタログにないため、棚に戻せません。",
        "%(sku)s 已不在商品目录中：无法重新上架。",
    ),
    "%(count)s units received": ("%(count)s Einheiten eingegangen", "%(count)s unités reçues", "%(count)s unidades recibidas",
                                 "%(count)s個を受領", "已收到 %(count)s 件"),
    "This return changed meanwhile; reload it.": (
        "Diese Rücksendung wurde inzwischen geändert. Bitte laden Sie sie neu.",
        f"Ce retour a été modifié entre-temps{NB}; rechargez-le.",
        "Esta devolución ha cambiado entretanto; vuelva a cargarla.",
        "この返品は別の操作で変更されました。再読み込みしてください。",
        "此退货已被更改，请重新加载。",
    ),
    "A return that is %(old)s cannot become %(new)s.": (
        "Eine Rücksendung im Status „%(old)s“ kann nicht auf „%(new)s“ gesetzt werden.",
        f"Un retour au statut «{NB}%(old)s{NB}» ne peut pas passer au statut «{NB}%(new)s{NB}».",
        "Una devolución con estado «%(old)s» no puede pasar a «%(new)s».",
        "ステータスが「%(old)s」の返品を「%(new)s」に変更することはできません。",
        "状态为“%(old)s”的退货不能变更为“%(new)s”。",
    ),
    # --- The returns desk (shop/admin/returns_desk.py, templates/admin/shop/return_receive.html)
    "units still expected": ("noch erwartete Einheiten", "unités encore attendues", "unidades aún esperadas", "到着待ちの個数", "待收件数"),
    "receive": ("Eingang", "réception", "recepción", "受領", "收货"),
    "Receive": ("Eingang buchen", "Réceptionner", "Recibir", "受領する", "收货"),
    "Return %(number)s received.": (
        "Eingang der Rücksendung %(number)s gebucht.", "Retour %(number)s réceptionné.", "Devolución %(number)s recibida.",
        "返品 %(number)s を受領しました。", "退货 %(number)s 已收货。",
    ),
    "Enter how many units arrived.": (
        "Geben Sie ein, wie viele Einheiten angekommen sind.", "Indiquez combien d’unités sont arrivées.",
        "Indique cuántas unidades han llegado.", "届いた個数を入力してください。", "请输入到货件数。",
    ),
    "Refunded with credit note %(number)s.": (
        "Mit Gutschrift %(number)s erstattet.", "Remboursé avec l’avoir %(number)s.",
        "Reembolsado con la factura rectificativa %(number)s.", "返金明細書 %(number)s で返金しました。", "已通过红字发票 %(number)s 退款。",
    ),
    "Receive return %(number)s": (
        "Eingang der Rücksendung %(number)s buchen", "Réceptionner le retour %(number)s", "Recibir la devolución %(number)s",
        "返品 %(number)s の受領", "接收退货 %(number)s",
    ),
    "Order %(order)s · returns to %(warehouse)s · reason: %(reason)s": (
        "Bestellung %(order)s · Rücksendung an %(warehouse)s · Grund: %(reason)s",
        f"Commande %(order)s · retour à %(warehouse)s · motif{NB}: %(reason)s",
        "Pedido %(order)s · se devuelve a %(warehouse)s · motivo: %(reason)s",
        "注文 %(order)s · 返品先 %(warehouse)s · 理由：%(reason)s",
        "订单 %(order)s · 退回至 %(warehouse)s · 原因：%(reason)s",
    ),
    "all expected units counted": (
        "alle erwarteten Einheiten gezählt", "toutes les unités attendues sont comptées", "todas las unidades esperadas contadas",
        "予定数をすべて数えました", "预期件数已全部清点",
    ),
    "not in this return": ("nicht in dieser Rücksendung", "ne fait pas partie de ce retour", "no está en esta devolución",
                           "この返品に含まれていません", "不在此退货中"),
    "returned": ("zurückgesandt", "retourné", "devuelto", "返品数", "退货数量"),
    "received before": ("bereits eingegangen", "déjà reçu", "ya recibido", "受領済み", "此前已收"),
    "back on sale": ("wieder im Verkauf", "remis en vente", "vuelve a la venta", "再販売", "重新上架"),
    "damaged": ("beschädigt", "endommagé", "dañado", "破損", "损坏"),
    "Book what arrived": ("Angekommenes buchen", "Enregistrer ce qui est arrivé", "Registrar lo recibido", "到着分を記録", "登记到货"),
    "Refund what arrived": ("Angekommenes erstatten", "Rembourser ce qui est arrivé", "Reembolsar lo recibido", "到着分を返金", "退款已到货部分"),
    "A refund return is refunded as soon as every unit has arrived.": (
        "Eine Rücksendung mit Erstattung wird erstattet, sobald alle Einheiten eingegangen sind.",
        "Un retour avec remboursement est remboursé dès que toutes les unités sont arrivées.",
        "Una devolución con reembolso se reembolsa en cuanto han llegado todas las unidades.",
        "返金を希望する返品は、すべての商品が届いた時点で返金されます。",
        "申请退款的退货在所有商品到货后即退款。",
    ),
    # --- The returns report (shop/admin/orders.py, templates/admin/shop/returns_report.html)
    "Returns report": ("Rücksendebericht", "Rapport des retours", "Informe de devoluciones", "返品レポート", "退货报表"),
    "By product": ("Nach Produkt", "Par produit", "Por producto", "商品別", "按商品"),
    "By category": ("Nach Kategorie", "Par catégorie", "Por categoría", "カテゴリ別", "按分类"),
    # followed by a choice of "%(counter)s days" below
    "Orders placed in the last": ("Bestellungen der letzten", "Commandes passées au cours des", "Pedidos realizados en los últimos",
                                  "注文期間：過去", "下单时间：最近"),
    "Reasons": ("Gründe", "Motifs", "Motivos", "理由", "原因"),
    "No returns in this period.": ("Keine Rücksendungen in diesem Zeitraum.", "Aucun retour sur cette période.",
                                   "No hay devoluciones en este período.", "この期間の返品はありません。", "此期间没有退货。"),
    "units sold": ("verkaufte Einheiten", "unités vendues", "unidades vendidas", "販売数", "销售件数"),
    "units returned": ("zurückgesandte Einheiten", "unités retournées", "unidades devueltas", "返品数", "退货件数"),
    "return rate": ("Rücksendequote", "taux de retour", "tasa de devolución", "返品率", "退货率"),
    "In the market's currency.": ("In der Währung des Markts.", "Dans la devise du marché.", "En la moneda del mercado.", "マーケットの通貨で。", "以该市场的货币计。"),
    "The nearest warehouse that takes returns from the buyer's country.": (
        "Das nächstgelegene Lager, das Rücksendungen aus dem Land des Käufers annimmt.",
        "L’entrepôt le plus proche qui accepte les retours du pays de l’acheteur.",
        "El almacén más cercano que acepta devoluciones del país del comprador.",
        "購入者の国からの返品を受け付ける最寄りの倉庫。",
        "接收买家所在国家退货的最近仓库。",
    ),
}

# (msgid, msgid_plural) -> per language: (singular, plural) for de/fr/es, single string for ja/zh_Hans
P = {
    ("%(counter)s day", "%(counter)s days"): (
        ("%(counter)s Tag", "%(counter)s Tage"),
        ("%(counter)s jour", "%(counter)s jours"),
        ("%(counter)s día", "%(counter)s días"),
        "%(counter)s日間",
        "%(counter)s 天",
    ),
    ("Refunded: %(amount)s in %(counter)s credit note.", "Refunded: %(amount)s in %(counter)s credit notes."): (
        ("Erstattet: %(amount)s in %(counter)s Gutschrift.", "Erstattet: %(amount)s in %(counter)s Gutschriften."),
        (f"Remboursé{NB}: %(amount)s en %(counter)s avoir.", f"Remboursé{NB}: %(amount)s en %(counter)s avoirs."),
        ("Reembolsado: %(amount)s en %(counter)s factura rectificativa.", "Reembolsado: %(amount)s en %(counter)s facturas rectificativas."),
        "返金額：%(amount)s（返金明細書 %(counter)s件）。",
        "已退款：%(amount)s（红字发票 %(counter)s 张）。",
    ),
}
