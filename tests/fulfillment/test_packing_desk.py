"""The packing desk in admin: a warehouse's morning — pick list, pick (scanned or typed), pack, dispatch — on one
screen; consignment and pick-list lists within a query budget at 10 000 consignments."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from fulfillment.models import Consignment, ConsignmentStatus, PackagingType, PickList, StockMove
from shop.models import Order, OrderStatus
from tests import factories as f
from tests.fulfillment.helpers import carrier_service, make_consignments

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("desk", "desk@example.com", "pw")
    client.force_login(user)
    return client


def test_a_warehouse_morning_from_one_screen(staff_client, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    berlin = f.WarehouseFactory(code="de-ber", name="Berlin", country="DE", countries_served=["DE"])
    service = carrier_service()
    box = PackagingType.objects.create(code="eco", name="Recycled box", is_reusable=True, length_mm=300, width_mm=200,
                                       height_mm=120, tare_grams=200)
    orders = []
    for _i in range(3):
        shirt = f.ProductVariantFactory(weight_grams=250)
        f.StockFactory(variant=shirt, warehouse=berlin, quantity=10, bin_location="A-01-02")
        order, (consignment,) = make_consignments({berlin: [(shirt, 2)]}, service=service)
        Order.objects.filter(pk=order.pk).update(status=OrderStatus.PAID)
        orders.append((order, consignment, shirt))
    desk = reverse("admin:fulfillment_desk_warehouse", args=[berlin.pk])
    assert "Berlin" in staff_client.get(reverse("admin:fulfillment_desk")).content.decode()
    page = staff_client.get(desk).content.decode()
    assert "3 consignments ready to pick" in page

    staff_client.post(desk, {"action": "pick_list"})
    pick_list = PickList.objects.get()
    assert pick_list.consignments.count() == 3
    rows_page = staff_client.get(reverse("admin:fulfillment_picklist_pick", args=[pick_list.pk])).content.decode()
    assert "A-01-02" in rows_page
    with django_assert_max_num_queries(14):
        page = staff_client.get(desk).content.decode()
    for _order, consignment, shirt in orders:
        assert consignment.number in page and f'data-sku="{shirt.sku}"' in page

    for order, consignment, _shirt in orders:
        line = consignment.lines.get()
        staff_client.post(desk, {"action": "pick", "consignment": consignment.pk, f"picked-{line.pk}": "2"})
        staff_client.post(desk, {"action": "pack", "consignment": consignment.pk, "packaging": box.pk, "parcels": "1"})
        with django_capture_on_commit_callbacks(execute=True):
            response = staff_client.post(desk, {"action": "dispatch", "consignment": consignment.pk, "carrier": service.carrier_id,
                                                "tracking_number": f"JJD{consignment.pk:08d}"}, follow=True)
        assert "dispatched" in response.content.decode()
        consignment.refresh_from_db()
        assert consignment.status == ConsignmentStatus.DISPATCHED and consignment.parcels.get().packaging == box
        assert Order.objects.get(pk=order.pk).status == OrderStatus.SHIPPED
    again = staff_client.post(desk, {"action": "dispatch", "consignment": orders[0][1].pk, "carrier": service.carrier_id,
                                     "tracking_number": "JJD99999999"}, follow=True).content.decode()
    assert "already dispatched" in again
    assert StockMove.objects.filter(reason=StockMove.Reason.DISPATCH).count() == 3
    assert PickList.objects.get().completed_at is not None


def test_the_desk_says_what_is_wrong_and_changes_nothing(staff_client):
    berlin = f.WarehouseFactory(code="de-ber", name="Berlin", country="DE", countries_served=["DE"])
    _order, (consignment,) = make_consignments({berlin: [(f.ProductVariantFactory(), 2)]}, service=carrier_service())
    desk = reverse("admin:fulfillment_desk_warehouse", args=[berlin.pk])
    staff_client.post(desk, {"action": "pick_list"})
    line = consignment.lines.get()
    for bad in ("9", "x", "\x00", "1" * 40):
        page = staff_client.post(desk, {"action": "pick", "consignment": consignment.pk, f"picked-{line.pk}": bad}, follow=True)
        text = page.content.decode()
        assert page.status_code == 200 and ("picked must be between" in text or "enter the number" in text)
    for odd in ({"action": "pick", "consignment": "\x00"}, {"action": "nope", "consignment": consignment.pk},
                {"action": "dispatch", "consignment": "99999999999999999999"}):
        assert staff_client.post(desk, odd).status_code in (302, 404)
    page = staff_client.post(desk, {"action": "dispatch", "consignment": consignment.pk, "tracking_number": "JJD123456"}, follow=True)
    assert "pack it before dispatching" in page.content.decode()
    assert Consignment.objects.get(pk=consignment.pk).status == ConsignmentStatus.PICKING


def test_the_desk_needs_fulfillment_permissions(client, django_user_model):
    berlin = f.WarehouseFactory(code="de-ber")
    user = django_user_model.objects.create_user("clerk", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:fulfillment_desk_warehouse", args=[berlin.pk])).status_code == 403
    client.logout()
    assert client.get(reverse("admin:fulfillment_desk_warehouse", args=[berlin.pk])).status_code == 302  # to the login


def test_consignment_and_pick_list_admin_lists_stay_within_budget_at_10000(staff_client, django_assert_max_num_queries):
    berlin = f.WarehouseFactory(code="de-ber", name="Berlin", country="DE", countries_served=["DE"])
    service = carrier_service()
    order = f.OrderFactory()
    today = timezone.localdate()
    pick_lists = PickList.objects.bulk_create([PickList(warehouse=berlin) for _ in range(200)])
    Consignment.objects.bulk_create([
        Consignment(order=order, number=f"{order.number}-{i}", warehouse=berlin, status=ConsignmentStatus.DISPATCHED,
                    allocation_reference=f"order:{order.pk}", destination="DE", currency="EUR", method_name="Standard",
                    carrier=service.carrier, tracking_number=f"JJD{i:08d}", promised_earliest=today,
                    promised_latest=today + timedelta(days=2), shipping_gross=Decimal("5"), pick_list=pick_lists[i % 200])
        for i in range(10_000)
    ], batch_size=2000)
    with django_assert_max_num_queries(12):
        page = staff_client.get(reverse("admin:fulfillment_consignment_changelist"))
    assert page.status_code == 200 and f"{order.number}-9999" in page.content.decode()
    with django_assert_max_num_queries(12):
        assert staff_client.get(reverse("admin:fulfillment_consignment_changelist") + "?status=dispatched&q=JJD00000042").status_code == 200
    with django_assert_max_num_queries(12):
        assert staff_client.get(reverse("admin:fulfillment_picklist_changelist")).status_code == 200
    consignment = Consignment.objects.get(number=f"{order.number}-42")
    with django_assert_max_num_queries(25):
        assert staff_client.get(reverse("admin:fulfillment_consignment_change", args=[consignment.pk])).status_code == 200
    with django_assert_max_num_queries(12):
        assert staff_client.get(reverse("admin:fulfillment_stockmove_changelist")).status_code == 200


def test_staff_record_tracking_events_and_the_order_is_delivered(staff_client, django_capture_on_commit_callbacks,
                                                                 django_assert_max_num_queries):
    berlin = f.WarehouseFactory(code="de-ber", name="Berlin", country="DE", countries_served=["DE"])
    service = carrier_service()
    order, (consignment,) = make_consignments({berlin: [(f.ProductVariantFactory(), 1)]}, service=service)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PAID)
    desk = reverse("admin:fulfillment_desk_warehouse", args=[berlin.pk])
    staff_client.post(desk, {"action": "pick_list"})
    unconfirmed = staff_client.post(desk, {"action": "pick", "consignment": consignment.pk}, follow=True).content.decode()
    assert "enter the number of units picked" in unconfirmed  # nothing typed or scanned is not "none found"
    staff_client.post(desk, {"action": "pick", "consignment": consignment.pk, f"picked-{consignment.lines.get().pk}": "1"})
    staff_client.post(desk, {"action": "pack", "consignment": consignment.pk, "weight": "700", "parcels": "1",
                             "packaging": ""}, follow=True)
    consignment.refresh_from_db()
    if consignment.status != ConsignmentStatus.PACKED:  # no packaging chosen and no dimensions: refused, pack with a box
        box = PackagingType.objects.create(code="box", name="Box", length_mm=300, width_mm=200, height_mm=100)
        staff_client.post(desk, {"action": "pack", "consignment": consignment.pk, "packaging": box.pk, "parcels": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(desk, {"action": "dispatch", "consignment": consignment.pk, "carrier": service.carrier_id,
                                 "tracking_number": "JJD0001112223"})
    consignment.refresh_from_db()
    assert consignment.status == ConsignmentStatus.DISPATCHED, consignment.status
    page = staff_client.get(desk).content.decode()
    assert "JJD0001112223" in page and "/label.pdf" in page

    track = reverse("admin:fulfillment_consignment_track", args=[consignment.pk])
    assert "Record a tracking event" in staff_client.get(reverse("admin:fulfillment_consignment_change", args=[consignment.pk])).content.decode()
    refused = staff_client.post(track, {"kind": "delivered", "location": "Berlin\x00"})
    assert refused.status_code == 200 and consignment.tracking_events.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(track, {"kind": "in_transit", "location": "Leipzig hub"})
        staff_client.post(track, {"kind": "delivered", "location": "Berlin"})
    consignment.refresh_from_db()
    assert consignment.status == ConsignmentStatus.DELIVERED and consignment.tracking_events.count() == 2
    assert Order.objects.get(pk=order.pk).status == OrderStatus.DELIVERED
    with django_assert_max_num_queries(12):
        listing = staff_client.get(reverse("admin:fulfillment_consignment_changelist") + "?delay=late")
    assert listing.status_code == 200


def test_the_monthly_emissions_report_sums_consignments_per_market_and_warehouse(staff_client, django_assert_max_num_queries):
    from shop.selectors.emissions import emissions_for_month

    berlin = f.WarehouseFactory(code="de-ber", name="Berlin", country="DE", countries_served=["DE"])
    osaka = f.WarehouseFactory(code="jp-osa", name="Osaka", country="JP", countries_served=["DE"])
    _o1, (a,) = make_consignments({berlin: [(f.ProductVariantFactory(weight_grams=500), 2)]})
    _o2, (b, c) = make_consignments({berlin: [(f.ProductVariantFactory(), 1)], osaka: [(f.ProductVariantFactory(), 1)]})
    Consignment.objects.filter(pk=a.pk).update(co2e_grams=1200)
    Consignment.objects.filter(pk=b.pk).update(co2e_grams=300)
    Consignment.objects.filter(pk=c.pk).update(co2e_grams=5000, status=ConsignmentStatus.CANCELLED)  # emitted nothing
    today = timezone.localdate()
    report = emissions_for_month(today.year, today.month)
    assert report["total"][:2] == (2, 1.5)
    assert [(name, n, kg) for name, n, kg, _w in report["by_warehouse"]] == [("Berlin", 2, 1.5)]
    assert [(n, kg) for _name, n, kg, _w in report["by_market"]] == [(2, 1.5)]
    url = reverse("admin:shop_order_emissions")
    with django_assert_max_num_queries(12):
        page = staff_client.get(url + f"?month={today:%Y-%m}")
    assert page.status_code == 200 and "Berlin" in page.content.decode() and "1.5" in page.content.decode()
    for odd in ("\x00", "2026-13", "99999999999-1", "x"):
        assert staff_client.get(url, {"month": odd}).status_code == 200
    last_year = emissions_for_month(today.year - 1, today.month)
    assert last_year["total"][0] == 0


def test_odd_ids_in_warehouse_urls_are_not_found_not_errors(staff_client, markets):
    huge = "9" * 25
    for url in (f"/admin/fulfillment/consignment/desk/{huge}/", f"/admin/fulfillment/consignment/{huge}/track/",
                f"/admin/fulfillment/picklist/{huge}/pick/", f"/staff/fulfillment/consignments/{huge}/label.pdf",
                f"/staff/fulfillment/pick-lists/{huge}.pdf"):
        response = staff_client.get(url, follow=True)
        assert response.status_code in (200, 404) and b"Traceback" not in response.content, url  # admin's catch-all: "does not exist"
        assert staff_client.get(url).status_code in (302, 404), url
