"""The warehouse's documents: pick list, packing slip, label, commercial invoice and CN23, rendered with WeasyPrint
for a German-speaking buyer in Switzerland and a Japanese buyer in Japan, read back with pdftotext (the right words
in the right language, CJK included), the label's barcodes scanned with zxing-cpp; the customs checks before
dispatch; only staff allowed to view consignments download them.

Set DOCS_PNG_DIR to a folder to keep a PNG of every page rendered here (to look at them)."""

import os
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from fulfillment.documents import (
    CustomsDataMissing,
    DocumentError,
    cn23_pdf,
    commercial_invoice_pdf,
    label_pdf,
    packing_slip_pdf,
    pick_list_pdf,
)
from fulfillment.documents.formatting import amount, money
from fulfillment.models import Consignment, ConsignmentLine, Parcel, PickList, Stock
from fulfillment.services.customs import customs_language, customs_problems, freeze_customs_data
from fulfillment.views import consignment_document_url, pick_list_document_url
from tests import factories as f
from tests.fulfillment.helpers import carrier_service, make_consignments

pytestmark = pytest.mark.django_db

ZURICH = {"full_name": "Anna Keller", "company": "", "line1": "Bahnhofstrasse 10", "line2": "", "postcode": "8001",
          "city": "Zürich", "region": "", "country": "CH", "phone": "+41 44 123 45 67"}
TOKYO = {"full_name": "山田 花子", "company": "", "line1": "丸の内1-1-1", "line2": "", "postcode": "100-0005", "city": "千代田区",
         "region": "東京都", "country": "JP", "phone": "+81 3-1234-5678"}
LONDON = {"full_name": "Oliver Smith", "company": "", "line1": "10 Downing Street", "line2": "", "postcode": "SW1A 2AA",
          "city": "London", "region": "", "country": "GB", "phone": ""}
LYON = {"full_name": "Claire Martin", "company": "", "line1": "12 rue de la République", "line2": "", "postcode": "69002",
        "city": "Lyon", "region": "", "country": "FR", "phone": ""}


def pdf_text(data: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    keep_png(path, name)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def keep_png(pdf: Path, name: str) -> None:
    folder = os.environ.get("DOCS_PNG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "90", str(pdf), str(Path(folder) / name)], check=True)


def page_count(data: bytes, tmp_path: Path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def scan(data: bytes, tmp_path: Path, name: str, page: int = 1) -> dict[str, str]:
    """The barcodes on a page of the PDF, as {format: text}, read from a 200 dpi rendering."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(tmp_path / name)],
                   check=True)
    return {r.format.name: r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / f"{name}.png"))}


@pytest.fixture
def world(db):
    service = carrier_service(code="dhl", name="DHL", service="paket-international",
                              template="https://www.dhl.de/track?piececode={tracking_number}")
    leipzig = f.WarehouseFactory(code="lei", name="Lager Leipzig", country="DE", city="Leipzig", language="de",
                                 address="Am Exer 12\n04158 Leipzig", countries_served=["DE", "CH", "JP", "FR"])
    shirt = f.ProductVariantFactory(sku="TEE-BLU-M", weight_grams=180, ean="4006381333931", hs_code="6109100010", origin_country="PT",
                                    customs_description_en="Men's T-shirt of cotton, knitted",
                                    customs_description_de="Herren-T-Shirt aus Baumwolle, gewirkt",
                                    customs_description_ja="男性用綿製Tシャツ（メリヤス編み）")
    mug = f.ProductVariantFactory(sku="MUG-STONE", weight_grams=420, hs_code="691200", origin_country="DE",
                                  customs_description_en="Stoneware mug", customs_description_ja="陶器製マグカップ")
    shirt.product.name_de, shirt.product.name_ja = "Leinenhemd", "リネンシャツ"
    shirt.product.save()
    mug.product.name_en, mug.product.name_de, mug.product.name_ja = "Stoneware mug", "Steinzeugbecher", "ストーンウェア マグ"
    mug.product.save()
    _order, (swiss,) = make_consignments({leipzig: [(shirt, 2), (mug, 1)]}, destination="CH", language="de", currency="CHF",
                                         service=service, needs_customs=True, shipping_address=ZURICH)
    _order, (japanese,) = make_consignments({leipzig: [(shirt, 1), (mug, 3)]}, destination="JP", language="ja", currency="JPY",
                                            service=service, needs_customs=True, shipping_address=TOKYO)
    Consignment.objects.filter(pk=swiss.pk).update(tracking_number="00340434161234567890")
    Consignment.objects.filter(pk=japanese.pk).update(tracking_number="JJD0001234567890")
    # Order lines carry the buyer's language's names; Japanese prices are whole yen.
    japanese.lines.filter(sku="TEE-BLU-M").update(name="リネンシャツ ブルー M", unit_value=Decimal("2980"))
    japanese.lines.filter(sku="MUG-STONE").update(name="ストーンウェア マグ", unit_value=Decimal("1850"))
    Consignment.objects.filter(pk=japanese.pk).update(shipping_net=Decimal("1200"), shipping_gross=Decimal("1320"))
    swiss.lines.filter(sku="TEE-BLU-M").update(name="Leinenhemd Blau M", unit_value=Decimal("24.50"))
    swiss.lines.filter(sku="MUG-STONE").update(name="Steinzeugbecher", unit_value=Decimal("12.90"))
    Parcel.objects.create(consignment=swiss, weight_grams=450, length_mm=300, width_mm=200, height_mm=100)
    Parcel.objects.create(consignment=swiss, weight_grams=620, length_mm=250, width_mm=200, height_mm=150)
    Stock.objects.filter(warehouse=leipzig, variant=shirt).update(bin_location="B-02-07")
    Stock.objects.filter(warehouse=leipzig, variant=mug).update(bin_location="A-11-03")
    pick_list = PickList.objects.create(warehouse=leipzig)
    Consignment.objects.filter(pk__in=[swiss.pk, japanese.pk]).update(pick_list=pick_list)
    swiss.refresh_from_db()
    japanese.refresh_from_db()
    return {"service": service, "leipzig": leipzig, "shirt": shirt, "mug": mug, "swiss": swiss, "japanese": japanese,
            "pick_list": pick_list}


# --- Customs checks ------------------------------------------------------------------------------------------------

def test_customs_language_follows_the_destination():
    assert customs_language("JP") == "ja"
    assert customs_language("CN") == "zh-hans"
    assert customs_language("CH") == "de"
    assert customs_language("US") == "en"
    assert customs_language("") == "en"


def test_a_complete_consignment_has_no_customs_problems_in_two_queries(world):
    consignment = Consignment.objects.select_related("warehouse").get(pk=world["japanese"].pk)
    with CaptureQueriesContext(connection) as queries:
        assert customs_problems(consignment) == []
    assert len(queries) == 1  # the lines with their variants' customs columns


def test_a_line_missing_its_hs_code_is_named_and_the_customs_papers_refuse(world, tmp_path):
    world["mug"].hs_code = ""
    world["mug"].origin_country = ""
    world["mug"].save()
    consignment = world["japanese"]
    problems = customs_problems(consignment)
    assert "MUG-STONE has no HS code." in problems
    assert "MUG-STONE has no country of origin." in problems
    assert not any("TEE-BLU-M" in p for p in problems)
    for render in (commercial_invoice_pdf, cn23_pdf):
        with pytest.raises(CustomsDataMissing) as refused:
            render(consignment)
        assert "MUG-STONE has no HS code." in refused.value.problems


def test_customs_problems_cover_descriptions_weights_values_and_import_vat_numbers(world):
    world["shirt"].customs_description_en = world["shirt"].customs_description_ja = world["shirt"].customs_description_de = ""
    world["shirt"].save()
    consignment = world["japanese"]
    consignment.lines.filter(sku="MUG-STONE").update(unit_weight_grams=0, unit_value=0)
    consignment.import_vat_scheme = "ioss"
    problems = customs_problems(consignment)
    assert "TEE-BLU-M has no customs description." in problems
    assert "MUG-STONE has no weight." in problems
    assert "MUG-STONE has no customs value." in problems
    assert any("IOSS" in p for p in problems)
    consignment.import_vat_scheme = "uk_low_value"
    assert any("UK VAT number" in p for p in customs_problems(consignment))
    # A consignment staying inside its customs territory needs none of this.
    consignment.needs_customs = False
    assert customs_problems(consignment) == []


def test_a_wrongly_shaped_hs_code_is_reported(world):
    ConsignmentLine.objects.filter(consignment=world["swiss"], sku="MUG-STONE").update(hs_code="69.12")
    assert "MUG-STONE: the HS code 69.12 is not 6 to 10 digits." in customs_problems(world["swiss"])


def test_freezing_copies_the_customs_facts_in_the_destinations_language(world):
    japanese, swiss = world["japanese"], world["swiss"]
    with CaptureQueriesContext(connection) as queries:
        assert freeze_customs_data(japanese) == 2
    assert len([q for q in queries if "SAVEPOINT" not in q["sql"]]) == 2  # read the lines, update them
    frozen = {line.sku: line for line in japanese.lines.all()}
    assert frozen["TEE-BLU-M"].hs_code == "6109100010"
    assert frozen["TEE-BLU-M"].origin_country.code == "PT"
    assert frozen["TEE-BLU-M"].customs_description == "男性用綿製Tシャツ（メリヤス編み）"
    freeze_customs_data(swiss)
    frozen = {line.sku: line for line in swiss.lines.all()}
    assert frozen["TEE-BLU-M"].customs_description == "Herren-T-Shirt aus Baumwolle, gewirkt"
    assert frozen["MUG-STONE"].customs_description == "Stoneware mug"  # no German description: English
    # Frozen facts win over later catalogue changes, and a second freeze changes nothing.
    world["shirt"].hs_code = ""
    world["shirt"].save()
    assert customs_problems(japanese) == []
    assert freeze_customs_data(japanese) == 0


# --- Documents -----------------------------------------------------------------------------------------------------

def test_pick_list_in_the_warehouse_language_walks_the_bins(world, tmp_path):
    data = pick_list_pdf(world["pick_list"])
    text = pdf_text(data, tmp_path, "pick_list_de")
    swiss, japanese = world["swiss"].number, world["japanese"].number
    assert "Artikelnummer" in text and "Menge" in text  # German: the Leipzig staff's language
    assert text.index("A-11-03") < text.index("B-02-07")  # walking order: bins, then SKUs
    mug_row = next(line for line in text.splitlines() if "A-11-03" in line)
    assert "MUG-STONE" in mug_row and " 4 " in mug_row  # 1 + 3 units, aggregated
    assert f"{swiss} × 1" in text and f"{japanese} × 3" in text
    assert "4006381333931" in text  # EAN
    assert "Leinenhemd" in text and "Steinzeugbecher" in text  # the products' German names


def test_pick_list_in_japanese_for_a_japanese_warehouse(world, tmp_path):
    world["leipzig"].language = "ja"
    world["leipzig"].save()
    text = pdf_text(pick_list_pdf(world["pick_list"]), tmp_path, "pick_list_ja")
    assert "商品番号" in text and "数量" in text
    assert "リネンシャツ" in text and "ストーンウェア マグ" in text  # the products' Japanese names; CJK renders


def test_packing_slip_in_german_without_prices(world, tmp_path):
    text = pdf_text(packing_slip_pdf(world["swiss"]), tmp_path, "packing_slip_de")
    assert "LIEFERADRESSE" in text and "Bestellnummer" in text  # headings are set in capitals
    assert "Anna Keller" in text and "8001 Zürich" in text and "Schweiz" in text
    assert "Leinenhemd Blau M" in text and "Vielen Dank für Ihre Bestellung" in text
    assert world["swiss"].number in text
    assert "CHF" not in text and "24.50" not in text and "24,50" not in text


def test_packing_slip_in_japanese(world, tmp_path):
    text = pdf_text(packing_slip_pdf(world["japanese"]), tmp_path, "packing_slip_ja")
    assert "お届け先住所" in text and "注文番号" in text and "ご注文商品" in text
    assert "〒100-0005" in text and "東京都" in text and "山田 花子" in text and "日本" in text
    assert "ストーンウェア マグ" in text and "ご注文ありがとうございます" in text
    assert "¥" not in text and "￥" not in text


def test_labels_one_per_parcel_with_scannable_tracking_number_and_tracking_address(world, tmp_path):
    swiss = world["swiss"]
    data = label_pdf(swiss)
    assert page_count(data, tmp_path) == 2
    text = pdf_text(data, tmp_path, "label_de")
    assert "1/2" in text and "2/2" in text and "0,450 kg" in text and "0,620 kg" in text
    assert "Lager Leipzig" in text and "ANNA KELLER" not in text and "Anna Keller" in text and "SWITZERLAND" in text
    assert "DHL Paket-International" in text and swiss.number in text
    codes = scan(data, tmp_path, "label_de_page2", page=2)
    assert codes["Code128"] == "00340434161234567890"
    assert codes["QRCode"] == "https://www.dhl.de/track?piececode=00340434161234567890"


def test_a_consignment_without_parcels_gets_one_label_with_its_weight_and_cjk_address(world, tmp_path):
    japanese = world["japanese"]
    data = label_pdf(japanese)
    assert page_count(data, tmp_path) == 1
    text = pdf_text(data, tmp_path, "label_ja")
    assert "1/1" in text and "1,440 kg" in text  # 180 + 3 × 420 g, written the Leipzig staff's way
    assert "〒100-0005" in text and "山田 花子" in text and "JAPAN" in text
    codes = scan(data, tmp_path, "label_ja_scan")
    assert codes["Code128"] == "JJD0001234567890"
    assert codes["QRCode"] == japanese.tracking_url


def test_no_label_without_a_tracking_number(world):
    Consignment.objects.filter(pk=world["swiss"].pk).update(tracking_number="")
    with pytest.raises(DocumentError, match="no tracking number"):
        label_pdf(world["swiss"])


def test_commercial_invoice_for_japan_in_english_and_japanese_with_whole_yen(world, tmp_path):
    text = pdf_text(commercial_invoice_pdf(world["japanese"]), tmp_path, "commercial_invoice_ja")
    assert "Commercial invoice" in text
    assert "男性用綿製Tシャツ（メリヤス編み）" in text and "陶器製マグカップ" in text
    assert "6109100010" in text and "691200" in text
    assert "PT" in text and "Portugal" in text
    assert "(JPY)" in text
    assert " 5,550" in text  # 3 × ¥1,850, whole yen
    assert "8,530 JPY" in text and "1,200 JPY" in text and "9,730 JPY" in text  # goods, shipping, total
    assert "8,530.00" not in text and ".00" not in text
    assert "Sale of goods" in text and "Caravan Trading GmbH" in text and "Lager Leipzig" in text
    assert "〒100-0005" in text and "DAP" in text


def test_cn23_for_switzerland_with_german_descriptions(world, tmp_path):
    text = pdf_text(cn23_pdf(world["swiss"]), tmp_path, "cn23_de")
    assert "CN 23" in text and "Customs declaration" in text and "CATEGORY OF ITEM" in text
    assert "Herren-T-Shirt aus Baumwolle, gewirkt" in text and "Stoneware mug" in text
    assert "(CHF)" in text and " 49.00" in text and "61.90 CHF" in text  # 2 × 24.50; + 12.90
    assert "1.070 kg" in text  # gross: the two parcels
    assert "0.780 kg" in text  # net: 2 × 180 + 420 g
    assert "Sale of goods" in text and "Signature" in text
    assert "IOSS" not in text


def test_cn23_carries_the_ioss_number_when_vat_was_collected_at_checkout(world, tmp_path):
    consignments = make_consignments({world["leipzig"]: [(world["shirt"], 1)]}, destination="FR", language="fr", currency="EUR",
                                     service=world["service"], needs_customs=True, shipping_address=LYON)[1]
    consignment = consignments[0]
    consignment.import_vat_scheme = "ioss"
    consignment.save()
    with pytest.raises(CustomsDataMissing) as refused:
        cn23_pdf(consignment)
    assert any("IOSS" in p for p in refused.value.problems)
    consignment.import_vat_number = "IM2760000001"
    consignment.save()
    text = pdf_text(cn23_pdf(consignment), tmp_path, "cn23_ioss")
    assert "IOSS number" in text and "IM2760000001" in text and "Claire Martin" in text
    text = pdf_text(commercial_invoice_pdf(consignment), tmp_path, "commercial_invoice_ioss")
    assert "IM2760000001" in text and "DDP" in text


# --- Who may download them -----------------------------------------------------------------------------------------

@pytest.fixture
def staff(django_user_model):
    def make(*perms, username="staff"):
        user = django_user_model.objects.create_user(username=username, password="pw", is_staff=True)
        user.user_permissions.add(*Permission.objects.filter(content_type__app_label="fulfillment", codename__in=perms))
        return user
    return make


def test_only_staff_allowed_to_view_consignments_get_the_documents(world, client, staff, django_user_model):
    swiss = world["swiss"]
    url = consignment_document_url(swiss, "label")
    assert url == f"/staff/fulfillment/consignments/{swiss.pk}/label.pdf"
    pick_url = pick_list_document_url(world["pick_list"])

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(django_user_model.objects.create_user(username="buyer", password="pw"))
    assert client.get(url).status_code == 302  # signed in, but not staff
    assert client.get(pick_url).status_code == 302
    client.force_login(staff(username="clerk"))
    assert client.get(url).status_code == 403  # staff, without the permission
    assert client.get(pick_url).status_code == 403

    client.force_login(staff("view_consignment"))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    assert client.get(pick_url).status_code == 403  # pick lists need their own permission
    for kind in ("packing_slip", "commercial_invoice", "cn23"):
        assert client.get(consignment_document_url(swiss, kind)).content.startswith(b"%PDF")
    assert client.get(f"/staff/fulfillment/consignments/{swiss.pk}/invoice.pdf").status_code == 404


def test_staff_see_what_to_fix_instead_of_a_broken_customs_document(world, client, staff):
    world["mug"].hs_code = ""
    world["mug"].save()
    client.force_login(staff("view_consignment", "view_picklist"))
    response = client.get(consignment_document_url(world["japanese"], "cn23"))
    assert response.status_code == 409
    assert "MUG-STONE has no HS code." in response.content.decode()
    response = client.get(pick_list_document_url(world["pick_list"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_amounts_keep_their_currencys_decimals():
    assert amount(Decimal("8530"), "JPY", "en") == "8,530"
    assert amount(Decimal("1234.5"), "EUR", "de") == "1.234,50"
    assert amount(Decimal("1.2345"), "KWD", "en") == "1.235"
    assert money(Decimal("2980.4"), "JPY", "ja") == "￥2,980"
    assert money(Decimal("12.905"), "EUR", "de") == "12,91\xa0€"


def test_documents_read_in_a_fixed_number_of_queries_however_long(world, tmp_path):
    leipzig = world["leipzig"]
    variants = [f.ProductVariantFactory(sku=f"LONG-{i:03d}", weight_grams=100, hs_code="420292", origin_country="IT",
                                        customs_description_en=f"Handbag of leather, model {i}") for i in range(36)]
    _order, (big,) = make_consignments({leipzig: [(v, 1 + i % 3) for i, v in enumerate(variants)]}, destination="JP", language="ja",
                                       currency="JPY", service=world["service"], needs_customs=True, shipping_address=TOKYO)
    for i, variant in enumerate(variants):
        Stock.objects.filter(warehouse=leipzig, variant=variant).update(bin_location=f"C-{i // 6:02d}-{i % 6:02d}")
    Consignment.objects.filter(pk=big.pk).update(pick_list=world["pick_list"], tracking_number="JJD0009999999999")
    renders = {"pick_list_long": lambda: pick_list_pdf(world["pick_list"]), "packing_slip_long": lambda: packing_slip_pdf(big),
               "label_long": lambda: label_pdf(big), "cn23_long": lambda: cn23_pdf(big)}
    for name, render in renders.items():
        with CaptureQueriesContext(connection) as queries:
            data = render()
        assert len(queries) <= 3, (name, [q["sql"] for q in queries])
        text = pdf_text(data, tmp_path, name)
        assert "LONG-035" in text or name == "label_long"
    assert page_count(pick_list_pdf(world["pick_list"]), tmp_path) >= 2


def test_cn23_carries_the_uk_vat_number_for_low_value_goods_to_the_uk(world, tmp_path):
    consignment = make_consignments({world["leipzig"]: [(world["mug"], 2)]}, destination="GB", language="en", currency="GBP",
                                    service=world["service"], needs_customs=True, shipping_address=LONDON)[1][0]
    consignment.import_vat_scheme, consignment.import_vat_number = "uk_low_value", "GB123456789"
    consignment.save()
    text = pdf_text(cn23_pdf(consignment), tmp_path, "cn23_uk")
    assert "UK VAT number" in text and "GB123456789" in text and "IOSS" not in text
    assert "SW1A 2AA" in text and "Stoneware mug" in text and "(GBP)" in text
