# ruff: noqa: E501 - translation tables: one entry per line
"""Translations for the shop's pages, the footer, the terms checkbox and the error pages (issue 9, item 14).

The model withdrawal form uses the official wording of Directive 2011/83/EU, Annex I(B), in German, French and
Spanish."""

T = {
    # Page kinds (footer links, admin)
    "Imprint": ("Impressum", "Mentions légales", "Aviso legal", "運営者情報", "法律声明"),
    "Terms and conditions": ("Allgemeine Geschäftsbedingungen", "Conditions générales de vente", "Condiciones generales", "利用規約", "条款和条件"),
    "Right of withdrawal": ("Widerrufsrecht", "Droit de rétractation", "Derecho de desistimiento", "撤回権", "撤回权"),
    "Privacy policy": ("Datenschutzerklärung", "Politique de confidentialité", "Política de privacidad", "プライバシーポリシー", "隐私政策"),
    "Shipping and returns": ("Versand und Rückgabe", "Livraison et retours", "Envíos y devoluciones", "配送と返品", "配送和退货"),
    "Contact": ("Kontakt", "Contact", "Contacto", "お問い合わせ", "联系我们"),
    "Legal and contact": ("Rechtliches und Kontakt", "Informations légales et contact", "Información legal y contacto", "法的情報とお問い合わせ", "法律信息和联系方式"),
    # Admin (model and field names)
    "page": ("Seite", "page", "página", "ページ", "页面"),
    "Which page this is; it decides the address /<language>/pages/<page>/.": (
        "Welche Seite das ist; sie bestimmt die Adresse /<Sprache>/pages/<Seite>/.",
        "Quelle page c’est ; elle détermine l’adresse /<langue>/pages/<page>/.",
        "Qué página es; determina la dirección /<idioma>/pages/<página>/.",
        "どのページかを示します。アドレス /<言語>/pages/<ページ>/ が決まります。",
        "这是哪个页面；它决定地址 /<语言>/pages/<页面>/。",
    ),
    "title": ("Titel", "titre", "título", "タイトル", "标题"),
    "text": ("Text", "texte", "texto", "本文", "正文"),
    'Plain text, shown exactly as typed (HTML is not interpreted). Leave a blank line between paragraphs; start a line with "## " to make it a heading.': (
        "Reiner Text, wird genau so angezeigt, wie er eingegeben wurde (HTML wird nicht ausgewertet). Lassen Sie eine Leerzeile zwischen Absätzen; beginnen Sie eine Zeile mit „## “, um sie zur Überschrift zu machen.",
        "Texte brut, affiché tel quel (le HTML n’est pas interprété). Laissez une ligne vide entre les paragraphes ; commencez une ligne par « ## » pour en faire un titre.",
        "Texto sin formato, se muestra tal como se escribe (el HTML no se interpreta). Deje una línea en blanco entre párrafos; empiece una línea con «## » para convertirla en un título.",
        "プレーンテキストで、入力したとおりに表示されます（HTMLは解釈されません）。段落の間には空行を入れ、見出しにする行は「## 」で始めてください。",
        "纯文本，按输入原样显示（不解析 HTML）。段落之间空一行；以“## ”开头的行会成为标题。",
    ),
    "shop page": ("Shopseite", "page de la boutique", "página de la tienda", "ショップページ", "商店页面"),
    "shop pages (imprint, terms, privacy …)": (
        "Shopseiten (Impressum, AGB, Datenschutz …)", "pages de la boutique (mentions légales, CGV, confidentialité…)",
        "páginas de la tienda (aviso legal, condiciones, privacidad…)", "ショップページ（運営者情報、利用規約、プライバシー…）",
        "商店页面（法律声明、条款、隐私…）",
    ),
    # Model withdrawal form (Directive 2011/83/EU, Annex I(B))
    "Model withdrawal form": ("Muster-Widerrufsformular", "Modèle de formulaire de rétractation", "Modelo de formulario de desistimiento", "撤回書式の見本", "撤回表格范本"),
    "Complete and return this form only if you wish to withdraw from the contract.": (
        "Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und senden Sie es zurück.",
        "Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.",
        "Solo debe cumplimentar y enviar el presente formulario si desea desistir del contrato.",
        "契約を撤回したい場合にのみ、この書式にご記入のうえご返送ください。",
        "仅当您希望撤回合同时，才需填写并寄回本表格。",
    ),
    "To:": ("An:", "À l’attention de :", "A la atención de:", "宛先：", "致："),
    "I/We (*) hereby give notice that I/We (*) withdraw from my/our (*) contract of sale of the following goods (*)/for the provision of the following service (*)": (
        "Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag über den Kauf der folgenden Waren (*)/die Erbringung der folgenden Dienstleistung (*)",
        "Je/Nous (*) vous notifie/notifions (*) par la présente ma/notre (*) rétractation du contrat portant sur la vente du bien (*)/pour la prestation de services (*) ci-dessous",
        "Por la presente le comunico/comunicamos (*) que desisto de mi/desistimos de nuestro (*) contrato de venta del siguiente bien (*)/de prestación del siguiente servicio (*)",
        "私／私たち（*）は、以下の商品の売買契約（*）／以下のサービスの提供契約（*）を撤回することをここに通知します",
        "本人／我们（*）特此通知，撤回本人／我们（*）订立的以下商品的买卖合同（*）／以下服务的提供合同（*）",
    ),
    "Ordered on (*)/received on (*)": ("Bestellt am (*)/erhalten am (*)", "Commandé le (*)/reçu le (*)", "Pedido el/recibido el (*)", "注文日（*）／受領日（*）", "订购日期（*）／收货日期（*）"),
    "Name of consumer(s)": ("Name des/der Verbraucher(s)", "Nom du (des) consommateur(s)", "Nombre del consumidor o de los consumidores", "消費者の氏名", "消费者姓名"),
    "Address of consumer(s)": ("Anschrift des/der Verbraucher(s)", "Adresse du (des) consommateur(s)", "Domicilio del consumidor o de los consumidores", "消費者の住所", "消费者地址"),
    "Signature of consumer(s) (only if this form is notified on paper)": (
        "Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)",
        "Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier)",
        "Firma del consumidor o de los consumidores (solo si el presente formulario se presenta en papel)",
        "消費者の署名（この書式を書面で通知する場合のみ）",
        "消费者签名（仅在以纸质形式提交本表格时）",
    ),
    "Delete as appropriate.": ("Unzutreffendes streichen.", "Rayez la mention inutile.", "Táchese lo que no proceda.", "該当しないものを消してください。", "请删去不适用的内容。"),
    "Print this form": ("Formular drucken", "Imprimer ce formulaire", "Imprimir este formulario", "この書式を印刷", "打印此表格"),
    # Checkout: the terms checkbox
    'I have checked my order and accept the <a href="%(terms_url)s" target="_blank" rel="noopener">terms and conditions</a>. I have read the <a href="%(withdrawal_url)s" target="_blank" rel="noopener">right of withdrawal</a>.': (
        'Ich habe meine Bestellung geprüft und akzeptiere die <a href="%(terms_url)s" target="_blank" rel="noopener">Allgemeinen Geschäftsbedingungen</a>. Die <a href="%(withdrawal_url)s" target="_blank" rel="noopener">Widerrufsbelehrung</a> habe ich gelesen.',
        'J’ai vérifié ma commande et j’accepte les <a href="%(terms_url)s" target="_blank" rel="noopener">conditions générales de vente</a>. J’ai lu les informations sur le <a href="%(withdrawal_url)s" target="_blank" rel="noopener">droit de rétractation</a>.',
        'He revisado mi pedido y acepto las <a href="%(terms_url)s" target="_blank" rel="noopener">condiciones generales</a>. He leído la información sobre el <a href="%(withdrawal_url)s" target="_blank" rel="noopener">derecho de desistimiento</a>.',
        '注文内容を確認し、<a href="%(terms_url)s" target="_blank" rel="noopener">利用規約</a>に同意します。<a href="%(withdrawal_url)s" target="_blank" rel="noopener">撤回権</a>について読みました。',
        '我已核对订单并接受<a href="%(terms_url)s" target="_blank" rel="noopener">条款和条件</a>。我已阅读<a href="%(withdrawal_url)s" target="_blank" rel="noopener">撤回权</a>说明。',
    ),
    "Your session has expired, so nothing was ordered. Please check your cart and check out again.": (
        "Ihre Sitzung ist abgelaufen, daher wurde nichts bestellt. Bitte prüfen Sie Ihren Warenkorb und gehen Sie erneut zur Kasse.",
        "Votre session a expiré, rien n’a donc été commandé. Veuillez vérifier votre panier et repasser commande.",
        "Su sesión ha caducado, por lo que no se ha pedido nada. Revise su carrito y vuelva a tramitar el pedido.",
        "セッションの有効期限が切れたため、ご注文は確定していません。カートを確認して、もう一度ご購入手続きをしてください。",
        "您的会话已过期，因此没有下单。请检查购物车并重新结账。",
    ),
    # Error pages
    "Your session has expired": ("Ihre Sitzung ist abgelaufen", "Votre session a expiré", "Su sesión ha caducado", "セッションの有効期限が切れました", "您的会话已过期"),
    "This form has expired": ("Dieses Formular ist abgelaufen", "Ce formulaire a expiré", "Este formulario ha caducado", "このフォームは有効期限切れです", "此表单已过期"),
    "Access denied": ("Zugriff verweigert", "Accès refusé", "Acceso denegado", "アクセスが拒否されました", "拒绝访问"),
    "The checkout was left open too long, or your browser dropped its cookies, so nothing was ordered. Please go back to your cart and check out again.": (
        "Die Kasse war zu lange geöffnet, oder Ihr Browser hat seine Cookies verworfen, daher wurde nichts bestellt. Bitte kehren Sie zu Ihrem Warenkorb zurück und gehen Sie erneut zur Kasse.",
        "La commande est restée ouverte trop longtemps, ou votre navigateur a supprimé ses cookies : rien n’a donc été commandé. Veuillez revenir à votre panier et repasser commande.",
        "El pago estuvo abierto demasiado tiempo o su navegador borró sus cookies, por lo que no se ha pedido nada. Vuelva a su carrito y tramite el pedido de nuevo.",
        "購入手続きの画面が長時間開いたままだったか、ブラウザのクッキーが削除されたため、ご注文は確定していません。カートに戻り、もう一度ご購入手続きをしてください。",
        "结账页面打开时间过长，或您的浏览器清除了 Cookie，因此没有下单。请返回购物车重新结账。",
    ),
    "Back to your cart": ("Zurück zum Warenkorb", "Retour au panier", "Volver al carrito", "カートに戻る", "返回购物车"),
    "The page was open for a long time, or your browser blocked cookies from this shop. Please reload the page and try again.": (
        "Die Seite war lange geöffnet, oder Ihr Browser blockiert Cookies dieses Shops. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
        "La page est restée ouverte longtemps, ou votre navigateur bloque les cookies de cette boutique. Veuillez recharger la page et réessayer.",
        "La página estuvo abierta mucho tiempo o su navegador bloquea las cookies de esta tienda. Vuelva a cargar la página e inténtelo de nuevo.",
        "ページが長時間開いたままだったか、ブラウザがこのショップのクッキーをブロックしています。ページを再読み込みして、もう一度お試しください。",
        "页面打开时间过长，或您的浏览器阻止了本店的 Cookie。请重新加载页面后重试。",
    ),
    "You are not allowed to open this page.": (
        "Sie dürfen diese Seite nicht öffnen.", "Vous n’êtes pas autorisé à ouvrir cette page.", "No tiene permiso para abrir esta página.",
        "このページを開く権限がありません。", "您无权打开此页面。",
    ),
    "Server error": ("Serverfehler", "Erreur du serveur", "Error del servidor", "サーバーエラー", "服务器错误"),
    "Something went wrong": ("Etwas ist schiefgelaufen", "Un problème est survenu", "Algo ha salido mal", "問題が発生しました", "出了点问题"),
    "Sorry, an error on our side stopped this page.": (
        "Entschuldigung, ein Fehler bei uns hat diese Seite verhindert.", "Désolés, une erreur de notre côté a empêché l’affichage de cette page.",
        "Lo sentimos, un error por nuestra parte ha impedido mostrar esta página.", "申し訳ありません。当社側のエラーにより、このページを表示できませんでした。",
        "抱歉，我们这边的错误导致此页面无法显示。",
    ),
    "We have been notified and will look into it.": (
        "Wir wurden benachrichtigt und kümmern uns darum.", "Nous avons été prévenus et allons nous en occuper.",
        "Hemos recibido el aviso y lo revisaremos.", "担当者に通知が届いており、対応いたします。", "我们已收到通知，并会处理此问题。",
    ),
    "Please try again in a moment.": (
        "Bitte versuchen Sie es gleich noch einmal.", "Veuillez réessayer dans un instant.", "Inténtelo de nuevo en un momento.",
        "しばらくしてからもう一度お試しください。", "请稍后再试。",
    ),
    "Something went wrong on our side. Please try again in a moment.": (
        "Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.", "Un problème est survenu de notre côté. Veuillez réessayer dans un instant.",
        "Algo ha salido mal por nuestra parte. Inténtelo de nuevo en un momento.", "当社側で問題が発生しました。しばらくしてからもう一度お試しください。",
        "我们这边出了点问题。请稍后再试。",
    ),
}
