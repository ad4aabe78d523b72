"""Strings of storage bins (issue 11)."""

T = {
    "bin": ("Lagerplatz", "emplacement", "ubicación", "棚番", "货位"),
    "Enter the bin as aisle-shelf-bin: one to three letters, then two digits twice, for example A-03-12.": (
        "Geben Sie den Lagerplatz als Gang-Regal-Fach ein: ein bis drei Buchstaben, dann zweimal zwei Ziffern, zum Beispiel A-03-12.",
        "Saisissez l’emplacement sous la forme allée-étagère-case\u00a0: une à trois lettres, puis deux fois deux chiffres, par exemple A-03-12.",
        "Introduzca la ubicación como pasillo-estante-hueco: de una a tres letras y luego dos veces dos cifras, por ejemplo A-03-12.",
        "棚番は「通路-棚-段」の形で入力してください。英字1～3文字のあと2桁の数字を2回、例：A-03-12。",
        "请按“通道-货架-货格”格式输入货位：一到三个字母，然后两次两位数字，例如 A-03-12。",
    ),
    "Where it lies in the warehouse: aisle-shelf-bin, for example A-03-12. Pick lists are sorted by it.": (
        "Wo die Ware im Lager liegt: Gang-Regal-Fach, zum Beispiel A-03-12. Picklisten werden danach sortiert.",
        "Où la marchandise se trouve dans l’entrepôt\u00a0: allée-étagère-case, par exemple A-03-12. Les listes de préparation sont triées ainsi.",
        "Dónde está en el almacén: pasillo-estante-hueco, por ejemplo A-03-12. Las listas de preparación se ordenan por ella.",
        "倉庫内の保管場所（通路-棚-段、例：A-03-12）。ピッキングリストはこの順に並びます。",
        "货物在仓库中的位置：通道-货架-货格，例如 A-03-12。拣货单按此排序。",
    ),
}
