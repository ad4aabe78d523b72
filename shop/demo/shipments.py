"""Demo orders that went through the warehouse, so the packing desk, consignments, tracking timelines, the
emissions report and buyers' order pages show something real at once. Every order is placed, paid, picked, packed
and dispatched through the same services the shop and the desk use; only the clock is moved back afterwards (the
demo pretends it happened over the last days).

Idempotent: nothing happens when demo shipments exist already (orders from DEMO_EMAILS)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from fulfillment.models import (
    Allocation,
    Carrier,
    Consignment,
    ConsignmentStatus,
    PackagingType,
    PickList,
    Stock,
    TrackingKind,
    Warehouse,
)
from fulfillment.services.dispatch import dispatch_consignment
from fulfillment.services.packing import ParcelSpec, pack_consignment
from fulfillment.services.picking import confirm_pick
from fulfillment.services.tracking import record_tracking_event
from payments.models import Payment
from shop.demo.customs import ensure_customs_data
from shop.models import Cart, CartLine, Invoice, Market, Order
from shop.plumbing import storefront_config
from shop.services import checkout
from shop.services.orders import mark_paid, place_order

DEMO_GUESTS = {
    "DE": ("lena.schmidt@example.com", "de", {"full_name": "Lena Schmidt", "line1": "Sonnenallee 45", "postcode": "12045",
                                              "city": "Berlin", "country": "DE"}),
    "FR": ("camille.bernard@example.com", "fr", {"full_name": "Camille Bernard", "line1": "8 rue de la République",
                                                 "postcode": "69002", "city": "Lyon", "country": "FR"}),
    "JP": ("hanako.yamada@example.com", "ja", {"full_name": "山田花子", "line1": "丸の内1-1-1", "postcode": "100-0005",
                                               "city": "千代田区", "region": "東京都", "country": "JP"}),
}
DEMO_BUYER = ("buyer@example.com", "de", {"full_name": "Erika Mustermann", "line1": "Friedrichstraße 123", "postcode": "10117",
                                             "city": "Berlin", "country": "DE"})
DEMO_EMAILS = [DEMO_BUYER[0], *(guest[0] for guest in DEMO_GUESTS.values())]

PACKAGING = (
    # code, name, reusable, length, width, height (mm), tare (g)
    ("repack-m", "RePack reusable mailer M", True, 350, 250, 80, 120),
    ("box-s", "Recycled cardboard box S", False, 250, 180, 100, 180),
    ("box-m", "Recycled cardboard box M", False, 350, 250, 150, 300),
    ("box-l", "Cardboard box L", False, 500, 350, 250, 550),
)


def delete_demo_shipments() -> int:
    """Remove the demo orders and what hangs on them (allocations, payments, invoices, consignments, empty pick lists),
    so `seed_demo --reset` can rebuild the catalogue. Orders of real buyers are never touched (and then stop the
    reset, as before). Returns orders deleted."""
    ids = list(Order.objects.filter(email__in=DEMO_EMAILS).values_list("pk", flat=True))
    if not ids:
        return 0
    with transaction.atomic():
        Allocation.objects.filter(reference__in=[f"order:{pk}" for pk in ids]).delete()
        Invoice.objects.filter(order_id__in=ids).delete()
        Payment.objects.filter(order_id__in=ids).delete()
        Order.objects.filter(pk__in=ids).delete()
        PickList.objects.filter(consignments=None).delete()
    return len(ids)


def ensure_packaging() -> int:
    made = 0
    for code, name, reusable, length, width, height, tare in PACKAGING:
        _obj, created = PackagingType.objects.get_or_create(code=code, defaults={
            "name": name, "is_reusable": reusable, "length_mm": length, "width_mm": width, "height_mm": height, "tare_grams": tare})
        made += created
    return made


def _stocked_only_in(warehouse: Warehouse, others: list[Warehouse], *, count: int, skip: int = 0) -> list:
    """Active variants with free stock in `warehouse` and none in `others` (so an order of them ships from there)."""
    elsewhere = Stock.objects.filter(variant=OuterRef("variant"), warehouse__in=others, quantity__gt=0)
    rows = (Stock.objects.filter(warehouse=warehouse, quantity__gte=5, variant__is_active=True, variant__product__is_published=True)
            .annotate(elsewhere=Exists(elsewhere)).filter(elsewhere=False).order_by("variant_id")
            .values_list("variant_id", flat=True)[skip:skip + count])
    return list(rows)


def _place(market: Market, email: str, language: str, address: dict, variant_ids: list[int], user=None) -> Order | None:
    config = storefront_config.get_config()
    cart = Cart.objects.create(market=market, user=user)
    CartLine.objects.bulk_create([CartLine(cart=cart, variant_id=v, quantity=1 + i % 2) for i, v in enumerate(variant_ids)])
    info = config.market_by_id(market.pk)
    checkout.set_contact_and_shipping_address(cart, email, checkout.clean_address(address, info))
    checkout.set_billing(cart, None, "")
    cart.refresh_from_db()
    quote = checkout.quote_cart(cart, config, language=language)
    if not quote.shipping_options:
        cart.delete()
        return None
    checkout.set_shipping_method(cart, quote.shipping_options[0].method_id, quote)
    checkout.set_payment_method(cart, "bank_transfer")
    order = place_order(cart.token, config, language=language, user=user)
    mark_paid(order.pk, reference="demo")
    return order


def _ship(consignment: Consignment, carrier: Carrier | None, index: int) -> None:
    confirm_pick(consignment.pk)
    box = PackagingType.objects.filter(is_active=True).order_by("-is_reusable", "pk")[index % 2]
    pack_consignment(consignment.pk, [ParcelSpec(packaging_id=box.pk)])
    prefix = "JJD" if consignment.warehouse.country.code == "DE" else "EJ"
    number = f"{prefix}{consignment.pk:06d}{index:04d}" + ("JP" if prefix == "EJ" else "")
    dispatch_consignment(consignment.pk, tracking_number=number, carrier_id=(consignment.carrier_id or (carrier and carrier.pk)))


def _backdate(order: Order, days: int) -> None:
    """Move the demo's clock: placed and shipped `days` ago (dispatch a day after placing)."""
    placed = timezone.now() - timedelta(days=days)
    Order.objects.filter(pk=order.pk).update(created_at=placed, paid_at=placed + timedelta(hours=2))
    for consignment in Consignment.objects.filter(order=order):
        fields = {"created_at": placed, "ready_at": placed + timedelta(hours=2)}
        if consignment.dispatched_at:
            fields.update(picked_at=placed + timedelta(hours=20), packed_at=placed + timedelta(hours=21),
                          dispatched_at=placed + timedelta(days=1))
        Consignment.objects.filter(pk=consignment.pk).update(**fields)


def _history(consignment: Consignment, steps: list[tuple[str, float, str]]) -> None:
    """Tracking events `hours` after dispatch: [(kind, hours, location)]."""
    consignment.refresh_from_db()
    for kind, hours, location in steps:
        at = consignment.dispatched_at + timedelta(hours=hours)
        if at > timezone.now():
            break
        record_tracking_event(consignment.pk, kind, at=at, location=location, source="carrier",
                              external_id=f"demo-{consignment.pk}-{kind}-{int(hours)}")


def ensure_demo_shipments(user=None) -> int:
    """Place and ship the demo orders (see the module docstring). Returns how many orders it made."""
    if Order.objects.filter(email__in=DEMO_EMAILS).exists():
        return 0
    ensure_packaging()
    ensure_customs_data()
    warehouses = {w.code: w for w in Warehouse.objects.filter(is_active=True)}
    markets = {m.code: m for m in Market.objects.all()}
    berlin, osaka = warehouses.get("de-ber"), warehouses.get("jp-osa")
    eu, jp = markets.get("eu"), markets.get("jp")
    if not (berlin and osaka and eu and jp):
        return 0
    others_of_berlin = [w for w in warehouses.values() if w != berlin]
    others_of_osaka = [w for w in warehouses.values() if w != osaka]
    from_berlin = _stocked_only_in(berlin, others_of_berlin, count=12)
    from_osaka = _stocked_only_in(osaka, others_of_osaka, count=6)
    made = []
    with transaction.atomic():
        email, language, address = DEMO_BUYER
        # 1. Erika's order split across Berlin and Osaka: Berlin delivered, Osaka held at customs then cleared.
        split = _place(eu, email, language, address, from_berlin[:1] + from_osaka[:1], user=user) if from_osaka else None
        # 2. Hanako (Japan) ordered from Osaka and Berlin: both on their way.
        jp_email, jp_language, jp_address = DEMO_GUESTS["JP"]
        japanese = _place(jp, jp_email, jp_language, jp_address, from_osaka[1:2] + from_berlin[1:2])
        # 3. Lena: one parcel from Berlin, delivered.
        de_email, de_language, de_address = DEMO_GUESTS["DE"]
        delivered = _place(eu, de_email, de_language, de_address, from_berlin[2:4])
        # 4. Waiting for the morning's pick list: paid orders not yet picked.
        fr_email, fr_language, fr_address = DEMO_GUESTS["FR"]
        waiting = [_place(eu, fr_email, fr_language, fr_address, from_berlin[4 + i:5 + i]) for i in range(3)]
        waiting.append(_place(eu, de_email, de_language, de_address, from_berlin[8:10]))
        waiting.append(_place(jp, jp_email, jp_language, jp_address, from_osaka[2:3]))
        made = [o for o in (split, japanese, delivered, *waiting) if o is not None]

        carriers = {c.code: c for c in Carrier.objects.all()}
        fallback = next(iter(carriers.values()), None)
        for index, order in enumerate(o for o in (split, japanese, delivered) if o is not None):
            for consignment in Consignment.objects.filter(order=order, status=ConsignmentStatus.READY).select_related("warehouse"):
                _ship(consignment, fallback, index)
        for days, order in ((6, split), (3, japanese), (9, delivered)):
            if order is not None:
                _backdate(order, days)
    # Histories after the backdating (events may not precede their dispatch).
    for order, plan in ((split, "split"), (japanese, "transit"), (delivered, "delivered")):
        if order is None:
            continue
        for consignment in Consignment.objects.filter(order=order).exclude(dispatched_at=None).select_related("warehouse"):
            city = consignment.warehouse.city or consignment.warehouse.name
            international = consignment.needs_customs
            steps = [(TrackingKind.PICKED_UP, 3, city), (TrackingKind.IN_TRANSIT, 20, "Hub " + city)]
            if plan == "delivered" or (plan == "split" and not international):
                steps += [(TrackingKind.OUT_FOR_DELIVERY, 40, ""), (TrackingKind.DELIVERED, 46, "")]
            elif international:
                steps += [(TrackingKind.CUSTOMS_HOLD, 60, "Frankfurt" if consignment.destination.code == "DE" else "Tokyo"),
                          (TrackingKind.CUSTOMS_CLEARED, 90, "")] if plan == "split" else [(TrackingKind.IN_TRANSIT, 50, "")]
            _history(consignment, steps)
    return len(made)


__all__ = ["DEMO_EMAILS", "delete_demo_shipments", "ensure_demo_shipments", "ensure_packaging"]
