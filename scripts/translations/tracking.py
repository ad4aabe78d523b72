"""Strings of parcel tracking: tracking events, delay flags, the buyer's parcel pages and parcel e-mails (issue 11)."""

NB = "\u00a0"  # French: no-break space before : ; ! ?

T = {
    # fulfillment/services/tracking.py (errors a carrier or staff read)
    "%(field)s must be text.": (
        "%(field)s muss Text sein.", "%(field)s doit être du texte.", "%(field)s debe ser texto.",
        "%(field)sはテキストで指定してください。", "%(field)s必须是文本。",
    ),
    "%(field)s contains a NUL character.": (
        "%(field)s enthält ein NUL-Zeichen.", "%(field)s contient un caractère NUL.", "%(field)s contiene un carácter NUL.",
        "%(field)sにNUL文字が含まれています。", "%(field)s包含 NUL 字符。",
    ),
    "%(field)s is too long: at most %(limit)d characters.": (
        "%(field)s ist zu lang: höchstens %(limit)d Zeichen.", f"%(field)s est trop long{NB}: %(limit)d caractères au maximum.",
        "%(field)s es demasiado largo: como máximo %(limit)d caracteres.", "%(field)sが長すぎます（最大%(limit)d文字）。",
        "%(field)s太长：最多 %(limit)d 个字符。",
    ),
    "The location": ("Der Ort", "Le lieu", "El lugar", "場所", "地点"),
    "The message": ("Die Meldung", "Le message", "El mensaje", "メッセージ", "消息"),
    "The event id": ("Die Ereignis-ID", "L’identifiant de l’événement", "El identificador del evento", "イベントID", "事件 ID"),
    "The time of the event must be a date and time.": (
        "Der Zeitpunkt des Ereignisses muss ein Datum mit Uhrzeit sein.", "L’heure de l’événement doit être une date et une heure.",
        "La hora del evento debe ser una fecha y una hora.", "イベントの日時は日付と時刻で指定してください。", "事件时间必须是日期和时间。",
    ),
    "The time of the event must include its time zone.": (
        "Der Zeitpunkt des Ereignisses muss seine Zeitzone enthalten.", "L’heure de l’événement doit indiquer son fuseau horaire.",
        "La hora del evento debe incluir su zona horaria.", "イベントの日時にはタイムゾーンを含めてください。", "事件时间必须包含时区。",
    ),
    "The time of the event lies in the future.": (
        "Der Zeitpunkt des Ereignisses liegt in der Zukunft.", "L’heure de l’événement se situe dans le futur.",
        "La hora del evento está en el futuro.", "イベントの日時が未来になっています。", "事件时间在将来。",
    ),
    "The time of the event lies before the consignment was dispatched.": (
        "Der Zeitpunkt des Ereignisses liegt vor dem Versand der Sendung.", "L’heure de l’événement est antérieure à l’expédition de l’envoi.",
        "La hora del evento es anterior al despacho del envío.", "イベントの日時が出荷より前になっています。", "事件时间早于货件发出时间。",
    ),
    "The estimated delivery must be a date.": (
        "Die voraussichtliche Zustellung muss ein Datum sein.", "La livraison estimée doit être une date.",
        "La entrega estimada debe ser una fecha.", "お届け予定日は日付で指定してください。", "预计送达必须是日期。",
    ),
    "The estimated delivery is not a plausible date.": (
        "Die voraussichtliche Zustellung ist kein plausibles Datum.", "La livraison estimée n’est pas une date plausible.",
        "La entrega estimada no es una fecha verosímil.", "お届け予定日が妥当な日付ではありません。", "预计送达日期不合理。",
    ),
    "Unknown tracking event: %(kind)s.": (
        "Unbekanntes Sendungsereignis: %(kind)s.", f"Événement de suivi inconnu{NB}: %(kind)s.", "Evento de seguimiento desconocido: %(kind)s.",
        "不明な追跡イベントです：%(kind)s。", "未知的跟踪事件：%(kind)s。",
    ),
    "Unknown source of a tracking event.": (
        "Unbekannte Quelle eines Sendungsereignisses.", "Source inconnue d’un événement de suivi.",
        "Origen desconocido de un evento de seguimiento.", "追跡イベントの送信元が不明です。", "跟踪事件来源未知。",
    ),
    "Whether cash was collected must be true or false.": (
        "Ob Bargeld kassiert wurde, muss wahr oder falsch sein.", "L’encaissement doit valoir vrai ou faux.",
        "Si se cobró en efectivo debe ser verdadero o falso.", "代金回収の有無は true か false で指定してください。", "是否已收取现金必须为 true 或 false。",
    ),
    "Cash can only be collected on delivery.": (
        "Bargeld kann nur bei der Zustellung kassiert werden.", "L’argent ne peut être encaissé qu’à la livraison.",
        "El efectivo solo se puede cobrar en la entrega.", "代金はお届け時にのみ回収できます。", "只能在送达时收取现金。",
    ),
    "Consignment %(number)s has not been dispatched, so it has no tracking yet.": (
        "Sendung %(number)s wurde noch nicht versandt und hat daher noch keine Sendungsverfolgung.",
        "L’envoi %(number)s n’a pas encore été expédié, il n’a donc pas encore de suivi.",
        "El envío %(number)s aún no se ha despachado, así que todavía no tiene seguimiento.",
        "出荷単位 %(number)s はまだ出荷されていないため、追跡情報はありません。",
        "货件 %(number)s 尚未发出，因此还没有跟踪信息。",
    ),
    # Model labels the buyer's timeline shows (TrackingKind, ConsignmentStatus in fulfillment/models/consignments.py)
    "picked up by the carrier": ("vom Versanddienst abgeholt", "pris en charge par le transporteur", "recogido por el transportista",
                                 "配送業者が集荷", "承运商已揽收"),
    "held at customs": ("vom Zoll festgehalten", "retenu en douane", "retenido en aduana", "税関で保留中", "海关扣留"),
    "cleared customs": ("vom Zoll freigegeben", "dédouané", "despachado de aduana", "通関完了", "已清关"),
    "out for delivery": ("in Zustellung", "en cours de livraison", "en reparto", "配達中", "派送中"),
    "delivered": ("zugestellt", "livré", "entregado", "配達済み", "已送达"),
    "delivery problem": ("Zustellproblem", "problème de livraison", "problema de entrega", "配達に問題発生", "派送异常"),
    "returned to sender": ("an den Absender zurückgeschickt", "retourné à l’expéditeur", "devuelto al remitente", "差出人に返送", "已退回寄件人"),
    # fulfillment/admin_filters.py
    "delay": ("Verzögerung", "retard", "retraso", "遅延", "延误"),
    "late or stuck in customs": ("verspätet oder im Zoll festgehalten", "en retard ou bloqué en douane", "con retraso o retenido en aduana",
                                 "遅延または通関で保留中", "延误或被海关扣留"),
    "late": ("verspätet", "en retard", "con retraso", "遅延", "延误"),
    "stuck in customs": ("im Zoll festgehalten", "bloqué en douane", "retenido en aduana", "通関で保留中", "被海关扣留"),
    # Buyer pages (templates/shop/_parcels.html, order_tracking.html, shop/selectors/orders.py)
    "on its way": ("unterwegs zu Ihnen", "en route", "en camino", "配送中", "运送中"),
    "being prepared": ("in Vorbereitung", "en préparation", "en preparación", "準備中", "准备中"),
    "Parcels": ("Pakete", "Colis", "Paquetes", "荷物", "包裹"),
    "Parcel %(k)s of %(n)s from %(city)s": (
        "Paket %(k)s von %(n)s aus %(city)s", "Colis %(k)s sur %(n)s depuis %(city)s", "Paquete %(k)s de %(n)s desde %(city)s",
        "%(city)sからの荷物（%(n)s個中%(k)s個目）", "来自%(city)s的包裹（第 %(k)s 个，共 %(n)s 个）",
    ),
    "Promised": ("Zugesagt", "Promis", "Prometido", "お約束", "承诺送达"),
    "Expected": ("Voraussichtlich", "Prévu", "Previsto", "お届け予定", "预计送达"),
    "Going to": ("Empfangsort", "Destination", "Destino", "お届け先", "寄往"),
    "This parcel is taking longer than planned. We are following it with the carrier.": (
        "Dieses Paket braucht länger als geplant. Wir verfolgen es mit dem Versanddienst.",
        "Ce colis met plus de temps que prévu. Nous le suivons avec le transporteur.",
        "Este paquete está tardando más de lo previsto. Lo estamos siguiendo con el transportista.",
        "この荷物は予定より時間がかかっています。配送業者と連絡を取りながら確認しています。",
        "此包裹比计划用时更长。我们正在与承运商跟进。",
    ),
    "We are preparing this parcel; you will receive an e-mail with its tracking number when it leaves.": (
        "Wir bereiten dieses Paket vor; sobald es unterwegs ist, erhalten Sie eine E-Mail mit der Sendungsnummer.",
        "Nous préparons ce colis ; vous recevrez un e-mail avec son numéro de suivi dès son départ.",
        "Estamos preparando este paquete; recibirá un correo con su número de seguimiento cuando salga.",
        "この荷物は準備中です。発送時に追跡番号をメールでお知らせします。",
        "我们正在准备此包裹；发出时您会收到一封附有跟踪号码的电子邮件。",
    ),
    # Parcel e-mails (templates/shop/email/consignment_*.txt|html, _delay_message.txt)
    "Your parcel from %(city)s is on its way (order %(number)s)": (
        "Ihr Paket aus %(city)s ist unterwegs (Bestellung %(number)s)", "Votre colis depuis %(city)s est en route (commande %(number)s)",
        "Su paquete desde %(city)s está en camino (pedido %(number)s)", "%(city)sからの荷物を発送しました（ご注文 %(number)s）",
        "您来自%(city)s的包裹已发出（订单 %(number)s）",
    ),
    "parcel %(k)s of %(n)s of your order %(number)s has left our warehouse in %(city)s.": (
        "Paket %(k)s von %(n)s Ihrer Bestellung %(number)s hat unser Lager in %(city)s verlassen.",
        "le colis %(k)s sur %(n)s de votre commande %(number)s a quitté notre entrepôt de %(city)s.",
        "el paquete %(k)s de %(n)s de su pedido %(number)s ha salido de nuestro almacén de %(city)s.",
        "ご注文 %(number)s の荷物（%(n)s個中%(k)s個目）が%(city)sの倉庫から発送されました。",
        "您的订单 %(number)s 的第 %(k)s 个包裹（共 %(n)s 个）已从我们位于%(city)s的仓库发出。",
    ),
    "your order %(number)s has left our warehouse in %(city)s.": (
        "Ihre Bestellung %(number)s hat unser Lager in %(city)s verlassen.",
        "votre commande %(number)s a quitté notre entrepôt de %(city)s.",
        "su pedido %(number)s ha salido de nuestro almacén de %(city)s.",
        "ご注文 %(number)s の荷物が%(city)sの倉庫から発送されました。",
        "您的订单 %(number)s 已从我们位于%(city)s的仓库发出。",
    ),
    "Carrier:": ("Versanddienst:", f"Transporteur{NB}:", "Transportista:", "配送業者：", "承运商："),
    "Tracking number:": ("Sendungsnummer:", f"Numéro de suivi{NB}:", "Número de seguimiento:", "追跡番号：", "跟踪号码："),
    "Follow it at the carrier:": ("Beim Versanddienst verfolgen:", f"Le suivre chez le transporteur{NB}:", "Sígalo en el transportista:",
                                  "配送業者のサイトで確認：", "在承运商处跟踪："),
    "Expected delivery:": ("Voraussichtliche Zustellung:", f"Livraison prévue{NB}:", "Entrega prevista:", "お届け予定日：", "预计送达："),
    "In this parcel:": ("In diesem Paket:", f"Dans ce colis{NB}:", "En este paquete:", "この荷物の内容：", "此包裹内含："),
    "Follow all parcels of your order:": (
        "Alle Pakete Ihrer Bestellung verfolgen:", f"Suivre tous les colis de votre commande{NB}:", "Siga todos los paquetes de su pedido:",
        "ご注文のすべての荷物を確認：", "跟踪您订单的所有包裹：",
    ),
    "Follow all parcels of your order": (
        "Alle Pakete Ihrer Bestellung verfolgen", "Suivre tous les colis de votre commande", "Siga todos los paquetes de su pedido",
        "ご注文のすべての荷物を確認", "跟踪您订单的所有包裹",
    ),
    "Your parcel is being held at customs (order %(number)s)": (
        "Ihr Paket wird vom Zoll geprüft (Bestellung %(number)s)", "Votre colis est retenu en douane (commande %(number)s)",
        "Su paquete está retenido en aduana (pedido %(number)s)", "お荷物が税関で保留されています（ご注文 %(number)s）",
        "您的包裹正被海关扣留（订单 %(number)s）",
    ),
    "Your parcel is running late (order %(number)s)": (
        "Ihr Paket verspätet sich (Bestellung %(number)s)", "Votre colis a du retard (commande %(number)s)",
        "Su paquete llega con retraso (pedido %(number)s)", "お荷物の到着が遅れています（ご注文 %(number)s）",
        "您的包裹延误了（订单 %(number)s）",
    ),
    "your parcel from %(city)s (order %(number)s) is being held by customs in %(country)s.": (
        "Ihr Paket aus %(city)s (Bestellung %(number)s) wird vom Zoll in %(country)s festgehalten.",
        "votre colis depuis %(city)s (commande %(number)s) est retenu par la douane (%(country)s).",
        "su paquete desde %(city)s (pedido %(number)s) está retenido por la aduana de %(country)s.",
        "%(city)sからのお荷物（ご注文 %(number)s）が%(country)sの税関で保留されています。",
        "您来自%(city)s的包裹（订单 %(number)s）正被%(country)s海关扣留。",
    ),
    ("Customs check parcels from abroad and sometimes hold one for a few days, for example to check its contents or papers. "
     "The carrier or customs may contact you if they need something from you; please answer them so the parcel can go on."): (
        "Der Zoll prüft Pakete aus dem Ausland und hält manche einige Tage fest, etwa um Inhalt oder Papiere zu prüfen. "
        "Der Versanddienst oder der Zoll meldet sich womöglich bei Ihnen, wenn etwas von Ihnen gebraucht wird; bitte antworten Sie, damit das Paket weiterreisen kann.",
        "La douane contrôle les colis venant de l’étranger et en retient parfois un quelques jours, par exemple pour vérifier son contenu ou ses documents. "
        "Le transporteur ou la douane peuvent vous contacter s’ils ont besoin de quelque chose de votre part ; répondez-leur pour que le colis poursuive sa route.",
        "La aduana revisa los paquetes del extranjero y a veces retiene alguno unos días, por ejemplo para comprobar su contenido o sus documentos. "
        "El transportista o la aduana pueden ponerse en contacto con usted si necesitan algo; respóndales para que el paquete pueda continuar.",
        "税関は海外からの荷物を検査し、内容物や書類の確認のために数日間保留することがあります。"
        "配送業者または税関から連絡があった場合は、荷物が先へ進めるようご対応ください。",
        "海关会检查来自国外的包裹，有时会扣留几天，例如核对内容物或单证。如需您提供材料，承运商或海关可能会联系您；请及时回复，以便包裹继续运送。",
    ),
    ("Import VAT and any duties on this parcel were not part of your payment to us: they are due on delivery, "
     "and the carrier or customs will ask you to pay them before handing the parcel over."): (
        "Einfuhrumsatzsteuer und etwaige Zölle für dieses Paket waren nicht Teil Ihrer Zahlung an uns: Sie werden bei der Zustellung fällig, "
        "und der Versanddienst oder der Zoll bittet Sie, sie vor der Übergabe des Pakets zu bezahlen.",
        f"La TVA à l’importation et les éventuels droits de douane de ce colis ne faisaient pas partie de votre paiement{NB}: ils sont dus à la livraison, "
        "et le transporteur ou la douane vous demandera de les régler avant de vous remettre le colis.",
        "El IVA de importación y los posibles aranceles de este paquete no formaban parte de su pago: se pagan en la entrega, "
        "y el transportista o la aduana le pedirán que los abone antes de entregarle el paquete.",
        "この荷物の輸入消費税および関税はお支払いに含まれていません。お届け時にお支払いいただく必要があり、荷物のお渡し前に配送業者または税関から請求されます。",
        "此包裹的进口增值税及可能的关税不包含在您向我们支付的款项中：需在送达时缴纳，承运商或海关会在交付包裹前要求您支付。",
    ),
    "The import VAT on this parcel was paid with your order; you do not need to pay it again.": (
        "Die Einfuhrumsatzsteuer für dieses Paket wurde mit Ihrer Bestellung bezahlt; Sie müssen sie nicht noch einmal zahlen.",
        "La TVA à l’importation de ce colis a été payée avec votre commande ; vous n’avez pas à la payer de nouveau.",
        "El IVA de importación de este paquete se pagó con su pedido; no tiene que pagarlo de nuevo.",
        "この荷物の輸入消費税はご注文時にお支払い済みです。再度お支払いいただく必要はありません。",
        "此包裹的进口增值税已随订单支付，您无需再次支付。",
    ),
    "we are sorry: your parcel from %(city)s (order %(number)s) has not arrived by %(promised)s, the latest day we promised.": (
        "es tut uns leid: Ihr Paket aus %(city)s (Bestellung %(number)s) ist bis %(promised)s, dem spätesten zugesagten Tag, nicht angekommen.",
        f"nous sommes désolés{NB}: votre colis depuis %(city)s (commande %(number)s) n’est pas arrivé le %(promised)s, dernier jour promis.",
        "lo sentimos: su paquete desde %(city)s (pedido %(number)s) no ha llegado el %(promised)s, el último día que prometimos.",
        "申し訳ございません。%(city)sからのお荷物（ご注文 %(number)s）が、お約束した最終日の%(promised)sまでに届いておりません。",
        "非常抱歉：您来自%(city)s的包裹（订单 %(number)s）未能在我们承诺的最晚日期 %(promised)s 前送达。",
    ),
    "The carrier now expects to deliver it on %(date)s.": (
        "Der Versanddienst erwartet die Zustellung jetzt am %(date)s.", "Le transporteur prévoit désormais de le livrer le %(date)s.",
        "El transportista prevé ahora entregarlo el %(date)s.", "配送業者による現在のお届け予定日は%(date)sです。", "承运商现预计于 %(date)s 送达。",
    ),
    "We have asked the carrier where it is and will keep following it until it arrives.": (
        "Wir haben beim Versanddienst nachgefragt und verfolgen das Paket weiter, bis es ankommt.",
        "Nous avons demandé au transporteur où il se trouve et continuerons à le suivre jusqu’à son arrivée.",
        "Hemos preguntado al transportista dónde está y seguiremos su rastro hasta que llegue.",
        "配送業者に所在を問い合わせており、到着まで引き続き確認いたします。",
        "我们已向承运商询问包裹位置，并将持续跟进直至送达。",
    ),
    "If it has not arrived in a few days, just reply to this e-mail and we will sort it out.": (
        "Sollte es in einigen Tagen noch nicht angekommen sein, antworten Sie einfach auf diese E-Mail, und wir kümmern uns darum.",
        "S’il n’est pas arrivé d’ici quelques jours, répondez simplement à cet e-mail et nous réglerons cela.",
        "Si no ha llegado en unos días, responda a este correo y lo solucionaremos.",
        "数日たっても届かない場合は、このメールにご返信ください。対応いたします。",
        "如果几天后仍未送达，请直接回复此邮件，我们会为您处理。",
    ),
}
