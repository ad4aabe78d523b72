"""`manage.py seed_demo`: counts, translations, determinism, reference data, stock and the admin login."""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from djmoney.contrib.exchange.models import Rate

from fulfillment.models import GoodsReceipt, Stock, StockMove, StockTransfer, Warehouse
from shop.models import (
    Attribute,
    AttributeValue,
    Category,
    Market,
    Product,
    ProductImage,
    ProductMarketPrice,
    ProductVariant,
    TaxRate,
    VariantPrice,
)

LANGS = ("en", "de", "fr", "es", "ja", "zh_hans")
N = 30


def seed(*extra: str) -> str:
    out = io.StringIO()
    call_command("seed_demo", "--quiet", "--products", str(N), *extra, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _fast_setup(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.delenv("CARAVAN_ADMIN_PASSWORD", raising=False)


@pytest.fixture
def seeded(db):
    return seed()


def snapshot():
    products = Product.objects.order_by("slug").prefetch_related("variants__attribute_values", "variants__fixed_prices", "variants__stocks__warehouse")
    return [
        (
            p.slug, p.category.slug, p.is_featured, *(getattr(p, f"name_{lang}") for lang in LANGS), p.description_de,
            [
                (
                    v.sku, v.base_price.amount, v.weight_grams,
                    sorted(a.slug for a in v.attribute_values.all()),
                    sorted((str(f.price.currency), f.price.amount) for f in v.fixed_prices.all()),
                    sorted((s.warehouse.code, s.quantity) for s in v.stocks.all()),
                )
                for v in p.variants.all()
            ],
        )
        for p in products.select_related("category")
    ]


@pytest.mark.django_db
def test_catalogue_counts_and_shape(seeded):
    assert Product.objects.count() == N
    variants = ProductVariant.objects.count()
    assert variants / N >= 2
    per_product = Product.objects.annotate(n=Count("variants")).values_list("n", flat=True)
    assert all(2 <= n <= 6 for n in per_product)
    # Two-level tree: 5 top-level categories with 3 subcategories each; products only in leaves.
    assert Category.objects.count() >= 12
    assert Category.objects.filter(parent__isnull=True).count() >= 4
    assert not Category.objects.filter(parent__parent__isnull=False).exists()
    assert not Product.objects.filter(category__parent__isnull=True).exists()
    assert Category.objects.filter(parent__isnull=True, is_featured=True).exists()
    assert Product.objects.filter(is_featured=True).exists()
    # Every variant has a colour; SKUs look like CR-000123-RED-M.
    assert not ProductVariant.objects.exclude(attribute_values__attribute__slug="colour").exists()
    assert all(re.fullmatch(r"CR-\d{6}-[A-Z]{3}(-[0-9A-Z]+)?", sku) for sku in ProductVariant.objects.values_list("sku", flat=True))
    prices = ProductVariant.objects.values_list("base_price", flat=True)
    assert all(Decimal("9.90") <= p <= Decimal("249") for p in prices)
    # Newest-first sorting is meaningful: creation times are spread out.
    assert Product.objects.values("created_at").distinct().count() == N


@pytest.mark.django_db
def test_images_are_drawn_locally(seeded, settings):
    per_product = Product.objects.annotate(n=Count("images")).values_list("n", flat=True)
    assert all(1 <= n <= 2 for n in per_product)
    for image in ProductImage.objects.all():
        assert image.image.name.startswith("products/demo/")
        assert (Path(settings.MEDIA_ROOT) / image.image.name).stat().st_size > 1000


@pytest.mark.django_db
def test_variants_show_the_picture_of_their_colour(seeded):
    """A variant points at its product's picture of its colour (the first two colours have one), so choosing it
    changes the picture."""
    variants = ProductVariant.objects.select_related("image").prefetch_related("attribute_values__attribute")
    with_picture = 0
    for variant in variants:
        if variant.image is None:
            continue
        with_picture += 1
        colour = next(v for v in variant.attribute_values.all() if v.attribute.slug == "colour")
        assert variant.image.product_id == variant.product_id
        assert variant.image.image.name.endswith(f"-{colour.slug}-plain.jpg")
    assert with_picture >= ProductVariant.objects.count() // 2


@pytest.mark.django_db
def test_everything_is_translated(seeded):
    for model, fields in (
        (Product, ("name", "description")),
        (Category, ("name", "description")),
        (Attribute, ("name",)),
        (AttributeValue, ("name",)),
        (ProductImage, ("alt",)),
        (Market, ("name",)),
    ):
        for obj in model.objects.all():
            for field in fields:
                for lang in LANGS:
                    assert getattr(obj, f"{field}_{lang}"), f"{model.__name__} {obj.pk} has no {field}_{lang}"
    for product in Product.objects.all():
        for lang in LANGS[1:]:
            assert getattr(product, f"name_{lang}") != product.name_en
            assert getattr(product, f"description_{lang}") != product.description_en
            assert not getattr(product, f"name_{lang}").startswith("[")
    red = AttributeValue.objects.get(attribute__slug="colour", slug="red")
    assert (red.name_de, red.name_fr, red.name_ja, red.swatch) == ("Rot", "Rouge", "レッド", red.swatch)
    assert re.fullmatch(r"#[0-9a-f]{6}", red.swatch)


@pytest.mark.django_db
def test_reset_rebuilds_the_same_catalogue(seeded):
    first = snapshot()
    seed("--reset")
    assert snapshot() == first
    assert Product.objects.count() == N


@pytest.mark.django_db
def test_second_run_keeps_the_catalogue(seeded):
    before = snapshot()
    output = seed()
    assert "already seeded" in output
    assert snapshot() == before


@pytest.mark.django_db
def test_markets_tax_and_rates(seeded):
    markets = {m.code: m for m in Market.objects.all()}
    assert set(markets) == {"eu", "uk", "us", "jp", "cn", "ch"}
    assert [m.code for m in Market.objects.order_by("position")] == ["eu", "uk", "us", "jp", "cn", "ch"]
    eu = markets["eu"]
    assert eu.is_default and eu.currency == "EUR" and eu.default_language == "de" and eu.rounding_rule == "ending_99"
    assert {c.code for c in eu.countries} == {"DE", "FR", "ES", "IT", "NL", "AT", "BE", "IE", "PT", "FI", "LU"}
    assert eu.name_de == "Europäische Union"
    assert markets["us"].prices_include_tax is False
    assert (markets["jp"].currency, markets["jp"].rounding_rule) == ("JPY", "up_to_10")
    assert (markets["cn"].default_language, markets["cn"].rounding_rule) == ("zh-hans", "whole")
    assert {c.code for c in markets["ch"].countries} == {"CH", "LI"}
    assert Market.objects.filter(is_default=True).count() == 1
    for market in markets.values():
        for country in market.countries:
            classes = set(TaxRate.objects.filter(country=country.code).values_list("tax_class", flat=True))
            assert classes == {"standard", "reduced", "zero"}, country.code
    assert TaxRate.objects.get(country="DE", tax_class="standard").rate == Decimal("19")
    assert TaxRate.objects.get(country="FR", tax_class="reduced").rate == Decimal("5.5")
    rates = dict(Rate.objects.filter(backend_id=django_settings.CARAVAN_FX_BACKEND).values_list("currency", "value"))
    assert {"EUR", "GBP", "USD", "JPY", "CNY", "CHF"} <= set(rates)
    # Listing prices were computed for every product in every market.
    assert ProductMarketPrice.objects.count() == N * len(markets)


@pytest.mark.django_db
def test_warehouses_stock_and_fixed_prices():
    call_command("seed_demo", "--quiet", "--products", "200", stdout=io.StringIO())
    assert set(Warehouse.objects.values_list("code", flat=True)) == {"de-ber", "uk-lon", "us-nj", "jp-osa"}
    berlin = Warehouse.objects.get(code="de-ber")
    assert berlin.serves("FR") and berlin.serves("CH") and berlin.serves("JP")  # Japan by DHL international
    osaka = Warehouse.objects.get(code="jp-osa")
    assert osaka.serves("CN") and osaka.serves("DE")  # the EU by Japan Post EMS
    # Some products are made in Japan: none in Berlin, some in Osaka (an order with Berlin's goods splits in two).
    osaka_only = Stock.objects.filter(warehouse=osaka, quantity__gt=0, variant__stocks__warehouse=berlin, variant__stocks__quantity=0)
    assert osaka_only.exists()
    # Berlin stocks every variant; some are sold out, some nearly.
    assert Stock.objects.filter(warehouse=berlin).count() == ProductVariant.objects.count()
    assert Stock.objects.filter(quantity=0).exists()
    assert Stock.objects.filter(quantity__range=(1, 5)).exists()
    assert Stock.objects.filter(quantity__gt=5).exists()
    fixed = VariantPrice.objects.count()
    assert 0 < fixed < ProductVariant.objects.count() / 3
    assert set(VariantPrice.objects.values_list("price_currency", flat=True)) <= {"USD", "GBP", "JPY"}


@pytest.mark.django_db
def test_admin_login_is_generated_once(seeded):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.email == "admin@caravan.example"
    match = re.search(r"Admin login: admin / (\S+)", seeded)
    assert match and admin.check_password(match.group(1))
    output = seed()
    assert "already exists" in output and match.group(1) not in output
    admin.refresh_from_db()
    assert admin.check_password(match.group(1))
    assert "http://127.0.0.1:8000/admin/" in output


@pytest.mark.django_db
def test_admin_password_from_environment(monkeypatch):
    monkeypatch.setenv("CARAVAN_ADMIN_PASSWORD", "demo-pass-123")
    output = seed()
    assert "demo-pass-123" not in output
    assert get_user_model().objects.get(username="admin").check_password("demo-pass-123")


@pytest.mark.django_db
def test_shop_pages_are_seeded_in_every_language_and_merchant_edits_survive_a_rerun(seeded):
    from django.conf import settings

    from shop.models import ShopPage

    pages = {p.kind: p for p in ShopPage.objects.all()}
    assert set(pages) == {"imprint", "terms", "withdrawal", "privacy", "shipping", "contact"}
    for page in pages.values():
        assert page.is_published
        for lang in LANGS:
            assert getattr(page, f"title_{lang}") and len(getattr(page, f"body_{lang}")) > 100, (page.kind, lang)
    assert settings.CARAVAN_SELLER["name"] in pages["imprint"].body_ja
    assert "{" not in pages["withdrawal"].body_fr  # every placeholder filled in
    pages["terms"].body_en = "Our own terms."
    pages["terms"].save()
    seed()
    assert ShopPage.objects.get(kind="terms").body_en == "Our own terms."
    assert ShopPage.objects.count() == 6


def test_demo_stock_is_in_the_stock_ledger(seeded, capsys):
    """The demo's opening stock arrives as goods receipts: the ledger explains every stock row from the start."""
    assert StockMove.objects.filter(reason=StockMove.Reason.RECEIPT, reference="demo").count() == Stock.objects.filter(quantity__gt=0).count() > 0
    call_command("check_stock_ledger")
    assert "matches every stock row" in capsys.readouterr().out


def test_demo_has_a_posted_receipt_a_draft_one_and_a_transfer_on_its_way(seeded):
    assert GoodsReceipt.objects.filter(posted_at__isnull=False, warehouse__code="de-ber").count() == 1
    assert GoodsReceipt.objects.filter(posted_at__isnull=True, warehouse__code="jp-osa").count() == 1
    transfer = StockTransfer.objects.get()
    assert (transfer.source.code, transfer.destination.code, transfer.status) == ("de-ber", "uk-lon", "in_transit")
    assert StockMove.objects.filter(reference=f"transfer:{transfer.pk}", reason="transfer_out").count() == 2
    call_command("check_stock_ledger")


def test_demo_stock_lies_on_shelves(seeded):
    bins = list(Stock.objects.values_list("bin_location", flat=True)[:50])
    assert bins and all(re.fullmatch(r"[A-H]-\d{2}-\d{2}", b) for b in bins)


def test_demo_orders_went_through_the_warehouse(seeded, capsys):
    """Split orders for a German and a Japanese buyer, shipped with tracking histories; orders waiting at the desk;
    every variant with customs facts; a rerun adds nothing and --reset rebuilds it all."""
    from fulfillment.models import Consignment, TrackingEvent
    from shop.models import Order

    split = Order.objects.get(email="buyer@example.com")
    assert split.consignments.count() == 2 and {c.warehouse.code for c in split.consignments.all()} == {"de-ber", "jp-osa"}
    assert split.consignments.filter(status="delivered").count() == 1  # (the order follows after commit: not in a test transaction)
    assert Order.objects.filter(email="hanako.yamada@example.com", consignments__status="dispatched").distinct().get().language == "ja"
    assert TrackingEvent.objects.filter(kind="customs_cleared").exists()
    assert Consignment.objects.filter(status="ready").count() >= 4
    assert not ProductVariant.objects.filter(hs_code="").exists() and not ProductVariant.objects.filter(ean="").exists()
    orders = Order.objects.count()
    seed()
    assert Order.objects.count() == orders
    seed("--reset")
    assert Order.objects.count() == orders
    call_command("check_stock_ledger")
    assert "matches every stock row" in capsys.readouterr().out
