"""Tax at checkout: destination rates, IOSS (≤ €150 from outside the EU), the UK £135 rule, reverse charge."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from djmoney.money import Money

from fulfillment.models import Warehouse
from shop.models import Order, TaxTreatment
from shop.services import checkout
from tests import factories as f

from .checkout_helpers import buy, choose_cheapest_shipping, config, make_cart

pytestmark = pytest.mark.django_db


def variant(price, warehouse, stock=20, weight=400):
    v = f.ProductVariantFactory(base_price=Money(Decimal(price), "EUR"), weight_grams=weight)
    f.StockFactory(variant=v, warehouse=warehouse, quantity=stock)
    return v


@pytest.fixture
def london(markets):
    """A UK warehouse that also ships to the EU (so EU buyers import from outside the EU)."""
    ldn = f.WarehouseFactory(code="ldn", country="GB", countries_served=["GB", "DE", "FR"], priority=5)
    f.shipping_for(ldn, code="royal-mail", name="International", carrier="Royal Mail")
    f.shipping_for(Warehouse.objects.get(code="de"), code="dhl", carrier="DHL")
    return ldn


def test_domestic_french_rate_and_net_plus_tax(markets, london):
    de = Warehouse.objects.get(code="de")
    cart = make_cart(markets["eu"], [(variant("10.00", de), 3)], country="FR")
    quote = choose_cheapest_shipping(cart)
    line = quote.lines[0]
    assert line.treatment == TaxTreatment.DOMESTIC and line.tax_rate == Decimal("20")
    assert line.unit.gross == Decimal("11.99")  # 12.00 → .99 rule
    assert quote.total_gross == quote.total_net + quote.total_tax
    assert quote.total_gross == line.total_gross + quote.shipping.price.gross
    assert quote.treatments == []


def test_ioss_up_to_150_euro_from_outside_the_eu(markets, london):
    cart = make_cart(markets["eu"], [(variant("40.00", london), 3)], country="DE")  # 120 € net
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.IOSS and quote.lines[0].tax_rate == Decimal("19")
    assert quote.shipping.price.tax_rate == Decimal("19")
    order = buy(cart)
    assert order.tax_notes == ["ioss"] and order.ioss_number == "IM2760000001"
    assert order.total_tax > 0


def test_import_vat_due_on_delivery_above_150_euro(markets, london):
    cart = make_cart(markets["eu"], [(variant("40.00", london), 4)], country="DE")  # 160 € net
    quote = choose_cheapest_shipping(cart)
    line = quote.lines[0]
    assert line.treatment == TaxTreatment.IMPORT_ON_DELIVERY
    assert line.tax_rate == 0 and line.total_gross == line.total_net
    assert quote.total_tax == 0
    order = buy(cart)
    assert order.tax_notes == ["import_on_delivery"] and order.ioss_number == ""


def test_uk_135_pound_rule(markets, london):
    de = Warehouse.objects.get(code="de")  # ships to GB from the EU
    small = make_cart(markets["uk"], [(variant("50.00", de), 2)], country="GB")  # ≈ £85
    quote = choose_cheapest_shipping(small)
    assert quote.lines[0].treatment == TaxTreatment.UK_LOW_VALUE and quote.lines[0].tax_rate == Decimal("20")
    big = make_cart(markets["uk"], [(variant("50.00", de), 4)], country="GB")  # ≈ £170
    quote = choose_cheapest_shipping(big)
    assert quote.lines[0].treatment == TaxTreatment.IMPORT_ON_DELIVERY and quote.total_tax == 0


def test_uk_warehouse_to_uk_buyer_is_domestic(markets, london):
    cart = make_cart(markets["uk"], [(variant("500.00", london), 1)], country="GB")
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.DOMESTIC and quote.lines[0].tax_rate == Decimal("20")


def test_reverse_charge_for_business_in_another_member_state(markets, london, vies_confirms):
    de = Warehouse.objects.get(code="de")
    cart = make_cart(markets["eu"], [(variant("100.00", de), 1)], country="FR", billing_country="FR", vat_number="FR 40 303265045")
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.REVERSE_CHARGE
    assert quote.total_tax == 0 and quote.shipping.price.tax_rate == 0
    # The buyer pays the net price (the shown gross price less the French VAT it contained).
    assert quote.lines[0].total_gross == quote.lines[0].unit.net
    order = buy(cart)
    assert order.tax_notes == ["reverse_charge"] and order.vat_number == "FR40303265045"


@pytest.mark.parametrize(
    "vat_number, billing",
    [("FR123", "FR"), ("DE123456789", "DE"), ("XX12345678901", "FR"), ("", "FR")],
    ids=["malformed", "seller-country", "wrong-prefix", "none"],
)
def test_no_reverse_charge_without_a_valid_foreign_vat_number(markets, london, vat_number, billing):
    de = Warehouse.objects.get(code="de")
    cart = make_cart(markets["eu"], [(variant("100.00", de), 1)], country="FR" if billing == "FR" else "DE",
                     billing_country=billing, vat_number=vat_number)
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.DOMESTIC and quote.total_tax > 0


def test_order_freezes_rates_and_base_currency_equivalents(markets, london):
    jp_wh = Warehouse.objects.get(code="jp")
    f.shipping_for(jp_wh, (5000, Decimal("6.00"), "EUR"), code="yamato", carrier="Yamato")
    cart = make_cart(markets["jp"], [(variant("10.00", jp_wh), 3)], country="JP")
    order = buy(cart, language="ja")
    assert order.currency == "JPY" and order.fx_rate == Decimal("160")
    assert order.total_gross == order.total_gross.to_integral_value()  # whole yen
    assert order.total_gross_base == (order.total_gross / Decimal(160)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert all(line.unit_gross == line.unit_gross.to_integral_value() for line in order.lines.all())


def test_address_outside_the_market_is_refused(markets):
    info = config().market_by_id(markets["eu"].pk)
    with pytest.raises(checkout.ValidationError) as exc:
        checkout.clean_address({"full_name": "A", "line1": "B", "city": "C", "country": "US", "postcode": "10001"}, info)
    assert "country" in exc.value.message_dict
    assert Order.objects.count() == 0


def test_editing_a_weight_band_reprices_shipping_at_once(markets, london):
    from shop.models import ShippingRate
    from shop.plumbing.storefront_config import get_config

    de = Warehouse.objects.get(code="de")
    cart = make_cart(markets["eu"], [(variant("10.00", de, weight=300), 1)], country="DE")
    before = checkout.quote_cart(cart, get_config()).shipping_options[0].price.gross
    band = ShippingRate.objects.filter(method__code="dhl").order_by("max_weight_grams").first()
    band.price = Money(Decimal("6.30"), "EUR")
    band.save()
    after = checkout.quote_cart(cart, get_config()).shipping_options[0].price.gross
    assert before == Decimal("4.99") and after == Decimal("7.99")  # 6.30 net + 19 % = 7.497, shown as .99


def test_no_reverse_charge_when_the_goods_stay_in_the_dispatch_country(markets, london):
    """A French business buying goods delivered in Germany from the Berlin warehouse: a German domestic supply."""
    de = Warehouse.objects.get(code="de")
    cart = make_cart(markets["eu"], [(variant("100.00", de), 1)], country="DE", billing_country="FR", vat_number="FR40303265045")
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.DOMESTIC and quote.lines[0].tax_rate == Decimal("19")


def test_eu_business_importing_from_outside_the_eu_pays_import_vat_itself(markets, london, vies_confirms):
    cart = make_cart(markets["eu"], [(variant("40.00", london), 1)], country="FR", billing_country="FR", vat_number="FR40303265045")
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.IMPORT_ON_DELIVERY and quote.total_tax == 0


def test_a_line_split_across_differently_taxed_consignments_is_taxed_per_part(markets):
    """5 × €60: 2 from Berlin (German VAT), 3 imported from London (€180 > €150: import VAT on delivery)."""
    from fulfillment.models import Allocation

    de = Warehouse.objects.get(code="de")
    ldn = f.WarehouseFactory(code="ldn", country="GB", countries_served=["GB", "DE", "FR"], priority=30)
    f.shipping_for(de, code="dhl")
    f.shipping_for(ldn, code="royal-mail", carrier="Royal Mail")
    v = variant("60.00", de, stock=2)
    f.StockFactory(variant=v, warehouse=ldn, quantity=3)
    cart = make_cart(markets["eu"], [(v, 5)], country="DE")
    quote = choose_cheapest_shipping(cart)
    parts = {line.treatment: line for line in quote.lines}
    assert parts[TaxTreatment.DOMESTIC].quantity == 2 and parts[TaxTreatment.DOMESTIC].tax_rate == Decimal("19")
    assert parts[TaxTreatment.IMPORT_ON_DELIVERY].quantity == 3 and parts[TaxTreatment.IMPORT_ON_DELIVERY].tax_rate == 0
    order = buy(cart)
    assert sorted((line.tax_treatment, line.quantity) for line in order.lines.all()) == [("domestic", 2), ("import_on_delivery", 3)]
    assert order.total_tax > 0 and order.tax_notes == ["import_on_delivery"]
    allocated = {a.stock.warehouse.code: a.quantity for a in Allocation.objects.filter(reference=f"order:{order.pk}")}
    assert allocated == {"de": 2, "ldn": 3}


def test_import_thresholds_compare_the_value_after_the_discount(markets, london):
    f.VoucherFactory(code="HALF", value=Decimal("50"))
    cart = make_cart(markets["eu"], [(variant("40.00", london), 4)], country="DE")  # €160 net, €80 after the voucher
    checkout.apply_voucher(cart, "HALF", config())
    cart.refresh_from_db()
    quote = choose_cheapest_shipping(cart)
    assert quote.lines[0].treatment == TaxTreatment.IOSS and quote.total_tax > 0
    without = make_cart(markets["eu"], [(variant("40.00", london), 4)], country="DE")
    assert choose_cheapest_shipping(without).lines[0].treatment == TaxTreatment.IMPORT_ON_DELIVERY
