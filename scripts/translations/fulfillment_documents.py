"""Strings of the warehouse documents (pick list, packing slip, label, commercial invoice, CN23) and the customs
checks before dispatch (issue 11). Shape: see scripts/fill_translations.py."""

# msgid -> (de, fr, es, ja, zh_Hans)
T = {
    # Customs checks (fulfillment/services/customs.py)
    "The warehouse %(warehouse)s has no address to print as the sender.": (
        "Das Lager %(warehouse)s hat keine Anschrift, die als Absender gedruckt werden kann.",
        "L’entrepôt %(warehouse)s n’a pas d’adresse à imprimer comme expéditeur.",
        "El almacén %(warehouse)s no tiene dirección para imprimirla como remitente.",
        "倉庫 %(warehouse)s には差出人として印刷する住所がありません。",
        "仓库 %(warehouse)s 没有可作为寄件人打印的地址。",
    ),
    "The consignment has no complete delivery address (name, street and country).": (
        "Die Sendung hat keine vollständige Lieferadresse (Name, Straße und Land).",
        "L’envoi n’a pas d’adresse de livraison complète (nom, rue et pays).",
        "El envío no tiene una dirección de entrega completa (nombre, calle y país).",
        "この出荷には完全な配送先住所（氏名・番地・国）がありません。",
        "该货件没有完整的收货地址（姓名、街道和国家）。",
    ),
    "The consignment has no lines to declare.": (
        "Die Sendung hat keine Positionen, die angemeldet werden könnten.",
        "L’envoi ne contient aucune ligne à déclarer.",
        "El envío no tiene líneas que declarar.",
        "この出荷には申告する明細がありません。",
        "该货件没有可申报的明细。",
    ),
    "%(sku)s has no HS code.": (
        "%(sku)s hat keine Zolltarifnummer (HS-Code).",
        "%(sku)s n’a pas de code SH.",
        "%(sku)s no tiene código SA.",
        "%(sku)s にHSコードがありません。",
        "%(sku)s 没有 HS 编码。",
    ),
    "%(sku)s: the HS code %(code)s is not 6 to 10 digits.": (
        "%(sku)s: Der HS-Code %(code)s besteht nicht aus 6 bis 10 Ziffern.",
        "%(sku)s : le code SH %(code)s ne comporte pas 6 à 10 chiffres.",
        "%(sku)s: el código SA %(code)s no tiene de 6 a 10 dígitos.",
        "%(sku)s：HSコード %(code)s は6～10桁の数字ではありません。",
        "%(sku)s：HS 编码 %(code)s 不是 6 到 10 位数字。",
    ),
    "%(sku)s has no country of origin.": (
        "%(sku)s hat kein Ursprungsland.",
        "%(sku)s n’a pas de pays d’origine.",
        "%(sku)s no tiene país de origen.",
        "%(sku)s に原産国がありません。",
        "%(sku)s 没有原产国。",
    ),
    "%(sku)s has no customs description.": (
        "%(sku)s hat keine Zollwarenbeschreibung.",
        "%(sku)s n’a pas de description douanière.",
        "%(sku)s no tiene descripción aduanera.",
        "%(sku)s に税関用の品名がありません。",
        "%(sku)s 没有报关品名描述。",
    ),
    "%(sku)s has no weight.": (
        "%(sku)s hat kein Gewicht.",
        "%(sku)s n’a pas de poids.",
        "%(sku)s no tiene peso.",
        "%(sku)s に重量がありません。",
        "%(sku)s 没有重量。",
    ),
    "%(sku)s has no customs value.": (
        "%(sku)s hat keinen Zollwert.",
        "%(sku)s n’a pas de valeur en douane.",
        "%(sku)s no tiene valor en aduana.",
        "%(sku)s に課税価格がありません。",
        "%(sku)s 没有海关申报价值。",
    ),
    "The consignment weighs nothing: weigh it before printing its customs papers.": (
        "Die Sendung hat kein Gewicht: Wiegen Sie sie, bevor Sie die Zollpapiere drucken.",
        "L’envoi ne pèse rien : pesez-le avant d’imprimer ses documents douaniers.",
        "El envío no pesa nada: péselo antes de imprimir sus documentos aduaneros.",
        "この出荷の重量が0です。税関書類を印刷する前に計量してください。",
        "该货件重量为零：请在打印报关单据前称重。",
    ),
    "VAT was collected at checkout under the EU's IOSS, but the consignment has no IOSS number to print on its customs declaration.": (
        "Die Mehrwertsteuer wurde an der Kasse über den IOSS der EU erhoben, aber die Sendung hat keine IOSS-Nummer für die Zollinhaltserklärung.",
        "La TVA a été perçue lors du paiement via le guichet unique IOSS de l’UE, mais l’envoi n’a pas de numéro IOSS à imprimer sur sa déclaration en douane.",
        "El IVA se cobró en el pago mediante la ventanilla única IOSS de la UE, pero el envío no tiene número IOSS para imprimir en su declaración de aduana.",
        "決済時にEUのIOSSでVATを徴収しましたが、この出荷には税関告知書に印刷するIOSS番号がありません。",
        "结账时已按欧盟 IOSS 收取增值税，但该货件没有可打印在报关单上的 IOSS 编号。",
    ),
    "VAT was collected at checkout under the UK's low-value rule, but the consignment has no UK VAT number to print on its customs declaration.": (
        "Die Mehrwertsteuer wurde an der Kasse nach der britischen Regel für geringwertige Waren erhoben, aber die Sendung hat keine "
        "britische USt-IdNr. für die Zollinhaltserklärung.",
        "La TVA a été perçue lors du paiement selon la règle britannique des envois de faible valeur, mais l’envoi n’a pas de numéro de "
        "TVA britannique à imprimer sur sa déclaration en douane.",
        "El IVA se cobró en el pago según la norma británica de envíos de bajo valor, pero el envío no tiene número de IVA británico para "
        "imprimir en su declaración de aduana.",
        "決済時に英国の少額貨物ルールでVATを徴収しましたが、この出荷には税関告知書に印刷する英国VAT番号がありません。",
        "结账时已按英国低价值商品规则收取增值税，但该货件没有可打印在报关单上的英国增值税号。",
    ),
    # Downloads (fulfillment/views.py, templates/fulfillment/documents/problems.html)
    "The customs papers of %(number)s cannot be made yet": (
        "Die Zollpapiere von %(number)s können noch nicht erstellt werden",
        "Les documents douaniers de %(number)s ne peuvent pas encore être établis",
        "Los documentos aduaneros de %(number)s aún no se pueden generar",
        "%(number)s の税関書類はまだ作成できません",
        "%(number)s 的报关单据尚无法生成",
    ),
    "This document of %(number)s cannot be made yet": (
        "Dieses Dokument von %(number)s kann noch nicht erstellt werden",
        "Ce document de %(number)s ne peut pas encore être établi",
        "Este documento de %(number)s aún no se puede generar",
        "%(number)s のこの書類はまだ作成できません",
        "%(number)s 的此单据尚无法生成",
    ),
    "Fix these first, then print again:": (
        "Beheben Sie zuerst Folgendes und drucken Sie dann erneut:",
        "Corrigez d’abord ces points, puis imprimez à nouveau :",
        "Corrija primero lo siguiente y vuelva a imprimir:",
        "次の点を修正してから、もう一度印刷してください：",
        "请先修正以下问题，然后重新打印：",
    ),
    "Back": ("Zurück", "Retour", "Volver", "戻る", "返回"),
    "Consignment %(number)s has no tracking number yet: enter the carrier's tracking number before printing its label.": (
        "Die Sendung %(number)s hat noch keine Sendungsnummer: Tragen Sie die Sendungsnummer des Versanddienstleisters ein, bevor Sie "
        "das Etikett drucken.",
        "L’envoi %(number)s n’a pas encore de numéro de suivi : saisissez le numéro de suivi du transporteur avant d’imprimer son étiquette.",
        "El envío %(number)s aún no tiene número de seguimiento: introduzca el número de seguimiento del transportista antes de imprimir "
        "su etiqueta.",
        "出荷 %(number)s にはまだ追跡番号がありません。ラベルを印刷する前に配送業者の追跡番号を入力してください。",
        "货件 %(number)s 还没有追踪号：请先输入承运商的追踪号，再打印面单。",
    ),
    # Pick list, packing slip, label
    "Pick list": ("Pickliste", "Liste de préparation", "Lista de preparación", "ピッキングリスト", "拣货单"),
    "Created": ("Erstellt", "Créée", "Creada", "作成日", "创建日期"),
    "Consignments": ("Sendungen", "Envois", "Envíos", "出荷", "货件"),
    "Consignment": ("Sendung", "Envoi", "Envío", "出荷番号", "货件"),
    "Units": ("Stück", "Unités", "Unidades", "点数", "件数"),
    "Bin": ("Lagerplatz", "Emplacement", "Ubicación", "棚番", "货位"),
    "For consignment": ("Für Sendung", "Pour l’envoi", "Para el envío", "出荷先", "所属货件"),
    "Destination": ("Zielland", "Destination", "Destino", "仕向地", "目的地"),
    "Packing slip": ("Lieferschein", "Bordereau de livraison", "Albarán", "納品書", "装箱单"),
    "Ships from": ("Versand aus", "Expédié depuis", "Se envía desde", "発送元", "发货地"),
    "You ordered %(ordered)s: we will be in touch about the rest.": (
        "Sie haben %(ordered)s bestellt: Wegen des Rests melden wir uns bei Ihnen.",
        "Vous en avez commandé %(ordered)s : nous vous contacterons pour le reste.",
        "Pidió %(ordered)s: nos pondremos en contacto con usted por el resto.",
        "ご注文数は%(ordered)s点です。残りについては追ってご連絡いたします。",
        "您订购了 %(ordered)s 件：其余部分我们会另行联系您。",
    ),
    "Shipping label": ("Versandetikett", "Étiquette d’expédition", "Etiqueta de envío", "配送ラベル", "快递面单"),
    "Parcel": ("Paket", "Colis", "Bulto", "個口", "包裹"),
    "Sender": ("Absender", "Expéditeur", "Remitente", "差出人", "寄件人"),
    "Recipient": ("Empfänger", "Destinataire", "Destinatario", "お届け先", "收件人"),
    "Carrier": ("Versanddienstleister", "Transporteur", "Transportista", "配送業者", "承运商"),
    "Telephone": ("Telefon", "Téléphone", "Teléfono", "電話番号", "电话"),
    # Commercial invoice and CN23 (headings printed in English and the destination's language)
    "Commercial invoice": ("Handelsrechnung", "Facture commerciale", "Factura comercial", "商業送り状", "商业发票"),
    "Customs declaration": ("Zollinhaltserklärung", "Déclaration en douane", "Declaración de aduana", "税関告知書", "报关单"),
    "Sender / exporter": ("Absender / Ausführer", "Expéditeur / exportateur", "Remitente / exportador", "差出人／輸出者", "寄件人／出口商"),
    "Recipient / importer": ("Empfänger / Einführer", "Destinataire / importateur", "Destinatario / importador", "受取人／輸入者",
                             "收件人／进口商"),
    "Tracking number": ("Sendungsnummer", "Numéro de suivi", "Número de seguimiento", "追跡番号", "追踪号"),
    "Number of parcels": ("Anzahl Packstücke", "Nombre de colis", "Número de bultos", "個数", "包裹数"),
    "Gross weight": ("Bruttogewicht", "Poids brut", "Peso bruto", "総重量", "毛重"),
    "Net weight": ("Nettogewicht", "Poids net", "Peso neto", "正味重量", "净重"),
    "Detailed description of contents": ("Genaue Bezeichnung des Inhalts", "Description détaillée du contenu",
                                         "Descripción detallada del contenido", "内容品の詳細な品名", "内装物品详细名称"),
    "HS tariff number": ("Zolltarifnummer (HS)", "N° tarifaire du SH", "N.º de tarifa del SA", "HS関税番号", "HS 税则号"),
    "Country of origin": ("Ursprungsland", "Pays d’origine", "País de origen", "原産国", "原产国"),
    "Unit value": ("Stückwert", "Valeur unitaire", "Valor unitario", "単価", "单价"),
    "Value": ("Wert", "Valeur", "Valor", "価格", "价值"),
    "Total value of goods": ("Gesamtwert der Waren", "Valeur totale des marchandises", "Valor total de las mercancías", "品物の価格合計",
                             "货物总价值"),
    "Postage / shipping": ("Porto / Versand", "Frais de port / d’expédition", "Franqueo / envío", "送料", "邮费／运费"),
    "Currency": ("Währung", "Devise", "Moneda", "通貨", "币种"),
    "Category of item": ("Art der Sendung", "Catégorie de l’envoi", "Categoría del envío", "内容品の種別", "物品类别"),
    "Reason for export": ("Ausfuhrgrund", "Motif de l’exportation", "Motivo de la exportación", "輸出理由", "出口原因"),
    "Sale of goods": ("Warenverkauf", "Vente de marchandises", "Venta de mercancías", "商品の販売", "商品销售"),
    "Gift": ("Geschenk", "Cadeau", "Regalo", "贈物", "礼品"),
    "Documents": ("Dokumente", "Documents", "Documentos", "書類", "文件"),
    "Commercial sample": ("Warenmuster", "Échantillon commercial", "Muestra comercial", "商品見本", "商业样品"),
    "Returned goods": ("Rücksendung", "Retour de marchandises", "Devolución de mercancías", "返送品", "退回货物"),
    "Other": ("Sonstiges", "Autre", "Otros", "その他", "其他"),
    "Terms of delivery": ("Lieferbedingungen", "Conditions de livraison", "Condiciones de entrega", "引渡条件", "交货条款"),
    "Signature": ("Unterschrift", "Signature", "Firma", "署名", "签名"),
    "Place and date": ("Ort und Datum", "Lieu et date", "Lugar y fecha", "場所および日付", "地点和日期"),
    "I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous "
    "article or articles prohibited by legislation or by postal or customs regulations.": (
        "Ich bestätige, dass die Angaben in dieser Zollinhaltserklärung richtig sind und dass die Sendung keine gefährlichen oder durch "
        "Gesetz, Post- oder Zollvorschriften verbotenen Gegenstände enthält.",
        "Je certifie que les renseignements donnés dans la présente déclaration sont exacts et que cet envoi ne contient aucun objet "
        "dangereux ou interdit par la législation ou par la réglementation postale ou douanière.",
        "Certifico que los datos de esta declaración de aduana son correctos y que este envío no contiene ningún artículo peligroso ni "
        "prohibido por la legislación o por la normativa postal o aduanera.",
        "この税関告知書の記載事項が正確であり、この郵便物に法令または郵便・税関規則で禁止されている危険物その他の物品が含まれていないことを証明します。",
        "本人证明本报关单所填内容属实，且本邮件不含法律或邮政、海关规定禁止寄递的任何危险物品或违禁物品。",
    ),
    "I declare that the information on this invoice is true and correct and that the goods are of the origin stated.": (
        "Ich erkläre, dass die Angaben auf dieser Rechnung wahr und richtig sind und die Waren den angegebenen Ursprung haben.",
        "Je déclare que les informations figurant sur cette facture sont exactes et que les marchandises sont de l’origine indiquée.",
        "Declaro que la información de esta factura es verdadera y correcta y que las mercancías son del origen indicado.",
        "この送り状の記載内容が真実かつ正確であり、貨物が記載の原産地のものであることを申告します。",
        "本人声明本发票所列信息真实无误，且货物原产地与所述一致。",
    ),
}

# (msgid, msgid_plural) -> (de, fr, es, ja, zh_Hans); each a (singular, plural) pair or, for one form, a string
P = {
    ("%(counter)s parcel", "%(counter)s parcels"): (
        ("%(counter)s Paket", "%(counter)s Pakete"),
        ("%(counter)s colis", "%(counter)s colis"),
        ("%(counter)s bulto", "%(counter)s bultos"),
        "%(counter)s個口",
        "%(counter)s 个包裹",
    ),
}
