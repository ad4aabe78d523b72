"""factory-boy factories for the catalogue, markets and stock."""

from decimal import Decimal

import factory
from djmoney.contrib.exchange.models import ExchangeBackend, Rate
from djmoney.money import Money  # noqa: F401 (re-exported for tests)

from fulfillment.models import Stock, StockMove, Warehouse
from shop.models import Attribute, AttributeValue, Category, Market, Product, ProductImage, ProductVariant, TaxRate, VariantPrice


class MarketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Market
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"m{n}")
    name_en = factory.LazyAttribute(lambda o: f"Market {o.code}")
    currency = "EUR"
    countries = ["DE", "FR"]
    default_country = "DE"
    default_language = "de"
    prices_include_tax = True
    rounding_rule = "exact"


class TaxRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaxRate
        django_get_or_create = ("country", "tax_class")

    country = "DE"
    tax_class = "standard"
    rate = Decimal("19")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    slug = factory.Sequence(lambda n: f"category-{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_de = factory.Sequence(lambda n: f"Kategorie {n}")
    name_ja = factory.Sequence(lambda n: f"カテゴリー{n}")


class AttributeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attribute
        django_get_or_create = ("slug",)

    slug = "colour"
    name_en = "Colour"
    name_de = "Farbe"


class AttributeValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttributeValue
        django_get_or_create = ("attribute", "slug")

    attribute = factory.SubFactory(AttributeFactory)
    slug = factory.Sequence(lambda n: f"value-{n}")
    name_en = factory.LazyAttribute(lambda o: o.slug.title())


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    category = factory.SubFactory(CategoryFactory)
    slug = factory.Sequence(lambda n: f"product-{n}")
    name_en = factory.Sequence(lambda n: f"Product {n}")
    name_de = factory.Sequence(lambda n: f"Produkt {n}")
    name_ja = factory.Sequence(lambda n: f"商品{n}")
    description_en = "A fine product."
    tax_class = "standard"


class ProductVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductVariant
        skip_postgeneration_save = True

    product = factory.SubFactory(ProductFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:06d}")
    base_price = Money(Decimal("10.00"), "EUR")

    @factory.post_generation
    def values(self, create, extracted, **kwargs):
        if create and extracted:
            self.attribute_values.add(*extracted)


class VariantPriceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VariantPrice

    variant = factory.SubFactory(ProductVariantFactory)
    price = Money(Decimal("9.99"), "USD")


class ProductImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductImage

    product = factory.SubFactory(ProductFactory)
    image = "products/demo/test.jpg"
    alt_en = "A picture"


class WarehouseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Warehouse
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"wh{n}")
    name = factory.LazyAttribute(lambda o: f"Warehouse {o.code}")
    country = "DE"
    countries_served = ["DE", "FR"]
    priority = 10


class StockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stock
        django_get_or_create = ("variant", "warehouse")
        skip_postgeneration_save = True

    variant = factory.SubFactory(ProductVariantFactory)
    warehouse = factory.SubFactory(WarehouseFactory)
    quantity = 10

    @factory.post_generation
    def opening_balance(obj, create, extracted, **kwargs):
        """Stock made for a test starts with its opening balance in the stock ledger, as the migration gives old rows."""
        if create and (obj.quantity or obj.quantity_allocated) and not obj.moves.exists():
            StockMove.objects.create(stock=obj, delta_on_hand=obj.quantity, delta_allocated=obj.quantity_allocated,
                                     reason=StockMove.Reason.OPENING_BALANCE)


def create_rates(rates: dict[str, str] | None = None, base: str = "EUR") -> None:
    backend, _ = ExchangeBackend.objects.get_or_create(name="caravan", defaults={"base_currency": base})
    rates = rates or {"EUR": "1", "USD": "1.1", "GBP": "0.85", "JPY": "160", "CNY": "7.8", "CHF": "0.95", "KWD": "0.33"}
    for currency, value in rates.items():
        Rate.objects.update_or_create(backend=backend, currency=currency, defaults={"value": Decimal(value)})


class OrderFactory(factory.django.DjangoModelFactory):
    """A placed order snapshot (for pages, e-mails and invoices). Real orders come from services.orders.place_order."""

    class Meta:
        model = "shop.Order"

    number = factory.Sequence(lambda n: f"CR-2026-{n + 1:06d}")
    email = "buyer@example.com"
    language = "en"
    market = factory.SubFactory(MarketFactory, code="eu")
    currency = "EUR"
    prices_include_tax = True
    payment_method = "bank_transfer"
    shipping_address = factory.LazyFunction(lambda: {
        "full_name": "Erika Mustermann", "company": "", "line1": "Hauptstraße 5", "line2": "", "postcode": "10115",
        "city": "Berlin", "region": "", "country": "DE", "phone": "",
    })
    billing_address = factory.LazyAttribute(lambda o: dict(o.shipping_address))
    shipping_method_name = "Standard"
    carrier = "DHL"
    delivery_earliest = factory.LazyFunction(lambda: __import__("datetime").date(2026, 12, 1))
    delivery_latest = factory.LazyFunction(lambda: __import__("datetime").date(2026, 12, 3))
    shipping_net = Decimal("4.20")
    shipping_gross = Decimal("5.00")
    shipping_tax_rate = Decimal("19")
    subtotal_net = Decimal("16.80")
    subtotal_gross = Decimal("19.99")
    total_net = Decimal("21.00")
    total_tax = Decimal("3.99")
    total_gross = Decimal("24.99")
    total_net_base = Decimal("21.00")
    total_gross_base = Decimal("24.99")


class OrderLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "shop.OrderLine"

    order = factory.SubFactory(OrderFactory)
    product_name = "Linen shirt"
    variant_name = "Blue / M"
    sku = factory.Sequence(lambda n: f"SKU-L{n:05d}")
    quantity = 1
    unit_net = Decimal("16.80")
    unit_gross = Decimal("19.99")
    tax_rate = Decimal("19")
    total_net = Decimal("16.80")
    total_gross = Decimal("19.99")


class ShippingMethodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "shop.ShippingMethod"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"ship-{n}")
    name_en = "Standard"
    name_de = "Standard"
    name_ja = "通常配送"
    carrier = "DHL"
    warehouse = factory.SubFactory(WarehouseFactory)
    min_days = 2
    max_days = 4


class ShippingRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "shop.ShippingRate"

    method = factory.SubFactory(ShippingMethodFactory)
    max_weight_grams = 5000
    price = Money(Decimal("4.20"), "EUR")


class VoucherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "shop.Voucher"

    code = factory.Sequence(lambda n: f"SAVE{n}")
    kind = "percentage"
    value = Decimal("10")
    currency = "EUR"


def shipping_for(warehouse, *bands, code=None, name="Standard", carrier="DHL", min_days=2, max_days=4, countries=()):
    """A shipping method from `warehouse` with weight bands [(max grams, Decimal price, currency)]."""
    method = ShippingMethodFactory(code=code or f"{warehouse.code}-{name.lower().replace(' ', '-')}", name_en=name, name_de=name,
                                   carrier=carrier, warehouse=warehouse, min_days=min_days, max_days=max_days,
                                   countries=list(countries))
    for grams, price, currency in bands or [(2000, Decimal("4.20"), "EUR"), (20000, Decimal("9.90"), "EUR")]:
        ShippingRateFactory(method=method, max_weight_grams=grams, price=Money(price, currency))
    return method
