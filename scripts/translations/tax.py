"""Translations of the tax strings of issue 9 (VAT numbers and VIES, tax per rate, where goods ship from).
msgid → (de, fr, es, ja, zh_Hans); loaded by scripts/fill_translations.py."""

NB = "\u00a0"  # French typography: no-break space before : ; ! ? and inside « »

T = {
    # --- tax per rate, stated with its base (shop/tax/rows.py)
    "Tax %(rate)s %% included in %(gross)s": (
        "USt. %(rate)s %% enthalten in %(gross)s",
        f"Taxe à %(rate)s{NB}%% incluse dans %(gross)s",
        "Impuesto al %(rate)s %% incluido en %(gross)s",
        "うち税額（税率%(rate)s%%、税込対象額 %(gross)s）",
        "其中税额（税率 %(rate)s%%，含税金额 %(gross)s）",
    ),
    "Unit price (gross)": ("Einzelpreis (brutto)", "Prix unitaire (TTC)", "Precio unitario (bruto)", "単価（税込）", "单价（含税）"),
    "Amount (gross)": ("Betrag (brutto)", "Montant (TTC)", "Importe (bruto)", "金額（税込）", "金额（含税）"),
    # --- VAT numbers and VIES (shop/tax/vat_numbers.py, Order fields)
    "This VAT number belongs to %(other)s, but the billing address is in %(country)s. Enter the VAT number of the "
    "billing country (it starts with %(prefix)s).": (
        "Diese USt-IdNr. gehört zu %(other)s, die Rechnungsadresse liegt aber in %(country)s. Geben Sie die USt-IdNr. "
        "des Rechnungslandes ein (sie beginnt mit %(prefix)s).",
        "Ce numéro de TVA appartient à %(other)s, mais l’adresse de facturation est en %(country)s. Saisissez le numéro "
        "de TVA du pays de facturation (il commence par %(prefix)s).",
        "Este número de IVA pertenece a %(other)s, pero la dirección de facturación está en %(country)s. Introduzca el "
        "número de IVA del país de facturación (empieza por %(prefix)s).",
        "このVAT番号は%(other)sのものですが、請求先住所は%(country)sです。請求先の国のVAT番号（%(prefix)sで始まる番号）を入力してください。",
        "此增值税号属于%(other)s，但账单地址在%(country)s。请输入账单所在国家的增值税号（以 %(prefix)s 开头）。",
    ),
    "The EU's VIES service says the VAT number %(number)s is not valid, so VAT is charged on this order. Check the "
    "number at the billing step if you think this is wrong.": (
        "Laut dem VIES-Dienst der EU ist die USt-IdNr. %(number)s nicht gültig, daher wird für diese Bestellung "
        "Umsatzsteuer berechnet. Prüfen Sie die Nummer im Schritt „Rechnung“, wenn Sie das für einen Irrtum halten.",
        f"Selon le service VIES de l’UE, le numéro de TVA %(number)s n’est pas valide{NB}: la TVA est donc facturée sur "
        "cette commande. Vérifiez le numéro à l’étape de facturation si vous pensez qu’il s’agit d’une erreur.",
        "Según el servicio VIES de la UE, el número de IVA %(number)s no es válido, por lo que se cobra el IVA en este "
        "pedido. Compruebe el número en el paso de facturación si cree que es un error.",
        "EUのVIESサービスによるとVAT番号 %(number)s は有効ではないため、このご注文にはVATがかかります。誤りだと思われる場合は、請求先の手順で番号をご確認ください。",
        "根据欧盟 VIES 服务，增值税号 %(number)s 无效，因此本订单需缴纳增值税。如您认为有误，请在账单步骤中核对该号码。",
    ),
    "We could not confirm the VAT number %(number)s with the EU's VIES service just now, so VAT is charged on this "
    "order. You can try again later at the billing step.": (
        "Wir konnten die USt-IdNr. %(number)s gerade nicht beim VIES-Dienst der EU bestätigen, daher wird für diese "
        "Bestellung Umsatzsteuer berechnet. Sie können es später im Schritt „Rechnung“ erneut versuchen.",
        f"Nous n’avons pas pu confirmer le numéro de TVA %(number)s auprès du service VIES de l’UE pour le moment{NB}: "
        "la TVA est donc facturée sur cette commande. Vous pourrez réessayer plus tard à l’étape de facturation.",
        "No hemos podido confirmar ahora el número de IVA %(number)s con el servicio VIES de la UE, por lo que se cobra "
        "el IVA en este pedido. Puede volver a intentarlo más tarde en el paso de facturación.",
        "VAT番号 %(number)s を現在EUのVIESサービスで確認できなかったため、このご注文にはVATがかかります。後ほど請求先の手順で再度お試しください。",
        "目前无法通过欧盟 VIES 服务确认增值税号 %(number)s，因此本订单需缴纳增值税。您可以稍后在账单步骤中重试。",
    ),
    "VAT number check": ("Prüfung der USt-IdNr.", "Vérification du numéro de TVA", "Comprobación del número de IVA",
                         "VAT番号の確認", "增值税号核验"),
    "Not checked (VIES not configured)": ("Nicht geprüft (VIES nicht eingerichtet)", "Non vérifié (VIES non configuré)",
                                          "No comprobado (VIES no configurado)", "未確認（VIES未設定）", "未核验（未配置 VIES）"),
    "Confirmed by VIES": ("Von VIES bestätigt", "Confirmé par VIES", "Confirmado por VIES", "VIESで確認済み", "已由 VIES 确认"),
    "Not valid according to VIES": ("Laut VIES ungültig", "Non valide selon VIES", "No válido según VIES", "VIESによると無効",
                                    "VIES 显示无效"),
    "VIES did not answer": ("VIES hat nicht geantwortet", "VIES n’a pas répondu", "VIES no respondió", "VIESから応答なし",
                            "VIES 未响应"),
    "What the EU's VIES service said about the buyer's VAT number when the order was placed.": (
        "Was der VIES-Dienst der EU bei der Bestellung zur USt-IdNr. des Käufers gemeldet hat.",
        "Ce que le service VIES de l’UE a répondu sur le numéro de TVA de l’acheteur lors de la commande.",
        "Lo que respondió el servicio VIES de la UE sobre el número de IVA del comprador al realizar el pedido.",
        "注文時にEUのVIESサービスが購入者のVAT番号について返した結果。",
        "下单时欧盟 VIES 服务对买家增值税号的答复。",
    ),
    "VAT number checked at": ("USt-IdNr. geprüft am", "Numéro de TVA vérifié le", "Número de IVA comprobado el",
                              "VAT番号の確認日時", "增值税号核验时间"),
    "VIES consultation number": ("VIES-Abfragenummer", "Numéro de consultation VIES", "Número de consulta VIES",
                                 "VIES照会番号", "VIES 查询编号"),
    # --- where goods ship from (shop/tax/notes.py, product page and cart)
    "Ships from %(country)s · UK VAT included, no import charges on delivery (orders up to £135)": (
        "Versandland: %(country)s · britische USt. enthalten, keine Einfuhrabgaben bei Lieferung (Bestellungen bis 135 £)",
        "Pays d’expédition : %(country)s · TVA britannique incluse, aucun frais d’importation à la livraison (commandes jusqu’à 135 £)",
        "País de envío: %(country)s · IVA británico incluido, sin cargos de importación en la entrega (pedidos de hasta 135 £)",
        "%(country)sから発送 · 英国VAT込み、配達時の輸入諸費用なし（135ポンドまでのご注文）",
        "从%(country)s发货 · 含英国增值税，收货时无进口费用（订单不超过 135 英镑）",
    ),
    "Ships from %(country)s · EU VAT included (IOSS), no import charges on delivery (orders up to €150)": (
        "Versandland: %(country)s · EU-USt. enthalten (IOSS), keine Einfuhrabgaben bei Lieferung (Bestellungen bis 150 €)",
        "Pays d’expédition : %(country)s · TVA de l’UE incluse (IOSS), aucun frais d’importation à la livraison (commandes jusqu’à 150 €)",
        "País de envío: %(country)s · IVA de la UE incluido (IOSS), sin cargos de importación en la entrega (pedidos de hasta 150 €)",
        "%(country)sから発送 · EU VAT込み（IOSS）、配達時の輸入諸費用なし（150ユーロまでのご注文）",
        "从%(country)s发货 · 含欧盟增值税（IOSS），收货时无进口费用（订单不超过 150 欧元）",
    ),
    "Ships from %(country)s · price without VAT: import VAT and duties may be due on delivery": (
        "Versandland: %(country)s · Preis ohne USt.: Einfuhrumsatzsteuer und Zölle können bei Lieferung anfallen",
        f"Pays d’expédition : %(country)s · prix hors TVA{NB}: TVA à l’importation et droits de douane éventuels à payer à la livraison",
        "País de envío: %(country)s · precio sin IVA: el IVA de importación y los aranceles pueden cobrarse en la entrega",
        "%(country)sから発送 · 税抜価格：配達時に輸入VATと関税がかかる場合があります",
        "从%(country)s发货 · 价格不含增值税：收货时可能需缴纳进口增值税和关税",
    ),
    "Ships from %(country)s": ("Versandland: %(country)s", "Pays d’expédition : %(country)s", "País de envío: %(country)s",
                               "%(country)sから発送", "从%(country)s发货"),
    "without VAT": ("ohne USt.", "hors TVA", "sin IVA", "税抜", "不含增值税"),
    "Prices without VAT.": ("Preise ohne USt.", "Prix hors TVA.", "Precios sin IVA.", "価格は税抜です。", "价格不含增值税。"),
    "Your items shipping from outside %(area)s are worth more than %(limit)s together: VAT cannot be collected at "
    "checkout, so they are priced without VAT, and import VAT and duties are due on delivery.": (
        "Ihre Artikel, die von außerhalb %(area)s versandt werden, sind zusammen mehr als %(limit)s wert: Die USt. kann "
        "nicht beim Kauf erhoben werden. Sie sind daher ohne USt. ausgepreist; Einfuhrumsatzsteuer und Zölle sind bei "
        "Lieferung fällig.",
        f"Vos articles expédiés depuis l’extérieur de %(area)s valent ensemble plus de %(limit)s{NB}: la TVA ne peut pas "
        "être perçue lors de la commande. Ils sont donc affichés hors TVA, et la TVA à l’importation et les droits de "
        "douane sont à payer à la livraison.",
        "Sus artículos enviados desde fuera de %(area)s valen en conjunto más de %(limit)s: el IVA no puede cobrarse al "
        "pagar, por lo que se muestran sin IVA, y el IVA de importación y los aranceles se pagan en la entrega.",
        "%(area)s外から発送される商品の合計が%(limit)sを超えるため、購入時にVATを徴収できません。価格は税抜で表示され、輸入VATと関税は配達時にお支払いいただきます。",
        "从%(area)s以外发货的商品合计超过 %(limit)s：结账时无法代收增值税，因此按不含增值税的价格显示，进口增值税和关税需在收货时缴纳。",
    ),
    "Your items shipping from outside the EU are imported by your business: they are priced without VAT, and your "
    "business pays import VAT and duties on delivery.": (
        "Ihre Artikel, die von außerhalb der EU versandt werden, führt Ihr Unternehmen selbst ein: Sie sind ohne USt. "
        "ausgepreist; Einfuhrumsatzsteuer und Zölle zahlt Ihr Unternehmen bei Lieferung.",
        f"Vos articles expédiés depuis l’extérieur de l’UE sont importés par votre entreprise{NB}: ils sont affichés hors "
        "TVA, et votre entreprise paie la TVA à l’importation et les droits de douane à la livraison.",
        "Sus artículos enviados desde fuera de la UE los importa su empresa: se muestran sin IVA, y su empresa paga el "
        "IVA de importación y los aranceles en la entrega.",
        "EU域外から発送される商品は貴社による輸入となります。価格は税抜で表示され、輸入VATと関税は配達時に貴社にお支払いいただきます。",
        "从欧盟以外发货的商品由贵公司进口：按不含增值税的价格显示，进口增值税和关税由贵公司在收货时缴纳。",
    ),
    "the UK": ("des Vereinigten Königreichs", "du Royaume-Uni", "el Reino Unido", "英国", "英国"),
    "the EU": ("der EU", "de l’UE", "la UE", "EU", "欧盟"),
}
