"""Strings added while merging issue 9's parts."""

T = {
    'Payment received: %(amount)s': (
        'Zahlung erhalten: %(amount)s',
        'Paiement reçu\xa0: %(amount)s',
        'Pago recibido: %(amount)s',
        'お支払いを受領しました：%(amount)s',
        '已收到付款：%(amount)s',
    ),
    "This shop does not check VAT numbers with the EU's VIES service, so the reverse charge cannot be "
    'applied and VAT is charged on this order. Please contact us if your business needs an invoice '
    'without VAT.': (
        'Dieser Shop prüft USt-IdNrn. nicht beim MIAS-Dienst (VIES) der EU, daher kann das '
        'Reverse-Charge-Verfahren nicht angewendet werden und auf diese Bestellung wird Umsatzsteuer '
        'berechnet. Bitte kontaktieren Sie uns, wenn Ihr Unternehmen eine Rechnung ohne Umsatzsteuer '
        'benötigt.',
        'Cette boutique ne vérifie pas les numéros de TVA auprès du service VIES de l’UE\xa0: l’autoliquidation '
        'ne peut donc pas s’appliquer et la TVA est facturée sur cette commande. Contactez-nous si votre '
        'entreprise a besoin d’une facture sans TVA.',
        'Esta tienda no comprueba los números de IVA con el servicio VIES de la UE, por lo que no se puede '
        'aplicar la inversión del sujeto pasivo y se cobra el IVA en este pedido. Contáctenos si su empresa '
        'necesita una factura sin IVA.',
        '当ショップはEUのVIESサービスでVAT番号を確認していないため、リバースチャージを適用できず、このご注文にはVATが課税されます。VATなしの請求書が必要な法人のお客様はお問い合わせください。',
        '本店未通过欧盟 VIES 服务核验增值税号，因此无法适用反向征收，本订单将收取增值税。如贵公司需要不含增值税的发票，请与我们联系。',
    ),
    "Already %(status)s, nothing changed: %(orders)s": (
        "Bereits %(status)s, nichts geändert: %(orders)s",
        "Déjà %(status)s, rien n’a changé\u00a0: %(orders)s",
        "Ya %(status)s, no se ha cambiado nada: %(orders)s",
        "すでに%(status)sのため、変更はありません：%(orders)s",
        "已是%(status)s，未作更改：%(orders)s",
    ),
}
