"""Strings of shipping exchanges (issue 12)."""

T = {
    "Exchange ready to pick as %(numbers)s.": (
        "Umtausch bereit zum Kommissionieren als %(numbers)s.", "Échange prêt à préparer sous %(numbers)s.",
        "Cambio listo para preparar como %(numbers)s.", "交換品を%(numbers)sとしてピッキング待ちにしました。", "换货已作为 %(numbers)s 待拣货。"),
    "Only a received exchange can be shipped.": (
        "Nur ein eingegangener Umtausch kann versendet werden.", "Seul un échange reçu peut être expédié.",
        "Solo se puede enviar un cambio recibido.", "受領済みの交換のみ発送できます。", "只有已收到的换货才能发货。"),
    "%(sku)s is priced differently from what came back: refund the return instead.": (
        "%(sku)s hat einen anderen Preis als die zurückgesandte Ware: Erstatten Sie die Rücksendung stattdessen.",
        "%(sku)s n’a pas le même prix que l’article renvoyé\u00a0: remboursez plutôt le retour.",
        "%(sku)s tiene un precio distinto del artículo devuelto: reembolse la devolución en su lugar.",
        "%(sku)sは返品された商品と価格が異なります。代わりに返金してください。",
        "%(sku)s 的价格与退回的商品不同：请改为退款。"),
    "Nothing of this exchange has arrived yet.": (
        "Von diesem Umtausch ist noch nichts eingegangen.", "Rien de cet échange n’est encore arrivé.",
        "Aún no ha llegado nada de este cambio.", "この交換の返品はまだ届いていません。", "此换货的退回商品尚未到达。"),
    "The size or colour chosen is out of stock now: refund the return instead.": (
        "Die gewählte Größe oder Farbe ist jetzt ausverkauft: Erstatten Sie die Rücksendung stattdessen.",
        "La taille ou la couleur choisie est désormais épuisée\u00a0: remboursez plutôt le retour.",
        "La talla o el color elegido ya no está disponible: reembolse la devolución en su lugar.",
        "選ばれたサイズまたは色は在庫切れになりました。代わりに返金してください。",
        "所选尺码或颜色现已缺货：请改为退款。"),
    "Exchange for %(number)s": ("Umtausch zu %(number)s", "Échange pour %(number)s", "Cambio de %(number)s", "%(number)sの交換品", "%(number)s 的换货"),
    "Sent as %(numbers)s": ("Versandt als %(numbers)s", "Envoyé sous %(numbers)s", "Enviado como %(numbers)s", "%(numbers)sとして発送", "作为 %(numbers)s 发出"),
}

T.update({
    "from status": ("vorheriger Status", "statut précédent", "estado anterior", "変更前のステータス", "原状态"),
    "to status": ("neuer Status", "nouveau statut", "estado nuevo", "変更後のステータス", "新状态"),
    "units received": ("erhaltene Stück", "unités reçues", "unidades recibidas", "受領数", "已收数量"),
})
