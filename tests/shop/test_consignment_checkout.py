"""An order whose goods are allocated in two warehouses: two parcels at checkout, each priced, dated, taxed and with its
CO2 estimate; the order, its consignments and its invoice agree (issue 11)."""

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from djmoney.money import Money

from fulfillment.models import Consignment, ConsignmentStatus, EmissionFactor, Lane, Warehouse
from payments.models import Payment
from shop.models import Invoice, Order, ShippingLevel
from shop.selectors.orders import shipping_parts, tax_breakdown
from shop.services import checkout
from shop.services.checkout import working_days_from
from shop.services.invoices import render_invoice_html
from shop.services.orders import cancel_order, mark_paid
from shop.services.orders.cod import confirm_cod_order
from shop.tax import Treatment
from tests import factories as f
from tests.fulfillment.helpers import carrier_service
from tests.payments import test_stripe_webhooks as webhooks

from .checkout_helpers import buy, config, make_cart
from .test_checkout_flow import ADDRESS, add

pytestmark = pytest.mark.django_db


def _method(warehouse, *bands, service=None, level=ShippingLevel.STANDARD, **kwargs):
    method = f.shipping_for(warehouse, *bands, **kwargs)
    method.service, method.level = service, level
    method.save()
    return method


@pytest.fixture
def split_shop(markets):
    """Berlin ships to Germany by DHL (road; a standard and an express method), Osaka to Germany by Japan Post EMS
    (air) and to Japan by Yamato; Berlin also ships to Japan by DHL international (air). A shirt is stocked only in
    Berlin, a scarf only in Osaka."""
    de, jp = Warehouse.objects.get(code="de"), Warehouse.objects.get(code="jp")
    de.city, de.latitude, de.longitude = "Berlin", Decimal("52.52"), Decimal("13.405")
    de.countries_served = [*[c.code for c in de.countries_served], "JP"]
    de.save()
    jp.city, jp.latitude, jp.longitude = "Osaka", Decimal("34.69"), Decimal("135.50")
    jp.countries_served = ["JP", "CN", "DE"]
    jp.save()
    EmissionFactor.objects.update_or_create(mode="road", defaults={"grams_per_tonne_km": Decimal("100"), "source": "test"})
    EmissionFactor.objects.update_or_create(mode="air", defaults={"grams_per_tonne_km": Decimal("600"), "source": "test"})
    paket = carrier_service("dhl", "DHL", "paket", "road")
    international = carrier_service("dhl", "DHL", "international", "air")
    ems = carrier_service("japanpost", "Japan Post", "ems", "air")
    yamato = carrier_service("yamato", "Yamato", "takkyubin", "road")
    Lane.objects.create(service=paket, warehouse=de, destination="DE", min_days=1, max_days=2, distance_km=400)
    Lane.objects.create(service=ems, warehouse=jp, destination="DE", min_days=3, max_days=5, distance_km=9300)
    Lane.objects.create(service=international, warehouse=de, destination="JP", min_days=4, max_days=6, distance_km=9300)
    Lane.objects.create(service=yamato, warehouse=jp, destination="JP", min_days=1, max_days=1, distance_km=400)
    methods = {
        "standard": _method(de, code="dhl", name="Standard", carrier="DHL", service=paket, countries=["DE"]),
        # no service: road, distance from Berlin's coordinates (same country: a flat 300 km)
        "express": _method(de, (5000, Decimal("12.00"), "EUR"), code="express", name="Express", carrier="UPS", min_days=1,
                           max_days=1, level=ShippingLevel.EXPRESS, countries=["DE"]),
        "ems": _method(jp, (2000, Decimal("2000"), "JPY"), (30000, Decimal("8000"), "JPY"), code="ems", name="EMS",
                       carrier="Japan Post", service=ems, min_days=4, max_days=7, countries=["DE"]),
        "yamato": _method(jp, (2000, Decimal("700"), "JPY"), (25000, Decimal("2000"), "JPY"), code="yamato", name="Takkyubin",
                          carrier="Yamato", service=yamato, min_days=1, max_days=2, countries=["JP"]),
        "dhl-jp": _method(de, (2000, Decimal("12.00"), "EUR"), (31500, Decimal("45.00"), "EUR"), code="dhl-int",
                          name="International", carrier="DHL", service=international, min_days=4, max_days=9, countries=["JP"]),
    }
    shirt = f.ProductVariantFactory(product__name_en="Linen shirt", base_price=Money(Decimal("25.20"), "EUR"), weight_grams=300)
    scarf = f.ProductVariantFactory(product__name_en="Wool scarf", base_price=Money(Decimal("16.80"), "EUR"), weight_grams=200)
    f.StockFactory(variant=shirt, warehouse=de, quantity=10)
    f.StockFactory(variant=scarf, warehouse=jp, quantity=10)
    return {"de": de, "jp": jp, "shirt": shirt, "scarf": scarf, "methods": methods, "markets": markets}


def _walk_to_review(client, shop, choose=None):
    client.get("/en/?market=eu")
    add(client, shop["shirt"], 2, lang="en")
    add(client, shop["scarf"], 1, lang="en")
    assert client.post("/en/checkout/", ADDRESS).status_code == 302
    page = client.get("/en/checkout/shipping/")
    assert page.status_code == 200
    options = page.context["quote"].shipping_options
    chosen = choose(options) if choose else options[0]
    assert client.post("/en/checkout/shipping/", {"shipping_method": chosen.method_id}).status_code == 302
    assert client.post("/en/checkout/billing/", {"same_as_shipping": "on"}).status_code == 302
    return page, client.get("/en/checkout/review/")


def test_two_warehouse_checkout_to_an_order_with_two_consignments(client, split_shop, django_capture_on_commit_callbacks):
    shipping_page, review = _walk_to_review(client, split_shop)
    options = shipping_page.context["quote"].shipping_options
    assert [o.name for o in options] == ["Standard", "Express"]
    berlin, osaka = split_shop["de"].pk, split_shop["jp"].pk
    for option in options:
        assert [leg.warehouse_id for leg in option.legs] == [berlin, osaka]  # the main consignment (2 units) first
        assert option.price.display == sum(leg.price.display for leg in option.legs)
        assert option.co2e_grams == sum(leg.co2e_grams for leg in option.legs)
        assert option.latest == max(leg.latest for leg in option.legs)
        ems = option.legs[1]
        assert (ems.name, ems.mode, ems.distance_km) == ("EMS", "air", 9300)  # no EMS express: the fastest Osaka has
        # 200 g × 9300 km × 600 g/t·km
        assert ems.co2e_grams == 1116
    standard, express = options
    assert standard.legs[0].co2e_grams == 24  # 600 g × 400 km (lane) × 100 g/t·km
    assert express.legs[0].co2e_grams == 18  # 600 g × 300 km (same country, no lane) × 100
    assert [o.greener for o in options] == [False, True]
    html = shipping_page.content.decode()
    assert "2 parcels" in html and "from Berlin, DHL" in html and "from Osaka, Japan Post" in html
    assert "1.1 kg CO₂e" in html and "greener" in html

    quote = review.context["quote"]
    assert quote.shipping.method_id == standard.method_id
    lines_shown = sum(line.total_display for line in quote.lines)
    assert quote.total_gross == lines_shown + sum(leg.price.gross for leg in quote.shipping.legs)  # gross market: shown = gross
    assert "from Osaka" in review.content.decode()

    data = {"cart": str(review.context["cart"].token), "payment_method": "bank_transfer",
            "expected_total": str(quote.total_gross), "accept_terms": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/checkout/place/", data)
    assert response.status_code == 302
    order = Order.objects.get()
    consignments = list(Consignment.objects.filter(order=order).order_by("number"))
    assert [c.number for c in consignments] == [f"{order.number}-1", f"{order.number}-2"]
    assert [c.warehouse_id for c in consignments] == [berlin, osaka]
    assert sum(c.shipping_gross for c in consignments) == order.shipping_gross
    assert sum(c.shipping_net for c in consignments) == order.shipping_net
    assert [c.shipping_gross for c in consignments] == [leg.price.gross for leg in quote.shipping.legs]
    assert sum(c.co2e_grams for c in consignments) == standard.co2e_grams == 1140
    assert order.delivery_latest == max(c.promised_latest for c in consignments)
    assert all(c.status == ConsignmentStatus.PENDING for c in consignments)  # bank transfer: waits for the money
    de_parcel, jp_parcel = consignments
    assert (de_parcel.needs_customs, de_parcel.import_vat_scheme) == (False, "")
    assert (jp_parcel.needs_customs, jp_parcel.import_vat_scheme) == (True, Treatment.IOSS)
    assert jp_parcel.import_vat_number == settings.CARAVAN_SELLER["ioss_number"]
    assert jp_parcel.service.code == "ems" and jp_parcel.carrier.name == "Japan Post"
    jp_lines = list(jp_parcel.lines.all())
    assert [(line.variant_id, line.quantity) for line in jp_lines] == [(split_shop["scarf"].pk, 1)]
    assert jp_lines[0].order_line.variant_id == split_shop["scarf"].pk
    assert jp_lines[0].unit_value == order.lines.get(variant=split_shop["scarf"]).total_net

    confirmation = next(m for m in mail.outbox if order.number in m.subject)
    assert "Shipping from Berlin" in confirmation.body and "Shipping from Osaka" in confirmation.body
    assert "from Osaka, EMS (Japan Post), arrives" in confirmation.body
    done = client.get(response["Location"]).content.decode()
    assert "Shipping from Berlin" in done and "Shipping from Osaka" in done

    mark_paid(order.pk)
    assert set(Consignment.objects.filter(order=order).values_list("status", flat=True)) == {ConsignmentStatus.READY}
    invoice = Invoice.objects.get(order=order)
    html = render_invoice_html(invoice)
    assert html.count('class="shipping-row"') == 2 and "Shipping from Osaka" in html
    parts = shipping_parts(order)
    assert [p.gross for p in parts] == [c.shipping_gross for c in consignments]
    rows = tax_breakdown(order)  # raises unless lines + parcels add up to the order's totals
    assert sum(r.gross for r in rows) == order.total_gross
    account = client.get(reverse("shop:checkout-done", kwargs={"number": order.number}))
    assert account.status_code == 200


def test_one_leg_imported_on_delivery_the_other_domestic(split_shop):
    """The Osaka parcel is worth over €150: sold without VAT (import VAT on delivery), its shipping too; Berlin's is
    German VAT. Each parcel is taxed at its own rate and the totals add up exactly."""
    scarf = split_shop["scarf"]
    scarf.base_price = Money(Decimal("90.00"), "EUR")
    scarf.save()
    cart = make_cart(split_shop["markets"]["eu"], [(split_shop["shirt"], 1), (scarf, 2)])
    quote = checkout.quote_cart(cart, config())
    option = quote.shipping_options[0]
    jp_leg = next(leg for leg in option.legs if leg.warehouse_id == split_shop["jp"].pk)
    de_leg = next(leg for leg in option.legs if leg.warehouse_id == split_shop["de"].pk)
    assert option.legs[0] is jp_leg  # Osaka ships more units: the main consignment
    assert jp_leg.price.tax_rate == 0 and jp_leg.price.net == jp_leg.price.gross
    assert de_leg.price.tax_rate == Decimal("19")
    order = buy(cart)
    assert Treatment.IMPORT_ON_DELIVERY in order.tax_notes
    parcels = {c.warehouse_id: c for c in order.consignments.all()}
    assert parcels[split_shop["jp"].pk].shipping_tax_rate == 0 and parcels[split_shop["jp"].pk].import_vat_scheme == ""
    assert parcels[split_shop["de"].pk].shipping_tax_rate == Decimal("19")
    lines = list(order.lines.all())
    assert order.total_gross == sum(line.total_gross for line in lines) + sum(c.shipping_gross for c in parcels.values())
    assert order.total_net == sum(line.total_net for line in lines) + sum(c.shipping_net for c in parcels.values())
    rows = {r.rate: r for r in tax_breakdown(order)}
    assert rows[Decimal(0)].tax == 0 and rows[Decimal("19")].tax > 0


def test_japanese_order_split_osaka_and_berlin_in_yen(split_shop):
    cart = make_cart(split_shop["markets"]["jp"], [(split_shop["shirt"], 1), (split_shop["scarf"], 3)], country="JP")
    quote = checkout.quote_cart(cart, config(), language="ja")
    assert quote.currency == "JPY"
    option = quote.shipping_options[0]
    assert [leg.warehouse_id for leg in option.legs] == [split_shop["jp"].pk, split_shop["de"].pk]
    methods = split_shop["methods"]
    assert [leg.method_id for leg in option.legs] == [methods["yamato"].pk, methods["dhl-jp"].pk]
    for leg in option.legs:
        assert leg.price.gross == leg.price.gross.to_integral_value()  # whole yen
    order = buy(cart, language="ja")
    parcels = list(order.consignments.order_by("number"))
    assert len(parcels) == 2
    lines = list(order.lines.all())
    assert order.total_gross == sum(line.total_gross for line in lines) + sum(c.shipping_gross for c in parcels)
    assert order.total_gross == order.total_gross.to_integral_value()
    assert sum(c.shipping_gross for c in parcels) == order.shipping_gross
    assert parcels[1].needs_customs and not parcels[0].needs_customs  # Berlin → Japan leaves the EU
    assert parcels[1].co2e_grams == 1674  # 300 g × 9300 km × 600 g/t·km
    assert parcels[0].co2e_grams == 24  # 3 × 200 g × 400 km × 100 g/t·km (Yamato, road)


def test_cancelling_the_order_cancels_its_consignments(split_shop):
    order = buy(make_cart(split_shop["markets"]["eu"], [(split_shop["shirt"], 1), (split_shop["scarf"], 1)]))
    assert order.consignments.count() == 2
    cancel_order(order.pk)
    assert set(order.consignments.values_list("status", flat=True)) == {ConsignmentStatus.CANCELLED}


def test_cash_on_delivery_collects_the_total_with_the_first_parcel(split_shop):
    market = split_shop["markets"]["eu"]
    if "cash_on_delivery" not in market.payment_methods:
        market.payment_methods = [*market.payment_methods, "cash_on_delivery"]
        market.save()
    order = buy(make_cart(market, [(split_shop["shirt"], 2), (split_shop["scarf"], 1)]), payment_method="cash_on_delivery")
    parcels = list(order.consignments.order_by("number"))
    assert [p.cod_amount for p in parcels] == [order.total_gross, 0]
    # A guest's cash-on-delivery order waits for the e-mail confirmation before anyone picks it.
    assert order.needs_confirmation and {p.status for p in parcels} == {ConsignmentStatus.PENDING}
    confirm_cod_order(order.pk)
    assert set(order.consignments.values_list("status", flat=True)) == {ConsignmentStatus.READY}


def test_an_admin_edit_of_an_emission_factor_changes_the_next_quote(split_shop, admin_client):
    cart = make_cart(split_shop["markets"]["eu"], [(split_shop["shirt"], 2), (split_shop["scarf"], 1)])
    before = checkout.quote_cart(cart, config()).shipping_options[0]
    air = EmissionFactor.objects.get(mode="air")
    url = reverse("admin:fulfillment_emissionfactor_change", args=[air.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"mode": "air", "grams_per_tonne_km": "1200", "source": "GLEC v3", "source_url": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    after = checkout.quote_cart(cart, config()).shipping_options[0]
    assert after.legs[1].co2e_grams == 2 * before.legs[1].co2e_grams == 2232
    assert after.legs[0].co2e_grams == before.legs[0].co2e_grams
    assert after.price == before.price


def test_carrier_admin_pages_open(split_shop, admin_client, django_assert_max_num_queries):
    de = split_shop["de"]
    for i in range(30):  # more lanes and carriers than a page holds rows of: the lists' queries stay flat
        service = carrier_service(f"c{i}", f"Carrier {i}", "std", "road")
        Lane.objects.create(service=service, warehouse=de, destination="FR", min_days=1, max_days=3, distance_km=1000 + i)
    for name in ("carrier", "lane", "emissionfactor", "packagingtype"):
        with django_assert_max_num_queries(12):
            assert admin_client.get(reverse(f"admin:fulfillment_{name}_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:fulfillment_carrier_change", args=[split_shop["methods"]["ems"].service.carrier_id])).status_code == 200
    page = admin_client.get(reverse("admin:shop_shippingmethod_changelist")).content.decode()
    assert "Japan Post Ems" in page or "Japan Post" in page


def test_the_order_admin_shows_each_consignment_with_its_co2(split_shop, admin_client):
    order = buy(make_cart(split_shop["markets"]["eu"], [(split_shop["shirt"], 2), (split_shop["scarf"], 1)]))
    page = admin_client.get(reverse("admin:shop_order_change", args=[order.pk])).content.decode()
    for consignment in order.consignments.all():
        assert consignment.number in page
    assert "1.1 kg CO₂e" in page and "24 g CO₂e" in page


def test_delivery_dates_skip_the_origin_countrys_public_holidays():
    # Wednesday 23 December 2026 + 2 working days: 24th (Thursday), then 25th and 26th are holidays in Germany
    # (and the 26th a Saturday), so Monday the 28th; without a country, Friday the 25th.
    assert working_days_from(date(2026, 12, 23), 2, "DE") == date(2026, 12, 28)
    assert working_days_from(date(2026, 12, 23), 2) == date(2026, 12, 25)
    # Japan's New Year's Day (Friday 1 January 2027) is a holiday there, not Boxing Day.
    assert working_days_from(date(2026, 12, 31), 1, "JP") == date(2027, 1, 4)
    assert working_days_from(date(2026, 12, 24), 1, "JP") == date(2026, 12, 25)
    assert working_days_from(date(2026, 12, 24), 1, "XX") == date(2026, 12, 25)  # a country the package does not know


def test_a_card_payment_confirmed_by_stripe_releases_the_consignments(split_shop, client, settings,
                                                                      django_capture_on_commit_callbacks):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_caravan", "pk_test_caravan"
    settings.STRIPE_WEBHOOK_SECRET = webhooks.SECRET
    order = buy(make_cart(split_shop["markets"]["eu"], [(split_shop["shirt"], 2), (split_shop["scarf"], 1)]), payment_method="stripe")
    assert set(order.consignments.values_list("status", flat=True)) == {ConsignmentStatus.PENDING}
    payment = Payment.objects.get(order=order, provider="stripe")
    Payment.objects.filter(pk=payment.pk).update(provider_reference="pi_123")
    payment.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = webhooks.post(client, webhooks.event("evt_1", "payment_intent.succeeded", webhooks.intent(payment)))
    assert response.status_code == 200
    assert set(order.consignments.values_list("status", flat=True)) == {ConsignmentStatus.READY}
