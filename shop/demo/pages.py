# ruff: noqa: E501 - prose: one paragraph per line
"""The demo shop's own pages (imprint, terms, withdrawal, privacy, shipping and returns, contact) in six languages.

Written for the demo seller in settings.CARAVAN_SELLER; placeholders: {seller}, {address} (one line per line),
{address_inline}, {email}, {vat}, {shop}. The withdrawal texts follow the EU model instructions (Directive
2011/83/EU, Annex I(A)); the model withdrawal form itself (Annex I(B)) is printed below the page by its template.
A merchant replaces these texts with their own, checked by a lawyer.
"""

from django.conf import settings
from django.db import transaction

from shop.models import PageKind, ShopPage

LANGUAGES = ("en", "de", "fr", "es", "ja", "zh_hans")

IMPRINT = {
    "en": ("Imprint", """{seller}
{address}

## Contact
E-mail: {email}

## VAT identification number
{vat} (under § 27a of the German VAT Act)

## Responsible for the content
{seller}, {address_inline}

## Consumer dispute resolution
We are not obliged and not willing to take part in dispute resolution proceedings before a consumer arbitration board."""),
    "de": ("Impressum", """{seller}
{address}

## Kontakt
E-Mail: {email}

## Umsatzsteuer-Identifikationsnummer
{vat} (gemäß § 27a Umsatzsteuergesetz)

## Verantwortlich für den Inhalt
{seller}, {address_inline}

## Verbraucherstreitbeilegung
Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen."""),
    "fr": ("Mentions légales", """{seller}
{address}

## Contact
E-mail : {email}

## Numéro d’identification TVA
{vat} (selon le § 27a de la loi allemande sur la TVA)

## Responsable du contenu
{seller}, {address_inline}

## Règlement des litiges de consommation
Nous ne sommes ni obligés ni disposés à participer à une procédure de règlement des litiges devant un organisme de médiation de la consommation."""),
    "es": ("Aviso legal", """{seller}
{address}

## Contacto
Correo electrónico: {email}

## Número de identificación a efectos del IVA
{vat} (según el § 27a de la ley alemana del IVA)

## Responsable del contenido
{seller}, {address_inline}

## Resolución de litigios de consumo
No estamos obligados ni dispuestos a participar en procedimientos de resolución de litigios ante una entidad de arbitraje de consumo."""),
    "ja": ("運営者情報", """{seller}
{address}

## お問い合わせ
メール: {email}

## 付加価値税（VAT）登録番号
{vat}

## コンテンツの責任者
{seller}（{address_inline}）

## 消費者紛争の解決
当社は消費者仲裁機関における紛争解決手続きに参加する義務を負っておらず、参加もいたしません。"""),
    "zh_hans": ("法律声明", """{seller}
{address}

## 联系方式
电子邮件：{email}

## 增值税识别号
{vat}

## 内容负责人
{seller}，{address_inline}

## 消费者争议解决
我们没有义务、也不愿意参加消费者仲裁机构的争议解决程序。"""),
}

TERMS = {
    "en": ("Terms and conditions", """## 1. Scope
These terms apply to every order placed in the {shop} online shop with {seller}, {address_inline} ("we", "us").

## 2. How the contract is made
Our product pages are an invitation to order, not a binding offer. By clicking "Place order" you make a binding offer to buy the goods in your cart. We confirm receipt by e-mail at once; the contract is made when we confirm the order or ship the goods. The contract language is the language of the shop you ordered in. We store the contract text and send the order details to you by e-mail.

## 3. Prices and payment
Prices are in the currency of your market. In markets where prices include VAT, the VAT is included; elsewhere taxes are added at checkout. Shipping costs are shown before you place the order. You pay by card, by bank transfer or, where offered, cash on delivery. A bank transfer is due within seven days of the order; until then we hold the goods for you.

## 4. Delivery
We deliver to the countries offered at checkout, from the warehouse that serves your country. The delivery time of each shipping option is shown at checkout. Where goods cross a customs border, any import VAT and duties are shown at checkout.

## 5. Retention of title
The goods remain our property until they are paid in full.

## 6. Right of withdrawal
Consumers have a right of withdrawal, described on our page "Right of withdrawal".

## 7. Defects
The statutory rights for defects apply.

## 8. Applicable law
German law applies, excluding the UN Convention on Contracts for the International Sale of Goods. If you are a consumer, this choice does not take away the protection of the mandatory law of the country where you live."""),
    "de": ("Allgemeine Geschäftsbedingungen", """## 1. Geltungsbereich
Diese Bedingungen gelten für alle Bestellungen im Onlineshop {shop} bei {seller}, {address_inline} („wir“, „uns“).

## 2. Vertragsschluss
Unsere Produktseiten sind eine Aufforderung zur Bestellung, kein bindendes Angebot. Mit einem Klick auf „Bestellung aufgeben“ geben Sie ein verbindliches Angebot zum Kauf der Waren in Ihrem Warenkorb ab. Wir bestätigen den Eingang sofort per E-Mail; der Vertrag kommt zustande, wenn wir die Bestellung bestätigen oder die Ware versenden. Vertragssprache ist die Sprache des Shops, in dem Sie bestellt haben. Wir speichern den Vertragstext und senden Ihnen die Bestelldaten per E-Mail.

## 3. Preise und Zahlung
Die Preise gelten in der Währung Ihres Marktes. In Märkten mit Bruttopreisen ist die Umsatzsteuer enthalten; anderswo werden Steuern an der Kasse hinzugerechnet. Versandkosten werden vor der Bestellung angezeigt. Sie zahlen per Karte, per Überweisung oder, wo angeboten, per Nachnahme. Eine Überweisung ist binnen sieben Tagen nach der Bestellung fällig; bis dahin halten wir die Ware für Sie zurück.

## 4. Lieferung
Wir liefern in die an der Kasse angebotenen Länder, aus dem Lager, das Ihr Land beliefert. Die Lieferzeit jeder Versandart wird an der Kasse angezeigt. Überquert die Ware eine Zollgrenze, werden Einfuhrumsatzsteuer und Zölle an der Kasse ausgewiesen.

## 5. Eigentumsvorbehalt
Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.

## 6. Widerrufsrecht
Verbrauchern steht ein Widerrufsrecht zu, das auf unserer Seite „Widerrufsrecht“ beschrieben ist.

## 7. Mängel
Es gelten die gesetzlichen Mängelrechte.

## 8. Anwendbares Recht
Es gilt deutsches Recht unter Ausschluss des UN-Kaufrechts. Sind Sie Verbraucher, entzieht Ihnen diese Rechtswahl nicht den Schutz der zwingenden Vorschriften des Staates, in dem Sie Ihren gewöhnlichen Aufenthalt haben."""),
    "fr": ("Conditions générales de vente", """## 1. Champ d’application
Les présentes conditions s’appliquent à toute commande passée dans la boutique en ligne {shop} auprès de {seller}, {address_inline} (« nous »).

## 2. Conclusion du contrat
Nos pages produits sont une invitation à commander, et non une offre ferme. En cliquant sur « Passer la commande », vous faites une offre ferme d’achat des articles de votre panier. Nous en accusons réception immédiatement par e-mail ; le contrat est conclu lorsque nous confirmons la commande ou expédions les articles. La langue du contrat est celle de la boutique dans laquelle vous avez commandé. Nous conservons le texte du contrat et vous envoyons le détail de la commande par e-mail.

## 3. Prix et paiement
Les prix sont indiqués dans la devise de votre marché. Dans les marchés où les prix sont TTC, la TVA est incluse ; ailleurs, les taxes sont ajoutées lors du paiement. Les frais de port sont affichés avant la commande. Vous payez par carte, par virement ou, si proposé, contre remboursement. Un virement est dû dans les sept jours suivant la commande ; jusque-là, nous vous réservons les articles.

## 4. Livraison
Nous livrons dans les pays proposés lors de la commande, depuis l’entrepôt qui dessert votre pays. Le délai de chaque mode de livraison est affiché lors de la commande. Si les articles franchissent une frontière douanière, la TVA à l’importation et les droits de douane éventuels sont indiqués lors de la commande.

## 5. Réserve de propriété
Les articles restent notre propriété jusqu’à leur paiement intégral.

## 6. Droit de rétractation
Les consommateurs disposent d’un droit de rétractation décrit sur notre page « Droit de rétractation ».

## 7. Défauts
Les garanties légales s’appliquent.

## 8. Droit applicable
Le droit allemand s’applique, à l’exclusion de la Convention des Nations unies sur les contrats de vente internationale de marchandises. Si vous êtes consommateur, ce choix ne vous prive pas de la protection des dispositions impératives du pays où vous résidez."""),
    "es": ("Condiciones generales", """## 1. Ámbito de aplicación
Estas condiciones se aplican a todos los pedidos realizados en la tienda en línea {shop} a {seller}, {address_inline} («nosotros»).

## 2. Celebración del contrato
Nuestras páginas de producto son una invitación a comprar, no una oferta vinculante. Al pulsar «Realizar pedido» usted hace una oferta vinculante de compra de los artículos de su cesta. Confirmamos la recepción de inmediato por correo electrónico; el contrato se celebra cuando confirmamos el pedido o enviamos los artículos. El idioma del contrato es el de la tienda en la que hizo el pedido. Guardamos el texto del contrato y le enviamos los datos del pedido por correo electrónico.

## 3. Precios y pago
Los precios se indican en la moneda de su mercado. En los mercados con precios con IVA, el IVA está incluido; en los demás, los impuestos se añaden al pagar. Los gastos de envío se muestran antes de realizar el pedido. Puede pagar con tarjeta, por transferencia o, donde se ofrezca, contra reembolso. La transferencia vence a los siete días del pedido; hasta entonces le reservamos los artículos.

## 4. Entrega
Entregamos en los países ofrecidos al pagar, desde el almacén que atiende a su país. El plazo de cada modalidad de envío se muestra al pagar. Si los artículos cruzan una frontera aduanera, el IVA de importación y los aranceles se indican al pagar.

## 5. Reserva de dominio
Los artículos siguen siendo de nuestra propiedad hasta su pago completo.

## 6. Derecho de desistimiento
Los consumidores tienen un derecho de desistimiento, descrito en nuestra página «Derecho de desistimiento».

## 7. Defectos
Se aplican las garantías legales.

## 8. Ley aplicable
Se aplica el derecho alemán, con exclusión de la Convención de las Naciones Unidas sobre los contratos de compraventa internacional de mercaderías. Si usted es consumidor, esta elección no le priva de la protección de las normas imperativas del país en el que reside."""),
    "ja": ("利用規約", """## 1. 適用範囲
本規約は、オンラインショップ「{shop}」において{seller}（{address_inline}、以下「当社」）に対してなされるすべてのご注文に適用されます。

## 2. 契約の成立
商品ページは注文の申込みの誘引であり、拘束力のある申込みではありません。「注文を確定する」をクリックすると、カート内の商品を購入する拘束力のある申込みとなります。当社は受付後ただちにメールでお知らせし、注文の確認または商品の発送をもって契約が成立します。契約言語はご注文いただいたショップの言語です。契約内容は当社が保存し、注文内容をメールでお送りします。

## 3. 価格とお支払い
価格はお客様のマーケットの通貨で表示されます。税込価格のマーケットでは消費税・付加価値税が含まれ、その他のマーケットでは税額がお会計時に加算されます。送料はご注文前に表示されます。お支払いはカード、銀行振込、または（ご利用可能な場合）代金引換です。銀行振込はご注文から7日以内にお支払いください。それまで商品を確保いたします。

## 4. お届け
お会計時に表示される国へ、お客様の国を担当する倉庫からお届けします。各配送方法のお届け日数はお会計時に表示されます。商品が関税境界を越える場合、輸入消費税および関税はお会計時に表示されます。

## 5. 所有権の留保
商品の所有権は、代金の全額が支払われるまで当社に留保されます。

## 6. 撤回権
消費者のお客様には撤回権があります。詳しくは「撤回権」のページをご覧ください。

## 7. 瑕疵
法定の瑕疵担保に関する権利が適用されます。

## 8. 準拠法
国際物品売買契約に関する国際連合条約を除き、ドイツ法が適用されます。お客様が消費者である場合、この選択によってお住まいの国の強行規定による保護が失われることはありません。"""),
    "zh_hans": ("条款和条件", """## 1. 适用范围
本条款适用于在 {shop} 网店向 {seller}（{address_inline}，以下简称"我们"）下的所有订单。

## 2. 合同的订立
商品页面是邀请下单，而非有约束力的要约。点击"提交订单"即表示您发出购买购物车中商品的有约束力的要约。我们会立即通过电子邮件确认收到订单；合同在我们确认订单或发出商品时成立。合同语言为您下单时所用商店的语言。我们保存合同文本，并通过电子邮件向您发送订单详情。

## 3. 价格和付款
价格以您所在市场的货币显示。在含税价格的市场中，价格已含增值税；在其他市场，税费在结账时加收。运费在下单前显示。您可以使用银行卡、银行转账或（如提供）货到付款方式付款。银行转账须在下单后七天内付款，在此之前我们为您保留商品。

## 4. 配送
我们从负责您所在国家的仓库向结账时提供的国家发货。每种配送方式的配送时间在结账时显示。如商品跨越关境，进口增值税和关税将在结账时列明。

## 5. 所有权保留
在全额付款之前，商品的所有权归我们所有。

## 6. 撤回权
消费者享有撤回权，详见"撤回权"页面。

## 7. 瑕疵
适用法定的瑕疵担保权利。

## 8. 适用法律
适用德国法律，但不包括《联合国国际货物销售合同公约》。如果您是消费者，此项法律选择不会剥夺您居住国强制性法律规定给予您的保护。"""),
}

WITHDRAWAL = {
    "en": ("Right of withdrawal", """You have the right to withdraw from this contract within 14 days without giving any reason.

The withdrawal period will expire after 14 days from the day on which you acquire, or a third party other than the carrier and indicated by you acquires, physical possession of the goods.

To exercise the right of withdrawal, you must inform us ({seller}, {address_inline}, e-mail: {email}) of your decision to withdraw from this contract by an unequivocal statement (e.g. a letter sent by post or e-mail). You may use the model withdrawal form below, but it is not obligatory.

To meet the withdrawal deadline, it is sufficient for you to send your communication concerning your exercise of the right of withdrawal before the withdrawal period has expired.

## Effects of withdrawal
If you withdraw from this contract, we shall reimburse to you all payments received from you, including the costs of delivery (with the exception of the supplementary costs resulting from your choice of a type of delivery other than the least expensive type of standard delivery offered by us), without undue delay and in any event not later than 14 days from the day on which we are informed about your decision to withdraw from this contract. We will carry out such reimbursement using the same means of payment as you used for the initial transaction, unless you have expressly agreed otherwise; in any event, you will not incur any fees as a result of such reimbursement.

We may withhold reimbursement until we have received the goods back or you have supplied evidence of having sent back the goods, whichever is the earliest.

You shall send back the goods or hand them over to us without undue delay and in any event not later than 14 days from the day on which you communicate your withdrawal from this contract to us. The deadline is met if you send back the goods before the period of 14 days has expired. We will bear the cost of returning the goods.

You are only liable for any diminished value of the goods resulting from the handling other than what is necessary to establish the nature, characteristics and functioning of the goods."""),
    "de": ("Widerrufsrecht", """Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.

Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie oder ein von Ihnen benannter Dritter, der nicht der Beförderer ist, die Waren in Besitz genommen haben bzw. hat.

Um Ihr Widerrufsrecht auszuüben, müssen Sie uns ({seller}, {address_inline}, E-Mail: {email}) mittels einer eindeutigen Erklärung (z. B. ein mit der Post versandter Brief oder E-Mail) über Ihren Entschluss, diesen Vertrag zu widerrufen, informieren. Sie können dafür das unten stehende Muster-Widerrufsformular verwenden, das jedoch nicht vorgeschrieben ist.

Zur Wahrung der Widerrufsfrist reicht es aus, dass Sie die Mitteilung über die Ausübung des Widerrufsrechts vor Ablauf der Widerrufsfrist absenden.

## Folgen des Widerrufs
Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen erhalten haben, einschließlich der Lieferkosten (mit Ausnahme der zusätzlichen Kosten, die sich daraus ergeben, dass Sie eine andere Art der Lieferung als die von uns angebotene, günstigste Standardlieferung gewählt haben), unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag zurückzuzahlen, an dem die Mitteilung über Ihren Widerruf dieses Vertrags bei uns eingegangen ist. Für diese Rückzahlung verwenden wir dasselbe Zahlungsmittel, das Sie bei der ursprünglichen Transaktion eingesetzt haben, es sei denn, mit Ihnen wurde ausdrücklich etwas anderes vereinbart; in keinem Fall werden Ihnen wegen dieser Rückzahlung Entgelte berechnet.

Wir können die Rückzahlung verweigern, bis wir die Waren wieder zurückerhalten haben oder bis Sie den Nachweis erbracht haben, dass Sie die Waren zurückgesandt haben, je nachdem, welches der frühere Zeitpunkt ist.

Sie haben die Waren unverzüglich und in jedem Fall spätestens binnen vierzehn Tagen ab dem Tag, an dem Sie uns über den Widerruf dieses Vertrags unterrichten, an uns zurückzusenden oder zu übergeben. Die Frist ist gewahrt, wenn Sie die Waren vor Ablauf der Frist von vierzehn Tagen absenden. Wir tragen die Kosten der Rücksendung der Waren.

Sie müssen für einen etwaigen Wertverlust der Waren nur aufkommen, wenn dieser Wertverlust auf einen zur Prüfung der Beschaffenheit, Eigenschaften und Funktionsweise der Waren nicht notwendigen Umgang mit ihnen zurückzuführen ist."""),
    "fr": ("Droit de rétractation", """Vous avez le droit de vous rétracter du présent contrat sans donner de motif dans un délai de quatorze jours.

Le délai de rétractation expire quatorze jours après le jour où vous-même, ou un tiers autre que le transporteur et désigné par vous, prend physiquement possession du bien.

Pour exercer le droit de rétractation, vous devez nous notifier ({seller}, {address_inline}, e-mail : {email}) votre décision de rétractation du présent contrat au moyen d’une déclaration dénuée d’ambiguïté (par exemple, lettre envoyée par la poste ou courrier électronique). Vous pouvez utiliser le modèle de formulaire de rétractation ci-dessous, mais ce n’est pas obligatoire.

Pour que le délai de rétractation soit respecté, il suffit que vous transmettiez votre communication relative à l’exercice du droit de rétractation avant l’expiration du délai de rétractation.

## Effets de la rétractation
En cas de rétractation de votre part du présent contrat, nous vous rembourserons tous les paiements reçus de vous, y compris les frais de livraison (à l’exception des frais supplémentaires découlant du fait que vous avez choisi, le cas échéant, un mode de livraison autre que le mode moins coûteux de livraison standard proposé par nous) sans retard excessif et, en tout état de cause, au plus tard quatorze jours à compter du jour où nous sommes informés de votre décision de rétractation du présent contrat. Nous procéderons au remboursement en utilisant le même moyen de paiement que celui que vous aurez utilisé pour la transaction initiale, sauf si vous convenez expressément d’un moyen différent ; en tout état de cause, ce remboursement n’occasionnera pas de frais pour vous.

Nous pouvons différer le remboursement jusqu’à ce que nous ayons reçu le bien ou jusqu’à ce que vous ayez fourni une preuve d’expédition du bien, la date retenue étant celle du premier de ces faits.

Vous devrez renvoyer ou rendre le bien, à nous-mêmes, sans retard excessif et, en tout état de cause, au plus tard quatorze jours après que vous nous aurez communiqué votre décision de rétractation du présent contrat. Ce délai est réputé respecté si vous renvoyez le bien avant l’expiration du délai de quatorze jours. Nous prendrons en charge les frais de renvoi du bien.

Votre responsabilité n’est engagée qu’à l’égard de la dépréciation du bien résultant de manipulations autres que celles nécessaires pour établir la nature, les caractéristiques et le bon fonctionnement de ce bien."""),
    "es": ("Derecho de desistimiento", """Tiene usted derecho a desistir del presente contrato en un plazo de 14 días naturales sin necesidad de justificación.

El plazo de desistimiento expirará a los 14 días naturales del día en que usted o un tercero por usted indicado, distinto del transportista, adquirió la posesión material de los bienes.

Para ejercer el derecho de desistimiento, deberá usted notificarnos ({seller}, {address_inline}, correo electrónico: {email}) su decisión de desistir del contrato a través de una declaración inequívoca (por ejemplo, una carta enviada por correo postal o correo electrónico). Podrá utilizar el modelo de formulario de desistimiento que figura a continuación, aunque su uso no es obligatorio.

Para cumplir el plazo de desistimiento, basta con que la comunicación relativa al ejercicio por su parte de este derecho sea enviada antes de que venza el plazo correspondiente.

## Consecuencias del desistimiento
En caso de desistimiento por su parte, le devolveremos todos los pagos recibidos de usted, incluidos los gastos de entrega (con la excepción de los gastos adicionales resultantes de la elección por su parte de una modalidad de entrega diferente a la modalidad menos costosa de entrega ordinaria que ofrezcamos) sin ninguna demora indebida y, en todo caso, a más tardar 14 días naturales a partir de la fecha en la que se nos informe de su decisión de desistir del presente contrato. Procederemos a efectuar dicho reembolso utilizando el mismo medio de pago empleado por usted para la transacción inicial, a no ser que haya usted dispuesto expresamente lo contrario; en todo caso, no incurrirá en ningún gasto como consecuencia del reembolso.

Podremos retener el reembolso hasta haber recibido los bienes, o hasta que usted haya presentado una prueba de la devolución de los mismos, según qué condición se cumpla primero.

Deberá usted devolvernos o entregarnos directamente los bienes sin ninguna demora indebida y, en cualquier caso, a más tardar en el plazo de 14 días naturales a partir de la fecha en que nos comunique su decisión de desistimiento del contrato. Se considerará cumplido el plazo si efectúa la devolución de los bienes antes de que haya concluido dicho plazo. Nosotros asumiremos el coste de la devolución de los bienes.

Solo será usted responsable de la disminución de valor de los bienes resultante de una manipulación distinta a la necesaria para establecer la naturaleza, las características y el funcionamiento de los bienes."""),
    "ja": ("撤回権", """お客様は、理由を示すことなく、14日以内に本契約を撤回する権利を有します。

撤回期間は、お客様または運送業者以外のお客様が指定した第三者が商品を受け取った日から14日で満了します。

撤回権を行使するには、本契約を撤回する旨を明確な意思表示（郵便による書面またはメールなど）により当社（{seller}、{address_inline}、メール: {email}）にお知らせください。下記の撤回書式の見本をご利用いただけますが、必須ではありません。

撤回期間を守るには、撤回期間の満了前に撤回の通知を発送すれば足ります。

## 撤回の効果
お客様が本契約を撤回された場合、当社は、お客様からお受け取りしたすべての支払い（配送料を含みます。ただし、当社が提供する最も安価な通常配送以外の配送方法をお客様が選択されたことによる追加費用を除きます）を、撤回の通知を受け取った日から遅滞なく、遅くとも14日以内に返金いたします。返金には、別途明示的に合意した場合を除き、最初の取引でお客様が使用された支払方法を使用します。返金に伴う手数料がお客様に請求されることはありません。

当社は、商品が返送されるまで、またはお客様が商品を返送したことを証明されるまでのいずれか早い時点まで、返金を保留することができます。

お客様は、撤回を当社に通知した日から遅滞なく、遅くとも14日以内に商品を返送または当社にお引き渡しください。14日の期間満了前に商品を発送すれば期限は守られます。返送料は当社が負担いたします。

お客様は、商品の性質、特性および機能を確認するために必要な範囲を超えた取り扱いによって生じた商品の価値の減少についてのみ責任を負います。"""),
    "zh_hans": ("撤回权", """您有权在14天内无需说明任何理由撤回本合同。

撤回期限自您或您指定的第三方（承运人除外）实际占有商品之日起14天届满。

如需行使撤回权，您必须以明确的声明（例如邮寄信函或电子邮件）将您撤回本合同的决定通知我们（{seller}，{address_inline}，电子邮件：{email}）。您可以使用下方的撤回表格范本，但这不是必须的。

只要您在撤回期限届满前发出行使撤回权的通知，即视为遵守了撤回期限。

## 撤回的后果
如果您撤回本合同，我们将毫不迟延地、且无论如何不迟于收到您撤回本合同决定之日起14天内，退还我们从您处收到的全部款项，包括配送费用（但因您选择了我们所提供的最便宜的标准配送以外的配送方式而产生的额外费用除外）。除非与您另有明确约定，我们将使用您在原交易中使用的同一支付方式退款；在任何情况下，您都不会因退款而承担任何费用。

在我们收回商品或您提供已寄回商品的证明之前（以较早者为准），我们可以暂缓退款。

您应毫不迟延地、且无论如何不迟于您通知我们撤回本合同之日起14天内，将商品寄回或交还给我们。如果您在14天期限届满前寄出商品，即视为遵守期限。退货运费由我们承担。

您仅需对因超出确定商品性质、特性和功能所必需的操作而造成的商品价值减损承担责任。"""),
}

PRIVACY = {
    "en": ("Privacy policy", """## Who is responsible
{seller}, {address_inline}, e-mail: {email}, is the controller of the personal data processed in this shop.

## What we process and why
When you order, we process your name, e-mail address, shipping and billing address, VAT number if you give one, and what you ordered, to carry out the contract (Art. 6(1)(b) GDPR). We keep invoices and order records for as long as tax and commercial law requires, up to ten years (Art. 6(1)(c) GDPR). If you open an account, we keep your address book and order history until you close it.

## Payment and delivery
Card payments are processed by Stripe, which receives the payment details directly from your browser; we never see your card number. We pass your name, address and, where the carrier needs it for delivery notices, your e-mail address to the carrier that delivers your parcel.

## Cookies
We use only the cookies the shop needs to work: your session (cart, checkout, sign-in), a security token for forms, and your chosen market and language. We use no advertising cookies.

## Transfers outside the EU
Orders delivered from our warehouses in the United Kingdom, the United States or Japan are shared with those warehouses. The United Kingdom and Japan have an EU adequacy decision; for the United States we rely on the EU–US Data Privacy Framework or the EU standard contractual clauses.

## Your rights
You have the right to access, rectify and erase your data, to restrict or object to its processing, and to data portability. Write to {email}. You may also lodge a complaint with a data protection supervisory authority, for example the one where you live or the Berlin Commissioner for Data Protection and Freedom of Information."""),
    "de": ("Datenschutzerklärung", """## Verantwortlicher
Verantwortlich für die Verarbeitung personenbezogener Daten in diesem Shop ist {seller}, {address_inline}, E-Mail: {email}.

## Was wir verarbeiten und warum
Wenn Sie bestellen, verarbeiten wir Ihren Namen, Ihre E-Mail-Adresse, Liefer- und Rechnungsanschrift, gegebenenfalls Ihre USt-IdNr. und Ihre Bestellung, um den Vertrag zu erfüllen (Art. 6 Abs. 1 lit. b DSGVO). Rechnungen und Bestellunterlagen bewahren wir auf, solange das Steuer- und Handelsrecht es verlangt, bis zu zehn Jahre (Art. 6 Abs. 1 lit. c DSGVO). Wenn Sie ein Kundenkonto eröffnen, speichern wir Ihr Adressbuch und Ihre Bestellungen, bis Sie es schließen.

## Zahlung und Versand
Kartenzahlungen wickelt Stripe ab; Stripe erhält die Zahlungsdaten direkt von Ihrem Browser, wir sehen Ihre Kartennummer nie. Ihren Namen, Ihre Anschrift und, wo der Versanddienstleister sie für Zustellnachrichten braucht, Ihre E-Mail-Adresse geben wir an den Versanddienstleister weiter, der Ihr Paket zustellt.

## Cookies
Wir setzen nur Cookies, die der Shop zum Funktionieren braucht: Ihre Sitzung (Warenkorb, Kasse, Anmeldung), ein Sicherheitstoken für Formulare sowie den gewählten Markt und die Sprache. Werbe-Cookies verwenden wir nicht.

## Übermittlung in Drittländer
Bestellungen, die aus unseren Lagern im Vereinigten Königreich, in den USA oder in Japan geliefert werden, teilen wir mit diesen Lagern. Für das Vereinigte Königreich und Japan besteht ein Angemessenheitsbeschluss der EU; für die USA stützen wir uns auf das EU-US Data Privacy Framework oder die EU-Standardvertragsklauseln.

## Ihre Rechte
Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten, auf Einschränkung der Verarbeitung, auf Widerspruch und auf Datenübertragbarkeit. Schreiben Sie an {email}. Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren, etwa an Ihrem Wohnort oder bei der Berliner Beauftragten für Datenschutz und Informationsfreiheit."""),
    "fr": ("Politique de confidentialité", """## Responsable du traitement
{seller}, {address_inline}, e-mail : {email}, est responsable du traitement des données personnelles dans cette boutique.

## Ce que nous traitons et pourquoi
Lorsque vous commandez, nous traitons votre nom, votre adresse e-mail, vos adresses de livraison et de facturation, votre numéro de TVA le cas échéant et le contenu de votre commande, pour exécuter le contrat (art. 6, par. 1, point b, RGPD). Nous conservons les factures et les pièces de commande aussi longtemps que le droit fiscal et commercial l’exige, jusqu’à dix ans (art. 6, par. 1, point c, RGPD). Si vous ouvrez un compte, nous conservons votre carnet d’adresses et l’historique de vos commandes jusqu’à sa fermeture.

## Paiement et livraison
Les paiements par carte sont traités par Stripe, qui reçoit les données de paiement directement depuis votre navigateur ; nous ne voyons jamais votre numéro de carte. Nous transmettons votre nom, votre adresse et, si le transporteur en a besoin pour les avis de livraison, votre adresse e-mail au transporteur qui livre votre colis.

## Cookies
Nous n’utilisons que les cookies nécessaires au fonctionnement de la boutique : votre session (panier, commande, connexion), un jeton de sécurité pour les formulaires, ainsi que le marché et la langue choisis. Nous n’utilisons aucun cookie publicitaire.

## Transferts hors de l’UE
Les commandes livrées depuis nos entrepôts au Royaume-Uni, aux États-Unis ou au Japon sont communiquées à ces entrepôts. Le Royaume-Uni et le Japon bénéficient d’une décision d’adéquation de l’UE ; pour les États-Unis, nous nous appuyons sur le cadre de protection des données UE–États-Unis ou sur les clauses contractuelles types de l’UE.

## Vos droits
Vous disposez d’un droit d’accès, de rectification et d’effacement de vos données, d’un droit à la limitation du traitement, d’un droit d’opposition et d’un droit à la portabilité. Écrivez à {email}. Vous pouvez également introduire une réclamation auprès d’une autorité de contrôle, par exemple la CNIL en France ou l’autorité de votre lieu de résidence."""),
    "es": ("Política de privacidad", """## Responsable del tratamiento
{seller}, {address_inline}, correo electrónico: {email}, es responsable del tratamiento de los datos personales en esta tienda.

## Qué tratamos y por qué
Cuando hace un pedido, tratamos su nombre, su correo electrónico, sus direcciones de envío y de facturación, su número de IVA si lo indica y el contenido del pedido, para ejecutar el contrato (art. 6.1.b RGPD). Conservamos las facturas y los registros de pedidos mientras lo exija la legislación fiscal y mercantil, hasta diez años (art. 6.1.c RGPD). Si abre una cuenta, conservamos su libreta de direcciones y su historial de pedidos hasta que la cierre.

## Pago y entrega
Los pagos con tarjeta los procesa Stripe, que recibe los datos de pago directamente desde su navegador; nunca vemos el número de su tarjeta. Facilitamos su nombre, su dirección y, cuando el transportista lo necesita para avisos de entrega, su correo electrónico al transportista que entrega su paquete.

## Cookies
Solo usamos las cookies necesarias para que la tienda funcione: su sesión (cesta, pago, inicio de sesión), un token de seguridad para los formularios y el mercado y el idioma elegidos. No usamos cookies publicitarias.

## Transferencias fuera de la UE
Los pedidos entregados desde nuestros almacenes en el Reino Unido, Estados Unidos o Japón se comparten con esos almacenes. El Reino Unido y Japón cuentan con una decisión de adecuación de la UE; para Estados Unidos nos basamos en el Marco de Privacidad de Datos UE-EE. UU. o en las cláusulas contractuales tipo de la UE.

## Sus derechos
Tiene derecho a acceder a sus datos, rectificarlos y suprimirlos, a limitar su tratamiento, a oponerse a él y a la portabilidad. Escriba a {email}. También puede presentar una reclamación ante una autoridad de control, por ejemplo la Agencia Española de Protección de Datos o la de su lugar de residencia."""),
    "ja": ("プライバシーポリシー", """## 管理責任者
本ショップにおける個人データの管理責任者は、{seller}（{address_inline}、メール: {email}）です。

## 取り扱う情報と目的
ご注文の際、契約を履行するため（GDPR第6条第1項(b)）、お名前、メールアドレス、配送先・請求先住所、（ご入力の場合）VAT番号およびご注文内容を取り扱います。請求書および注文記録は、税法および商法が求める期間（最長10年）保管します（GDPR第6条第1項(c)）。アカウントを作成された場合、アドレス帳と注文履歴はアカウントを削除されるまで保管します。

## お支払いと配送
カード決済は Stripe が処理し、決済情報はお客様のブラウザから直接 Stripe に送信されます。当社がカード番号を目にすることはありません。お名前、ご住所、および配送業者が配達通知に必要とする場合はメールアドレスを、お荷物をお届けする配送業者に提供します。

## クッキー
ショップの動作に必要なクッキーのみを使用します（セッション（カート、お会計、ログイン）、フォームのセキュリティトークン、選択したマーケットと言語）。広告用クッキーは使用しません。

## EU域外への移転
英国、米国または日本の倉庫から発送するご注文は、当該倉庫と共有します。英国および日本についてはEUの十分性認定があり、米国についてはEU・米国データプライバシーフレームワークまたはEU標準契約条項に基づきます。

## お客様の権利
お客様は、ご自身のデータへのアクセス、訂正、消去、処理の制限、異議申立て、データポータビリティの権利を有します。{email} までご連絡ください。また、お住まいの地域などのデータ保護監督機関に苦情を申し立てることもできます。"""),
    "zh_hans": ("隐私政策", """## 责任方
本店个人数据处理的控制者为 {seller}（{address_inline}，电子邮件：{email}）。

## 我们处理哪些数据以及原因
您下单时，为履行合同（《通用数据保护条例》第6条第1款(b)项），我们处理您的姓名、电子邮件地址、收货和账单地址、您提供的增值税号以及订单内容。我们按照税法和商法的要求保存发票和订单记录，最长十年（第6条第1款(c)项）。如果您开设账户，我们会保存您的地址簿和订单历史，直到您注销账户。

## 付款和配送
银行卡付款由 Stripe 处理，付款信息从您的浏览器直接发送给 Stripe；我们从不接触您的卡号。我们会将您的姓名、地址以及（如承运人需要发送配送通知）您的电子邮件地址提供给为您派送包裹的承运人。

## Cookie
我们只使用商店运行所必需的 Cookie：您的会话（购物车、结账、登录）、表单安全令牌以及您选择的市场和语言。我们不使用广告 Cookie。

## 向欧盟以外地区传输
从我们位于英国、美国或日本的仓库发货的订单，会与相应仓库共享。英国和日本已获得欧盟充分性认定；对于美国，我们依据欧盟-美国数据隐私框架或欧盟标准合同条款。

## 您的权利
您有权访问、更正和删除您的数据，有权限制或反对处理，并享有数据可携带权。请写信至 {email}。您也可以向数据保护监管机构（例如您居住地的监管机构）投诉。"""),
}

SHIPPING = {
    "en": ("Shipping and returns", """## Where your order ships from
We keep stock in four warehouses and ship from the one that serves your country: Berlin (European Union, Switzerland, Liechtenstein), London (United Kingdom), New Jersey (United States) and Osaka (Japan and China). If an item is out of stock there, Berlin may ship it instead; the product page and the cart tell you where an item ships from.

## Delivery times and costs
Each shipping option shows its price and delivery time at checkout before you order. Standard delivery within Germany takes 2–4 working days. Parcels are tracked; you receive the tracking link by e-mail when your order ships.

## Customs and import taxes
Orders shipped within the EU, within the United Kingdom, within the United States or within Japan cross no customs border. Where a parcel crosses one, the checkout shows the import VAT and any duties before you order.

## Returns
You may send goods back within 14 days of receiving them without giving a reason (see "Right of withdrawal"); we pay for the return. Write to {email} with your order number and we send you a return label for the warehouse that serves your country. We refund within 14 days, to the payment method you used.

## Damaged or wrong goods
If something arrives damaged or is not what you ordered, write to {email} with a photo; we send a replacement or refund you in full."""),
    "de": ("Versand und Rückgabe", """## Von wo Ihre Bestellung kommt
Wir lagern Ware in vier Lagern und versenden aus dem Lager, das Ihr Land beliefert: Berlin (Europäische Union, Schweiz, Liechtenstein), London (Vereinigtes Königreich), New Jersey (USA) und Osaka (Japan und China). Ist ein Artikel dort ausverkauft, kann Berlin ihn versenden; Produktseite und Warenkorb zeigen, von wo ein Artikel kommt.

## Lieferzeiten und Kosten
Jede Versandart zeigt ihren Preis und ihre Lieferzeit an der Kasse, bevor Sie bestellen. Standardversand innerhalb Deutschlands dauert 2–4 Werktage. Pakete sind verfolgbar; den Link zur Sendungsverfolgung erhalten Sie per E-Mail, sobald Ihre Bestellung versendet ist.

## Zoll und Einfuhrabgaben
Sendungen innerhalb der EU, des Vereinigten Königreichs, der USA oder Japans überqueren keine Zollgrenze. Überquert ein Paket eine, zeigt die Kasse Einfuhrumsatzsteuer und etwaige Zölle vor der Bestellung.

## Rücksendungen
Sie können Waren binnen 14 Tagen nach Erhalt ohne Angabe von Gründen zurücksenden (siehe „Widerrufsrecht“); die Rücksendung zahlen wir. Schreiben Sie mit Ihrer Bestellnummer an {email}, und wir senden Ihnen ein Rücksendeetikett für das Lager, das Ihr Land beliefert. Die Erstattung erfolgt binnen 14 Tagen über das Zahlungsmittel, das Sie verwendet haben.

## Beschädigte oder falsche Ware
Kommt etwas beschädigt an oder ist es nicht das Bestellte, schreiben Sie mit einem Foto an {email}; wir senden Ersatz oder erstatten den vollen Betrag."""),
    "fr": ("Livraison et retours", """## D’où part votre commande
Nous stockons nos articles dans quatre entrepôts et expédions depuis celui qui dessert votre pays : Berlin (Union européenne, Suisse, Liechtenstein), Londres (Royaume-Uni), New Jersey (États-Unis) et Osaka (Japon et Chine). Si un article y est épuisé, Berlin peut l’expédier ; la page produit et le panier indiquent d’où part chaque article.

## Délais et frais de livraison
Chaque mode de livraison affiche son prix et son délai lors de la commande, avant que vous ne validiez. La livraison standard en France prend en général 3 à 5 jours ouvrés. Les colis sont suivis ; vous recevez le lien de suivi par e-mail à l’expédition.

## Douane et taxes à l’importation
Les envois à l’intérieur de l’UE, du Royaume-Uni, des États-Unis ou du Japon ne franchissent aucune frontière douanière. Si un colis en franchit une, la page de commande indique la TVA à l’importation et les droits éventuels avant la commande.

## Retours
Vous pouvez renvoyer les articles dans les 14 jours suivant leur réception sans donner de motif (voir « Droit de rétractation ») ; nous prenons en charge les frais de retour. Écrivez à {email} avec votre numéro de commande et nous vous envoyons une étiquette de retour pour l’entrepôt qui dessert votre pays. Nous remboursons sous 14 jours, avec le moyen de paiement utilisé.

## Articles endommagés ou erronés
Si un article arrive endommagé ou ne correspond pas à votre commande, écrivez à {email} avec une photo ; nous vous envoyons un remplacement ou vous remboursons intégralement."""),
    "es": ("Envíos y devoluciones", """## Desde dónde se envía su pedido
Tenemos existencias en cuatro almacenes y enviamos desde el que atiende a su país: Berlín (Unión Europea, Suiza, Liechtenstein), Londres (Reino Unido), Nueva Jersey (Estados Unidos) y Osaka (Japón y China). Si un artículo está agotado allí, puede enviarlo Berlín; la página del producto y la cesta indican desde dónde se envía.

## Plazos y gastos de envío
Cada modalidad de envío muestra su precio y su plazo al pagar, antes de hacer el pedido. El envío estándar a España suele tardar de 3 a 5 días laborables. Los paquetes tienen seguimiento; recibirá el enlace por correo electrónico cuando se envíe el pedido.

## Aduanas e impuestos de importación
Los envíos dentro de la UE, del Reino Unido, de Estados Unidos o de Japón no cruzan ninguna frontera aduanera. Si un paquete cruza una, el pago muestra el IVA de importación y los aranceles antes de hacer el pedido.

## Devoluciones
Puede devolver los artículos en los 14 días siguientes a su recepción sin dar ningún motivo (véase «Derecho de desistimiento»); nosotros pagamos la devolución. Escriba a {email} con su número de pedido y le enviaremos una etiqueta de devolución para el almacén que atiende a su país. Reembolsamos en 14 días, con el medio de pago que utilizó.

## Artículos dañados o equivocados
Si algo llega dañado o no es lo que pidió, escriba a {email} con una foto; le enviamos un repuesto o le reembolsamos el importe completo."""),
    "ja": ("配送と返品", """## 発送元
当社は4つの倉庫に在庫を持ち、お客様の国を担当する倉庫から発送します。ベルリン（EU、スイス、リヒテンシュタイン）、ロンドン（英国）、ニュージャージー（米国）、大阪（日本・中国）です。担当倉庫で在庫切れの場合はベルリンから発送することがあります。商品ページとカートに発送元が表示されます。

## お届け日数と送料
各配送方法の送料とお届け日数は、ご注文前にお会計画面で表示されます。日本国内へのヤマト宅急便は通常1～2日でお届けします。お荷物は追跡可能で、発送時に追跡リンクをメールでお送りします。

## 関税と輸入税
EU域内、英国内、米国内、日本国内の配送は関税境界を越えません。越える場合は、ご注文前にお会計画面で輸入消費税と関税を表示します。

## 返品
商品到着後14日以内であれば、理由を問わず返品いただけます（「撤回権」をご覧ください）。返送料は当社が負担します。ご注文番号を添えて {email} までご連絡ください。お客様の国を担当する倉庫宛ての返品ラベルをお送りします。返金は14日以内に、ご利用の支払方法で行います。

## 破損・誤配送
商品が破損していた場合やご注文と異なる場合は、写真を添えて {email} までご連絡ください。交換品をお送りするか、全額を返金いたします。"""),
    "zh_hans": ("配送和退货", """## 发货地
我们在四个仓库备有库存，并从负责您所在国家的仓库发货：柏林（欧盟、瑞士、列支敦士登）、伦敦（英国）、新泽西（美国）和大阪（日本和中国）。如该仓库缺货，可能由柏林发货；商品页面和购物车会显示商品的发货地。

## 配送时间和费用
每种配送方式的价格和配送时间都会在下单前的结账页面显示。从大阪发往中国的国际快递（EMS）通常需要4至7天。包裹均可追踪；订单发货时，我们会通过电子邮件发送追踪链接。

## 海关和进口税
在欧盟、英国、美国或日本境内的配送不跨越关境。如包裹跨越关境，结账页面会在下单前显示进口增值税和关税。

## 退货
您可以在收到商品后14天内无理由退货（见"撤回权"）；退货运费由我们承担。请附上订单号写信至 {email}，我们会向您发送寄往负责您所在国家仓库的退货标签。我们将在14天内通过您使用的付款方式退款。

## 商品损坏或发错
如果商品到达时已损坏或与订单不符，请附上照片写信至 {email}；我们将为您补发或全额退款。"""),
}

CONTACT = {
    "en": ("Contact", """We are happy to help with orders, deliveries, returns and anything else.

## E-mail
{email}
Please give your order number if your question is about an order. We answer within one working day (Monday to Friday, Berlin time).

## Post
{seller}
{address}

## Returns
Please do not send returns to this address without writing to us first: we send you a prepaid label for the warehouse that serves your country (see "Shipping and returns")."""),
    "de": ("Kontakt", """Wir helfen gern bei Bestellungen, Lieferungen, Rücksendungen und allem anderen.

## E-Mail
{email}
Bitte nennen Sie Ihre Bestellnummer, wenn es um eine Bestellung geht. Wir antworten innerhalb eines Werktags (Montag bis Freitag, Berliner Zeit).

## Post
{seller}
{address}

## Rücksendungen
Bitte senden Sie Rücksendungen nicht ohne vorherige Nachricht an diese Anschrift: Wir schicken Ihnen ein frankiertes Etikett für das Lager, das Ihr Land beliefert (siehe „Versand und Rückgabe“)."""),
    "fr": ("Contact", """Nous vous aidons volontiers pour vos commandes, livraisons, retours et toute autre question.

## E-mail
{email}
Indiquez votre numéro de commande si votre question concerne une commande. Nous répondons sous un jour ouvré (du lundi au vendredi, heure de Berlin).

## Courrier
{seller}
{address}

## Retours
Merci de ne pas envoyer de retour à cette adresse sans nous écrire d’abord : nous vous envoyons une étiquette prépayée pour l’entrepôt qui dessert votre pays (voir « Livraison et retours »)."""),
    "es": ("Contacto", """Le ayudamos con mucho gusto con pedidos, entregas, devoluciones y cualquier otra cosa.

## Correo electrónico
{email}
Indique su número de pedido si su consulta trata de un pedido. Respondemos en un día laborable (de lunes a viernes, hora de Berlín).

## Correo postal
{seller}
{address}

## Devoluciones
No envíe devoluciones a esta dirección sin escribirnos antes: le enviaremos una etiqueta prepagada para el almacén que atiende a su país (véase «Envíos y devoluciones»)."""),
    "ja": ("お問い合わせ", """ご注文、配送、返品などについて、お気軽にお問い合わせください。

## メール
{email}
ご注文に関するお問い合わせの際は、注文番号をお書き添えください。1営業日以内（月～金、ベルリン時間）にご返信します。

## 郵送
{seller}
{address}

## 返品
事前のご連絡なしにこの住所へ返品をお送りにならないでください。お客様の国を担当する倉庫宛ての送料前払いラベルをお送りします（「配送と返品」をご覧ください）。"""),
    "zh_hans": ("联系我们", """我们乐意为您解答有关订单、配送、退货及其他任何问题。

## 电子邮件
{email}
如您的问题涉及订单，请注明订单号。我们会在一个工作日内回复（周一至周五，柏林时间）。

## 邮寄地址
{seller}
{address}

## 退货
请勿在未事先联系我们的情况下将退货寄到此地址：我们会向您发送寄往负责您所在国家仓库的预付运费标签（见"配送和退货"）。"""),
}

PAGES = {
    PageKind.IMPRINT: IMPRINT,
    PageKind.TERMS: TERMS,
    PageKind.WITHDRAWAL: WITHDRAWAL,
    PageKind.PRIVACY: PRIVACY,
    PageKind.SHIPPING: SHIPPING,
    PageKind.CONTACT: CONTACT,
}


def _placeholders() -> dict:
    seller = settings.CARAVAN_SELLER
    lines = [line.strip() for line in seller["address"].splitlines() if line.strip()]
    return {
        "seller": seller["name"],
        "address": "\n".join(lines),
        "address_inline": ", ".join(lines),
        "email": settings.CARAVAN_CONTACT_EMAIL,
        "vat": seller["vat_number"],
        "shop": settings.CARAVAN_SHOP_NAME,
    }


def ensure_pages() -> int:
    """Create the pages that do not exist yet, in every language. A page the merchant already has (edited or not,
    published or not) is left alone, so re-running seed_demo never overwrites their texts. Returns pages created."""
    values = _placeholders()
    created = 0
    with transaction.atomic():
        existing = set(ShopPage.objects.values_list("kind", flat=True))
        for kind, texts in PAGES.items():
            if kind in existing:
                continue
            fields = {}
            for language in LANGUAGES:
                title, body = texts[language]
                fields[f"title_{language}"] = title
                fields[f"body_{language}"] = body.format(**values)
            ShopPage.objects.create(kind=kind, **fields)
            created += 1
    return created
