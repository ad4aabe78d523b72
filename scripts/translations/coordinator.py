"""Strings added while merging issue 9's parts."""

T = {
    "Payment received: %(amount)s": (
        "Zahlung erhalten: %(amount)s", "Paiement reçu\u00a0: %(amount)s", "Pago recibido: %(amount)s",
        "お支払いを受領しました：%(amount)s", "已收到付款：%(amount)s",
    ),
}
