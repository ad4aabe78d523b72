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
    'Card or local payment method': (
        'Karte oder lokale Zahlart', 'Carte ou moyen de paiement local', 'Tarjeta o método de pago local', 'カードまたは各国の決済方法', '银行卡或本地支付方式',
    ),
    'Payment methods': ('Zahlarten', 'Moyens de paiement', 'Métodos de pago', '支払方法', '支付方式'),
    'payment methods': ('Zahlarten', 'moyens de paiement', 'métodos de pago', '支払方法', '支付方式'),
    'Offered at checkout. Card payments appear only when Stripe keys are configured.': (
        'Werden an der Kasse angeboten. Kartenzahlung erscheint nur, wenn Stripe-Schlüssel eingerichtet sind.',
        'Proposés au paiement. Le paiement par carte n’apparaît que si les clés Stripe sont configurées.',
        'Se ofrecen al pagar. El pago con tarjeta solo aparece si las claves de Stripe están configuradas.',
        'チェックアウトで表示されます。カード決済は Stripe のキーが設定されている場合のみ表示されます。',
        '在结账时提供。仅在配置了 Stripe 密钥时才显示银行卡支付。',
    ),
    'Choose at least one payment method.': (
        'Wählen Sie mindestens eine Zahlart.', 'Choisissez au moins un moyen de paiement.', 'Elija al menos un método de pago.',
        '支払方法を1つ以上選んでください。', '请至少选择一种支付方式。',
    ),
    'We have received your payment of %(amount)s. Thank you!': (
        'Wir haben Ihre Zahlung über %(amount)s erhalten. Vielen Dank!', f'Nous avons bien reçu votre paiement de %(amount)s. Merci{NB}!',
        'Hemos recibido su pago de %(amount)s. ¡Gracias!', '%(amount)s のお支払いを確認しました。ありがとうございます。', '我们已收到您支付的 %(amount)s。谢谢！',
    ),
    'Pay for your order': ('Bestellung bezahlen', 'Payer votre commande', 'Pague su pedido', 'ご注文のお支払い', '支付订单'),
    'Amount to pay: %(total)s.': (
        'Zu zahlen: %(total)s.', f'Montant à payer{NB}: %(total)s.', 'Importe a pagar: %(total)s.', 'お支払い金額：%(total)s', '应付金额：%(total)s。',
    ),
    'Your payment is being processed': (
        'Ihre Zahlung wird bearbeitet', 'Votre paiement est en cours de traitement', 'Su pago se está procesando', 'お支払いを処理しています', '您的付款正在处理中',
    ),
    'Your bank is confirming the payment. We will e-mail you as soon as it is confirmed; you do not need to pay again.': (
        'Ihre Bank bestätigt die Zahlung. Wir schreiben Ihnen, sobald sie bestätigt ist; Sie müssen nicht noch einmal zahlen.',
        f'Votre banque confirme le paiement. Nous vous écrirons dès qu’il sera confirmé{NB}; inutile de payer à nouveau.',
        'Su banco está confirmando el pago. Le escribiremos en cuanto se confirme; no necesita pagar de nuevo.',
        '銀行が支払いを確認しています。確認され次第メールでお知らせします。再度お支払いいただく必要はありません。',
        '您的银行正在确认付款。确认后我们会立即发邮件通知您；您无需再次付款。',
    ),
    'Check again': ('Erneut prüfen', 'Vérifier à nouveau', 'Comprobar de nuevo', 'もう一度確認する', '再次查看'),
    'This order was cancelled': (
        'Diese Bestellung wurde storniert', 'Cette commande a été annulée', 'Este pedido se ha cancelado', 'このご注文はキャンセルされました', '此订单已取消',
    ),
    'It can no longer be paid. If you still want the items, please order them again.': (
        'Sie kann nicht mehr bezahlt werden. Wenn Sie die Artikel noch möchten, bestellen Sie sie bitte erneut.',
        'Elle ne peut plus être payée. Si vous souhaitez toujours ces articles, commandez-les à nouveau.',
        'Ya no se puede pagar. Si aún desea los artículos, vuelva a pedirlos.',
        'このご注文はお支払いいただけません。商品が必要な場合は、もう一度ご注文ください。',
        '此订单已无法支付。如果您仍需要这些商品，请重新下单。',
    ),
    'Online payment is unavailable right now': (
        'Online-Zahlung ist gerade nicht möglich', 'Le paiement en ligne est momentanément indisponible', 'El pago en línea no está disponible en este momento',
        'オンライン決済は現在ご利用いただけません', '在线支付暂时不可用',
    ),
    'Your order is saved and nothing was charged. Please try again in a minute.': (
        'Ihre Bestellung ist gespeichert, und es wurde nichts abgebucht. Bitte versuchen Sie es in einer Minute erneut.',
        'Votre commande est enregistrée et rien n’a été débité. Veuillez réessayer dans une minute.',
        'Su pedido está guardado y no se ha cobrado nada. Vuelva a intentarlo en un minuto.',
        'ご注文は保存されており、請求は発生していません。少し時間をおいてもう一度お試しください。',
        '您的订单已保存，未产生任何扣款。请稍后再试。',
    ),
    'This order is paid online: the payment provider confirms its payment, not staff.': (
        'Diese Bestellung wird online bezahlt: Die Zahlung bestätigt der Zahlungsanbieter, nicht das Personal.',
        f'Cette commande est payée en ligne{NB}: c’est le prestataire de paiement qui confirme le paiement, pas l’équipe.',
        'Este pedido se paga en línea: el pago lo confirma el proveedor de pagos, no el personal.',
        'このご注文はオンライン決済です。支払いの確認は決済事業者が行い、スタッフは行いません。',
        '此订单为在线支付：付款由支付服务商确认，而不是由员工确认。',
    ),
    'Pay now': ('Jetzt bezahlen', 'Payer maintenant', 'Pagar ahora', '今すぐ支払う', '立即支付'),
    'Card payments need Stripe keys, which are not configured: add another payment method.': (
        'Kartenzahlung braucht Stripe-Schlüssel, die nicht eingerichtet sind: Fügen Sie eine weitere Zahlart hinzu.',
        f'Le paiement par carte nécessite des clés Stripe, qui ne sont pas configurées{NB}: ajoutez un autre moyen de paiement.',
        'El pago con tarjeta necesita claves de Stripe, que no están configuradas: añada otro método de pago.',
        'カード決済には Stripe のキーが必要ですが、設定されていません。別の支払方法を追加してください。',
        '银行卡支付需要 Stripe 密钥，但尚未配置：请添加其他支付方式。',
    ),
    'This order is paid online and is not paid yet: it ships once the payment is in.': (
        'Diese Bestellung wird online bezahlt und ist noch nicht bezahlt: Sie wird versandt, sobald die Zahlung eingegangen ist.',
        f'Cette commande est payée en ligne et n’est pas encore payée{NB}: elle sera expédiée dès réception du paiement.',
        'Este pedido se paga en línea y aún no está pagado: se enviará cuando llegue el pago.',
        'このご注文はオンライン決済で、まだ支払われていません。入金を確認してから発送します。',
        '此订单为在线支付，尚未付款：收到付款后才会发货。',
    ),
    'We are refunding your payment of %(amount)s to the card or account you paid with; your bank may take a few days to show it.': (
        'Wir erstatten Ihre Zahlung über %(amount)s auf die Karte bzw. das Konto, mit der bzw. dem Sie bezahlt haben; bei Ihrer Bank kann das einige Tage dauern.',
        f'Nous vous remboursons votre paiement de %(amount)s sur la carte ou le compte utilisé{NB}; votre banque peut mettre quelques jours à l’afficher.',
        'Le reembolsamos su pago de %(amount)s en la tarjeta o la cuenta con la que pagó; su banco puede tardar unos días en mostrarlo.',
        'お支払いいただいた %(amount)s を、お支払いに使われたカードまたは口座に返金します。銀行での反映には数日かかる場合があります。',
        '我们正在将您支付的 %(amount)s 退回到您付款时使用的银行卡或账户；银行可能需要几天时间才会显示。',
    ),
    'Nothing was charged.': ('Es wurde nichts abgebucht.', 'Rien n’a été débité.', 'No se ha cobrado nada.', '請求は発生していません。', '未产生任何扣款。'),
    'Refund…': ('Erstatten…', 'Rembourser…', 'Reembolsar…', '返金…', '退款…'),
    'Try again': ('Erneut versuchen', 'Réessayer', 'Intentar de nuevo', 'もう一度試す', '重试'),
    'Your payment did not go through and nothing was charged. Please try again, or choose another card or payment method.': (
        'Ihre Zahlung wurde nicht durchgeführt, und es wurde nichts abgebucht. Bitte versuchen Sie es erneut oder wählen Sie eine andere Karte oder Zahlart.',
        'Votre paiement n’a pas abouti et rien n’a été débité. Veuillez réessayer ou choisir une autre carte ou un autre moyen de paiement.',
        'Su pago no se ha completado y no se ha cobrado nada. Vuelva a intentarlo o elija otra tarjeta u otro método de pago.',
        'お支払いは完了せず、請求は発生していません。もう一度お試しいただくか、別のカードまたは支払方法をお選びください。',
        '付款未成功，未产生任何扣款。请重试，或选择其他银行卡或支付方式。',
    ),
    'Pay %(total)s': ('%(total)s bezahlen', 'Payer %(total)s', 'Pagar %(total)s', '%(total)s を支払う', '支付 %(total)s'),
    'Paying online needs JavaScript. Please turn it on, or place a new order with another payment method.': (
        'Für die Online-Zahlung wird JavaScript benötigt. Bitte aktivieren Sie es oder bestellen Sie neu mit einer anderen Zahlart.',
        'Le paiement en ligne nécessite JavaScript. Activez-le ou passez une nouvelle commande avec un autre moyen de paiement.',
        'El pago en línea necesita JavaScript. Actívelo o haga un nuevo pedido con otro método de pago.',
        'オンライン決済には JavaScript が必要です。有効にするか、別の支払方法で改めてご注文ください。',
        '在线支付需要 JavaScript。请启用它，或使用其他支付方式重新下单。',
    ),
    'Pending': ('Ausstehend', 'En attente', 'Pendiente', '保留中', '待处理'),
    'Processing': ('In Bearbeitung', 'En cours de traitement', 'En proceso', '処理中', '处理中'),
    'Authorized': ('Autorisiert', 'Autorisé', 'Autorizado', '承認済み', '已授权'),
    'Captured': ('Eingezogen', 'Encaissé', 'Cobrado', '売上確定', '已扣款'),
    'Partially refunded': ('Teilweise erstattet', 'Partiellement remboursé', 'Reembolsado parcialmente', '一部返金済み', '部分退款'),
    'Refunded': ('Erstattet', 'Remboursé', 'Reembolsado', '返金済み', '已退款'),
    'Failed': ('Fehlgeschlagen', 'Échoué', 'Fallido', '失敗', '失败'),
    'provider': ('Anbieter', 'prestataire', 'proveedor', '決済事業者', '服务商'),
    'amount': ('Betrag', 'montant', 'importe', '金額', '金额'),
    'captured': ('eingezogen', 'encaissé', 'cobrado', '売上確定額', '已扣款'),
    'refunded': ('erstattet', 'remboursé', 'reembolsado', '返金額', '已退款'),
    'provider reference': ('Referenz beim Anbieter', 'référence du prestataire', 'referencia del proveedor', '決済事業者の参照番号', '服务商参考号'),
    'e.g. the Stripe PaymentIntent id': (
        'z. B. die Stripe-PaymentIntent-ID',
        'p. ex. l’identifiant du PaymentIntent Stripe',
        'p. ej., el id del PaymentIntent de Stripe',
        '例：StripeのPaymentIntent ID',
        '例如 Stripe PaymentIntent ID',
    ),
    'idempotency key': ('Idempotenzschlüssel', 'clé d’idempotence', 'clave de idempotencia', '冪等キー', '幂等键'),
    'disputed': ('angefochten', 'contesté', 'disputado', '異議申し立てあり', '有争议'),
    'payment': ('Zahlung', 'paiement', 'pago', '支払い', '付款'),
    'payments': ('Zahlungen', 'paiements', 'pagos', '支払い', '付款'),
    'Succeeded': ('Erfolgreich', 'Réussi', 'Correcto', '成功', '成功'),
    'reason': ('Grund', 'motif', 'motivo', '理由', '原因'),
    'refund': ('Erstattung', 'remboursement', 'reembolso', '返金', '退款'),
    'refunds': ('Erstattungen', 'remboursements', 'reembolsos', '返金', '退款'),
    'event id': ('Ereignis-ID', 'identifiant de l’événement', 'id del evento', 'イベントID', '事件 ID'),
    'type': ('Typ', 'type', 'tipo', '種類', '类型'),
    'payload': ('Inhalt', 'contenu', 'contenido', '内容', '内容'),
    'received': ('empfangen', 'reçu', 'recibido', '受信日時', '接收时间'),
    'outcome': ('Ergebnis', 'résultat', 'resultado', '結果', '结果'),
    'provider event': ('Anbieter-Ereignis', 'événement du prestataire', 'evento del proveedor', '決済事業者イベント', '服务商事件'),
    'provider events': ('Anbieter-Ereignisse', 'événements du prestataire', 'eventos del proveedor', '決済事業者イベント', '服务商事件'),
    "we have received your payment of %(amount)s for order %(number)s. We are preparing your parcel and will let you know when it ships.": (
        "wir haben Ihre Zahlung über %(amount)s für die Bestellung %(number)s erhalten. Wir packen Ihr Paket und geben Ihnen Bescheid, sobald es versandt ist.",
        "nous avons bien reçu votre paiement de %(amount)s pour la commande %(number)s. Nous préparons votre colis et vous préviendrons dès son expédition.",
        "hemos recibido su pago de %(amount)s por el pedido %(number)s. Estamos preparando su paquete y le avisaremos cuando se envíe.",
        "ご注文%(number)sのお支払い（%(amount)s）を確認いたしました。商品を準備し、発送時にお知らせいたします。",
        "我们已收到您订单 %(number)s 的付款 %(amount)s。我们正在备货，发货时会通知您。",
    ),
    "your order %(number)s has been cancelled.": (
        "Ihre Bestellung %(number)s wurde storniert.", "votre commande %(number)s a été annulée.", "su pedido %(number)s ha sido cancelado.",
        "ご注文%(number)sはキャンセルされました。", "您的订单 %(number)s 已取消。",
    ),
    "We did not receive the payment in time, so the items went back on sale.": (
        "Ihre Zahlung ist nicht rechtzeitig bei uns eingegangen, daher sind die Artikel wieder im Verkauf.",
        "Nous n’avons pas reçu le paiement à temps ; les articles ont donc été remis en vente.",
        "No recibimos el pago a tiempo, por lo que los artículos vuelven a estar a la venta.",
        "期限内にお支払いを確認できなかったため、商品の確保を解除しました。",
        "我们未能按时收到付款，商品已重新开放销售。",
    ),
    "If you have already paid, we will refund you; just reply to this e-mail.": (
        "Falls Sie bereits bezahlt haben, erstatten wir Ihnen den Betrag – antworten Sie einfach auf diese E-Mail.",
        "Si vous avez déjà payé, nous vous rembourserons : répondez simplement à cet e-mail.",
        "Si ya ha pagado, le devolveremos el importe; basta con responder a este correo.",
        "既にお支払い済みの場合は返金いたしますので、このメールにご返信ください。",
        "如果您已付款，我们将为您退款；请直接回复此邮件。",
    ),
    "Your order:": ("Ihre Bestellung:", f"Votre commande{NB}:", "Su pedido:", "ご注文：", "您的订单："),
    "Payment received for your order %(number)s at %(shop)s": (
        "Zahlung für Ihre Bestellung %(number)s bei %(shop)s erhalten", "Paiement reçu pour votre commande %(number)s chez %(shop)s",
        "Pago recibido de su pedido %(number)s en %(shop)s", "%(shop)s：ご注文%(number)sのお支払いを確認しました",
        "已收到您在 %(shop)s 的订单 %(number)s 的付款",
    ),
    "Your order %(number)s at %(shop)s was cancelled": (
        "Ihre Bestellung %(number)s bei %(shop)s wurde storniert", "Votre commande %(number)s chez %(shop)s a été annulée",
        "Su pedido %(number)s en %(shop)s ha sido cancelado", "%(shop)s：ご注文%(number)sはキャンセルされました",
        "您在 %(shop)s 的订单 %(number)s 已取消",
    ),
    "A voucher with this code already exists.": (
        "Ein Gutschein mit diesem Code existiert bereits.", "Un code promo identique existe déjà.",
        "Ya existe un cupón con este código.", "このコードのクーポンは既に存在します。", "已存在使用此代码的优惠券。",
    ),
    "It has already been used %(count)s times.": (
        "Er wurde bereits %(count)s-mal verwendet.", "Il a déjà été utilisé %(count)s fois.", "Ya se ha usado %(count)s veces.",
        "既に%(count)s回使用されています。", "已使用 %(count)s 次。",
    ),
    "This is not a valid VAT number for %(country)s. Check it, or leave the field empty.": (
        "Das ist keine gültige USt-IdNr. für %(country)s. Bitte prüfen Sie sie oder lassen Sie das Feld leer.",
        "Ce n’est pas un numéro de TVA valide pour %(country)s. Vérifiez-le ou laissez le champ vide.",
        "No es un número de IVA válido para %(country)s. Compruébelo o deje el campo vacío.",
        "%(country)sの有効なVAT番号ではありません。ご確認いただくか、空欄のままにしてください。",
        "这不是%(country)s的有效增值税号。请检查，或将此栏留空。",
    ),
    "Adding to the cart works from this shop's pages only.": (
        "Artikel können nur auf den Seiten dieses Shops in den Warenkorb gelegt werden.",
        "L’ajout au panier ne fonctionne que depuis les pages de cette boutique.",
        "Solo se puede añadir al carrito desde las páginas de esta tienda.",
        "カートへの追加はこのショップのページからのみ行えます。",
        "只能在本店页面中加入购物车。",
    ),
    "Save this address in my address book": (
        "Diese Adresse in meinem Adressbuch speichern", "Enregistrer cette adresse dans mon carnet d’adresses",
        "Guardar esta dirección en mi libreta de direcciones", "この住所をアドレス帳に保存する", "将此地址保存到我的地址簿",
    ),
    "Deliver here": ("Hierhin liefern", "Livrer ici", "Enviar aquí", "この住所に届ける", "送到这里"),
    "Your shipping address is outside the %(market)s shop. Please enter it again.": (
        "Ihre Lieferadresse liegt außerhalb des Shops %(market)s. Bitte geben Sie sie erneut ein.",
        "Votre adresse de livraison est en dehors de la boutique %(market)s. Veuillez la saisir à nouveau.",
        "Su dirección de envío está fuera de la tienda %(market)s. Vuelva a introducirla.",
        "お届け先住所が%(market)s向けショップの対象外です。もう一度ご入力ください。",
        "您的收货地址不在%(market)s商店的配送范围内，请重新输入。",
    ),
    "No longer available": ("Nicht mehr erhältlich", "Plus disponible", "Ya no está disponible", "販売終了", "已下架"),
    "No longer available, please remove it from your cart: %(items)s": (
        "Nicht mehr erhältlich, bitte aus dem Warenkorb entfernen: %(items)s",
        f"Plus disponible, veuillez le retirer de votre panier{NB}: %(items)s",
        "Ya no está disponible; retírelo de su carrito: %(items)s",
        "販売終了のため、カートから削除してください：%(items)s",
        "已下架，请从购物车中移除：%(items)s",
    ),
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
    "Used in links, after ?market= (for example ?market=eu).": (
        "Wird in Links nach ?market= verwendet (zum Beispiel ?market=eu).",
        "Utilisé dans les liens, après ?market= (par exemple ?market=eu).",
        "Se usa en los enlaces, después de ?market= (por ejemplo ?market=eu).",
        "リンクの ?market= の後に使います（例：?market=eu）。",
        "用于链接中的 ?market= 之后（例如 ?market=eu）。",
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
    # --- account: messages ------------------------------------------------------------------------
    "Address saved.": ("Adresse gespeichert.", "Adresse enregistrée.", "Dirección guardada.", "住所を保存しました。", "地址已保存。"),
    "Address deleted.": ("Adresse gelöscht.", "Adresse supprimée.", "Dirección eliminada.", "住所を削除しました。", "地址已删除。"),
    "Default address changed.": (
        "Standardadresse geändert.", "Adresse par défaut modifiée.", "Dirección predeterminada cambiada.",
        "デフォルトの住所を変更しました。", "默认地址已更改。",
    ),
    # --- order admin ------------------------------------------------------------------------------
    "event log": ("Ereignisprotokoll", "journal des événements", "registro de eventos", "イベント履歴", "事件日志"),
    "Buyer": ("Käufer", "Acheteur", "Comprador", "購入者", "买家"),
    "Delivery": ("Lieferung", "Livraison", "Entrega", "お届け", "配送信息"),
    "Money": ("Beträge", "Montants", "Importes", "金額", "金额"),
    "total": ("Gesamtbetrag", "total", "total", "合計", "合计"),
    "total (base currency)": (
        "Gesamtbetrag (Basiswährung)", "total (devise de base)", "total (moneda base)", "合計（基準通貨）", "合计（基准货币）",
    ),
    "addresses": ("Adressen", "adresses", "direcciones", "住所", "地址"),
    "Shipping": ("Versand", "Livraison", "Envío", "配送", "配送"),
    "Billing": ("Rechnungsdaten", "Facturation", "Facturación", "請求先", "账单信息"),
    "totals": ("Summen", "totaux", "totales", "合計額", "合计金额"),
    "Goods (after discount), net": (
        "Waren (nach Rabatt), netto",
        "Articles (après remise), HT",
        "Productos (tras el descuento), sin impuestos",
        "商品（割引後・税抜）",
        "商品（折后，不含税）",
    ),
    "Goods, gross": ("Waren, brutto", "Articles, TTC", "Productos, con impuestos", "商品（税込）", "商品（含税）"),
    "Discount": ("Rabatt", "Remise", "Descuento", "割引", "折扣"),
    "Shipping, gross": ("Versand, brutto", "Livraison, TTC", "Envío, con impuestos", "送料（税込）", "运费（含税）"),
    "Net": ("Netto", "Montant HT", "Base imponible", "税抜金額", "不含税金额"),
    "Tax %(rate)s %%": (
        "USt. %(rate)s %%", f"Taxe %(rate)s{NB}%%", "Impuesto %(rate)s %%",
        "税（%(rate)s%%）", "税费（%(rate)s%%）",
    ),
    "Tax": ("Steuern", "Taxes", "Impuestos", "税額", "税费"),
    "exchange rate": ("Wechselkurs", "taux de change", "tipo de cambio", "為替レート", "汇率"),
    "invoice": ("Rechnung", "facture", "factura", "請求書", "发票"),
    "Mark offline payment as received": (
        "Offline-Zahlung als eingegangen markieren",
        "Marquer le paiement hors ligne comme reçu",
        "Marcar el pago fuera de línea como recibido",
        "オフライン決済を入金済みにする",
        "将线下付款标记为已收到",
    ),
    "confirmed in admin": (
        "in der Verwaltung bestätigt", "confirmé dans l’administration", "confirmado en la administración",
        "管理画面で確認済み", "已在后台确认",
    ),
    "Marked as paid: %(orders)s": (
        "Als bezahlt markiert: %(orders)s",
        f"Marquées comme payées{NB}: %(orders)s",
        "Marcados como pagados: %(orders)s",
        "入金済みにしました：%(orders)s",
        "已标记为已付款：%(orders)s",
    ),
    "Cancel orders (stock goes back on sale)": (
        "Bestellungen stornieren (Bestand wird wieder zum Verkauf freigegeben)",
        "Annuler les commandes (le stock est remis en vente)",
        "Cancelar pedidos (el stock vuelve a estar a la venta)",
        "注文をキャンセル（在庫は販売可能に戻ります）",
        "取消订单（库存将重新开放销售）",
    ),
    "Cancelled in admin": (
        "In der Verwaltung storniert", "Annulée dans l’administration", "Cancelado en la administración",
        "管理画面でキャンセル", "已在后台取消",
    ),
    "Cancelled: %(orders)s": (
        "Storniert: %(orders)s", f"Annulées{NB}: %(orders)s", "Cancelados: %(orders)s",
        "キャンセルしました：%(orders)s", "已取消：%(orders)s",
    ),
    # --- checkout forms ---------------------------------------------------------------------------
    "Full name": ("Vor- und Nachname", "Nom complet", "Nombre y apellidos", "氏名", "姓名"),
    "Company (optional)": ("Firma (optional)", "Société (facultatif)", "Empresa (opcional)", "会社名（任意）", "公司（选填）"),
    "Street and number": ("Straße und Hausnummer", "Numéro et nom de rue", "Calle y número", "町名・番地", "街道和门牌号"),
    "Address line 2 (optional)": (
        "Adresszusatz (optional)",
        "Complément d’adresse (facultatif)",
        "Piso, puerta, etc. (opcional)",
        "建物名・部屋番号（任意）",
        "补充地址（选填）",
    ),
    "Postcode": ("Postleitzahl", "Code postal", "Código postal", "郵便番号", "邮政编码"),
    "City": ("Ort", "Ville", "Ciudad", "市区町村", "城市"),
    "Region / state / prefecture (optional)": (
        "Bundesland / Region / Präfektur (optional)",
        "Région / État / préfecture (facultatif)",
        "Provincia / región / estado (opcional)",
        "都道府県・州（任意）",
        "省 / 州 / 地区（选填）",
    ),
    "Country": ("Land", "Pays", "País", "国", "国家/地区"),
    "Phone (optional, for the carrier)": (
        "Telefon (optional, für den Versanddienstleister)",
        "Téléphone (facultatif, pour le transporteur)",
        "Teléfono (opcional, para el transportista)",
        "電話番号（任意、配送業者からの連絡用）",
        "电话（选填，供承运商联系）",
    ),
    "E-mail": ("E-Mail", "E-mail", "Correo electrónico", "メールアドレス", "电子邮箱"),
    "For your order confirmation and invoice.": (
        "Für Ihre Bestellbestätigung und Rechnung.",
        "Pour votre confirmation de commande et votre facture.",
        "Para la confirmación del pedido y la factura.",
        "ご注文確認メールと請求書の送付に使用します。",
        "用于接收订单确认和发票。",
    ),
    "Billing address is the same as the shipping address": (
        "Rechnungsadresse entspricht der Lieferadresse",
        "L’adresse de facturation est identique à l’adresse de livraison",
        "La dirección de facturación es la misma que la de envío",
        "請求先住所はお届け先住所と同じ",
        "账单地址与收货地址相同",
    ),
    "VAT number (businesses, optional)": (
        "USt-IdNr. (für Unternehmen, optional)",
        "Numéro de TVA (entreprises, facultatif)",
        "NIF-IVA (empresas, opcional)",
        "VAT登録番号（法人のお客様、任意）",
        "增值税税号（企业客户，选填）",
    ),
    "Payment method": ("Zahlungsart", "Mode de paiement", "Método de pago", "お支払い方法", "付款方式"),
    "I have checked my order and accept the terms of sale.": (
        "Ich habe meine Bestellung überprüft und akzeptiere die Allgemeinen Geschäftsbedingungen.",
        "J’ai vérifié ma commande et j’accepte les conditions générales de vente.",
        "He revisado mi pedido y acepto las condiciones generales de venta.",
        "注文内容を確認し、販売条件に同意します。",
        "我已核对订单并同意销售条款。",
    ),
    "Please confirm that you accept the terms of sale.": (
        "Bitte bestätigen Sie, dass Sie die Allgemeinen Geschäftsbedingungen akzeptieren.",
        "Veuillez confirmer que vous acceptez les conditions générales de vente.",
        "Confirme que acepta las condiciones generales de venta.",
        "販売条件への同意にチェックを入れてください。",
        "请确认您同意销售条款。",
    ),
    "Voucher code": ("Gutscheincode", "Code promo", "Código del cupón", "クーポンコード", "优惠码"),
    # --- checkout views ---------------------------------------------------------------------------
    "Please choose a shipping option again.": (
        "Bitte wählen Sie erneut eine Versandart.",
        "Veuillez choisir à nouveau un mode de livraison.",
        "Vuelva a elegir una opción de envío.",
        "配送方法をもう一度選択してください。",
        "请重新选择配送方式。",
    ),
    "Voucher removed.": ("Gutschein entfernt.", "Code promo retiré.", "Cupón eliminado.", "クーポンを削除しました。", "优惠券已移除。"),
    "Voucher %(code)s applied.": (
        "Gutschein %(code)s eingelöst.",
        "Code promo %(code)s appliqué.",
        "Cupón %(code)s aplicado.",
        "クーポン %(code)s を適用しました。",
        "已使用优惠券 %(code)s。",
    ),
    "Your cart changed in another window. Please check it and check out again.": (
        "Ihr Warenkorb wurde in einem anderen Fenster geändert. Bitte prüfen Sie ihn und gehen Sie erneut zur Kasse.",
        "Votre panier a été modifié dans une autre fenêtre. Veuillez le vérifier et valider à nouveau votre commande.",
        "Su carrito ha cambiado en otra ventana. Revíselo y vuelva a tramitar el pedido.",
        "別のウィンドウでカートの内容が変更されました。カートをご確認のうえ、もう一度ご購入手続きを行ってください。",
        "您的购物车已在另一个窗口中更改。请检查购物车后重新结算。",
    ),
    # --- checkout models --------------------------------------------------------------------------
    "Bank transfer": ("Überweisung", "Virement bancaire", "Transferencia bancaria", "銀行振込", "银行转账"),
    "Cash on delivery": ("Nachnahme", "Paiement à la livraison", "Contra reembolso", "代金引換", "货到付款"),
    "e-mail": ("E-Mail", "e-mail", "correo electrónico", "メールアドレス", "电子邮箱"),
    "shipping address": ("Lieferadresse", "adresse de livraison", "dirección de envío", "お届け先住所", "收货地址"),
    "billing address": ("Rechnungsadresse", "adresse de facturation", "dirección de facturación", "請求先住所", "账单地址"),
    "Empty: same as shipping.": (
        "Leer: wie Lieferadresse.",
        f"Vide{NB}: identique à l’adresse de livraison.",
        "Vacío: igual que la dirección de envío.",
        "空欄の場合はお届け先住所と同じです。",
        "留空则与收货地址相同。",
    ),
    "shipping method": ("Versandart", "mode de livraison", "método de envío", "配送方法", "配送方式"),
    "voucher": ("Gutschein", "bon de réduction", "cupón", "クーポン", "优惠券"),
    "payment method": ("Zahlungsart", "mode de paiement", "método de pago", "支払方法", "付款方式"),
    "stock reserved until": (
        "Bestand reserviert bis", "stock réservé jusqu’au", "stock reservado hasta", "在庫確保期限", "库存预留截止时间",
    ),
    "full name": ("Vor- und Nachname", "nom complet", "nombre completo", "氏名", "姓名"),
    "company": ("Firma", "société", "empresa", "会社名", "公司"),
    "address": ("Adresse", "adresse", "dirección", "住所", "地址"),
    "address line 2": ("Adresszusatz", "complément d’adresse", "línea de dirección 2", "住所2", "地址第二行"),
    "postcode": ("Postleitzahl", "code postal", "código postal", "郵便番号", "邮政编码"),
    "city": ("Ort", "ville", "ciudad", "市区町村", "城市"),
    "region / state / prefecture": (
        "Bundesland / Region / Präfektur", "région / État / préfecture", "provincia / región / estado", "都道府県・州", "省 / 州 / 地区",
    ),
    "phone": ("Telefon", "téléphone", "teléfono", "電話番号", "电话"),
    "VAT number": ("USt-IdNr.", "Numéro de TVA", "NIF-IVA", "VAT登録番号", "增值税税号"),
    "default address": ("Standardadresse", "adresse par défaut", "dirección predeterminada", "デフォルトの住所", "默认地址"),
    "carrier": ("Versanddienstleister", "transporteur", "transportista", "配送業者", "承运商"),
    "ships from": ("Versand ab", "expédié depuis", "se envía desde", "出荷元", "发货仓库"),
    "destinations": ("Zielländer", "destinations", "destinos", "配送先", "目的地"),
    "Empty: every country the warehouse serves.": (
        "Leer: alle Länder, die das Lager beliefert.",
        f"Vide{NB}: tous les pays desservis par l’entrepôt.",
        "Vacío: todos los países que atiende el almacén.",
        "空欄の場合は、倉庫の配送対象国すべてが対象です。",
        "留空则适用于该仓库配送的所有国家。",
    ),
    "delivery from (working days)": (
        "Lieferzeit ab (Werktage)", "livraison à partir de (jours ouvrés)", "entrega desde (días hábiles)",
        "お届け日数（最短・営業日）", "最短送达时间（工作日）",
    ),
    "delivery up to (working days)": (
        "Lieferzeit bis (Werktage)", "livraison jusqu’à (jours ouvrés)", "entrega hasta (días hábiles)",
        "お届け日数（最長・営業日）", "最长送达时间（工作日）",
    ),
    "shipping methods": ("Versandarten", "modes de livraison", "métodos de envío", "配送方法", "配送方式"),
    "up to weight (g)": ("bis Gewicht (g)", "poids jusqu’à (g)", "peso hasta (g)", "上限重量（g）", "重量上限（克）"),
    "net price": ("Nettopreis", "prix HT", "precio sin impuestos", "税抜価格", "不含税价格"),
    "weight band": ("Gewichtsstufe", "tranche de poids", "tramo de peso", "重量区分", "重量区间"),
    "weight bands": ("Gewichtsstufen", "tranches de poids", "tramos de peso", "重量区分", "重量区间"),
    "Percentage off the goods": (
        "Prozentualer Rabatt auf die Waren",
        "Remise en pourcentage sur les articles",
        "Descuento porcentual sobre los productos",
        "商品代金から割合で割引",
        "商品按百分比折扣",
    ),
    "Fixed amount off the goods": (
        "Fester Rabattbetrag auf die Waren",
        "Remise d’un montant fixe sur les articles",
        "Descuento de importe fijo sobre los productos",
        "商品代金から定額で割引",
        "商品立减固定金额",
    ),
    "Buyers type it in any case; stored in capitals.": (
        "Käufer können Groß- oder Kleinbuchstaben eingeben; gespeichert wird in Großbuchstaben.",
        f"Les acheteurs peuvent le saisir en majuscules ou en minuscules{NB}; il est enregistré en majuscules.",
        "Los compradores pueden escribirlo en mayúsculas o minúsculas; se guarda en mayúsculas.",
        "購入者は大文字・小文字を区別せずに入力できます。大文字で保存されます。",
        "买家输入时不区分大小写；以大写形式保存。",
    ),
    "kind": ("Art", "type", "tipo", "種類", "类型"),
    "value": ("Wert", "valeur", "valor", "値", "数值"),
    "Percent, or an amount in the voucher's currency.": (
        "Prozentsatz oder ein Betrag in der Währung des Gutscheins.",
        "Pourcentage, ou montant dans la devise du bon de réduction.",
        "Porcentaje, o un importe en la moneda del cupón.",
        "割合（%）、またはクーポンの通貨での金額。",
        "百分比，或以优惠券货币计的金额。",
    ),
    "Currency of a fixed amount and of the minimum spend; converted for other markets.": (
        "Währung des Festbetrags und des Mindestbestellwerts; für andere Märkte wird umgerechnet.",
        f"Devise du montant fixe et du montant minimum d’achat{NB}; convertie pour les autres marchés.",
        "Moneda del importe fijo y del importe mínimo de compra; se convierte para los demás mercados.",
        "定額割引と最低購入金額の通貨です。他のマーケットでは換算されます。",
        "固定金额和最低消费金额所用的货币；其他市场将按汇率换算。",
    ),
    "minimum spend": ("Mindestbestellwert", "montant minimum d’achat", "importe mínimo de compra", "最低購入金額", "最低消费金额"),
    "Goods total as shown to the buyer, in the voucher's currency.": (
        "Warenwert, wie er dem Käufer angezeigt wird, in der Währung des Gutscheins.",
        "Total des articles tel qu’affiché à l’acheteur, dans la devise du bon de réduction.",
        "Total de los productos tal como lo ve el comprador, en la moneda del cupón.",
        "購入者に表示される商品合計額（クーポンの通貨）。",
        "向买家显示的商品总额，以优惠券货币计。",
    ),
    "Empty: every market.": (
        "Leer: alle Märkte.", f"Vide{NB}: tous les marchés.", "Vacío: todos los mercados.",
        "空欄の場合はすべてのマーケットが対象です。", "留空则适用于所有市场。",
    ),
    "valid from": ("gültig ab", "valable à partir du", "válido desde", "有効期間（開始）", "生效时间"),
    "valid until": ("gültig bis", "valable jusqu’au", "válido hasta", "有効期間（終了）", "失效时间"),
    "total uses": (
        "max. Einlösungen insgesamt", "nombre maximal d’utilisations", "usos máximos en total", "利用回数の上限（全体）", "总使用次数上限",
    ),
    "Empty: unlimited.": (
        "Leer: unbegrenzt.", f"Vide{NB}: illimité.", "Vacío: ilimitado.", "空欄の場合は無制限です。", "留空则不限。",
    ),
    "uses per customer": (
        "max. Einlösungen pro Kunde", "utilisations maximales par client", "usos máximos por cliente",
        "1人あたりの利用回数上限", "每位客户使用次数上限",
    ),
    "only for e-mail": (
        "nur für E-Mail-Adresse", "réservé à l’adresse e-mail", "solo para el correo electrónico", "対象メールアドレス", "仅限电子邮箱",
    ),
    "Tie the code to one buyer's e-mail address.": (
        "Bindet den Code an die E-Mail-Adresse eines einzelnen Käufers.",
        "Associe le code à l’adresse e-mail d’un seul acheteur.",
        "Vincula el código a la dirección de correo electrónico de un solo comprador.",
        "コードを特定の購入者のメールアドレスに限定します。",
        "将优惠码绑定到某一位买家的电子邮箱。",
    ),
    "times used": ("Anzahl Einlösungen", "nombre d’utilisations", "veces utilizado", "利用回数", "已使用次数"),
    "vouchers": ("Gutscheine", "bons de réduction", "cupones", "クーポン", "优惠券"),
    "order": ("Bestellung", "commande", "pedido", "注文", "订单"),
    "voucher use": ("Gutscheineinlösung", "utilisation de bon de réduction", "uso de cupón", "クーポン利用", "优惠券使用记录"),
    "voucher uses": ("Gutscheineinlösungen", "utilisations de bons de réduction", "usos de cupones", "クーポン利用", "优惠券使用记录"),
    # --- order models -----------------------------------------------------------------------------
    "Awaiting payment": ("Zahlung ausstehend", "En attente de paiement", "Pendiente de pago", "入金待ち", "待付款"),
    "Paid": ("Bezahlt", "Payée", "Pagado", "入金済み", "已付款"),
    "Partially shipped": ("Teilweise versandt", "Partiellement expédiée", "Enviado parcialmente", "一部発送済み", "部分发货"),
    "Shipped": ("Versandt", "Expédiée", "Enviado", "発送済み", "已发货"),
    "Delivered": ("Zugestellt", "Livrée", "Entregado", "配達済み", "已送达"),
    "Cancelled": ("Storniert", "Annulée", "Cancelado", "キャンセル済み", "已取消"),
    "VAT of the destination": (
        "MwSt. des Bestimmungslandes", "TVA du pays de destination", "IVA del país de destino", "仕向国のVAT", "目的地国家增值税",
    ),
    "Import VAT collected at checkout (IOSS)": (
        "Einfuhrumsatzsteuer beim Kauf erhoben (IOSS)",
        "TVA à l’importation perçue lors de la commande (IOSS)",
        "IVA de importación cobrado en la compra (IOSS)",
        "輸入VATを購入時に徴収（IOSS）",
        "进口增值税于结算时代收（IOSS）",
    ),
    "UK VAT collected at checkout (consignment up to £135)": (
        "Britische MwSt. beim Kauf erhoben (Sendungswert bis 135 £)",
        f"TVA britannique perçue lors de la commande (envoi jusqu’à 135{NB}£)",
        "IVA británico cobrado en la compra (envío de hasta 135 £)",
        "英国VATを購入時に徴収（貨物価額135ポンド以下）",
        "英国增值税于结算时代收（货值不超过 135 英镑）",
    ),
    "Import VAT and duties due on delivery": (
        "Einfuhrumsatzsteuer und Zölle bei Zustellung fällig",
        "TVA à l’importation et droits de douane dus à la livraison",
        "IVA de importación y aranceles pagaderos a la entrega",
        "輸入消費税（VAT）・関税は配達時に支払い",
        "进口增值税和关税于收货时支付",
    ),
    "Reverse charge": (
        "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge)",
        "Autoliquidation",
        "Inversión del sujeto pasivo",
        "リバースチャージ",
        "反向征税",
    ),
    "number": ("Nummer", "numéro", "número", "番号", "编号"),
    "The cart it was placed from: a second submit finds this order.": (
        "Der Warenkorb, aus dem sie aufgegeben wurde: Ein erneutes Absenden findet diese Bestellung.",
        f"Le panier à partir duquel elle a été passée{NB}: un second envoi retrouve cette commande.",
        "El carrito desde el que se realizó: un segundo envío encuentra este pedido.",
        "注文元のカートです。再送信された場合はこの注文が返されます。",
        "下单所用的购物车：重复提交时将找到此订单。",
    ),
    "account": ("Kundenkonto", "compte", "cuenta", "アカウント", "账户"),
    "language": ("Sprache", "langue", "idioma", "言語", "语言"),
    "prices shown with tax": (
        "Preise inkl. Steuern angezeigt", "prix affichés TTC", "precios mostrados con impuestos", "税込価格で表示", "价格含税显示",
    ),
    "status": ("Status", "statut", "estado", "ステータス", "状态"),
    "buyer's VAT number": (
        "USt-IdNr. des Käufers", "numéro de TVA de l’acheteur", "NIF-IVA del comprador", "購入者のVAT登録番号", "买家增值税税号",
    ),
    "shipping": ("Versandart", "livraison", "envío", "配送", "配送"),
    "delivery from": ("Lieferung frühestens", "livraison au plus tôt", "entrega desde", "お届け予定日（最短）", "最早送达日期"),
    "delivery by": ("Lieferung spätestens", "livraison au plus tard", "entrega hasta", "お届け予定日（最長）", "最晚送达日期"),
    "shipping net": ("Versand netto", "livraison HT", "envío sin impuestos", "送料（税抜）", "运费（不含税）"),
    "shipping gross": ("Versand brutto", "livraison TTC", "envío con impuestos", "送料（税込）", "运费（含税）"),
    "shipping tax rate %": (
        "Steuersatz Versand %", "taux de taxe livraison %", "tipo impositivo del envío %", "送料の税率 %", "运费税率 %",
    ),
    "goods net": ("Waren netto", "articles HT", "productos sin impuestos", "商品（税抜）", "商品（不含税）"),
    "goods gross": ("Waren brutto", "articles TTC", "productos con impuestos", "商品（税込）", "商品（含税）"),
    "discount": ("Rabatt", "remise", "descuento", "割引", "折扣"),
    "voucher code": ("Gutscheincode", "code promo", "código del cupón", "クーポンコード", "优惠码"),
    "total net": ("Gesamt netto", "total HT", "total sin impuestos", "合計（税抜）", "合计（不含税）"),
    "total tax": ("Steuern gesamt", "total des taxes", "total de impuestos", "税額合計", "税费合计"),
    "base currency": ("Basiswährung", "devise de base", "moneda base", "基準通貨", "基准货币"),
    "Units of the order currency per unit of the base currency when placed.": (
        "Einheiten der Bestellwährung je Einheit der Basiswährung zum Zeitpunkt der Bestellung.",
        "Unités de la devise de la commande pour une unité de la devise de base, au moment de la commande.",
        "Unidades de la moneda del pedido por unidad de la moneda base en el momento del pedido.",
        "注文時点での、基準通貨1単位あたりの注文通貨の額。",
        "下单时每单位基准货币折合的订单货币数量。",
    ),
    "total net (base currency)": (
        "Gesamt netto (Basiswährung)", "total HT (devise de base)", "total sin impuestos (moneda base)",
        "合計（税抜・基準通貨）", "合计（不含税，基准货币）",
    ),
    "IOSS number": ("IOSS-Nummer", "numéro IOSS", "número IOSS", "IOSS番号", "IOSS 编号"),
    "tax notes": ("Steuerhinweise", "mentions fiscales", "notas fiscales", "税務上の注記", "税务说明"),
    "Codes of the tax treatments that apply.": (
        "Codes der anwendbaren steuerlichen Behandlungen.",
        "Codes des régimes fiscaux applicables.",
        "Códigos de los regímenes fiscales aplicables.",
        "適用される課税区分のコード。",
        "适用的税务处理方式代码。",
    ),
    "placed": ("aufgegeben am", "passée le", "realizado el", "注文日時", "下单时间"),
    "paid": ("bezahlt am", "payée le", "pagado el", "入金日時", "付款时间"),
    "cancelled": ("storniert am", "annulée le", "cancelado el", "キャンセル日時", "取消时间"),
    "orders": ("Bestellungen", "commandes", "pedidos", "注文", "订单"),
    "unit net": ("Einzelpreis netto", "prix unitaire HT", "precio unitario sin impuestos", "単価（税抜）", "单价（不含税）"),
    "unit gross": ("Einzelpreis brutto", "prix unitaire TTC", "precio unitario con impuestos", "単価（税込）", "单价（含税）"),
    "tax rate %": ("Steuersatz %", "taux de taxe %", "tipo impositivo %", "税率 %", "税率 %"),
    "tax treatment": ("steuerliche Behandlung", "régime fiscal", "régimen fiscal", "課税区分", "税务处理方式"),
    "line net": ("Position netto", "ligne HT", "línea sin impuestos", "明細金額（税抜）", "明细金额（不含税）"),
    "line gross": ("Position brutto", "ligne TTC", "línea con impuestos", "明細金額（税込）", "明细金额（含税）"),
    "unit weight (g)": ("Stückgewicht (g)", "poids unitaire (g)", "peso unitario (g)", "単位重量（g）", "单件重量（克）"),
    "order line": ("Bestellposition", "ligne de commande", "línea de pedido", "注文明細", "订单明细"),
    "order lines": ("Bestellpositionen", "lignes de commande", "líneas de pedido", "注文明細", "订单明细"),
    "Placed": ("Bestellt", "Commande passée", "Pedido realizado", "注文受付", "已下单"),
    "Status changed": ("Status geändert", "Statut modifié", "Estado cambiado", "ステータス変更", "状态已变更"),
    "Payment": ("Zahlung", "Paiement", "Pago", "お支払い", "付款"),
    "E-mail sent": ("E-Mail gesendet", "E-mail envoyé", "Correo electrónico enviado", "メール送信", "邮件已发送"),
    "Invoice issued": ("Rechnung erstellt", "Facture émise", "Factura emitida", "請求書発行", "发票已开具"),
    "Note": ("Notiz", "Note", "Nota", "メモ", "备注"),
    "message": ("Nachricht", "message", "mensaje", "メッセージ", "消息"),
    "by": ("ausgeführt von", "par", "por", "実行者", "操作人"),
    "when": ("Zeitpunkt", "date", "fecha", "日時", "时间"),
    "order event": ("Bestellereignis", "événement de commande", "evento del pedido", "注文イベント", "订单事件"),
    "order events": ("Bestellereignisse", "événements de commande", "eventos del pedido", "注文イベント", "订单事件"),
    "year": ("Jahr", "année", "año", "年", "年份"),
    "sequence": ("laufende Nummer", "numéro d’ordre", "número secuencial", "連番", "序号"),
    "issued": ("ausgestellt am", "émise le", "emitida el", "発行日時", "开具时间"),
    "PDF": ("PDF", "PDF", "PDF", "PDF", "PDF"),
    "invoices": ("Rechnungen", "factures", "facturas", "請求書", "发票"),
    # --- address and checkout validation ----------------------------------------------------------
    "Enter a valid Eircode, e.g. %(example)s.": (
        "Bitte geben Sie einen gültigen Eircode ein, z.\u00a0B. %(example)s.",
        "Saisissez un Eircode valide, par exemple %(example)s.",
        "Introduzca un Eircode válido, p.\u00a0ej., %(example)s.",
        "有効なEircodeを入力してください（例：%(example)s）。",
        "请输入有效的 Eircode，例如 %(example)s。",
    ),
    "This postcode is too long.": (
        "Diese Postleitzahl ist zu lang.", "Ce code postal est trop long.", "Este código postal es demasiado largo.",
        "郵便番号が長すぎます。", "邮政编码过长。",
    ),
    "Enter the postcode.": (
        "Bitte geben Sie die Postleitzahl ein.", "Saisissez le code postal.", "Introduzca el código postal.",
        "郵便番号を入力してください。", "请输入邮政编码。",
    ),
    "Enter a valid postcode for this country, e.g. %(example)s.": (
        "Bitte geben Sie eine gültige Postleitzahl für dieses Land ein, z.\u00a0B. %(example)s.",
        "Saisissez un code postal valide pour ce pays, par exemple %(example)s.",
        "Introduzca un código postal válido para este país, p.\u00a0ej., %(example)s.",
        "この国の有効な郵便番号を入力してください（例：%(example)s）。",
        "请输入该国家/地区的有效邮政编码，例如 %(example)s。",
    ),
    "Enter a voucher code.": (
        "Bitte geben Sie einen Gutscheincode ein.", "Saisissez un code promo.", "Introduzca un código de cupón.",
        "クーポンコードを入力してください。", "请输入优惠码。",
    ),
    "This voucher code is not valid.": (
        "Dieser Gutscheincode ist ungültig.", "Ce code promo n’est pas valable.", "Este código de cupón no es válido.",
        "このクーポンコードは無効です。", "该优惠码无效。",
    ),
    "This voucher is not valid in the %(market)s shop.": (
        "Dieser Gutschein gilt nicht im Shop für %(market)s.",
        "Ce code promo n’est pas valable sur la boutique %(market)s.",
        "Este cupón no es válido en la tienda de %(market)s.",
        "このクーポンは%(market)s向けショップではご利用いただけません。",
        "该优惠券不适用于%(market)s站点。",
    ),
    "This voucher is not valid yet.": (
        "Dieser Gutschein ist noch nicht gültig.", "Ce code promo n’est pas encore valable.", "Este cupón todavía no es válido.",
        "このクーポンはまだご利用いただけません。", "该优惠券尚未生效。",
    ),
    "This voucher has expired.": (
        "Dieser Gutschein ist abgelaufen.", "Ce code promo a expiré.", "Este cupón ha caducado.",
        "このクーポンは有効期限が切れています。", "该优惠券已过期。",
    ),
    "This voucher has been used up.": (
        "Dieser Gutschein ist bereits aufgebraucht.",
        "Ce code promo a atteint sa limite d’utilisation.",
        "Este cupón ya se ha agotado.",
        "このクーポンは利用上限に達しました。",
        "该优惠券已达使用上限。",
    ),
    "Enter your e-mail address first: this voucher is personal.": (
        "Bitte geben Sie zuerst Ihre E-Mail-Adresse ein: Dieser Gutschein ist personalisiert.",
        f"Saisissez d’abord votre adresse e-mail{NB}: ce code promo est personnel.",
        "Introduzca primero su dirección de correo electrónico: este cupón es personal.",
        "このクーポンは個人専用です。先にメールアドレスを入力してください。",
        "请先输入您的电子邮箱：该优惠券仅限本人使用。",
    ),
    "This voucher belongs to another e-mail address.": (
        "Dieser Gutschein ist an eine andere E-Mail-Adresse gebunden.",
        "Ce code promo est associé à une autre adresse e-mail.",
        "Este cupón está asociado a otra dirección de correo electrónico.",
        "このクーポンは別のメールアドレスに紐付けられています。",
        "该优惠券已绑定其他电子邮箱。",
    ),
    "You have already used this voucher.": (
        "Sie haben diesen Gutschein bereits eingelöst.", "Vous avez déjà utilisé ce code promo.", "Ya ha utilizado este cupón.",
        "このクーポンはすでにご利用済みです。", "您已使用过该优惠券。",
    ),
    "This voucher needs a minimum spend of %(amount)s.": (
        "Dieser Gutschein gilt erst ab einem Mindestbestellwert von %(amount)s.",
        "Ce code promo nécessite un montant minimum d’achat de %(amount)s.",
        "Este cupón requiere un importe mínimo de compra de %(amount)s.",
        "このクーポンのご利用には%(amount)s以上のご購入が必要です。",
        "该优惠券需满 %(amount)s 方可使用。",
    ),
    # same wording as Django's own catalogue, so service-layer and form-level errors read alike
    "This field is required.": (
        "Dieses Feld ist zwingend erforderlich.", "Ce champ est obligatoire.", "Este campo es obligatorio.",
        "このフィールドは必須です。", "这个字段是必填项。",
    ),
    "We do not deliver to this country from the %(market)s shop.": (
        "Aus dem Shop für %(market)s liefern wir nicht in dieses Land.",
        "Nous ne livrons pas ce pays depuis la boutique %(market)s.",
        "No enviamos a este país desde la tienda de %(market)s.",
        "%(market)s向けショップからはこの国へお届けできません。",
        "%(market)s站点不向该国家/地区配送。",
    ),
    "Choose one of the shipping options shown.": (
        "Bitte wählen Sie eine der angezeigten Versandarten.",
        "Choisissez l’un des modes de livraison proposés.",
        "Elija una de las opciones de envío mostradas.",
        "表示されている配送方法からお選びください。",
        "请从所列配送方式中选择一种。",
    ),
    "Choose a payment method.": (
        "Bitte wählen Sie eine Zahlungsart.", "Choisissez un mode de paiement.", "Elija un método de pago.",
        "お支払い方法を選択してください。", "请选择付款方式。",
    ),
    "%(name)s is sold out (you asked for %(requested)s).": (
        "%(name)s ist ausverkauft (gewünscht: %(requested)s).",
        "%(name)s est épuisé (vous en avez demandé %(requested)s).",
        "%(name)s está agotado (ha solicitado %(requested)s).",
        "%(name)sは売り切れです（ご希望数：%(requested)s）。",
        "%(name)s 已售罄（您需要 %(requested)s 件）。",
    ),
    "%(name)s: only %(available)s left, you asked for %(requested)s (%(missing)s too many).": (
        "%(name)s: nur noch %(available)s verfügbar, gewünscht: %(requested)s (%(missing)s zu viel).",
        f"%(name)s{NB}: il n’en reste que %(available)s, vous en avez demandé %(requested)s (%(missing)s de trop).",
        "%(name)s: solo quedan %(available)s y ha solicitado %(requested)s (%(missing)s de más).",
        "%(name)s：在庫は残り%(available)s点で、ご希望数は%(requested)s点です（%(missing)s点超過）。",
        "%(name)s：仅剩 %(available)s 件，您需要 %(requested)s 件（超出 %(missing)s 件）。",
    ),
    # --- invoice tax notes (legal mentions) -------------------------------------------------------
    "VAT collected under the Import One-Stop Shop. IOSS number: %(ioss)s": (
        "Die Mehrwertsteuer wurde über den Import-One-Stop-Shop (IOSS) erhoben. IOSS-Nummer: %(ioss)s",
        f"TVA perçue dans le cadre du guichet unique pour les importations (Import One-Stop Shop, IOSS). "
        f"Numéro IOSS{NB}: %(ioss)s",
        "IVA recaudado a través de la ventanilla única de importación (Import One-Stop Shop, IOSS). Número IOSS: %(ioss)s",
        "輸入ワンストップショップ（Import One-Stop Shop、IOSS）制度によりVATを徴収済みです。IOSS番号：%(ioss)s",
        "增值税已通过进口一站式服务（Import One-Stop Shop，IOSS）代收。IOSS 编号：%(ioss)s",
    ),
    "Reverse charge: tax-exempt intra-Community supply of goods (Article 138, Council Directive 2006/112/EC); VAT to be accounted for by the recipient.": (
        "Steuerfreie innergemeinschaftliche Lieferung (Art. 138 der Richtlinie 2006/112/EG); "
        "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).",
        f"Autoliquidation{NB}: livraison intracommunautaire exonérée de TVA (article 138 de la directive 2006/112/CE du Conseil)"
        f"{NB}; TVA due par le preneur.",
        "Inversión del sujeto pasivo: entrega intracomunitaria de bienes exenta de IVA (artículo 138 de la Directiva "
        "2006/112/CE del Consejo); el IVA debe ser liquidado por el destinatario.",
        "リバースチャージ：免税のEU域内物品供給（EU理事会指令2006/112/EC第138条）。VATは受領者が申告・納付します。",
        "反向征税：免税的欧盟内部货物供应（欧盟理事会第 2006/112/EC 号指令第 138 条）；增值税由购买方申报缴纳。",
    ),
    "Import VAT and duties are not included and are due on delivery.": (
        "Einfuhrumsatzsteuer und Zölle sind nicht enthalten und bei Zustellung fällig.",
        "La TVA à l’importation et les droits de douane ne sont pas inclus et sont dus à la livraison.",
        "El IVA de importación y los aranceles no están incluidos y se abonan a la entrega.",
        "輸入消費税（VAT）および関税は含まれておらず、配達時にお支払いいただきます。",
        "不含进口增值税和关税，需在收货时支付。",
    ),
    "UK VAT collected at the point of sale (consignment up to £135).": (
        "Britische Mehrwertsteuer beim Verkauf erhoben (Sendungswert bis 135 £).",
        f"TVA britannique perçue au point de vente (envoi d’une valeur jusqu’à 135{NB}£).",
        "IVA británico recaudado en el punto de venta (envío de hasta 135 £).",
        "英国VATは販売時に徴収済みです（貨物価額135ポンド以下）。",
        "英国增值税已在销售时代收（货值不超过 135 英镑）。",
    ),
    # --- order service messages -------------------------------------------------------------------
    "Enter your e-mail and shipping address.": (
        "Bitte geben Sie Ihre E-Mail-Adresse und Lieferadresse ein.",
        "Saisissez votre adresse e-mail et votre adresse de livraison.",
        "Introduzca su correo electrónico y su dirección de envío.",
        "メールアドレスとお届け先住所を入力してください。",
        "请输入您的电子邮箱和收货地址。",
    ),
    "Choose a shipping option.": (
        "Bitte wählen Sie eine Versandart.", "Choisissez un mode de livraison.", "Elija una opción de envío.",
        "配送方法を選択してください。", "请选择配送方式。",
    ),
    "Enter your billing details.": (
        "Bitte geben Sie Ihre Rechnungsdaten ein.", "Saisissez vos informations de facturation.",
        "Introduzca sus datos de facturación.", "請求先情報を入力してください。", "请输入您的账单信息。",
    ),
    "The shipping option you chose is no longer available; please choose again.": (
        "Die gewählte Versandart ist nicht mehr verfügbar. Bitte wählen Sie erneut.",
        f"Le mode de livraison choisi n’est plus disponible{NB}; veuillez en choisir un autre.",
        "La opción de envío elegida ya no está disponible; elija otra.",
        "選択された配送方法はご利用いただけなくなりました。もう一度お選びください。",
        "您选择的配送方式已不可用，请重新选择。",
    ),
    "Prices changed while you were checking out. Please check the new total and confirm again.": (
        "Die Preise haben sich während Ihres Bestellvorgangs geändert. Bitte prüfen Sie den neuen Gesamtbetrag "
        "und bestätigen Sie erneut.",
        "Les prix ont changé pendant la validation de votre commande. Veuillez vérifier le nouveau total et confirmer à nouveau.",
        "Los precios han cambiado mientras tramitaba su pedido. Revise el nuevo total y vuelva a confirmar.",
        "ご購入手続き中に価格が変更されました。新しい合計金額をご確認のうえ、もう一度確定してください。",
        "您结算期间价格发生了变化。请核对新的总金额并再次确认。",
    ),
    "This order changed meanwhile; reload it.": (
        "Diese Bestellung wurde inzwischen geändert. Bitte laden Sie sie neu.",
        f"Cette commande a été modifiée entre-temps{NB}; rechargez-la.",
        "Este pedido ha cambiado entretanto; vuelva a cargarlo.",
        "この注文は別の操作で変更されました。再読み込みしてください。",
        "此订单已被更改，请重新加载。",
    ),
    "An order that is %(old)s cannot become %(new)s.": (
        "Eine Bestellung im Status „%(old)s“ kann nicht auf „%(new)s“ gesetzt werden.",
        f"Une commande au statut «{NB}%(old)s{NB}» ne peut pas passer au statut «{NB}%(new)s{NB}».",
        "Un pedido con estado «%(old)s» no puede pasar a «%(new)s».",
        "ステータスが「%(old)s」の注文を「%(new)s」に変更することはできません。",
        "状态为“%(old)s”的订单不能变更为“%(new)s”。",
    ),
    # --- header and account pages -----------------------------------------------------------------
    "Account": ("Mein Konto", "Mon compte", "Mi cuenta", "アカウント", "账户"),
    "Sign out": ("Abmelden", "Se déconnecter", "Cerrar sesión", "ログアウト", "退出登录"),
    "Sign in": ("Anmelden", "Se connecter", "Iniciar sesión", "ログイン", "登录"),
    "Check out": ("Zur Kasse", "Passer la commande", "Tramitar pedido", "ご購入手続きへ", "去结算"),
    "Your account": ("Ihr Kundenkonto", "Votre compte", "Su cuenta", "マイアカウント", "我的账户"),
    "Orders": ("Bestellungen", "Commandes", "Pedidos", "注文履歴", "订单"),
    "Addresses": ("Adressen", "Adresses", "Direcciones", "住所録", "地址簿"),
    "E-mail addresses": ("E-Mail-Adressen", "Adresses e-mail", "Direcciones de correo electrónico", "メールアドレス", "电子邮箱地址"),
    "Password": ("Passwort", "Mot de passe", "Contraseña", "パスワード", "密码"),
    "Edit address": ("Adresse bearbeiten", "Modifier l’adresse", "Editar dirección", "住所を編集", "编辑地址"),
    "New address": ("Neue Adresse", "Nouvelle adresse", "Nueva dirección", "新しい住所", "新地址"),
    "Save address": ("Adresse speichern", "Enregistrer l’adresse", "Guardar dirección", "住所を保存", "保存地址"),
    "Cancel": ("Abbrechen", "Annuler", "Cancelar", "キャンセル", "取消"),
    "Your addresses": ("Ihre Adressen", "Vos adresses", "Sus direcciones", "登録済みの住所", "我的地址"),
    "Add an address": ("Adresse hinzufügen", "Ajouter une adresse", "Añadir una dirección", "住所を追加", "添加地址"),
    "Default address": ("Standardadresse", "Adresse par défaut", "Dirección predeterminada", "デフォルトの住所", "默认地址"),
    "Edit": ("Bearbeiten", "Modifier", "Editar", "編集", "编辑"),
    "Make default": ("Als Standard festlegen", "Définir par défaut", "Establecer como predeterminada", "デフォルトに設定", "设为默认"),
    "Delete": ("Löschen", "Supprimer", "Eliminar", "削除", "删除"),
    "No saved address yet.": (
        "Noch keine Adresse gespeichert.",
        "Aucune adresse enregistrée pour le moment.",
        "Todavía no hay ninguna dirección guardada.",
        "登録済みの住所はまだありません。",
        "尚未保存任何地址。",
    ),
    "Order %(number)s": ("Bestellung %(number)s", "Commande %(number)s", "Pedido %(number)s", "注文番号 %(number)s", "订单 %(number)s"),
    "All orders": ("Alle Bestellungen", "Toutes les commandes", "Todos los pedidos", "すべての注文", "全部订单"),
    "Status": ("Status", "Statut", "Estado", "ステータス", "状态"),
    "delivery %(earliest)s – %(latest)s": (
        "Lieferung %(earliest)s – %(latest)s",
        "livraison du %(earliest)s au %(latest)s",
        "entrega del %(earliest)s al %(latest)s",
        "お届け予定 %(earliest)s～%(latest)s",
        "预计送达 %(earliest)s – %(latest)s",
    ),
    "Download invoice %(number)s (PDF)": (
        "Rechnung %(number)s herunterladen (PDF)",
        "Télécharger la facture %(number)s (PDF)",
        "Descargar la factura %(number)s (PDF)",
        "請求書 %(number)s をダウンロード（PDF）",
        "下载发票 %(number)s（PDF）",
    ),
    "Unit price": ("Einzelpreis", "Prix unitaire", "Precio unitario", "単価", "单价"),
    "Total net": ("Gesamt netto", "Total HT", "Total sin impuestos", "合計（税抜）", "合计（不含税）"),
    "Tax %(rate)s on %(net)s": (
        "USt. %(rate)s auf %(net)s",
        "Taxe à %(rate)s sur %(net)s",
        "Impuesto al %(rate)s sobre %(net)s",
        "税額（税率%(rate)s、対象額 %(net)s）",
        "税额（税率 %(rate)s，计税金额 %(net)s）",
    ),
    "Prices exclude tax.": (
        "Alle Preise zzgl. Steuern.", "Prix hors taxes.", "Los precios no incluyen impuestos.", "表示価格は税抜きです。", "价格不含税。",
    ),
    "Shipping address": ("Lieferadresse", "Adresse de livraison", "Dirección de envío", "お届け先住所", "收货地址"),
    "Billing address": ("Rechnungsadresse", "Adresse de facturation", "Dirección de facturación", "請求先住所", "账单地址"),
    "History": ("Verlauf", "Historique", "Historial", "履歴", "历史记录"),
    "Nothing to report yet.": (
        "Noch keine Ereignisse.", "Rien à signaler pour le moment.", "Todavía no hay novedades.", "履歴はまだありません。", "暂无记录。",
    ),
    "Signed in as %(email)s.": (
        "Angemeldet als %(email)s.",
        "Connecté en tant que %(email)s.",
        "Ha iniciado sesión como %(email)s.",
        "%(email)s でログインしています。",
        "当前登录账户：%(email)s。",
    ),
    "Your orders": ("Ihre Bestellungen", "Vos commandes", "Sus pedidos", "ご注文履歴", "我的订单"),
    "Order": ("Bestellung", "Commande", "Pedido", "注文", "订单"),
    "Date": ("Datum", "Date", "Fecha", "日付", "日期"),
    "You have not placed any orders yet.": (
        "Sie haben noch keine Bestellungen aufgegeben.",
        "Vous n’avez encore passé aucune commande.",
        "Todavía no ha realizado ningún pedido.",
        "ご注文履歴はまだありません。",
        "您还没有下过订单。",
    ),
    "Start shopping": ("Jetzt einkaufen", "Commencer vos achats", "Empezar a comprar", "お買い物を始める", "开始购物"),
    "Manage your addresses": ("Adressen verwalten", "Gérer vos adresses", "Gestionar sus direcciones", "住所録を管理", "管理地址"),
    # --- checkout pages ---------------------------------------------------------------------------
    "Checkout": ("Kasse", "Validation de la commande", "Finalizar compra", "ご購入手続き", "结算"),
    "Checkout steps": ("Bestellschritte", "Étapes de la commande", "Pasos de la compra", "ご購入手続きのステップ", "结算步骤"),
    "Address": ("Adresse", "Adresse", "Dirección", "お届け先", "地址"),
    "Review": ("Überprüfen", "Récapitulatif", "Revisión", "確認", "确认订单"),
    "Order summary": ("Bestellübersicht", "Récapitulatif de la commande", "Resumen del pedido", "ご注文内容", "订单摘要"),
    "Goods": ("Warenwert", "Articles", "Productos", "商品合計", "商品金额"),
    "of which tax": ("darin enthaltene Steuern", "dont taxes", "Impuestos incluidos", "うち税額", "其中税费"),
    "Contact and shipping address": (
        "Kontaktdaten und Lieferadresse",
        "Coordonnées et adresse de livraison",
        "Datos de contacto y dirección de envío",
        "連絡先とお届け先",
        "联系方式和收货地址",
    ),
    "Continue to shipping": (
        "Weiter zum Versand", "Continuer vers la livraison", "Continuar con el envío", "配送方法の選択へ進む", "继续选择配送方式",
    ),
    "Have an account? Sign in": (
        "Sie haben ein Kundenkonto? Anmelden",
        f"Vous avez un compte{NB}? Connectez-vous",
        "¿Tiene una cuenta? Inicie sesión",
        "アカウントをお持ちの方はログイン",
        "已有账户？登录",
    ),
    "EU businesses in another member state than ours: with a valid VAT number the reverse charge applies (no VAT charged).": (
        "Unternehmen aus einem anderen EU-Mitgliedstaat als unserem: Mit gültiger USt-IdNr. gilt die Steuerschuldnerschaft "
        "des Leistungsempfängers (Reverse Charge), es wird keine MwSt. berechnet.",
        f"Entreprises établies dans un autre État membre de l’UE que le nôtre{NB}: avec un numéro de TVA valide, "
        f"l’autoliquidation s’applique (aucune TVA facturée).",
        "Empresas de un Estado miembro de la UE distinto del nuestro: con un NIF-IVA válido se aplica la inversión "
        "del sujeto pasivo (no se cobra IVA).",
        "当社と異なるEU加盟国の事業者のお客様：有効なVAT登録番号をご入力いただくと、リバースチャージが適用されます（VATは請求されません）。",
        "位于其他欧盟成员国（非本公司所在国）的企业：提供有效的增值税税号即适用反向征税（不收取增值税）。",
    ),
    "Continue to review": (
        "Weiter zur Bestellübersicht", "Continuer vers le récapitulatif", "Continuar con la revisión",
        "ご注文内容の確認へ進む", "继续确认订单",
    ),
    "Thank you for your order": (
        "Vielen Dank für Ihre Bestellung", "Merci pour votre commande", "Gracias por su pedido",
        "ご注文ありがとうございます", "感谢您的订购",
    ),
    "Your order number is <strong>%(number)s</strong>.": (
        "Ihre Bestellnummer lautet <strong>%(number)s</strong>.",
        "Votre numéro de commande est le <strong>%(number)s</strong>.",
        "Su número de pedido es <strong>%(number)s</strong>.",
        "ご注文番号は<strong>%(number)s</strong>です。",
        "您的订单号为 <strong>%(number)s</strong>。",
    ),
    "We have sent a confirmation to %(email)s.": (
        "Wir haben eine Bestätigung an %(email)s gesendet.",
        "Nous avons envoyé une confirmation à %(email)s.",
        "Hemos enviado una confirmación a %(email)s.",
        "確認メールを%(email)s宛てにお送りしました。",
        "我们已将确认邮件发送至 %(email)s。",
    ),
    "Please pay by bank transfer": (
        "Bitte bezahlen Sie per Überweisung",
        "Veuillez régler par virement bancaire",
        "Pague mediante transferencia bancaria",
        "銀行振込でお支払いください",
        "请通过银行转账付款",
    ),
    "Amount": ("Betrag", "Montant", "Importe", "金額", "金额"),
    "Account holder": ("Kontoinhaber", "Titulaire du compte", "Titular de la cuenta", "口座名義", "账户名"),
    "Bank": ("Bank", "Banque", "Banco", "銀行名", "银行"),
    "Reference": ("Verwendungszweck", "Référence", "Concepto", "参照番号", "付款备注"),
    "Please have %(total)s ready: you pay the carrier on delivery.": (
        "Bitte halten Sie %(total)s bereit: Sie bezahlen bei der Zustellung an den Versanddienstleister.",
        f"Veuillez préparer %(total)s{NB}: vous réglez le transporteur à la livraison.",
        "Tenga preparado el importe de %(total)s: pagará al transportista en el momento de la entrega.",
        "%(total)sをご用意ください。商品のお届け時に配送業者へお支払いいただきます。",
        "请备好 %(total)s：收货时向承运商付款。",
    ),
    "Your order": ("Ihre Bestellung", "Votre commande", "Su pedido", "ご注文内容", "您的订单"),
    "%(method)s: arrives %(earliest)s – %(latest)s.": (
        "%(method)s: Lieferung %(earliest)s – %(latest)s.",
        f"%(method)s{NB}: livraison entre le %(earliest)s et le %(latest)s.",
        "%(method)s: llega entre el %(earliest)s y el %(latest)s.",
        "%(method)s：%(earliest)s～%(latest)sにお届け予定です。",
        "%(method)s：预计 %(earliest)s – %(latest)s 送达。",
    ),
    "This consignment is imported: import VAT and any duties are not included and are due to the carrier on delivery.": (
        "Diese Sendung wird eingeführt: Einfuhrumsatzsteuer und etwaige Zölle sind nicht enthalten und bei der Zustellung "
        "an den Versanddienstleister zu zahlen.",
        f"Cet envoi est importé{NB}: la TVA à l’importation et les éventuels droits de douane ne sont pas inclus et sont "
        f"à régler au transporteur à la livraison.",
        "Este envío es una importación: el IVA de importación y los posibles aranceles no están incluidos y deberá "
        "pagarlos al transportista en el momento de la entrega.",
        "この商品は輸入扱いとなります。輸入消費税（VAT）および関税（該当する場合）は含まれておらず、配達時に配送業者へお支払いいただきます。",
        "此包裹为进口商品：不含进口增值税及可能产生的关税，需在收货时向承运商支付。",
    ),
    "See this order in your account": (
        "Diese Bestellung in Ihrem Kundenkonto ansehen",
        "Voir cette commande dans votre compte",
        "Ver este pedido en su cuenta",
        "アカウントでこの注文を確認する",
        "在我的账户中查看此订单",
    ),
    "Continue shopping": ("Weiter einkaufen", "Continuer vos achats", "Seguir comprando", "お買い物を続ける", "继续购物"),
    "Review and place your order": (
        "Bestellung überprüfen und aufgeben",
        "Vérifiez et passez votre commande",
        "Revise y realice su pedido",
        "ご注文内容の確認と確定",
        "确认并提交订单",
    ),
    "Tax rate": ("Steuersatz", "Taux de taxe", "Tipo impositivo", "税率", "税率"),
    "Total without tax": ("Summe netto", "Total HT", "Total sin impuestos", "合計（税抜）", "合计（不含税）"),
    "Tax %(rate)s %% on %(net)s": (
        "USt. %(rate)s %% auf %(net)s",
        f"Taxe à %(rate)s{NB}%% sur %(net)s",
        "Impuesto al %(rate)s %% sobre %(net)s",
        "税額（税率%(rate)s%%、対象額 %(net)s）",
        "税额（税率 %(rate)s%%，计税金额 %(net)s）",
    ),
    "Total to pay": ("Zu zahlender Gesamtbetrag", "Total à payer", "Total a pagar", "お支払い合計", "应付总额"),
    "VAT is collected at checkout under the Import One-Stop Shop (IOSS number %(ioss_number)s): nothing more to pay on delivery.": (
        "Die Mehrwertsteuer wird beim Kauf über den Import-One-Stop-Shop (IOSS-Nummer %(ioss_number)s) erhoben: "
        "Bei der Zustellung fällt nichts weiter an.",
        f"La TVA est perçue lors de la commande dans le cadre du guichet unique pour les importations "
        f"(Import One-Stop Shop, numéro IOSS %(ioss_number)s){NB}: rien de plus à payer à la livraison.",
        "El IVA se cobra al realizar la compra a través de la ventanilla única de importación "
        "(Import One-Stop Shop, número IOSS %(ioss_number)s): no tendrá que pagar nada más en la entrega.",
        "VATは輸入ワンストップショップ（Import One-Stop Shop、IOSS番号 %(ioss_number)s）制度によりご購入時に徴収されます。"
        "配達時に追加でお支払いいただくものはありません。",
        "增值税已在结算时通过进口一站式服务（Import One-Stop Shop，IOSS 编号 %(ioss_number)s）代收：收货时无需另行支付。",
    ),
    "UK VAT is collected at checkout (consignment up to £135): nothing more to pay on delivery.": (
        "Die britische Mehrwertsteuer wird beim Kauf erhoben (Sendungswert bis 135 £): Bei der Zustellung fällt nichts weiter an.",
        f"La TVA britannique est perçue lors de la commande (envoi jusqu’à 135{NB}£){NB}: rien de plus à payer à la livraison.",
        "El IVA británico se cobra al realizar la compra (envío de hasta 135 £): no tendrá que pagar nada más en la entrega.",
        "英国VATはご購入時に徴収されます（貨物価額135ポンド以下）。配達時に追加でお支払いいただくものはありません。",
        "英国增值税已在结算时代收（货值不超过 135 英镑）：收货时无需另行支付。",
    ),
    "Reverse charge: no VAT is charged; VAT is to be accounted for by the recipient.": (
        "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge): Es wird keine Mehrwertsteuer berechnet; "
        "die Steuer schuldet der Leistungsempfänger.",
        f"Autoliquidation{NB}: aucune TVA n’est facturée{NB}; la TVA est due par le preneur.",
        "Inversión del sujeto pasivo: no se cobra IVA; el IVA debe ser liquidado por el destinatario.",
        "リバースチャージ：VATは請求されません。VATは受領者が申告・納付します。",
        "反向征税：不收取增值税；增值税由购买方申报缴纳。",
    ),
    "Change": ("Ändern", "Modifier", "Cambiar", "変更", "修改"),
    "Same as shipping": (
        "Wie Lieferadresse", "Identique à l’adresse de livraison", "Igual que la dirección de envío", "お届け先と同じ", "与收货地址相同",
    ),
    "Arrives %(earliest)s – %(latest)s": (
        "Lieferung %(earliest)s – %(latest)s",
        "Livraison entre le %(earliest)s et le %(latest)s",
        "Llega entre el %(earliest)s y el %(latest)s",
        "%(earliest)s～%(latest)sにお届け",
        "预计 %(earliest)s – %(latest)s 送达",
    ),
    "Place order · %(total)s": (
        "Zahlungspflichtig bestellen · %(total)s",
        "Commander avec obligation de paiement · %(total)s",
        "Realizar pedido con obligación de pago · %(total)s",
        "注文を確定する · %(total)s",
        "提交订单 · %(total)s",
    ),
    "Deliver to": ("Lieferung an", "Livrer à", "Enviar a", "お届け先", "收货地址"),
    "Choose how your order is delivered": (
        "Wählen Sie, wie Ihre Bestellung geliefert werden soll",
        "Choisissez le mode de livraison de votre commande",
        "Elija cómo quiere recibir su pedido",
        "配送方法をお選びください",
        "选择订单配送方式",
    ),
    "Parcel weight: %(weight)s g.": (
        "Paketgewicht: %(weight)s g.",
        f"Poids du colis{NB}: %(weight)s{NB}g.",
        "Peso del paquete: %(weight)s g.",
        "荷物の重量：%(weight)s g。",
        "包裹重量：%(weight)s 克。",
    ),
    "Your order ships in more than one parcel.": (
        "Ihre Bestellung wird in mehreren Paketen versandt.",
        "Votre commande sera expédiée en plusieurs colis.",
        "Su pedido se enviará en varios paquetes.",
        "ご注文の商品は複数の荷物に分けて発送されます。",
        "您的订单将分多个包裹发货。",
    ),
    "Continue to billing": (
        "Weiter zur Rechnungsadresse", "Continuer vers la facturation", "Continuar con la facturación",
        "請求先の入力へ進む", "继续填写账单信息",
    ),
    "Sorry, we cannot ship this cart to that address. Try another address or fewer items.": (
        "Leider können wir diesen Warenkorb nicht an diese Adresse liefern. Bitte versuchen Sie es mit einer anderen Adresse "
        "oder weniger Artikeln.",
        "Désolés, nous ne pouvons pas livrer ce panier à cette adresse. Essayez une autre adresse ou moins d’articles.",
        "Lo sentimos, no podemos enviar este carrito a esa dirección. Pruebe con otra dirección o con menos artículos.",
        "申し訳ありませんが、このカートの商品をこの住所へお届けすることはできません。別の住所を指定するか、商品の数を減らしてお試しください。",
        "抱歉，我们无法将此购物车中的商品配送至该地址。请尝试其他地址或减少商品数量。",
    ),
    # --- order confirmation e-mail ----------------------------------------------------------------
    "Hello %(name)s,": ("Guten Tag %(name)s,", "Bonjour %(name)s,", "Hola, %(name)s:", "%(name)s 様", "%(name)s，您好："),
    "Hello,": ("Guten Tag,", "Bonjour,", "Hola:", "お客様", "您好："),
    "thank you for your order %(number)s. Here is a summary.": (
        "vielen Dank für Ihre Bestellung %(number)s. Hier finden Sie eine Übersicht.",
        "Merci pour votre commande %(number)s. En voici le récapitulatif.",
        "Gracias por su pedido %(number)s. A continuación le enviamos un resumen.",
        "このたびはご注文（注文番号：%(number)s）いただき、誠にありがとうございます。ご注文内容は以下のとおりです。",
        "感谢您的订购！您的订单号为 %(number)s，订单摘要如下。",
    ),
    "Order number": ("Bestellnummer", "Numéro de commande", "Número de pedido", "注文番号", "订单号"),
    "Order date": ("Bestelldatum", "Date de commande", "Fecha del pedido", "注文日", "下单日期"),
    "Items": ("Artikel", "Articles", "Artículos", "ご注文商品", "商品"),
    "Discount (included above)": (
        "Rabatt (oben bereits berücksichtigt)",
        "Remise (déjà déduite ci-dessus)",
        "Descuento (ya aplicado arriba)",
        "割引（上記金額に適用済み）",
        "折扣（已计入上述金额）",
    ),
    "Total (net)": ("Summe (netto)", "Total (HT)", "Total (sin impuestos)", "合計（税抜）", "合计（不含税）"),
    "VAT": ("MwSt.", "TVA", "IVA", "税額", "增值税"),
    "Please transfer %(amount)s to this account:": (
        "Bitte überweisen Sie %(amount)s auf folgendes Konto:",
        f"Veuillez virer %(amount)s sur le compte suivant{NB}:",
        "Transfiera %(amount)s a la siguiente cuenta:",
        "%(amount)sを下記の口座にお振り込みください：",
        "请将 %(amount)s 转账至以下账户：",
    ),
    "We ship your order as soon as the payment has arrived.": (
        "Wir versenden Ihre Bestellung, sobald die Zahlung eingegangen ist.",
        "Nous expédions votre commande dès réception du paiement.",
        "Enviaremos su pedido en cuanto recibamos el pago.",
        "ご入金を確認次第、ご注文の商品を発送いたします。",
        "我们将在收到付款后立即发货。",
    ),
    "You pay %(amount)s to the carrier (%(carrier)s) on delivery.": (
        "Sie bezahlen %(amount)s bei der Zustellung an den Versanddienstleister (%(carrier)s).",
        "Vous réglez %(amount)s au transporteur (%(carrier)s) à la livraison.",
        "Pagará %(amount)s al transportista (%(carrier)s) en el momento de la entrega.",
        "商品のお届け時に、配送業者（%(carrier)s）へ%(amount)sをお支払いください。",
        "收货时请向承运商（%(carrier)s）支付 %(amount)s。",
    ),
    "Expected delivery between %(start)s and %(end)s.": (
        "Voraussichtliche Lieferung zwischen dem %(start)s und dem %(end)s.",
        "Livraison prévue entre le %(start)s et le %(end)s.",
        "Entrega prevista entre el %(start)s y el %(end)s.",
        "お届け予定日：%(start)s～%(end)s",
        "预计送达时间：%(start)s 至 %(end)s。",
    ),
    "Your invoice %(number)s is attached as a PDF.": (
        "Ihre Rechnung %(number)s finden Sie als PDF im Anhang.",
        "Votre facture %(number)s est jointe au format PDF.",
        "Le adjuntamos su factura %(number)s en PDF.",
        "請求書（%(number)s）をPDFで添付しております。",
        "发票 %(number)s 已作为 PDF 附件随附。",
    ),
    "See your order in your account": (
        "Bestellung in Ihrem Kundenkonto ansehen",
        "Voir votre commande dans votre compte",
        "Ver su pedido en su cuenta",
        "アカウントでご注文を確認する",
        "在我的账户中查看订单",
    ),
    "Thank you for shopping at %(shop)s!": (
        "Vielen Dank für Ihren Einkauf bei %(shop)s!",
        f"Merci d’avoir fait vos achats chez %(shop)s{NB}!",
        "¡Gracias por comprar en %(shop)s!",
        "%(shop)sをご利用いただき、誠にありがとうございました。",
        "感谢您在 %(shop)s 购物！",
    ),
    "Your order %(number)s at %(shop)s": (
        "Ihre Bestellung %(number)s bei %(shop)s",
        "Votre commande %(number)s chez %(shop)s",
        "Su pedido %(number)s en %(shop)s",
        "【%(shop)s】ご注文内容の確認（注文番号：%(number)s）",
        "您在 %(shop)s 的订单 %(number)s",
    ),
    # --- invoice PDF ------------------------------------------------------------------------------
    "Invoice": ("Rechnung", "Facture", "Factura", "請求書", "发票"),
    "UK VAT number": (
        "USt-IdNr. (Vereinigtes Königreich)", "Numéro de TVA britannique", "Número de IVA del Reino Unido", "英国VAT登録番号",
        "英国增值税税号",
    ),
    "Invoice number": ("Rechnungsnummer", "Numéro de facture", "Número de factura", "請求書番号", "发票号码"),
    "Invoice date": ("Rechnungsdatum", "Date de facture", "Fecha de factura", "請求書発行日", "开票日期"),
    "Product": ("Produkt", "Produit", "Producto", "商品", "商品"),
    "Unit price (net)": ("Einzelpreis (netto)", "Prix unitaire (HT)", "Precio unitario (sin impuestos)", "単価（税抜）", "单价（不含税）"),
    "VAT rate": ("MwSt.-Satz", "Taux de TVA", "Tipo de IVA", "税率", "增值税税率"),
    "Amount (net)": ("Betrag (netto)", "Montant (HT)", "Importe (sin impuestos)", "金額（税抜）", "金额（不含税）"),
    "Tax breakdown": ("Steueraufstellung", "Détail des taxes", "Desglose de impuestos", "税率別内訳", "税费明细"),
    "Gross": ("Brutto", "Montant TTC", "Total con impuestos", "税込金額", "含税金额"),
    "%(status)s: %(orders)s": (
        "%(status)s: %(orders)s",
        f"%(status)s{NB}: %(orders)s",
        "%(status)s: %(orders)s",
        "%(status)s：%(orders)s",
        "%(status)s：%(orders)s",
    ),
    "Mark as shipped": ("Als versandt markieren", "Marquer comme expédiées", "Marcar como enviados", "発送済みにする", "标记为已发货"),
    "Mark as delivered": (
        "Als zugestellt markieren", "Marquer comme livrées", "Marcar como entregados", "配達済みにする", "标记为已送达",
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
    (
        "Your items are reserved for %(minutes)s more minute.",
        "Your items are reserved for %(minutes)s more minutes.",
    ): (
        (
            "Ihre Artikel sind noch %(minutes)s Minute für Sie reserviert.",
            "Ihre Artikel sind noch %(minutes)s Minuten für Sie reserviert.",
        ),
        (
            "Vos articles restent réservés pendant encore %(minutes)s minute.",
            "Vos articles restent réservés pendant encore %(minutes)s minutes.",
        ),
        (
            "Sus artículos están reservados durante %(minutes)s minuto más.",
            "Sus artículos están reservados durante %(minutes)s minutos más.",
        ),
        "商品をあと%(minutes)s分間確保しています。",
        "您的商品将继续为您保留 %(minutes)s 分钟。",
    ),
    (
        "We ship as soon as your payment arrives. Orders not paid within %(days)s day are cancelled.",
        "We ship as soon as your payment arrives. Orders not paid within %(days)s days are cancelled.",
    ): (
        (
            "Wir versenden, sobald Ihre Zahlung eingegangen ist. Bestellungen, die nicht innerhalb von %(days)s Tag "
            "bezahlt werden, werden storniert.",
            "Wir versenden, sobald Ihre Zahlung eingegangen ist. Bestellungen, die nicht innerhalb von %(days)s Tagen "
            "bezahlt werden, werden storniert.",
        ),
        (
            "Nous expédions dès réception de votre paiement. Les commandes non réglées sous %(days)s jour sont annulées.",
            "Nous expédions dès réception de votre paiement. Les commandes non réglées sous %(days)s jours sont annulées.",
        ),
        (
            "Enviamos su pedido en cuanto recibimos el pago. Los pedidos no pagados en un plazo de %(days)s día se cancelan.",
            "Enviamos su pedido en cuanto recibimos el pago. Los pedidos no pagados en un plazo de %(days)s días se cancelan.",
        ),
        "ご入金を確認次第、発送いたします。%(days)s日以内にお支払いが確認できないご注文はキャンセルとなります。",
        "我们将在收到您的付款后立即发货。%(days)s 天内未付款的订单将被取消。",
    ),
}


def _load_extra_tables():
    """Merge the tables in scripts/translations/*.py (each may define T and P like above) into T and P.

    One file per area keeps parallel work from editing the same lines; a msgid defined twice must agree.
    """
    import importlib.util

    folder = Path(__file__).resolve().parent / "translations"
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"caravan_translations_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for table, extra in ((T, getattr(module, "T", {})), (P, getattr(module, "P", {}))):
            for key, value in extra.items():
                if key in table and table[key] != value:
                    raise SystemExit(f"{path.name}: {key!r} is translated differently elsewhere")
                table[key] = value


_load_extra_tables()


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
