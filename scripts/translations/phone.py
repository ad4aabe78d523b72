"""Translations for the phone layout and the small buyer-facing fixes (issue 9, items 13 and 15):
msgid -> (de, fr, es, ja, zh_Hans)."""

T = {
    # Header menu and product gallery
    "Menu": ("Menü", "Menu", "Menú", "メニュー", "菜单"),
    "Pictures": ("Bilder", "Images", "Imágenes", "画像", "图片"),
    "Picture %(n)s": ("Bild %(n)s", "Image %(n)s", "Imagen %(n)s", "画像 %(n)s", "图片 %(n)s"),
    # Cart
    "Enter at least 1.": ("Bitte mindestens 1 eingeben.", "Saisissez au moins 1.", "Introduce al menos 1.",
                          "1 以上を入力してください。", "请至少输入 1。"),
    # Variant picture (admin)
    "picture": ("Bild", "image", "imagen", "画像", "图片"),
    "One of the product's pictures, shown when a buyer chooses this variant.": (
        "Eines der Bilder des Produkts; es wird gezeigt, wenn ein Käufer diese Variante wählt.",
        "L'une des images du produit, affichée quand un acheteur choisit cette variante.",
        "Una de las imágenes del producto, que se muestra cuando un comprador elige esta variante.",
        "商品の画像のうちの 1 枚。購入者がこのバリエーションを選ぶと表示されます。",
        "商品图片之一，买家选择此款式时显示。",
    ),
    # Refunds: account order history and e-mail
    "Refund": ("Erstattung", "Remboursement", "Reembolso", "返金", "退款"),
    "Refund %(amount)s": ("Erstattung %(amount)s", "Remboursement %(amount)s", "Reembolso %(amount)s",
                          "返金 %(amount)s", "退款 %(amount)s"),
    "Refund for your order %(number)s at %(shop)s": (
        "Erstattung zu Ihrer Bestellung %(number)s bei %(shop)s",
        "Remboursement de votre commande %(number)s chez %(shop)s",
        "Reembolso de tu pedido %(number)s en %(shop)s",
        "%(shop)s でのご注文 %(number)s の返金",
        "您在 %(shop)s 的订单 %(number)s 的退款",
    ),
    "we have refunded %(amount)s for your order %(number)s to the card or account you paid with; your bank may take a few days to show it.": (
        "wir haben Ihnen für Ihre Bestellung %(number)s %(amount)s auf die Karte bzw. das Konto erstattet, mit der bzw. dem Sie bezahlt haben; "
        "es kann einige Tage dauern, bis Ihre Bank die Gutschrift anzeigt.",
        "nous vous avons remboursé %(amount)s pour votre commande %(number)s sur la carte ou le compte utilisé pour le paiement ; "
        "votre banque peut mettre quelques jours à l'afficher.",
        "te hemos reembolsado %(amount)s de tu pedido %(number)s en la tarjeta o cuenta con la que pagaste; "
        "tu banco puede tardar unos días en mostrarlo.",
        "ご注文 %(number)s について、お支払いに使われたカードまたは口座へ %(amount)s を返金しました。"
        "銀行に反映されるまで数日かかる場合があります。",
        "我们已将订单 %(number)s 的 %(amount)s 退回到您付款所用的银行卡或账户；银行可能需要几天才会显示。",
    ),
    "Reason:": ("Grund:", "Motif :", "Motivo:", "理由：", "原因："),
    "Refunded so far: %(refunded)s of the %(paid)s you paid.": (
        "Bisher erstattet: %(refunded)s von %(paid)s, die Sie bezahlt haben.",
        "Remboursé à ce jour : %(refunded)s sur les %(paid)s payés.",
        "Reembolsado hasta ahora: %(refunded)s de los %(paid)s que pagaste.",
        "これまでの返金額：お支払い %(paid)s のうち %(refunded)s。",
        "目前已退款：您支付的 %(paid)s 中的 %(refunded)s。",
    ),
}

P = {}
