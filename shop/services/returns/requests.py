"""The buyer's return request and the staff's decision on it.

`returnable_lines(order)` says, per order line, how many units the buyer may still send back and until when:
delivered consignments only, minus units already in a return that is not refused or cancelled, never for products
the merchant marked non-returnable, within the market's window from the parcel's delivery (ReturnPolicy; the EU's
14-day right of withdrawal as the floor for orders in or to the EU; no policy row: 30 days).

`request_return` checks everything under the order's row lock (a cancellation racing it waits, and a cancelled
order gets no return), picks the warehouse the goods go back to, numbers the return <order>-R1, -R2, … and moves
it to "requested" (auto-approved when the market's rules say so). An exchange reserves the new variant's unit.

Staff decide with `approve_return` / `refuse_return`; `mark_in_transit` records that the parcel is on its way."""

import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.emissions import COUNTRY_CENTRES, great_circle_km
from fulfillment.models import ConsignmentLine, ConsignmentStatus, Warehouse
from fulfillment.services import InsufficientStock, release_reservations, reserve_stock
from shop.models import Order, OrderLine, OrderStatus, ProductVariant, ReturnEvent, ReturnLine, ReturnPolicy, ReturnReason, ReturnRequest, ReturnStatus
from shop.models.catalog import ProductMarketPrice
from shop.models.returns import ReturnResolution
from shop.services.returns.status import ReturnError, move_return
from shop.tax.treatments import EU_MEMBER_STATES

DEFAULT_WINDOW_DAYS = 30
EU_WITHDRAWAL_DAYS = 14
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_COMMENT = 2000
# Returns that hold units: everything but a refused or cancelled one.
DEAD = (ReturnStatus.REFUSED, ReturnStatus.CANCELLED)
RETURNABLE_ORDER_STATUSES = (OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED)


@dataclass(frozen=True)
class ReturnableLine:
    line: OrderLine
    delivered: int  # units delivered
    in_returns: int  # units in returns that are not refused or cancelled
    units: int  # what may still be returned (0 when out of window or not returnable)
    deadline: date | None  # last day to ask (None: nothing delivered yet)
    why_not: str = ""  # translated reason when units is 0


def exchange_hold() -> timedelta:
    return timedelta(days=getattr(settings, "CARAVAN_RETURN_EXCHANGE_HOLD_DAYS", 7))


def is_eu_order(order: Order) -> bool:
    country = (order.shipping_address or {}).get("country", "")
    market_countries = {c.code for c in order.market.countries} if order.market_id else set()
    return country in EU_MEMBER_STATES or bool(market_countries & EU_MEMBER_STATES)


def policy_for(order: Order) -> ReturnPolicy:
    """The market's return policy, or the defaults (unsaved) when the merchant set none."""
    policy = ReturnPolicy.objects.filter(market_id=order.market_id).first()
    return policy or ReturnPolicy(market_id=order.market_id, window_days=DEFAULT_WINDOW_DAYS)


def policy_notes(order: Order, language: str) -> list[str]:
    """The market's rules as the buyer reads them before asking: the window, who pays the return shipping, the
    restocking fee (translated, amounts in the order's currency)."""
    from shop.money import format_money

    policy = policy_for(order)
    notes = [_("You can return items within %(days)s days of delivery.") % {"days": window_days(order, policy)}]
    if policy.buyer_pays_return_shipping and policy.return_shipping_fee:
        notes.append(_("Return shipping costs %(fee)s; it is deducted from your refund (not for damaged or wrong items).")
                     % {"fee": format_money(policy.return_shipping_fee, order.currency, language)})
    elif policy.buyer_pays_return_shipping:
        notes.append(_("You pay the return shipping (not for damaged or wrong items)."))
    else:
        notes.append(_("Return shipping is free."))
    if policy.restocking_fee_percent:
        notes.append(_("A restocking fee of %(percent)s%% of the item price is deducted from refunds.")
                     % {"percent": f"{policy.restocking_fee_percent.normalize():f}"})
    return notes


def window_days(order: Order, policy: ReturnPolicy | None = None) -> int:
    days = (policy or policy_for(order)).window_days
    return max(days, EU_WITHDRAWAL_DAYS) if is_eu_order(order) else days


def returnable_lines(order: Order, *, now: datetime | None = None, returns=None) -> list[ReturnableLine]:
    """Every order line with what may still be returned of it (see the module's docstring). Three queries (the
    policy, the delivered consignment lines, the units in returns), or two when the order's returns are passed in
    with their lines prefetched; the order's lines come from its prefetch when it has one."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    lines = sorted(order.lines.all(), key=lambda line: line.pk)
    if not lines:
        return []
    days = window_days(order)
    delivered: dict[int, int] = {}
    delivered_on: dict[int, date] = {}
    returnable_product: dict[int, bool] = {}
    rows = (ConsignmentLine.objects.filter(consignment__order_id=order.pk, consignment__status=ConsignmentStatus.DELIVERED,
                                           order_line__isnull=False)
            .values_list("order_line_id", "quantity", "quantity_picked", "consignment__delivered_at",
                         "order_line__variant__product__is_returnable"))
    for line_id, quantity, picked, delivered_at, is_returnable in rows:
        delivered[line_id] = delivered.get(line_id, 0) + (quantity if picked is None else picked)
        day = timezone.localdate(delivered_at) if delivered_at else today
        # The window runs from the last delivery of the line (a line split over parcels counts from the later one).
        delivered_on[line_id] = max(delivered_on.get(line_id, day), day)
        returnable_product[line_id] = is_returnable is not False
    if returns is None:
        in_returns = dict(ReturnLine.objects.filter(order_line__order_id=order.pk).exclude(return_request__status__in=DEAD)
                          .values("order_line_id").annotate(n=Sum("quantity")).values_list("order_line_id", "n"))
    else:
        in_returns = {}
        for request in returns:
            if request.status not in DEAD:
                for line in request.lines.all():
                    in_returns[line.order_line_id] = in_returns.get(line.order_line_id, 0) + line.quantity
    cancelled = order.status == OrderStatus.CANCELLED
    result = []
    for line in lines:
        got = delivered.get(line.pk, 0)
        held = in_returns.get(line.pk, 0)
        deadline = delivered_on[line.pk] + timedelta(days=days) if line.pk in delivered_on else None
        why = ""
        if cancelled:
            why = _("The order is cancelled.")
        elif not got:
            why = _("Not delivered yet.")
        elif not returnable_product.get(line.pk, True):
            why = _("This item cannot be returned.")
        elif deadline is not None and today > deadline:
            why = _("The return period has ended.")
        elif got - held <= 0:
            why = _("Already in a return.")
        units = 0 if why else got - held
        result.append(ReturnableLine(line, got, held, units, deadline, why))
    return result


def can_return(order: Order) -> bool:
    return order.status in RETURNABLE_ORDER_STATUSES and any(r.units for r in returnable_lines(order))


# --- Where the goods go back --------------------------------------------------------------------------------------

def return_warehouse(country: str) -> Warehouse | None:
    """The nearest active warehouse that takes returns from `country`: one in that country first, else the closest
    by great-circle distance from the warehouse's coordinates (or its country's centre) to the country's centre."""
    candidates = [w for w in Warehouse.objects.filter(is_active=True, accepts_returns=True).order_by("priority", "code")
                  if w.takes_returns_from(country)]
    if not candidates:
        return None
    local = [w for w in candidates if w.country.code == country]
    if local:
        return local[0]
    centre = COUNTRY_CENTRES.get(country)

    def distance(w: Warehouse) -> float:
        start = (float(w.latitude), float(w.longitude)) if w.latitude is not None and w.longitude is not None else COUNTRY_CENTRES.get(w.country.code)
        if centre is None or start is None:
            return float("inf")
        return great_circle_km(start, centre)

    return min(candidates, key=lambda w: (distance(w), w.priority, w.code))


# --- Checking the buyer's input -----------------------------------------------------------------------------------

def _clean_text(value: str, limit: int, what: str) -> str:
    value = str(value or "")
    if "\x00" in value:
        raise ReturnError(_("The %(what)s contains characters that are not allowed.") % {"what": what})
    value = value.strip()
    if len(value) > limit:
        raise ReturnError(_("The %(what)s is too long (at most %(n)s characters).") % {"what": what, "n": limit})
    return value


def _check_photo(photo) -> UploadedFile | None:
    if not photo:
        return None
    if photo.size > MAX_PHOTO_BYTES:
        raise ReturnError(_("The photo is larger than 5 MB."))
    from PIL import Image, UnidentifiedImageError

    try:
        photo.seek(0)
        data = photo.read()
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind = (image.format or "").upper()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ReturnError(_("The photo is not an image we can read (JPEG, PNG or WebP).")) from None
    if kind not in ("JPEG", "PNG", "WEBP"):
        raise ReturnError(_("The photo is not an image we can read (JPEG, PNG or WebP)."))
    photo.seek(0)
    return photo


def _units(value) -> int:
    try:
        units = int(value)
    except (TypeError, ValueError):
        raise ReturnError(_("Enter whole numbers of items.")) from None
    if units < 0:
        raise ReturnError(_("Enter whole numbers of items."))
    return units


def _serving_warehouse_ids(country: str) -> list[int]:
    return [w.pk for w in Warehouse.objects.filter(is_active=True).order_by("priority", "code") if w.serves(country)]


def _exchange_variant(line: OrderLine, variant_id, order: Order) -> ProductVariant:
    try:
        variant = ProductVariant.objects.select_related("product").get(pk=int(variant_id), is_active=True)
    except (ProductVariant.DoesNotExist, TypeError, ValueError):
        raise ReturnError(_("Choose another size or colour of the same product.")) from None
    if line.variant_id is None or variant.product_id != line.variant.product_id or variant.pk == line.variant_id:
        raise ReturnError(_("Choose another size or colour of the same product."))
    if not variant.product.is_published or not ProductMarketPrice.objects.filter(
            product_id=variant.product_id, market_id=order.market_id, is_published=True).exists():
        raise ReturnError(_("%(sku)s is not for sale in your market.") % {"sku": variant.sku})
    return variant


# --- The request --------------------------------------------------------------------------------------------------

def _next_number(order: Order) -> str:
    taken = set(ReturnRequest.objects.filter(order=order).values_list("number", flat=True))
    n = 1
    while f"{order.number}-R{n}" in taken:
        n += 1
    return f"{order.number}-R{n}"


def request_return(order_id: int, lines: dict, *, reason: str, comment: str = "", photo=None, resolution: str = ReturnResolution.REFUND,
                   exchanges: dict | None = None, user=None) -> ReturnRequest:
    """The buyer asks to send back `lines` ({order_line_id: units}). Raises ReturnError (translated) when anything
    is not allowed; writes nothing then. Returns the new ReturnRequest (approved at once when the rules say so)."""
    if reason not in ReturnReason.values:
        raise ReturnError(_("Choose a reason from the list."))
    if resolution not in ReturnResolution.values:
        raise ReturnError(_("Choose a refund or an exchange."))
    comment = _clean_text(comment, MAX_COMMENT, _("comment"))
    photo = _check_photo(photo)
    wanted = {}
    for key, value in (lines or {}).items():
        units = _units(value)
        if units:
            try:
                wanted[int(key)] = units
            except (TypeError, ValueError):
                raise ReturnError(_("That item is not part of this order.")) from None
    if not wanted:
        raise ReturnError(_("Choose at least one item to return."))
    try:
        exchanges = {int(k): v for k, v in (exchanges or {}).items() if v not in (None, "")}
    except (TypeError, ValueError):
        raise ReturnError(_("That item is not part of this order.")) from None
    exchanges = {k: v for k, v in exchanges.items() if k in wanted}
    if resolution == ReturnResolution.EXCHANGE and set(exchanges) != set(wanted):
        raise ReturnError(_("Choose the size or colour you want instead for each item you exchange."))

    with transaction.atomic():
        order = Order.objects.select_for_update().select_related("market").get(pk=order_id)
        if order.status not in RETURNABLE_ORDER_STATUSES:
            raise ReturnError(_("This order cannot be returned (it is %(status)s).") % {"status": OrderStatus(order.status).label.lower()})
        returnable = {r.line.pk: r for r in returnable_lines(order)}
        for line_id, units in wanted.items():
            row = returnable.get(line_id)
            if row is None:
                raise ReturnError(_("That item is not part of this order."))
            if units > row.units:
                raise ReturnError(row.why_not or _("You can return at most %(n)s of %(name)s.")
                                  % {"n": row.units, "name": row.line.product_name})
        country = (order.shipping_address or {}).get("country", "")
        warehouse = return_warehouse(country)
        if warehouse is None:
            raise ReturnError(_("We cannot take returns from your country online; please contact us."))
        variants = {}
        if resolution == ReturnResolution.EXCHANGE:
            variants = {line_id: _exchange_variant(returnable[line_id].line, exchanges[line_id], order) for line_id in wanted}
        request = ReturnRequest.objects.create(
            order=order, number=_next_number(order), resolution=resolution, reason=reason, comment=comment, warehouse=warehouse)
        if photo is not None:
            request.photo.save(f"{request.number}-{photo.name.rsplit('/', 1)[-1][-60:]}", photo, save=True)
        ReturnLine.objects.bulk_create([
            ReturnLine(return_request=request, order_line_id=line_id, quantity=units,
                       exchange_variant=variants[line_id] if line_id in variants else None)
            for line_id, units in wanted.items()
        ])
        if variants:
            hold = {}
            for line_id, variant in variants.items():
                hold[variant.pk] = hold.get(variant.pk, 0) + wanted[line_id]
            try:
                reserve_stock(exchange_reference(request), hold, _serving_warehouse_ids(country), exchange_hold())
            except InsufficientStock:
                raise ReturnError(_("The size or colour you chose is out of stock; choose another or ask for a refund.")) from None
        ReturnEvent.objects.create(return_request=request, from_status="", to_status=ReturnStatus.REQUESTED,
                                   user=user if user is not None and getattr(user, "is_authenticated", False) else None)
        policy = policy_for(order)
        if reason in (policy.auto_approve_reasons or []):
            request, _moved = move_return(request.pk, ReturnStatus.APPROVED, message="approved by rule")
    _queue_email(request.pk, ReturnStatus.REQUESTED)
    if request.status == ReturnStatus.APPROVED:
        _queue_email(request.pk, ReturnStatus.APPROVED)
    return request


def exchange_reference(request: ReturnRequest) -> str:
    return f"return:{request.pk}"


# --- Staff steps --------------------------------------------------------------------------------------------------

def approve_return(return_id: int, note: str = "", user=None) -> ReturnRequest:
    note = _clean_text(note, 300, _("note"))
    with transaction.atomic():
        request, moved = move_return(return_id, ReturnStatus.APPROVED, user=user, message=note or "approved",
                                     only_from=[ReturnStatus.REQUESTED, ReturnStatus.APPROVED])
        if moved and note:
            ReturnRequest.objects.filter(pk=return_id).update(staff_note=note)
            request.staff_note = note
    if moved:
        _queue_email(return_id, ReturnStatus.APPROVED)
    return request


def refuse_return(return_id: int, note: str, user=None) -> ReturnRequest:
    """Refuse with a note the buyer reads (required). An exchange's held unit goes back on sale."""
    note = _clean_text(note, 300, _("note"))
    if not note:
        raise ReturnError(_("Say why the return is refused; the buyer reads it."))
    with transaction.atomic():
        request, moved = move_return(return_id, ReturnStatus.REFUSED, user=user, message=note,
                                     only_from=[ReturnStatus.REQUESTED, ReturnStatus.REFUSED])
        if moved:
            ReturnRequest.objects.filter(pk=return_id).update(staff_note=note)
            request.staff_note = note
            release_reservations(exchange_reference(request))
    if moved:
        _queue_email(return_id, ReturnStatus.REFUSED)
    return request


def mark_in_transit(return_id: int, tracking_number: str = "", user=None) -> ReturnRequest:
    """The buyer (or staff for them) says the parcel is on its way back, optionally with the carrier's number."""
    tracking_number = _clean_text(tracking_number, 100, _("tracking number"))
    message = f"tracking {tracking_number}" if tracking_number else "sent by the buyer"
    request, _moved = move_return(return_id, ReturnStatus.IN_TRANSIT, user=user, message=message,
                                  only_from=[ReturnStatus.APPROVED, ReturnStatus.IN_TRANSIT])
    return request


def _queue_email(return_id: int, step: str) -> None:
    from shop.services.returns.emails import queue_return_email

    queue_return_email(return_id, step)
