"""Translations for issue 9 items 1, 2, 3 and 5: private invoices, offline payments, cash-on-delivery confirmation,
invoices when paid or shipped, rate limits, once-per-customer vouchers. Shape: see scripts/fill_translations.py."""

# msgid -> (de, fr, es, ja, zh_Hans)
T = {
    "Its payment was already recorded; nothing changed.": (
        "Die Zahlung war bereits erfasst; nichts wurde geändert.",
        "Son paiement était déjà enregistré ; rien n’a été modifié.",
        "Su pago ya estaba registrado; no se ha cambiado nada.",
        "この注文の支払いは既に記録されています。変更はありません。",
        "该订单的付款已记录，未做任何更改。",
    ),
    "This order was cancelled, so it can no longer be confirmed.": (
        "Diese Bestellung wurde storniert und kann nicht mehr bestätigt werden.",
        "Cette commande a été annulée : elle ne peut plus être confirmée.",
        "Este pedido se ha cancelado, por lo que ya no se puede confirmar.",
        "この注文はキャンセルされたため、確認できません。",
        "该订单已取消，无法再确认。",
    ),
    "This confirmation link has expired.": (
        "Dieser Bestätigungslink ist abgelaufen.",
        "Ce lien de confirmation a expiré.",
        "Este enlace de confirmación ha caducado.",
        "この確認リンクの有効期限が切れています。",
        "此确认链接已过期。",
    ),
    "This confirmation link is not valid.": (
        "Dieser Bestätigungslink ist ungültig.",
        "Ce lien de confirmation n’est pas valide.",
        "Este enlace de confirmación no es válido.",
        "この確認リンクは無効です。",
        "此确认链接无效。",
    ),
    "Confirm cash-on-delivery order": (
        "Nachnahme-Bestellung bestätigen",
        "Confirmer la commande contre remboursement",
        "Confirmar pedido contra reembolso",
        "代金引換の注文を確認",
        "确认货到付款订单",
    ),
    "Confirmed: %(orders)s": (
        "Bestätigt: %(orders)s",
        "Confirmées : %(orders)s",
        "Confirmados: %(orders)s",
        "確認済み: %(orders)s",
        "已确认：%(orders)s",
    ),
    "Nothing to confirm (confirmed already, or no confirmation needed): %(orders)s": (
        "Nichts zu bestätigen (bereits bestätigt oder keine Bestätigung nötig): %(orders)s",
        "Rien à confirmer (déjà confirmées ou sans confirmation requise) : %(orders)s",
        "Nada que confirmar (ya confirmados o sin confirmación necesaria): %(orders)s",
        "確認の必要はありません（確認済み、または確認不要）: %(orders)s",
        "无需确认（已确认或不需要确认）：%(orders)s",
    ),
    "customer e-mail (normalised)": (
        "Kunden-E-Mail (normalisiert)",
        "e-mail du client (normalisé)",
        "correo del cliente (normalizado)",
        "顧客のメールアドレス（正規化）",
        "客户邮箱（规范化）",
    ),
    "Lower case, without +tag; Gmail without dots: once-per-customer limits count by it.": (
        "Kleingeschrieben, ohne +Zusatz; bei Gmail ohne Punkte: Limits pro Kunde zählen danach.",
        "En minuscules, sans +étiquette ; Gmail sans points : les limites par client comptent selon elle.",
        "En minúsculas, sin +etiqueta; en Gmail sin puntos: los límites por cliente cuentan por ella.",
        "小文字、+タグなし、Gmail はドットなし。顧客ごとの利用上限はこれで数えます。",
        "小写，去掉 +标签；Gmail 去掉点号：每位客户的使用次数按此计算。",
    ),
    "needs confirmation": (
        "Bestätigung nötig",
        "confirmation requise",
        "requiere confirmación",
        "確認が必要",
        "需要确认",
    ),
    "Cash on delivery from an unverified e-mail address: the buyer (by the link in the order e-mail) or staff must "
    "confirm it within CARAVAN_COD_CONFIRM_HOURS, else it is cancelled.": (
        "Nachnahme von einer unbestätigten E-Mail-Adresse: Käufer (per Link in der Bestell-E-Mail) oder Mitarbeiter "
        "müssen sie innerhalb von CARAVAN_COD_CONFIRM_HOURS bestätigen, sonst wird sie storniert.",
        "Paiement à la livraison depuis une adresse e-mail non vérifiée : l’acheteur (par le lien de l’e-mail de "
        "commande) ou l’équipe doit la confirmer sous CARAVAN_COD_CONFIRM_HOURS, sinon elle est annulée.",
        "Contra reembolso desde un correo no verificado: el comprador (con el enlace del correo del pedido) o el "
        "personal debe confirmarlo en CARAVAN_COD_CONFIRM_HOURS; si no, se cancela.",
        "未確認のメールアドレスからの代金引換注文です。購入者（注文メールのリンク）またはスタッフが "
        "CARAVAN_COD_CONFIRM_HOURS 以内に確認しない場合、キャンセルされます。",
        "来自未验证邮箱的货到付款订单：买家（通过订单邮件中的链接）或员工须在 CARAVAN_COD_CONFIRM_HOURS 内确认，否则将被取消。",
    ),
    "confirmed": ("bestätigt", "confirmée", "confirmado", "確認日時", "确认时间"),
    "Your invoice %(number)s for order %(order_number)s at %(shop)s": (
        "Ihre Rechnung %(number)s zur Bestellung %(order_number)s bei %(shop)s",
        "Votre facture %(number)s pour la commande %(order_number)s chez %(shop)s",
        "Su factura %(number)s del pedido %(order_number)s en %(shop)s",
        "%(shop)s ご注文 %(order_number)s の請求書 %(number)s",
        "您在 %(shop)s 的订单 %(order_number)s 的发票 %(number)s",
    ),
    "your order %(number)s is on its way.": (
        "Ihre Bestellung %(number)s ist unterwegs.",
        "votre commande %(number)s est en route.",
        "su pedido %(number)s está en camino.",
        "ご注文 %(number)s を発送しました。",
        "您的订单 %(number)s 已发货。",
    ),
    "The order was not confirmed in time, so the items went back on sale.": (
        "Die Bestellung wurde nicht rechtzeitig bestätigt, daher sind die Artikel wieder im Verkauf.",
        "La commande n’a pas été confirmée à temps : les articles sont de nouveau en vente.",
        "El pedido no se confirmó a tiempo, así que los artículos vuelven a estar a la venta.",
        "期限内に注文が確認されなかったため、商品は再び販売されています。",
        "订单未在规定时间内确认，商品已重新上架销售。",
    ),
    "Your invoice follows by e-mail once the order is paid or shipped.": (
        "Ihre Rechnung erhalten Sie per E-Mail, sobald die Bestellung bezahlt oder versandt ist.",
        "Votre facture vous sera envoyée par e-mail dès que la commande sera payée ou expédiée.",
        "Recibirá su factura por correo en cuanto el pedido esté pagado o enviado.",
        "請求書は、ご注文の支払いまたは発送が済み次第メールでお送りします。",
        "订单付款或发货后，发票将通过邮件发送给您。",
    ),
    "Confirm my order": (
        "Bestellung bestätigen",
        "Confirmer ma commande",
        "Confirmar mi pedido",
        "注文を確認する",
        "确认我的订单",
    ),
    "Confirm your order": (
        "Bestellung bestätigen",
        "Confirmez votre commande",
        "Confirme su pedido",
        "ご注文の確認",
        "确认您的订单",
    ),
    "Thank you, your order is confirmed": (
        "Vielen Dank, Ihre Bestellung ist bestätigt",
        "Merci, votre commande est confirmée",
        "Gracias, su pedido está confirmado",
        "ありがとうございます。ご注文が確認されました",
        "谢谢，您的订单已确认",
    ),
    "Your cash-on-delivery order <strong>%(number)s</strong> is confirmed. We will ship it soon; you pay the carrier "
    "on delivery.": (
        "Ihre Nachnahme-Bestellung <strong>%(number)s</strong> ist bestätigt. Wir versenden sie bald; Sie bezahlen "
        "bei der Zustellung.",
        "Votre commande contre remboursement <strong>%(number)s</strong> est confirmée. Nous l’expédions bientôt ; "
        "vous payez le transporteur à la livraison.",
        "Su pedido contra reembolso <strong>%(number)s</strong> está confirmado. Lo enviaremos pronto; pagará al "
        "transportista en la entrega.",
        "代金引換のご注文 <strong>%(number)s</strong> が確認されました。まもなく発送します。お支払いは配達時に配送業者へお願いします。",
        "您的货到付款订单 <strong>%(number)s</strong> 已确认。我们将尽快发货，请在收货时向承运商付款。",
    ),
    "Too many attempts": (
        "Zu viele Versuche",
        "Trop de tentatives",
        "Demasiados intentos",
        "試行回数が多すぎます",
        "尝试次数过多",
    ),
    "You have placed orders or started checkout more often than we allow in a short time. Please wait a while and try "
    "again; your cart is kept.": (
        "Sie haben in kurzer Zeit öfter bestellt oder den Bestellvorgang begonnen, als wir erlauben. Bitte warten Sie "
        "eine Weile und versuchen Sie es erneut; Ihr Warenkorb bleibt erhalten.",
        "Vous avez passé commande ou commencé le paiement plus souvent que nous ne le permettons en peu de temps. "
        "Veuillez patienter un moment puis réessayer ; votre panier est conservé.",
        "Ha realizado pedidos o iniciado la compra más veces de las que permitimos en poco tiempo. Espere un rato y "
        "vuelva a intentarlo; su carrito se conserva.",
        "短時間に許可された回数を超えて注文または購入手続きが行われました。しばらく待ってからもう一度お試しください。カートの内容は保持されています。",
        "您在短时间内下单或开始结账的次数超过了允许范围。请稍后再试，购物车内容已保留。",
    ),
    "Back to your cart": (
        "Zurück zum Warenkorb",
        "Retour au panier",
        "Volver al carrito",
        "カートに戻る",
        "返回购物车",
    ),
    "Please check your cash-on-delivery order <strong>%(number)s</strong> and confirm it. We ship it only once it is "
    "confirmed.": (
        "Bitte prüfen Sie Ihre Nachnahme-Bestellung <strong>%(number)s</strong> und bestätigen Sie sie. Wir versenden "
        "sie erst, wenn sie bestätigt ist.",
        "Veuillez vérifier votre commande contre remboursement <strong>%(number)s</strong> et la confirmer. Nous ne "
        "l’expédions qu’une fois confirmée.",
        "Revise su pedido contra reembolso <strong>%(number)s</strong> y confírmelo. Solo lo enviamos una vez "
        "confirmado.",
        "代金引換のご注文 <strong>%(number)s</strong> の内容をご確認のうえ、確定してください。確認後に発送いたします。",
        "请核对您的货到付款订单 <strong>%(number)s</strong> 并确认。订单确认后我们才会发货。",
    ),
    "Your cash-on-delivery order <strong>%(number)s</strong> is already confirmed. Nothing more to do: you pay the "
    "carrier on delivery.": (
        "Ihre Nachnahme-Bestellung <strong>%(number)s</strong> ist bereits bestätigt. Sie müssen nichts mehr tun: Sie "
        "bezahlen bei der Zustellung.",
        "Votre commande contre remboursement <strong>%(number)s</strong> est déjà confirmée. Vous n’avez plus rien à "
        "faire : vous payez le transporteur à la livraison.",
        "Su pedido contra reembolso <strong>%(number)s</strong> ya está confirmado. No tiene que hacer nada más: "
        "pagará al transportista en la entrega.",
        "代金引換のご注文 <strong>%(number)s</strong> は既に確認済みです。これ以上の操作は不要です。お支払いは配達時に配達員へお願いします。",
        "您的货到付款订单 <strong>%(number)s</strong> 已确认，无需其他操作：送达时向承运人付款即可。",
    ),
    "Total (paid on delivery)": (
        "Summe (bei Zustellung zu zahlen)",
        "Total (à payer à la livraison)",
        "Total (se paga en la entrega)",
        "合計（配達時にお支払い）",
        "合计（货到付款）",
    ),
}

P = {
    (
        "Please confirm your order within %(hours)s hour: open this link and press “Confirm my order”. Unconfirmed "
        "orders are cancelled:",
        "Please confirm your order within %(hours)s hours: open this link and press “Confirm my order”. Unconfirmed "
        "orders are cancelled:",
    ): (
        (
            "Bitte bestätigen Sie Ihre Bestellung innerhalb von %(hours)s Stunde: Öffnen Sie diesen Link und klicken "
            "Sie auf „Bestellung bestätigen“. Unbestätigte Bestellungen werden storniert:",
            "Bitte bestätigen Sie Ihre Bestellung innerhalb von %(hours)s Stunden: Öffnen Sie diesen Link und klicken "
            "Sie auf „Bestellung bestätigen“. Unbestätigte Bestellungen werden storniert:",
        ),
        (
            "Veuillez confirmer votre commande dans les %(hours)s heure : ouvrez ce lien et cliquez sur « Confirmer "
            "ma commande ». Les commandes non confirmées sont annulées :",
            "Veuillez confirmer votre commande dans les %(hours)s heures : ouvrez ce lien et cliquez sur « Confirmer "
            "ma commande ». Les commandes non confirmées sont annulées :",
        ),
        (
            "Confirme su pedido en %(hours)s hora: abra este enlace y pulse «Confirmar mi pedido». Los pedidos sin "
            "confirmar se cancelan:",
            "Confirme su pedido en %(hours)s horas: abra este enlace y pulse «Confirmar mi pedido». Los pedidos sin "
            "confirmar se cancelan:",
        ),
        "%(hours)s時間以内にこのリンクを開き、「注文を確認する」を押してご注文を確認してください。確認されない注文はキャンセルされます:",
        "请在 %(hours)s 小时内打开此链接并点击“确认我的订单”。未确认的订单将被取消：",
    ),
    (
        "Please confirm your order with the link in the e-mail we sent you within %(hours)s hour; unconfirmed orders "
        "are cancelled.",
        "Please confirm your order with the link in the e-mail we sent you within %(hours)s hours; unconfirmed orders "
        "are cancelled.",
    ): (
        (
            "Bitte bestätigen Sie Ihre Bestellung innerhalb von %(hours)s Stunde über den Link in der E-Mail, die wir "
            "Ihnen geschickt haben; unbestätigte Bestellungen werden storniert.",
            "Bitte bestätigen Sie Ihre Bestellung innerhalb von %(hours)s Stunden über den Link in der E-Mail, die wir "
            "Ihnen geschickt haben; unbestätigte Bestellungen werden storniert.",
        ),
        (
            "Veuillez confirmer votre commande dans les %(hours)s heure avec le lien de l’e-mail que nous vous avons "
            "envoyé ; les commandes non confirmées sont annulées.",
            "Veuillez confirmer votre commande dans les %(hours)s heures avec le lien de l’e-mail que nous vous avons "
            "envoyé ; les commandes non confirmées sont annulées.",
        ),
        (
            "Confirme su pedido en %(hours)s hora con el enlace del correo que le hemos enviado; los pedidos sin "
            "confirmar se cancelan.",
            "Confirme su pedido en %(hours)s horas con el enlace del correo que le hemos enviado; los pedidos sin "
            "confirmar se cancelan.",
        ),
        "お送りしたメールのリンクから%(hours)s時間以内にご注文を確認してください。確認されない注文はキャンセルされます。",
        "请在 %(hours)s 小时内通过我们发送给您的邮件中的链接确认订单，未确认的订单将被取消。",
    ),
}
